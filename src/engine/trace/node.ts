// A packet inside the node it entered: kube-proxy's nat rules (DNAT to an
// endpoint), the filter chains (REJECT for no endpoints, DROP for no local
// ones), a local port on the node, then MASQUERADE and the Pod network to the
// Pod, or to ingress-nginx, which takes the request from there.
import type { Service, ServicePort } from '../api/types.ts';
import type { ClusterNode } from '../cluster.ts';
import { addressInCidr } from '../cluster.ts';
import { isControllerPod } from '../ingress/entry.ts';
import type { Context, Packet } from '../kubeproxy/match.ts';
import { message } from '../messages.ts';
import type { Model } from '../model/types.ts';
import { hop } from './english.ts';
import { gatewayBehind, throughGateway } from './gateway.ts';
import { hostPortDnat } from './hostport.ts';
import { throughController } from './ingress.ts';
import { type KubeProxyPath, kubeProxyPath } from './kube-proxy.ts';
import { judgeEgress, judgeIngress } from './netpol.ts';
import { ownerOf } from './outside.ts';
import { addresses, dnatTo } from './packet.ts';
import { arrive, listenerOn } from './pod.ts';
import type { Source, Target } from './request.ts';
import type { Ending, Hop, TraceService } from './types.ts';

export interface InNode {
  model: Model;
  source: Source;
  entry: ClusterNode;
  hook: 'PREROUTING' | 'OUTPUT';
  target: Target;
  httpHost: string;
  packet: Packet;
  hops: Hop[];
  ctx: Context;
  roundRobin: Map<string, number>;
  /** The Service the request is for, once known. */
  tracker: { service: TraceService | null };
  serviceNamed: (service: Service, port: ServicePort) => void;
  /** The node that routed the packet here because `entry` owns its destination, and whether it DNATed it first. */
  routedFrom?: { node: ClusterNode; natted: boolean };
}

/** The addresses `-m addrtype --dst-type LOCAL` matches on a node: its own and its Pod bridge's. */
export function localAddressesOf(node: ClusterNode): Set<string> {
  return new Set([node.internalIP, addressInCidr(node.podCIDR, 1)]);
}

export function throughNode(s: InNode): Ending {
  const { model, entry, packet, hops, ctx } = s;
  const running = entry.kubeProxy === 'Running';
  hops.push(hop('node', entry.name, arrival(s, entry), addresses(packet)));

  const nf = kubeProxyPath(model, entry, hops, s.serviceNamed);
  const nat = nf.nat(s.hook, packet, ctx);
  if (nat.ending) return nat.ending;
  const dnat = nat.toDestination;
  if (dnat) Object.assign(packet, dnatTo(packet, dnat));
  // The CNI's hostPort chain comes after kube-proxy's jump in PREROUTING/OUTPUT.
  const hostPort = dnat ? null : hostPortDnat(model, entry, packet, ctx, hops);
  // Routed after DNAT: an endpoint at this node's own address (a hostNetwork
  // Pod's) is delivered locally, through INPUT, like the node's own ports.
  const isLocal = ctx.localAddresses.has(packet.dst) || packet.dst.startsWith('127.');
  const filterHook = s.hook === 'OUTPUT' ? 'OUTPUT' : isLocal ? 'INPUT' : 'FORWARD';
  const filtered = nf.filter(filterHook, packet, ctx);
  if (filtered) return filtered;
  // The source Pod's egress policy, on the node it leaves from, after DNAT.
  if (s.source.kind === 'pod' && !s.routedFrom) {
    const dropped = judgeEgress(model, s.source.pod, packet, entry.name, hops);
    if (dropped) return dropped;
  }

  if (isLocal) {
    const hostPod = model.pods.find(
      (p) =>
        p.spec.hostNetwork &&
        p.nodeName === entry.name &&
        listenerOn(p, packet.dport) !== undefined,
    );
    if (hostPod) return arrive(hostPod, entry, s.target, packet, hops);
    const params = { node: entry.name, port: packet.dport };
    if (running && localhostNodePort(model, packet))
      return { outcome: 'refused', reason: message('nftables.no-localhost-nodeport', params) };
    return {
      outcome: 'refused',
      reason: message(running ? 'node.refused-closed' : 'node.refused-stopped', params),
    };
  }
  return toPod(s, nf, Boolean(dnat || hostPort), hostPort?.masquerade ?? false);
}

/**
 * A NodePort asked for on 127.0.0.1 in nftables mode: kube-proxy accepts
 * NodePorts only on --nodeport-addresses, "primary" by default there (the
 * node's own IP), and never on localhost, which it would need route_localnet
 * for (KEP-3866, "NodePorts on 127.0.0.1").
 */
function localhostNodePort(model: Model, packet: Packet): boolean {
  return (
    model.cluster.kubeProxyMode === 'nftables' &&
    packet.dst.startsWith('127.') &&
    model.services.some((svc) => svc.ports.some((p) => p.nodePort === packet.dport))
  );
}

function arrival(s: InNode, entry: ClusterNode) {
  const { source, routedFrom } = s;
  const kubeProxyRunning = entry.kubeProxy === 'Running';
  if (routedFrom)
    return message('node.routed-in', {
      from: routedFrom.node.name,
      natted: routedFrom.natted,
      node: entry.name,
      ip: entry.internalIP,
      kubeProxyRunning,
    });
  if (source.kind === 'external')
    return message('node.arrive', { node: entry.name, ip: entry.internalIP, kubeProxyRunning });
  if (source.kind === 'pod')
    return message('node.from-pod', {
      pod: source.pod.metadata.name,
      node: entry.name,
      kubeProxyRunning,
    });
  return message('node.self', { node: entry.name, kubeProxyRunning });
}

/**
 * A packet for another node's own address leaves this node as it is (no rule
 * here matched: `--dst-type LOCAL` is false for an address this node does not
 * have) and is routed to the node that owns it, whose PREROUTING sees a local
 * destination and so its KUBE-NODEPORTS (proxier.go syncProxyRules: the
 * "kubernetes service nodeports" rule, evaluated by the kernel of the node that
 * owns the address). An endpoint at another node's address (a hostNetwork
 * Pod's) is reached the same way after this node's DNAT.
 */
function toOwnerNode(s: InNode, nf: KubeProxyPath, owner: ClusterNode, natted: boolean): Ending {
  const { packet, ctx, entry } = s;
  if (nf.postrouting(packet, ctx, entry.internalIP)) packet.src = entry.internalIP;
  return throughNode({
    ...s,
    entry: owner,
    hook: 'PREROUTING',
    ctx: { ...ctx, localAddresses: localAddressesOf(owner), mark: 0 },
    routedFrom: { node: entry, natted },
  });
}

/** After the rules: a Pod's address is carried there, another node's address routed there; any other goes nowhere. */
function toPod(s: InNode, nf: KubeProxyPath, natted: boolean, cniMasquerade: boolean): Ending {
  const { model, entry, packet, hops, ctx } = s;
  const owner = ownerOf(model, packet.dst);
  if (owner && !owner.pod && owner.node !== entry && !s.routedFrom)
    return toOwnerNode(s, nf, owner.node, natted);
  if (!owner?.pod) {
    const ip = packet.dst;
    const why = model.services.some((svc) => svc.clusterIP === ip)
      ? entry.kubeProxy === 'Stopped'
        ? message('nowhere.kube-proxy-stopped', { node: entry.name, ip })
        : message('nowhere.no-such-port', { node: entry.name, ip, port: packet.dport })
      : message('nowhere.not-a-pod', { ip });
    hops.push(hop('pod-network', entry.name, message('nowhere.hop', { why }), addresses(packet)));
    return { outcome: 'timeout', reason: message('nowhere.reason', { why }) };
  }
  const pod = owner.pod;
  // MASQUERADE takes the address of the interface the packet leaves by.
  const gateway = addressInCidr(entry.podCIDR, 1);
  const snat = pod.nodeName === entry.name ? gateway : entry.internalIP;
  // CNI-HOSTPORT-MASQ is prepended to POSTROUTING, so it runs before KUBE-POSTROUTING.
  if (cniMasquerade || nf.postrouting(packet, ctx, snat)) packet.src = snat;
  const carried =
    pod.nodeName !== entry.name
      ? message('pod-network.to-node', { from: entry.name, to: pod.nodeName, podIP: pod.podIP })
      : message('pod-network.within-node', { node: entry.name, podIP: pod.podIP });
  hops.push(hop('pod-network', entry.name, carried, addresses(packet)));
  const dropped = judgeIngress(model, pod, packet, pod.nodeName, hops);
  if (dropped) return dropped;
  const target = { ...s.target, host: s.httpHost };
  const behind = s.target.scheme !== 'tcp' ? gatewayBehind(model, pod, packet.dport) : null;
  if (behind)
    return throughGateway({
      model,
      proxy: pod,
      node: owner.node,
      gateway: behind.gateway,
      port: behind.port,
      target,
      sni: s.target.host,
      client: packet.src,
      hops,
      random: s.ctx.random,
    });
  if (
    isControllerPod(pod) &&
    (packet.dport === 80 || packet.dport === 443) &&
    s.target.scheme !== 'tcp'
  )
    return throughController(
      model,
      pod,
      owner.node,
      target,
      packet.dport,
      packet.src,
      hops,
      s.roundRobin,
    );
  return arrive(pod, owner.node, target, packet, hops);
}
