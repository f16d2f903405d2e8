// `iptables --node NODE`: the rules kube-proxy (iptables mode) writes on one node.
import type { Model } from '../model/types.ts';
import { kubeProxyRules } from './rules.ts';
import { iptablesSave } from './save.ts';

/** The rules kube-proxy writes on a node, as iptables-restore input; null when there is no such node. */
export function iptables(model: Model, nodeName: string): string | null {
  const node = model.nodes.find((n) => n.name === nodeName);
  return node ? iptablesSave(kubeProxyRules(model, node)) : null;
}
