// The rules view in nftables mode: the chains of kube-proxy's `ip kube-proxy`
// table the request walked on one node, in the order it walked them, each
// jump or goto a line down (the verdict maps it looked up are in the text
// beside, their element on the hop). The table has no fixed set of columns
// like iptables mode's KUBE-SERVICES → KUBE-SVC → KUBE-SEP, so the graph is the
// walk itself; chains it did not enter are counted. Pure and deterministic.
import type { Hop } from '../../engine/index.ts';
import { nftablesLabel } from './route-layout.ts';
import { type RuleChain, type RuleEdge, type RulesLayout, rulesGeometry } from './rules-layout.ts';

/** A transaction line that adds a rule to a chain: its chain. */
const ruleLine = /^add rule ip kube-proxy (\S+) /;

/** The nftables hops of a trace on one node. */
function walked(hops: readonly Hop[], node: string) {
  return hops.filter((h) => h.kind === 'nftables' && h.at === node && h.chain);
}

export function layoutNFTablesRules(
  node: string,
  transaction: string,
  hops: readonly Hop[] = [],
): RulesLayout {
  const g = rulesGeometry;
  const lines = transaction.split('\n');
  const rulesIn = new Map<string, number>();
  const chainsInTable = new Set<string>();
  for (const line of lines) {
    const chain = ruleLine.exec(line)?.[1] ?? /^add chain ip kube-proxy (\S+)/.exec(line)?.[1];
    if (!chain) continue;
    chainsInTable.add(chain);
    if (ruleLine.test(line)) rulesIn.set(chain, (rulesIn.get(chain) ?? 0) + 1);
  }
  const steps = walked(hops, node);
  const order: string[] = [];
  for (const hop of steps)
    if (!order.includes(hop.chain as string)) order.push(hop.chain as string);
  // A node the request did not cross: its entry points, the chains hooked into netfilter.
  if (order.length === 0)
    for (const line of lines) {
      const hooked = /^add chain ip kube-proxy (\S+) \{ type /.exec(line)?.[1];
      if (hooked) order.push(hooked);
    }
  const edges: RuleEdge[] = [];
  for (const hop of steps) {
    const target = /^(?:jump|goto) (\S+)$/.exec(hop.verdict ?? '')?.[1];
    if (
      target &&
      order.includes(target) &&
      !edges.some((e) => e.from === hop.chain && e.to === target)
    )
      edges.push({ from: hop.chain as string, to: target, onPath: true, probability: '' });
  }
  const chains: RuleChain[] = order.map((id, row) => ({
    id,
    // A Service's or endpoint's chain is labelled with what it stands for; a base chain needs none.
    label: /^(service|external|endpoint|firewall)-[A-Z2-7]{8}-/.test(id) ? nftablesLabel(id) : '',
    column: 0,
    x: g.margin,
    y: g.margin + row * (g.chainHeight + g.rowGap),
    onPath: steps.length > 0,
    rules: rulesIn.get(id) ?? 0,
  }));
  const pathRules = steps.map((h) => `add rule ip kube-proxy ${h.chain} ${h.ruleText ?? ''}`);
  return {
    node,
    width: 2 * g.margin + g.chainWidth,
    height: 2 * g.margin + Math.max(1, chains.length) * (g.chainHeight + g.rowGap) - g.rowGap,
    chains,
    edges,
    hidden: Math.max(0, chainsInTable.size - chains.length),
    pathRules: pathRules.filter((r) => lines.includes(r)),
  };
}
