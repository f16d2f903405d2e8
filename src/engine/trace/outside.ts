// A request from outside the cluster: the cloud load balancer in front of a
// LoadBalancer Service (its health check, its choice of node, the NodePort it
// forwards to, keeping the client's address), or a packet sent straight to an
// address, which only arrives when a node owns it.
import type { Service, ServicePort } from '../api/types.ts';
import type { ClusterNode } from '../cluster.ts';
import { endpointsFor } from '../kubeproxy/endpoints.ts';
import type { Packet } from '../kubeproxy/match.ts';
import { message } from '../messages.ts';
import { podAt, slicesOf } from '../model/lookup.ts';
import type { Model } from '../model/types.ts';
import { type Cidr, cidrContains, formatIPv4, parseCidr } from '../net/ip.ts';
import { hop } from './english.ts';
import { addresses } from './packet.ts';
import type { Ending, Hop } from './types.ts';

/** The node that owns an address, and whether it is the node itself or a Pod on it. */
export function ownerOf(
  model: Model,
  ip: string,
): { node: ClusterNode; pod?: ReturnType<typeof podAt> } | null {
  for (const node of model.nodes) if (node.internalIP === ip) return { node };
  const pod = podAt(model, ip);
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

/**
 * What kube-proxy's health check for an externalTrafficPolicy: Local Service
 * answers on a node: its local ready endpoints, across the Service's ports and
 * counted once per address (pkg/proxy/endpointschangetracker.go
 * LocalReadyEndpoints). pkg/proxy/healthcheck/service_health.go answers 503
 * when there are none, and the cloud load balancer stops sending to that node;
 * with externalTrafficPolicy: Cluster it checks kube-proxy's own /healthz,
 * which any node running kube-proxy passes (the node's readiness is the
 * simulator's convention for a node the cloud still lists).
 */
function localReadyEndpoints(model: Model, service: Service, node: ClusterNode): number {
  const slices = slicesOf(model, service);
  const ips = new Set<string>();
  for (const port of service.ports)
    for (const ep of endpointsFor(port, slices, node.name))
      if (ep.local && ep.ready) ips.add(ep.ip);
  return ips.size;
}

export type Entered = { node: ClusterNode } | { ending: Ending };

const sourceRangesAnnotation = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/**
 * The source ranges a cloud provider programs its load balancer's firewall
 * with: k8s.io/cloud-provider service/helpers GetLoadBalancerSourceRanges
 * (spec.loadBalancerSourceRanges, else the older annotation split on commas,
 * else 0.0.0.0/0), each as its network. Empty means every client.
 */
function providerSourceRanges(service: Service): Cidr[] {
  const listed =
    service.loadBalancerSourceRanges.length > 0
      ? service.loadBalancerSourceRanges
      : (service.metadata.annotations[sourceRangesAnnotation] ?? '').trim().split(',');
  return listed.flatMap((range) => parseCidr(range.trim()) ?? []);
}

/** The provider's firewall: a client outside the Service's source ranges never reaches a node. */
function firewalled(service: Service, packet: Packet, hops: Hop[]): Ending | null {
  const cidrs = providerSourceRanges(service);
  const client = packet.src;
  if (cidrs.length === 0 || cidrs.some((cidr) => cidrContains(cidr, client))) return null;
  const ranges = cidrs.map((cidr) => `${formatIPv4(cidr.base)}/${cidr.bits}`);
  const params = { ip: packet.dst, port: packet.dport, client, ranges };
  hops.push(
    hop('load-balancer', 'cloud', message('lb.source-range-hop', params), addresses(packet)),
  );
  const ref = { namespace: service.metadata.namespace, name: service.metadata.name };
  return {
    outcome: 'timeout',
    reason: message('lb.source-range-reason', { service: ref, client, ranges }),
  };
}

/**
 * Where a packet from outside enters the cluster; `serviceNamed` learns the
 * Service whose load balancer it went through. Rewrites `packet` as the load
 * balancer does.
 */
export function enterFromOutside(
  model: Model,
  random: () => number,
  packet: Packet,
  hops: Hop[],
  serviceNamed: (service: Service, port: ServicePort) => void,
): Entered {
  const lb = loadBalancerFor(model, packet.dst, packet.dport);
  if (!lb) return straightTo(model, packet, hops);
  serviceNamed(lb.service, lb.port);
  const refused = firewalled(lb.service, packet, hops);
  if (refused) return { ending: refused };
  const name = lb.service.metadata.name;
  const local = lb.service.externalTrafficPolicy === 'Local';
  const healthy = model.nodes.filter(
    (n) =>
      n.ready &&
      n.kubeProxy === 'Running' &&
      (!local || localReadyEndpoints(model, lb.service, n) > 0),
  );
  if (lb.port.nodePort === 0 || healthy.length === 0) {
    const lost = message('lb.no-healthy-node', { ip: packet.dst, port: packet.dport });
    hops.push(hop('load-balancer', 'cloud', lost, addresses(packet)));
    return {
      ending: {
        outcome: 'timeout',
        reason:
          lb.port.nodePort === 0
            ? message('lb.no-nodeport', { service: name })
            : message('lb.no-healthy-reason', { service: name, local }),
      },
    };
  }
  const node = healthy[
    Math.min(healthy.length - 1, Math.floor(random() * healthy.length))
  ] as ClusterNode;
  const before = addresses(packet);
  packet.dst = node.internalIP;
  packet.dport = lb.port.nodePort;
  const after = addresses(packet);
  const forward = message('lb.forward', {
    service: { namespace: lb.service.metadata.namespace, name },
    node: node.name,
    nodePort: lb.port.nodePort,
    local,
  });
  hops.push(
    hop('load-balancer', 'cloud', forward, after, {
      servicePort: { namespace: lb.service.metadata.namespace, name, port: lb.port.name },
      rewrite: { type: 'DNAT', from: before.dst, to: after.dst },
    }),
  );
  return { node };
}

/** A packet sent to an address: only a node's own address is reachable from outside. */
function straightTo(model: Model, packet: Packet, hops: Hop[]): Entered {
  const owner = ownerOf(model, packet.dst);
  if (owner && !owner.pod) return { node: owner.node };
  const ip = packet.dst;
  const what = model.services.some((s) => s.clusterIP === ip)
    ? message('unrouted.cluster-ip', { ip })
    : owner?.pod
      ? message('unrouted.pod-ip', { ip })
      : model.services.some((s) => s.type === 'LoadBalancer' && s.loadBalancerIngress.includes(ip))
        ? message('unrouted.lb-port', { ip, port: packet.dport })
        : message('unrouted.foreign', { ip });
  hops.push(hop('node', 'client', what, addresses(packet)));
  return { ending: { outcome: 'timeout', reason: message('unrouted.reason', { what }) } };
}
