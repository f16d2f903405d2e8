// Name resolution as a request's source sees it. A Pod resolves as the
// resolv.conf kubelet wrote for it directs (resolv.ts: by default cluster DNS
// with the search path <ns>.svc.cluster.local, svc.cluster.local,
// cluster.local and ndots:5); the outside world and a node's own resolver do
// not know cluster names. Sources: Kubernetes docs "DNS for
// Services and Pods" (A records, headless Services, ExternalName CNAMEs).
import type { Service } from '../api/types.ts';
import { gatewayServing, unattachedRouteNaming } from '../gateway/serving.ts';
import { ingressAddress } from '../ingress/entry.ts';
import { hostMatches } from '../ingress/match.ts';
import { type Message, message } from '../messages.ts';
import { serviceNamed, slicesOf } from '../model/lookup.ts';
import type { Model, RunningPod } from '../model/types.ts';
import { hostsFile, hostsLookup } from './hosts.ts';
import { dnsQueryDropped } from './netpol.ts';
import type { Source } from './request.ts';
import { isIPv4 } from './request.ts';
import { podResolvConf, searchOrder } from './resolv.ts';

export type Resolution =
  | { ok: true; ip: string; detail: Message | null; service: Service | null }
  /** `timeout`: the query got no answer at all (a policy dropped it), not a negative one. */
  | { ok: false; reason: Message; timeout?: true };

/**
 * The Service a name in the cluster zone asks about, and the endpoint label in
 * front of it when there is one (CoreDNS parse.go parseRequest:
 * "service.namespace.svc.zone" or "endpoint.service.namespace.svc.zone").
 */
function clusterLookup(
  model: Model,
  fqdn: string,
): { service: Service; endpoint: string | null } | undefined {
  const suffix = `.svc.${model.cluster.clusterDomain}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const labels = fqdn.slice(0, -suffix.length).split('.');
  if (labels.length > 3) return undefined;
  const [ns, name, endpoint] = labels.reverse();
  if (name === undefined || ns === undefined) return undefined;
  const service = serviceNamed(model, ns, name);
  return service ? { service, endpoint: endpoint ?? null } : undefined;
}

/**
 * kubernetes.go endpointHostname: the endpoint's hostname when the
 * EndpointSlice controller set one, else its address with dashes.
 */
const endpointHostname = (hostname: string, ip: string) => hostname || ip.replaceAll('.', '-');

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
  // /etc/hosts before any DNS query (hosts.ts), as "hosts: files dns" orders them.
  const line = hostsLookup(hostsFile(model, source), host);
  if (line) {
    const id =
      line.from === 'own'
        ? 'dns.hosts-own'
        : line.from === 'alias'
          ? 'dns.hosts-alias'
          : 'dns.hosts-file';
    return { ok: true, ip: line.ip, detail: message(id, { host, ip: line.ip }), service: null };
  }
  if (source.kind === 'pod') return podLookup(model, source.pod, host, overrides, pick, depth);
  const ingress = viaIngress(model, host);
  if (ingress) return ingress;
  if (clusterName(model, host))
    return {
      ok: false,
      reason: message('dns.cluster-name-outside', {
        host,
        clusterDNS: model.cluster.clusterDNS,
        from: source.kind === 'node' ? 'node' : 'external',
      }),
    };
  const route = unattachedRouteNaming(model, host);
  if (route)
    return {
      ok: false,
      reason: message('dns.route-not-attached', {
        host,
        route: { namespace: route.namespace, name: route.name },
        why: route.why,
      }),
    };
  return { ok: false, reason: message('dns.not-found', { host }) };
}

/** Whether a name looks meant for cluster DNS: under the Services' domain, or a Service's own name. */
function clusterName(model: Model, host: string): boolean {
  const domain = model.cluster.clusterDomain;
  return (
    host.endsWith(`.svc.${domain}`) ||
    model.services.some(
      (s) =>
        host === s.metadata.name || host.startsWith(`${s.metadata.name}.${s.metadata.namespace}`),
    )
  );
}

const inZone = (model: Model, fqdn: string) => {
  const domain = model.cluster.clusterDomain;
  return fqdn === domain || fqdn.endsWith(`.${domain}`);
};

/**
 * A Pod's lookup as its resolv.conf directs it. glibc asks the first
 * nameserver and turns to the next only when one does not answer (an
 * NXDOMAIN is an answer), so the first decides: cluster DNS, the node's
 * resolver, or a server the scenario does not contain.
 */
function podLookup(
  model: Model,
  pod: RunningPod,
  host: string,
  overrides: Map<string, string>,
  pick: (n: number) => number,
  depth: number,
): Resolution {
  const conf = podResolvConf(model, pod);
  const first = conf.nameservers[0];
  if (first?.kind === 'node') {
    const ingress = viaIngress(model, host);
    if (ingress) return ingress;
    if (clusterName(model, host) && conf.hostBecause)
      return {
        ok: false,
        reason: message('dns.node-resolver', {
          host,
          because: conf.hostBecause,
          clusterDNS: model.cluster.clusterDNS,
        }),
      };
    return { ok: false, reason: message('dns.not-found', { host }) };
  }
  if (!first || first.ip !== model.cluster.clusterDNS)
    return {
      ok: false,
      reason: message('dns.nameserver-not-simulated', { host, nameserver: first?.ip ?? '' }),
    };
  // The query is a UDP packet to the cluster DNS Service, and the Pod's egress policy judges it.
  const policies = dnsQueryDropped(model, pod);
  if (policies)
    return {
      ok: false,
      timeout: true,
      reason: message('netpol.dns-dropped', {
        pod: pod.metadata.name,
        namespace: pod.metadata.namespace,
        policies,
        clusterDNS: model.cluster.clusterDNS,
      }),
    };
  // Cluster DNS answers names in its zone and forwards the rest upstream
  // (CoreDNS's forward plugin, to the node's resolver).
  for (const fqdn of searchOrder(host, conf)) {
    const answer = inZone(model, fqdn)
      ? zoneAnswer(model, fqdn, host, overrides, pick, depth)
      : viaIngress(model, fqdn);
    if (answer) return answer;
  }
  return { ok: false, reason: message('dns.pod-not-found', { host }) };
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
  const found = clusterLookup(model, fqdn);
  if (!found) return null;
  const { service, endpoint } = found;
  if (endpoint !== null) return endpointAnswer(model, service, endpoint, fqdn, host, pick);
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
 * An endpoint's own name under its Service (kubernetes.go findServices: an
 * endpoint query matches the ready addresses whose endpointHostname is the
 * label; an ExternalName Service has no endpoints). The StatefulSet Pod
 * "web-0.web.default.svc.cluster.local" is one; null when none matches.
 */
function endpointAnswer(
  model: Model,
  service: Service,
  endpoint: string,
  fqdn: string,
  host: string,
  pick: (n: number) => number,
): Resolution | null {
  if (service.type === 'ExternalName') return null;
  const ips = slicesOf(model, service).flatMap((s) =>
    s.endpoints
      .filter((e) => e.ready)
      .flatMap((e) => e.addresses.filter((ip) => endpointHostname(e.hostname, ip) === endpoint)),
  );
  if (ips.length === 0) return null;
  const ip = ips[pick(ips.length)] as string;
  const ref = `${service.metadata.namespace}/${service.metadata.name}`;
  return {
    ok: true,
    ip,
    detail: message('dns.endpoint', { host, ip, fqdn, service: ref, endpoint }),
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
  if (inZone(model, target)) {
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
  // An Ingress host without a controller's address still resolves when a Gateway serves it.
  const ingress = viaIngressRule(model, host);
  if (ingress?.ok) return ingress;
  return viaGateway(model, host) ?? ingress;
}

/**
 * An outside name that a Gateway serves (a listener's hostname, or a hostname
 * of a route attached to it) resolves to the Gateway's address, as a DNS
 * record pointing at it would (docs/cli.md); the first Gateway in the
 * manifests' order that serves it.
 */
function viaGateway(model: Model, host: string): Resolution | null {
  const gateway = gatewayServing(model, host);
  if (!gateway) return null;
  const ref = {
    namespace: gateway.gateway.metadata.namespace,
    name: gateway.gateway.metadata.name,
  };
  const ip = gateway.addresses[0];
  if (!ip) return { ok: false, reason: message('dns.gateway-no-address', { host, gateway: ref }) };
  return {
    ok: true,
    ip,
    detail: message('dns.gateway', { host, ip, gateway: ref }),
    service: null,
  };
}

function viaIngressRule(model: Model, host: string): Resolution | null {
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
