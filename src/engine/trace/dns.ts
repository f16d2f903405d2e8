// Name resolution as a request's source sees it. Pods use cluster DNS with the
// search path <ns>.svc.cluster.local, svc.cluster.local, cluster.local
// (dnsPolicy ClusterFirst, ndots:5); the outside world and a node's own
// resolver do not know cluster names. Sources: Kubernetes docs "DNS for
// Services and Pods" (A records, headless Services, ExternalName CNAMEs).
import type { Service } from '../api/types.ts';
import { ingressAddress } from '../ingress/entry.ts';
import { hostMatches } from '../ingress/match.ts';
import { type Message, message } from '../messages.ts';
import { serviceNamed, slicesOf } from '../model/lookup.ts';
import type { Model } from '../model/types.ts';
import type { Source } from './request.ts';
import { isIPv4 } from './request.ts';

export type Resolution =
  | { ok: true; ip: string; detail: Message | null; service: Service | null }
  | { ok: false; reason: Message };

function clusterLookup(model: Model, fqdn: string): Service | undefined {
  const suffix = `.svc.${model.cluster.clusterDomain}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const [name, ns, ...rest] = fqdn.slice(0, -suffix.length).split('.');
  if (rest.length > 0 || name === undefined || ns === undefined) return undefined;
  return serviceNamed(model, ns, name);
}

export function resolveHost(
  model: Model,
  source: Source,
  host: string,
  overrides: Map<string, string>,
  pick: (n: number) => number,
  depth = 0,
): Resolution {
  if (isIPv4(host)) return { ok: true, ip: host, detail: null, service: null };
  const forced = overrides.get(host);
  if (forced)
    return {
      ok: true,
      ip: forced,
      detail: message('dns.forced', { host, ip: forced }),
      service: null,
    };
  // kubelet's managed /etc/hosts (pkg/kubelet/kubelet_pods.go
  // managedHostsFileContent: "127.0.0.1\tlocalhost") and a node's own map
  // localhost before any DNS query.
  if (host === 'localhost' && source.kind !== 'external')
    return {
      ok: true,
      ip: '127.0.0.1',
      detail: message('dns.hosts-file', { host, ip: '127.0.0.1' }),
      service: null,
    };
  if (source.kind === 'pod' && !source.pod.spec.hostNetwork) {
    const found = clusterDNS(model, source.pod.metadata.namespace, host, overrides, pick, depth);
    if (found) return found;
    return viaIngress(model, host) ?? { ok: false, reason: message('dns.pod-not-found', { host }) };
  }
  const ingress = viaIngress(model, host);
  if (ingress) return ingress;
  const domain = model.cluster.clusterDomain;
  const clusterName =
    host.endsWith(`.svc.${domain}`) ||
    model.services.some(
      (s) =>
        host === s.metadata.name || host.startsWith(`${s.metadata.name}.${s.metadata.namespace}`),
    );
  if (clusterName)
    return {
      ok: false,
      reason: message('dns.cluster-name-outside', {
        host,
        clusterDNS: model.cluster.clusterDNS,
        from: source.kind === 'node' ? 'node' : 'external',
      }),
    };
  return { ok: false, reason: message('dns.not-found', { host }) };
}

/** A Pod's lookup through cluster DNS and its search path; null when no Service has the name. */
function clusterDNS(
  model: Model,
  namespace: string,
  host: string,
  overrides: Map<string, string>,
  pick: (n: number) => number,
  depth: number,
): Resolution | null {
  const domain = model.cluster.clusterDomain;
  const dots = host.split('.').length - 1;
  const searched = [
    `${host}.${namespace}.svc.${domain}`,
    `${host}.svc.${domain}`,
    `${host}.${domain}`,
  ];
  const candidates = host.endsWith('.')
    ? [host.slice(0, -1)]
    : dots >= 5
      ? [host, ...searched]
      : [...searched, host];
  for (const fqdn of candidates) {
    const answer = zoneAnswer(model, fqdn, host, overrides, pick, depth);
    if (answer) return answer;
  }
  return null;
}

/**
 * What cluster DNS answers for an absolute name in its zone (CoreDNS's
 * kubernetes plugin, kubernetes.go findServices); null when the zone has no
 * such name (NXDOMAIN). `host` is the name the client asked for.
 */
function zoneAnswer(
  model: Model,
  fqdn: string,
  host: string,
  overrides: Map<string, string>,
  pick: (n: number) => number,
  depth: number,
): Resolution | null {
  const service = clusterLookup(model, fqdn);
  if (!service) return null;
  if (service.type === 'ExternalName')
    return cname(model, host, fqdn, service, overrides, pick, depth);
  if (service.clusterIP === 'None') {
    const ips = slicesOf(model, service).flatMap((s) =>
      s.endpoints.filter((e) => e.ready).flatMap((e) => e.addresses),
    );
    if (ips.length === 0) return { ok: false, reason: message('dns.headless-empty', { fqdn }) };
    const ip = ips[pick(ips.length)] as string;
    return {
      ok: true,
      ip,
      detail: message('dns.headless', { host, ip, fqdn, count: ips.length }),
      service,
    };
  }
  return {
    ok: true,
    ip: service.clusterIP,
    detail: message('dns.cluster-ip', { host, ip: service.clusterIP, fqdn }),
    service,
  };
}

/**
 * An ExternalName Service: cluster DNS answers with a CNAME. CoreDNS
 * (plugin/backend_lookup.go A) follows a target inside its own zone itself,
 * answering the target's records in the same response; a target outside the
 * zone is resolved as outside names are.
 */
function cname(
  model: Model,
  host: string,
  fqdn: string,
  service: Service,
  overrides: Map<string, string>,
  pick: (n: number) => number,
  depth: number,
): Resolution {
  if (depth > 4) return { ok: false, reason: message('dns.cname-loop', { host }) };
  const externalName = service.externalName;
  const target = externalName.replace(/\.$/, '');
  const domain = model.cluster.clusterDomain;
  if (target === domain || target.endsWith(`.${domain}`)) {
    const inner = zoneAnswer(model, target, target, overrides, pick, depth + 1) ?? {
      ok: false as const,
      reason: message('dns.zone-no-record', { fqdn: target }),
    };
    if (!inner.ok)
      return {
        ok: false,
        reason: message('dns.cname-failed', { fqdn, externalName, inner: inner.reason }),
      };
    const to = inner.service;
    return {
      ok: true,
      ip: inner.ip,
      detail: message('dns.cname-in-zone', {
        host,
        externalName,
        ip: inner.ip,
        service: to ? `${to.metadata.namespace}/${to.metadata.name}` : target,
      }),
      service: to,
    };
  }
  const inner = resolveHost(
    model,
    { kind: 'external', ip: '', label: 'external' },
    target,
    overrides,
    pick,
    depth + 1,
  );
  if (!inner.ok)
    return {
      ok: false,
      reason: message('dns.cname-failed', { fqdn, externalName, inner: inner.reason }),
    };
  return {
    ok: true,
    ip: inner.ip,
    detail: message('dns.cname', { host, externalName, ip: inner.ip }),
    service: null,
  };
}

/**
 * An outside name that some Ingress rule or TLS entry names resolves to the
 * ingress controller's external address, as a DNS record pointing at the
 * controller would (docs/cli.md).
 */
function viaIngress(model: Model, host: string): Resolution | null {
  const named = model.ingresses.some(
    (ing) =>
      ing.rules.some((r) => r.host && hostMatches(r.host, host)) ||
      ing.tls.some((t) => t.hosts.some((h) => hostMatches(h, host))),
  );
  if (!named) return null;
  const address = ingressAddress(model);
  if (!address.ok)
    return { ok: false, reason: message('dns.ingress-no-address', { host, why: address.why }) };
  return {
    ok: true,
    ip: address.ip,
    detail: message(address.via === 'load-balancer' ? 'dns.ingress-lb' : 'dns.ingress-nodeport', {
      host,
      ip: address.ip,
    }),
    service: null,
  };
}
