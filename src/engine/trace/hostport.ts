// A container's hostPort, as the CNI portmap plugin makes it work (kind and
// most CNIs chain it): containernetworking/plugins plugins/meta/portmap
// portmap.go. Not kube-proxy: the plugin appends `-m addrtype --dst-type LOCAL
// -j CNI-HOSTPORT-DNAT` to nat PREROUTING and OUTPUT (after the jump to
// KUBE-SERVICES that kube-proxy prepends), and one chain per container,
// CNI-DN-<hash of network name and container ID>, DNATs `-p tcp --dport
// <hostPort>` to `<podIP>:<containerPort>` (fillDnatRules). With its default
// snat, a packet from the container's own subnet (hairpin) or from 127.0.0.1
// is marked in CNI-HOSTPORT-SETMARK and masqueraded in CNI-HOSTPORT-MASQ;
// any other client keeps its address. A hostNetwork Pod gets no CNI call: its
// container listens on the node itself.
import type { ClusterNode } from '../cluster.ts';
import type { Context, Packet } from '../kubeproxy/match.ts';
import { message } from '../messages.ts';
import type { Model } from '../model/types.ts';
import { cidrContains, parseCidr } from '../net/ip.ts';
import { hop } from './english.ts';
import { addresses } from './packet.ts';
import type { Hop } from './types.ts';

/**
 * Applies the portmap plugin's DNAT on `node` if a Pod there maps the
 * packet's port; returns whether the connection is to be masqueraded, or
 * null when no hostPort matches.
 */
export function hostPortDnat(
  model: Model,
  node: ClusterNode,
  packet: Packet,
  ctx: Context,
  hops: Hop[],
): { masquerade: boolean } | null {
  const local = ctx.localAddresses.has(packet.dst) || packet.dst.startsWith('127.');
  if (!local || packet.protocol !== 'tcp') return null;
  for (const pod of model.pods) {
    if (pod.spec.hostNetwork || pod.nodeName !== node.name || !pod.podIP) continue;
    const mapped = pod.spec.containers
      .flatMap((c) => c.ports)
      .find((p) => p.hostPort === packet.dport && p.protocol === 'TCP');
    if (!mapped) continue;
    const subnet = parseCidr(node.podCIDR);
    const masquerade =
      packet.src === '127.0.0.1' || (subnet !== null && cidrContains(subnet, packet.src));
    const from = addresses(packet);
    packet.dst = pod.podIP;
    packet.dport = mapped.containerPort;
    const to = addresses(packet);
    const said = message('cni.hostport-dnat', {
      node: node.name,
      hostPort: mapped.hostPort ?? 0,
      pod: pod.metadata.name,
      podIP: pod.podIP,
      containerPort: mapped.containerPort,
      masquerade,
    });
    hops.push(
      hop('iptables', node.name, said, to, {
        table: 'nat',
        chain: 'CNI-HOSTPORT-DNAT',
        rewrite: { type: 'DNAT', from: from.dst, to: to.dst },
      }),
    );
    return { masquerade };
  }
  return null;
}
