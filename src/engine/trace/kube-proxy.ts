// kube-proxy's part of a packet's way through a node, in the mode the cluster
// runs it (spec.kubeProxyMode): the iptables chains, or the nftables table.
// Both answer the same three questions at the same points of the path, so the
// rest of the walk (hostPort, routing, NetworkPolicy, the Pod) is shared.
import type { Service, ServicePort } from '../api/types.ts';
import type { ClusterNode } from '../cluster.ts';
import type { Context, Packet } from '../kubeproxy/match.ts';
import { kubeProxyRules } from '../kubeproxy/rules.ts';
import { serviceNamed } from '../model/lookup.ts';
import type { Model } from '../model/types.ts';
import { filteredEnding } from './dropped.ts';
import { Netfilter } from './netfilter.ts';
import { NftablesPath } from './nftables.ts';
import type { Ending, Hop } from './types.ts';

export type NatHook = 'PREROUTING' | 'OUTPUT';
export type FilterHook = 'INPUT' | 'FORWARD' | 'OUTPUT';

export interface KubeProxyPath {
  /** The DNAT (before routing): the endpoint chosen, or how the packet ended there (a firewall drop). */
  nat(hook: NatHook, packet: Packet, ctx: Context): { toDestination?: string; ending?: Ending };
  /** The filter checks after DNAT: an ending when they drop or reject the packet. */
  filter(hook: FilterHook, packet: Packet, ctx: Context): Ending | null;
  /** Whether the packet is masqueraded as it leaves (to `source`). */
  postrouting(packet: Packet, ctx: Context, source: string): boolean;
}

export type Named = (service: Service, port: ServicePort) => void;

export function kubeProxyPath(
  model: Model,
  node: ClusterNode,
  hops: Hop[],
  named: Named,
): KubeProxyPath {
  return model.cluster.kubeProxyMode === 'nftables'
    ? new NftablesPath(model, node, hops, named)
    : new IptablesPath(model, node, hops, named);
}

class IptablesPath implements KubeProxyPath {
  private readonly nf: Netfilter;
  private readonly model: Model;
  private readonly node: ClusterNode;
  private readonly hops: Hop[];
  private readonly named: Named;
  constructor(model: Model, node: ClusterNode, hops: Hop[], named: Named) {
    this.model = model;
    this.node = node;
    this.hops = hops;
    this.named = named;
    this.nf = new Netfilter(kubeProxyRules(model, node), hops);
  }

  nat(_hook: NatHook, packet: Packet, ctx: Context) {
    const before = this.hops.length;
    const nat = this.nf.nat(packet, ctx);
    const found = serviceInHops(this.model, this.hops.slice(before));
    if (found) this.named(found.service, found.port);
    return nat?.verdict === 'DNAT' && nat.toDestination ? { toDestination: nat.toDestination } : {};
  }

  filter(hook: FilterHook, packet: Packet, ctx: Context): Ending | null {
    const filtered = this.nf.filter(hook, packet, ctx);
    if (filtered?.verdict === 'REJECT' || filtered?.verdict === 'DROP')
      return filteredEnding(this.model, this.node.name, filtered, packet, this.named);
    return null;
  }

  postrouting(packet: Packet, ctx: Context, source: string): boolean {
    return this.nf.postrouting(packet, ctx, source);
  }
}

/** The Service port whose rules the packet went through: the first rule written for one. */
export function serviceInHops(
  model: Model,
  hops: Hop[],
): { service: Service; port: ServicePort } | null {
  for (const h of hops) {
    if (!h.servicePort) continue;
    const service = serviceNamed(model, h.servicePort.namespace, h.servicePort.name);
    const port = service?.ports.find((p) => p.name === h.servicePort?.port);
    if (service && port) return { service, port };
  }
  return null;
}
