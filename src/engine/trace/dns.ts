// Name resolution as a request's source sees it. Pods use cluster DNS with the
// search path <ns>.svc.cluster.local, svc.cluster.local, cluster.local
// (dnsPolicy ClusterFirst, ndots:5); the outside world and a node's own
// resolver do not know cluster names. Sources: Kubernetes docs "DNS for
// Services and Pods" (A records, headless Services, ExternalName CNAMEs).
import type { Service } from '../api/types.ts';
import { controllerNamespace, controllerService } from '../ingress/controller.ts';
import type { Model } from '../model/types.ts';
import type { Source } from './request.ts';
import { isIPv4 } from './request.ts';

export type Resolution =
  | { ok: true; ip: string; detail: string; service: Service | null }
  | { ok: false; reason: string };

function clusterLookup(model: Model, fqdn: string): Service | undefined {
  const suffix = `.svc.${model.cluster.clusterDomain}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const [name, ns, ...rest] = fqdn.slice(0, -suffix.length).split('.');
  if (rest.length > 0) return undefined;
  return model.services.find((s) => s.metadata.name === name && s.metadata.namespace === ns);
}

export function resolveHost(
  model: Model,
  source: Source,
  host: string,
  overrides: Map<string, string>,
  pick: (n: number) => number,
  depth = 0,
): Resolution {
  if (isIPv4(host)) return { ok: true, ip: host, detail: '', service: null };
  const forced = overrides.get(host);
  if (forced)
    return { ok: true, ip: forced, detail: `${host} -> ${forced} (--resolve)`, service: null };
  const domain = model.cluster.clusterDomain;

  if (source.kind === 'pod' && !source.pod.spec.hostNetwork) {
    const ns = source.pod.metadata.namespace;
    const dots = host.split('.').length - 1;
    const searched = [`${host}.${ns}.svc.${domain}`, `${host}.svc.${domain}`, `${host}.${domain}`];
    const candidates = host.endsWith('.')
      ? [host.slice(0, -1)]
      : dots >= 5
        ? [host, ...searched]
        : [...searched, host];
    for (const fqdn of candidates) {
      const service = clusterLookup(model, fqdn);
      if (!service) continue;
      if (service.type === 'ExternalName') {
        if (depth > 4)
          return { ok: false, reason: `${host} is a chain of CNAMEs that does not end` };
        const inner = resolveHost(
          model,
          { kind: 'external', ip: '', label: 'external' },
          service.externalName.replace(/\.$/, ''),
          overrides,
          pick,
          depth + 1,
        );
        if (!inner.ok)
          return {
            ok: false,
            reason: `${fqdn} is a CNAME for ${service.externalName} (ExternalName Service), and ${inner.reason}`,
          };
        return {
          ok: true,
          ip: inner.ip,
          detail: `${host} -> CNAME ${service.externalName} -> ${inner.ip}`,
          service: null,
        };
      }
      if (service.clusterIP === 'None') {
        const ips = model.endpointSlices
          .filter(
            (s) =>
              s.serviceName === service.metadata.name &&
              s.metadata.namespace === service.metadata.namespace,
          )
          .flatMap((s) => s.endpoints.filter((e) => e.ready).flatMap((e) => e.addresses));
        if (ips.length === 0)
          return {
            ok: false,
            reason: `${fqdn} is a headless Service with no ready endpoints, so cluster DNS has no address for it`,
          };
        const ip = ips[pick(ips.length)] as string;
        return {
          ok: true,
          ip,
          detail: `${host} -> ${ip} (headless Service ${fqdn}: one of ${ips.length} Pod address${ips.length === 1 ? '' : 'es'})`,
          service,
        };
      }
      return {
        ok: true,
        ip: service.clusterIP,
        detail: `${host} -> ${service.clusterIP} (${fqdn})`,
        service,
      };
    }
    const viaIngress = ingressAddress(model, host);
    if (viaIngress) return viaIngress;
    return {
      ok: false,
      reason: `${host} does not resolve: no Service has that name in cluster DNS, and no other DNS record for it exists here (use --resolve ${host}:IP to give it one)`,
    };
  }
  const viaIngress = ingressAddress(model, host);
  if (viaIngress) return viaIngress;
  const clusterName =
    host.endsWith(`.svc.${domain}`) ||
    model.services.some(
      (s) =>
        host === s.metadata.name || host.startsWith(`${s.metadata.name}.${s.metadata.namespace}`),
    );
  if (clusterName)
    return {
      ok: false,
      reason: `${host} is a cluster DNS name, which only Pods can resolve (cluster DNS at ${model.cluster.clusterDNS}); ${source.kind === 'node' ? 'a node' : 'a client outside the cluster'} cannot`,
    };
  return {
    ok: false,
    reason: `${host} does not resolve: there is no DNS record for it (use --resolve ${host}:IP to give it one)`,
  };
}

function hostNamed(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (!pattern.startsWith('*.')) return false;
  const suffix = pattern.slice(1);
  return host.endsWith(suffix) && /^[\w-]+$/.test(host.slice(0, -suffix.length));
}

/**
 * An outside name that some Ingress rule or TLS entry names resolves to the
 * ingress controller's external address, as a DNS record pointing at the
 * controller would (docs/cli.md).
 */
function ingressAddress(model: Model, host: string): Resolution | null {
  const named = model.ingresses.some(
    (ing) =>
      ing.rules.some((r) => r.host && hostNamed(r.host, host)) ||
      ing.tls.some((t) => t.hosts.some((h) => hostNamed(h, host))),
  );
  if (!named) return null;
  const service = model.services.find(
    (s) => s.metadata.namespace === controllerNamespace && s.metadata.name === controllerService,
  );
  const lb = service?.loadBalancerIngress[0];
  if (lb)
    return {
      ok: true,
      ip: lb,
      detail: `${host} -> ${lb} (the DNS record for the Ingress host points at the ingress controller's load balancer)`,
      service: null,
    };
  const node = model.nodes.find((n) => n.ready);
  if (service?.type === 'NodePort' && node)
    return {
      ok: true,
      ip: node.internalIP,
      detail: `${host} -> ${node.internalIP} (the ingress controller is exposed by NodePort; the record points at a node)`,
      service: null,
    };
  return {
    ok: false,
    reason: `an Ingress names ${host}, but the ingress controller has no external address to point its DNS record at (${service ? 'its load balancer is <pending>' : model.cluster.ingressController === 'none' ? 'no ingress controller is installed' : 'the controller has no Service exposing it'})`,
  };
}
