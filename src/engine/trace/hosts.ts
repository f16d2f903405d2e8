// The /etc/hosts a request's source reads before any DNS query. kubelet
// writes a Pod's (pkg/kubelet/kubelet_pods.go managedHostsFileContent):
// localhost, the Pod's own hostname (with its FQDN first when it has a
// subdomain) at each Pod IP, then the Pod's hostAliases. A hostNetwork Pod
// gets its node's file with the hostAliases appended (nodeHostsFileContent);
// a node's own file is not in the scenario and is taken to map localhost only.
import type { Pod } from '../api/types.ts';
import type { Model } from '../model/types.ts';
import type { Source } from './request.ts';

export interface HostsLine {
  ip: string;
  names: string[];
  /** Which part of the file wrote the line. */
  from: 'localhost' | 'own' | 'alias';
}

const localhost: HostsLine = { ip: '127.0.0.1', names: ['localhost'], from: 'localhost' };

/**
 * kubelet's GeneratePodHostNameAndDomain: the Pod's name unless spec.hostname
 * is set, cut to 63 characters without a trailing "-" or "."
 * (truncatePodHostnameIfNeeded); the domain <subdomain>.<ns>.svc.<domain>.
 */
export function podHostName(model: Model, pod: Pod): { hostname: string; domain: string } {
  const hostname = (pod.spec.hostname || pod.metadata.name).slice(0, 63).replace(/[-.]+$/, '');
  const domain = pod.spec.subdomain
    ? `${pod.spec.subdomain}.${pod.metadata.namespace}.svc.${model.cluster.clusterDomain}`
    : '';
  return { hostname, domain };
}

export function hostsFile(model: Model, source: Source): HostsLine[] {
  if (source.kind === 'external') return [];
  if (source.kind === 'node') return [localhost];
  const pod = source.pod;
  const aliases = (pod.spec.hostAliases ?? []).flatMap((a) =>
    a.hostnames.map((name): HostsLine => ({ ip: a.ip, names: [name], from: 'alias' })),
  );
  if (pod.spec.hostNetwork) return [localhost, ...aliases];
  const { hostname, domain } = podHostName(model, pod);
  const own: HostsLine[] = pod.podIP
    ? [
        {
          ip: pod.podIP,
          names: domain ? [`${hostname}.${domain}`, hostname] : [hostname],
          from: 'own',
        },
      ]
    : [];
  return [localhost, ...own, ...aliases];
}

/** glibc's files backend: the first line naming the host, compared without case. */
export function hostsLookup(lines: HostsLine[], host: string): HostsLine | undefined {
  const wanted = host.toLowerCase();
  return lines.find((line) => line.names.some((n) => n.toLowerCase() === wanted));
}
