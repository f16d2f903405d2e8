// Follows one request through the cluster: DNS, the cloud load balancer, the
// node it enters, that node's own kube-proxy rules chain by chain, SNAT, the
// Pod network, and the container that should accept it. Each failure ends the
// way it really does: timeouts where packets are dropped or unrouted, refusals
// where something answers with a reset or kube-proxy's REJECT.
import type { Service, ServicePort } from '../api/types.ts';
import type { ClusterNode } from '../cluster.ts';
import { addressInCidr } from '../cluster.ts';
import type { Context, Packet } from '../kubeproxy/match.ts';
import { kubeProxyRules, type NodeRules } from '../kubeproxy/rules.ts';
import type { Model, RunningPod } from '../model/types.ts';
import { resolveHost } from './dns.ts';
import { isControllerPod, throughController } from './ingress.ts';
import { Netfilter } from './netfilter.ts';
import { addresses, dnatTo } from './packet.ts';
import { parseTarget, resolveSource, type Source, type Target } from './request.ts';
import type {
  Destination,
  Hop,
  Outcome,
  TraceIngress,
  TraceResult,
  TraceService,
} from './types.ts';

export interface TraceRequest {
  from: string;
  to: string;
  method?: string;
  resolve?: Map<string, string>;
  /** Request headers, as "Name: value"; a Host header sets the HTTP host, as with curl. */
  headers?: string[];
}

/** State shared by the requests of one run: the seeded draws and conntrack-like memories. */
export interface TraceSession {
  random: () => number;
  recent: Map<string, Set<string>>;
  rules: Map<string, NodeRules>;
  /** ingress-nginx's round-robin position per upstream. */
  roundRobin: Map<string, number>;
}

interface Ending {
  outcome: Outcome;
  reason: string;
  destination?: Destination;
  /** An HTTP status other than the app's 200 (a redirect, 404, 502, 503). */
  status?: number | null;
  service?: TraceService;
  ingress?: TraceIngress | null;
}

export function traceRequest(
  model: Model,
  request: TraceRequest,
  session: TraceSession,
): TraceResult {
  const hops: Hop[] = [];
  const requestEcho = { from: request.from, to: request.to, method: request.method ?? 'GET' };
  const pick = (n: number) => Math.min(n - 1, Math.floor(session.random() * n));
  // Keys in the order docs/cli.md shows them.
  const finish = (
    ending: Ending,
    service: TraceService | null,
    target: Target | null,
  ): TraceResult => ({
    schema: 'routelab.dev/trace/v1',
    request: requestEcho,
    outcome: ending.outcome,
    status:
      ending.status !== undefined
        ? ending.status
        : ending.outcome === 'delivered' && target && target.scheme !== 'tcp'
          ? 200
          : null,
    reason: ending.reason,
    destination: ending.destination ?? null,
    service: ending.service ?? service,
    ingress: ending.ingress ?? null,
    hops,
    diagnostics: model.diagnostics,
  });

  if (model.diagnostics.some((d) => d.severity === 'error'))
    return finish(
      {
        outcome: 'invalid',
        reason: 'the manifests cannot all be applied; the diagnostics say why',
      },
      null,
      null,
    );
  const parsed = parseTarget(request.to);
  if (typeof parsed === 'string') return finish({ outcome: 'invalid', reason: parsed }, null, null);
  const hostHeader = (request.headers ?? [])
    .map((h) => /^host:\s*(.+)$/i.exec(h.trim())?.[1])
    .find(Boolean);
  // DNS and the connection use the URL's host; the Host header is what HTTP servers route on.
  const target = parsed;
  const httpHost = hostHeader ? hostHeader.toLowerCase().replace(/:\d+$/, '') : parsed.host;
  const source = resolveSource(model, request.from, pick);
  if (typeof source === 'string')
    return finish({ outcome: 'invalid', reason: source }, null, target);

  const dns = resolveHost(model, source, target.host, request.resolve ?? new Map(), pick);
  const at =
    source.kind === 'pod'
      ? source.pod.metadata.name
      : source.kind === 'node'
        ? source.node.name
        : 'client';
  if (!dns.ok) {
    hops.push({ kind: 'dns', at, detail: `${target.host}: ${dns.reason}`, packet: null });
    return finish({ outcome: 'dns-error', reason: dns.reason }, null, target);
  }
  const packet: Packet = { src: source.ip, dst: dns.ip, dport: target.port, protocol: 'tcp' };
  if (dns.detail) hops.push({ kind: 'dns', at, detail: dns.detail, packet: addresses(packet) });

  const tracker = { service: null as TraceService | null };
  const ending = walk(model, session, source, target, httpHost, packet, hops, tracker);
  return finish(ending, tracker.service, target);
}

function rulesFor(model: Model, session: TraceSession, node: ClusterNode): NodeRules {
  let rules = session.rules.get(node.name);
  if (!rules) {
    rules = kubeProxyRules(model, node);
    session.rules.set(node.name, rules);
  }
  return rules;
}

/** The node that owns an address, and whether it is the node itself or a Pod on it. */
function ownerOf(model: Model, ip: string): { node: ClusterNode; pod?: RunningPod } | null {
  for (const node of model.nodes) if (node.internalIP === ip) return { node };
  const pod = model.pods.find((p) => p.podIP === ip && !p.spec.hostNetwork);
  if (pod) {
    const node = model.nodes.find((n) => n.name === pod.nodeName);
    return node ? { node, pod } : null;
  }
  return null;
}

function loadBalancerFor(
  model: Model,
  ip: string,
  port: number,
): { service: Service; port: ServicePort } | null {
  for (const service of model.services)
    if (service.type === 'LoadBalancer' && service.loadBalancerIngress.includes(ip)) {
      const sp = service.ports.find((p) => p.port === port && p.protocol === 'TCP');
      if (sp) return { service, port: sp };
    }
  return null;
}

function walk(
  model: Model,
  session: TraceSession,
  source: Source,
  target: Target,
  httpHost: string,
  packet: Packet,
  hops: Hop[],
  tracker: { service: TraceService | null },
): Ending {
  let entry: ClusterNode;
  let hook: 'PREROUTING' | 'OUTPUT' = 'PREROUTING';
  const serviceNamed = (service: Service, port: ServicePort) => {
    tracker.service = {
      name: service.metadata.name,
      namespace: service.metadata.namespace,
      type: service.type,
      port: port.port,
      targetPort: port.targetPort,
    };
  };

  if (source.kind === 'external') {
    const lb = loadBalancerFor(model, packet.dst, packet.dport);
    if (lb) {
      serviceNamed(lb.service, lb.port);
      const local = lb.service.externalTrafficPolicy === 'Local';
      const healthy = model.nodes.filter(
        (n) =>
          n.ready &&
          n.kubeProxy === 'Running' &&
          (!local ||
            model.endpointSlices.some(
              (s) =>
                s.serviceName === lb.service.metadata.name &&
                s.metadata.namespace === lb.service.metadata.namespace &&
                s.endpoints.some((e) => e.ready && e.nodeName === n.name),
            )),
      );
      if (lb.port.nodePort === 0 || healthy.length === 0) {
        hops.push({
          kind: 'load-balancer',
          at: 'cloud',
          detail: `load balancer ${packet.dst}:${packet.dport} has no healthy node to send to`,
          packet: addresses(packet),
        });
        return {
          outcome: 'timeout',
          reason:
            lb.port.nodePort === 0
              ? `the load balancer for Service ${lb.service.metadata.name} has no NodePort to forward to`
              : `the load balancer for Service ${lb.service.metadata.name} finds no healthy node (${local ? 'externalTrafficPolicy is Local and no node runs a ready Pod of it' : 'no node is ready with kube-proxy running'}), so it drops the connection`,
        };
      }
      const node = healthy[
        Math.min(healthy.length - 1, Math.floor(session.random() * healthy.length))
      ] as ClusterNode;
      packet.dst = node.internalIP;
      packet.dport = lb.port.nodePort;
      hops.push({
        kind: 'load-balancer',
        at: 'cloud',
        detail: `the cloud load balancer for Service ${lb.service.metadata.namespace}/${lb.service.metadata.name} forwards to ${node.name}'s NodePort ${lb.port.nodePort}, keeping the client's address (${local ? 'only nodes with a ready local Pod pass its health check' : 'any node with kube-proxy running passes its health check'})`,
        packet: addresses(packet),
      });
      entry = node;
    } else {
      const owner = ownerOf(model, packet.dst);
      if (!owner || owner.pod) {
        const what = model.services.some((s) => s.clusterIP === packet.dst)
          ? `${packet.dst} is a ClusterIP: no machine has that address and only the nodes' own rules know it, so the internet has no route to it`
          : owner?.pod
            ? `${packet.dst} is a Pod address, which is only routed inside the cluster network`
            : model.services.some(
                  (s) => s.type === 'LoadBalancer' && s.loadBalancerIngress.includes(packet.dst),
                )
              ? `the load balancer at ${packet.dst} does not listen on port ${packet.dport}`
              : `nothing at ${packet.dst} belongs to this cluster`;
        hops.push({ kind: 'node', at: 'client', detail: what, packet: addresses(packet) });
        return {
          outcome: 'timeout',
          reason: `${what}; the packets are dropped and the client waits until it times out`,
        };
      }
      entry = owner.node;
    }
  } else {
    entry = source.node;
    hook = source.kind === 'node' ? 'OUTPUT' : 'PREROUTING';
  }

  hops.push({
    kind: 'node',
    at: entry.name,
    detail:
      source.kind === 'external'
        ? `arrives at ${entry.name} (${entry.internalIP}); kube-proxy is ${entry.kubeProxy === 'Running' ? 'running' : 'stopped, so the node has no Service rules'}`
        : source.kind === 'pod'
          ? `leaves Pod ${source.pod.metadata.name} into ${entry.name}'s network stack; kube-proxy is ${entry.kubeProxy === 'Running' ? 'running' : 'stopped, so the node has no Service rules'}`
          : `sent by ${entry.name} itself; kube-proxy is ${entry.kubeProxy === 'Running' ? 'running' : 'stopped, so the node has no Service rules'}`,
    packet: addresses(packet),
  });

  const rules = rulesFor(model, session, entry);
  const nf = new Netfilter(rules, hops);
  const gateway = addressInCidr(entry.podCIDR, 1);
  const ctx: Context = {
    localAddresses: new Set([entry.internalIP, gateway]),
    mark: 0,
    random: session.random,
    recent: session.recent,
  };
  const hopsBefore = hops.length;
  const nat = nf.nat(packet, ctx);
  const serviceFromRules = serviceInHops(model, hops.slice(hopsBefore));
  if (serviceFromRules) serviceNamed(serviceFromRules.service, serviceFromRules.port);
  const dnat = nat?.verdict === 'DNAT' && nat.toDestination;
  if (dnat) Object.assign(packet, dnatTo(packet, dnat));
  const isLocal = ctx.localAddresses.has(packet.dst) || packet.dst.startsWith('127.');
  const filterHook = hook === 'OUTPUT' ? 'OUTPUT' : !dnat && isLocal ? 'INPUT' : 'FORWARD';
  const filtered = nf.filter(filterHook, packet, ctx);
  if (filtered?.verdict === 'REJECT')
    return {
      outcome: 'refused',
      reason: `${entry.name}'s kube-proxy rejects it: ${tracker.service ? `Service ${tracker.service.namespace}/${tracker.service.name}` : 'the Service'} has no ready endpoints, so the client gets "connection refused" at once`,
    };
  if (filtered?.verdict === 'DROP')
    return {
      outcome: 'timeout',
      reason: `${entry.name}'s kube-proxy drops it: externalTrafficPolicy is Local and no ready Pod of ${tracker.service ? `Service ${tracker.service.name}` : 'the Service'} runs on ${entry.name}, so nothing answers and the client times out`,
    };

  if (!dnat && isLocal) {
    const hostPod = model.pods.find(
      (p) => p.spec.hostNetwork && p.nodeName === entry.name && listens(p, packet.dport),
    );
    if (hostPod) return arrive(hostPod, entry, target, packet, hops);
    return {
      outcome: 'refused',
      reason:
        entry.kubeProxy === 'Stopped'
          ? `kube-proxy is stopped on ${entry.name}, so nothing there handles port ${packet.dport}: the node's kernel answers with a reset (connection refused)`
          : `nothing on ${entry.name} listens on port ${packet.dport} and no NodePort uses it: the node answers with a reset (connection refused)`,
    };
  }

  const owner = ownerOf(model, packet.dst);
  if (!owner?.pod) {
    const isClusterIP = model.services.some((s) => s.clusterIP === packet.dst);
    const why = isClusterIP
      ? entry.kubeProxy === 'Stopped'
        ? `kube-proxy is stopped on ${entry.name}, so no rule there rewrites the ClusterIP ${packet.dst}`
        : `no rule on ${entry.name} matches ${packet.dst}:${packet.dport} (the Service has no such port)`
      : `${packet.dst} is no Pod's address`;
    hops.push({
      kind: 'pod-network',
      at: entry.name,
      detail: `${why}; the packet follows the default route and nobody answers`,
      packet: addresses(packet),
    });
    return {
      outcome: 'timeout',
      reason: `${why}, so the packet leaves on the default route and the client times out`,
    };
  }
  const pod = owner.pod;
  // MASQUERADE takes the address of the interface the packet leaves by.
  const snat = pod.nodeName === entry.name ? gateway : entry.internalIP;
  if (nf.postrouting(packet, ctx, snat)) packet.src = snat;
  if (pod.nodeName !== entry.name)
    hops.push({
      kind: 'pod-network',
      at: entry.name,
      detail: `carried over the Pod network from ${entry.name} to ${pod.nodeName} (Pod ${pod.podIP})`,
      packet: addresses(packet),
    });
  else
    hops.push({
      kind: 'pod-network',
      at: entry.name,
      detail: `delivered within ${entry.name} to Pod ${pod.podIP}`,
      packet: addresses(packet),
    });
  if (
    isControllerPod(pod) &&
    (packet.dport === 80 || packet.dport === 443) &&
    target.scheme !== 'tcp'
  )
    return throughController(
      model,
      pod,
      owner.node,
      { ...target, host: httpHost },
      packet.dport,
      packet.src,
      hops,
      session.roundRobin,
    );
  return arrive(pod, owner.node, { ...target, host: httpHost }, packet, hops);
}

function listens(pod: RunningPod, port: number): boolean {
  return pod.spec.containers.some((c) =>
    c.ports.some((p) => p.containerPort === port && p.protocol === 'TCP'),
  );
}

function arrive(
  pod: RunningPod,
  node: ClusterNode,
  target: Target,
  packet: Packet,
  hops: Hop[],
): Ending {
  const container = pod.spec.containers.find((c) =>
    c.ports.some((p) => p.containerPort === packet.dport && p.protocol === 'TCP'),
  );
  if (!container) {
    const declared = pod.spec.containers.flatMap((c) => c.ports.map((p) => p.containerPort));
    hops.push({
      kind: 'pod',
      at: pod.metadata.name,
      detail: `no container listens on ${packet.dport} (declared: ${declared.join(', ') || 'none'}); the Pod answers with a reset`,
      packet: addresses(packet),
    });
    return {
      outcome: 'refused',
      reason: `the request reached Pod ${pod.metadata.name} on port ${packet.dport}, but no container there listens on it (its containerPorts: ${declared.join(', ') || 'none'}): connection refused`,
    };
  }
  hops.push({
    kind: 'pod',
    at: pod.metadata.name,
    detail: `container ${container.name} accepts the connection on ${packet.dport}${target.scheme === 'tcp' ? '' : ' and answers 200'}`,
    packet: addresses(packet),
  });
  return {
    outcome: 'delivered',
    reason: `Pod ${pod.metadata.name} on ${node.name} accepted the connection on port ${packet.dport}; it sees the client as ${packet.src}`,
    destination: {
      pod: pod.metadata.name,
      namespace: pod.metadata.namespace,
      node: node.name,
      podIP: pod.podIP,
      port: packet.dport,
      container: container.name,
      workload: pod.owner || `Pod/${pod.metadata.name}`,
      labels: { ...pod.metadata.labels },
      sourceIP: packet.src,
      scheme: target.scheme,
      host: target.host,
      path: target.path,
    },
  };
}

/** The Service port whose rules the packet went through, read from the rules' comments. */
function serviceInHops(model: Model, hops: Hop[]): { service: Service; port: ServicePort } | null {
  for (const hop of hops) {
    const match = /--comment "?([a-z0-9-]+)\/([a-z0-9-]+)(?::([a-z0-9-]+))?[ "]/.exec(
      `${hop.detail} `,
    );
    if (!match) continue;
    const [, ns, name, portName = ''] = match;
    const service = model.services.find(
      (s) => s.metadata.namespace === ns && s.metadata.name === name,
    );
    const port = service?.ports.find((p) => p.name === portName);
    if (service && port) return { service, port };
  }
  return null;
}

export function newSession(seed: number, random: (seed: number) => () => number): TraceSession {
  return { random: random(seed), recent: new Map(), rules: new Map(), roundRobin: new Map() };
}
