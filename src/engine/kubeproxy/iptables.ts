// `iptables --node NODE`: the rules kube-proxy (iptables mode) writes on one node.
import type { Model } from '../model/types.ts';
import { kubeProxyRules } from './rules.ts';
import { iptablesSave } from './save.ts';
import { iptablesSaved } from './saved.ts';

/** restore: what kube-proxy hands iptables-restore; save: what iptables-save prints back. */
export const iptablesFormats = ['restore', 'save'] as const;
export type IptablesFormat = (typeof iptablesFormats)[number];

/** The rules kube-proxy writes on a node, in either text; null when there is no such node. */
export function iptables(
  model: Model,
  nodeName: string,
  format: IptablesFormat = 'restore',
): string | null {
  const node = model.nodes.find((n) => n.name === nodeName);
  if (!node) return null;
  const rules = kubeProxyRules(model, node);
  return format === 'save' ? iptablesSaved(rules) : iptablesSave(rules);
}
