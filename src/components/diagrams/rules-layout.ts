// Where a node's kube-proxy chains are drawn: the nat table as a graph read
// left to right the way a packet walks it — KUBE-SERVICES and KUBE-NODEPORTS
// (the entry points), then the per-Service KUBE-EXT-/KUBE-FW- chains, then
// KUBE-SVC-/KUBE-SVL- (which pick an endpoint), then one KUBE-SEP- per
// endpoint (which DNATs). Labels come from kube-proxy's own comments, so the
// hashed names read as the Service and the endpoint they stand for. Pure and
// deterministic: columns by chain kind, rows by label then name.
import { type Hop, type NodeRules, type Rule, rulesByChain, ruleText } from '../../engine/index.ts';

export interface RuleChain {
  id: string;
  /** The Service ("default/my-service") or endpoint ("10.244.2.2:8080") it stands for. */
  label: string;
  column: number;
  x: number;
  y: number;
  onPath: boolean;
  /** How many rules the chain holds. */
  rules: number;
}

export interface RuleEdge {
  from: string;
  to: string;
  onPath: boolean;
  /** "0.5000000000" on the statistic rules that spread over endpoints. */
  probability: string;
}

export interface RulesLayout {
  node: string;
  width: number;
  height: number;
  chains: RuleChain[];
  edges: RuleEdge[];
  /** Chains left out of a graph too big to read (the route's chains are always kept). */
  hidden: number;
  /** The rules the trace matched on this node, as iptables-save lines. */
  pathRules: string[];
}

export const rulesGeometry = {
  margin: 12,
  chainWidth: 200,
  chainHeight: 38,
  columnGap: 28,
  rowGap: 10,
  maxChains: 48,
};

/** Helper chains every Service jumps to; drawing them would hide the graph. */
const helpers = new Set(['KUBE-MARK-MASQ', 'KUBE-MARK-DROP', 'KUBE-POSTROUTING']);

function columnOf(chain: string): number {
  if (chain === 'KUBE-SERVICES' || chain === 'KUBE-NODEPORTS') return 0;
  if (chain.startsWith('KUBE-EXT-') || chain.startsWith('KUBE-FW-')) return 1;
  if (chain.startsWith('KUBE-SVC-') || chain.startsWith('KUBE-SVL-')) return 2;
  return 3;
}

/** The iptables hops of a trace on one node, each with the rule it matched. */
function ruleHops(hops: readonly Hop[], node: string) {
  return hops.flatMap((h) => (h.kind === 'iptables' && h.at === node && h.rule ? [h.rule] : []));
}

/** The rules a trace matched on one node, as iptables-save lines. */
export function matchedRules(hops: readonly Hop[], node: string): string[] {
  return ruleHops(hops, node).map(ruleText);
}

/** The node whose rules a trace went through first; null when no rule touched it. */
export function firstRuleNode(hops: readonly Hop[]): string | null {
  return hops.find((h) => h.kind === 'iptables' || h.kind === 'nftables')?.at ?? null;
}

interface ChainGraph {
  byChain: Map<string, Rule[]>;
  inGraph: (chain: string) => boolean;
  label: Map<string, string>;
  edges: RuleEdge[];
  /** The chains in the order the walk reached them. */
  order: string[];
}

/** The nat chains reachable from KUBE-SERVICES, each labelled from the rule that jumps to it. */
function walkChains(rules: NodeRules): ChainGraph {
  const byChain = rulesByChain(rules.nat);
  const inGraph = (chain: string) =>
    chain.startsWith('KUBE-') && !helpers.has(chain) && rules.nat.chains.includes(chain);

  // Walk from the entry point so every chain is labelled from the rule that jumps to it.
  const label = new Map<string, string>([
    ['KUBE-SERVICES', 'PREROUTING, OUTPUT'],
    ['KUBE-NODEPORTS', '--dst-type LOCAL'],
  ]);
  const edges: RuleEdge[] = [];
  const seenEdge = new Set<string>();
  const order: string[] = [];
  const queue = inGraph('KUBE-SERVICES') ? ['KUBE-SERVICES'] : [];
  const visited = new Set(queue);
  while (queue.length > 0) {
    const chain = queue.shift() as string;
    order.push(chain);
    for (const rule of byChain.get(chain) ?? []) {
      const target = rule.jump ?? '';
      if (!inGraph(target)) continue;
      const key = `${chain} ${target}`;
      if (!seenEdge.has(key)) {
        seenEdge.add(key);
        edges.push({
          from: chain,
          to: target,
          onPath: false,
          probability: rule.probability ?? '',
        });
      }
      if (!label.has(target)) {
        const dnat = (byChain.get(target) ?? []).find((r) => r.jump === 'DNAT');
        const text = rule.comment ?? '';
        label.set(
          target,
          dnat
            ? (dnat.dnatDestination ?? '')
            : text
              ? (text.split(' ')[0] ?? '')
              : (label.get(chain) ?? ''),
        );
      }
      if (!visited.has(target)) {
        visited.add(target);
        queue.push(target);
      }
    }
  }
  return { byChain, inGraph, label, edges, order };
}

export function layoutRules(rules: NodeRules, hops: readonly Hop[] = []): RulesLayout {
  const g = rulesGeometry;
  const { byChain, inGraph, label, edges, order } = walkChains(rules);
  // The route: each matched rule's own chain and the chain it jumped to.
  const pathRules = matchedRules(hops, rules.node);
  const onPathEdge = new Set<string>();
  const onPathChain = new Set<string>();
  for (const rule of ruleHops(hops, rules.node)) {
    if (rule.table !== 'nat') continue;
    onPathChain.add(rule.chain);
    const target = rule.jump ?? '';
    if (inGraph(target)) {
      onPathChain.add(target);
      onPathEdge.add(`${rule.chain} ${target}`);
    }
  }

  let kept = order;
  if (order.length > g.maxChains) {
    const always = (c: string) =>
      c === 'KUBE-SERVICES' || c === 'KUBE-NODEPORTS' || onPathChain.has(c);
    let room = g.maxChains - order.filter(always).length;
    kept = order.filter((c) => {
      if (always(c)) return true;
      room--;
      return room >= 0;
    });
  }
  const keptSet = new Set(kept);

  // Rows: entry points fixed; then by label (the Service), SEPs under their SVC.
  const columns: string[][] = [[], [], [], []];
  for (const chain of kept) columns[columnOf(chain)]?.push(chain);
  const byLabel = (a: string, b: string) => {
    const la = label.get(a) ?? '';
    const lb = label.get(b) ?? '';
    return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  };
  (columns[0] as string[]).sort((a, b) =>
    a === 'KUBE-SERVICES' ? -1 : b === 'KUBE-SERVICES' ? 1 : 0,
  );
  (columns[1] as string[]).sort(byLabel);
  (columns[2] as string[]).sort(byLabel);
  const rowOf = new Map<string, number>();
  for (const [i, c] of (columns[2] as string[]).entries()) rowOf.set(c, i);
  const parentRow = (sep: string) => {
    const parent = edges.find((e) => e.to === sep && rowOf.has(e.from));
    return parent ? (rowOf.get(parent.from) as number) : Number.MAX_SAFE_INTEGER;
  };
  (columns[3] as string[]).sort((a, b) => parentRow(a) - parentRow(b) || byLabel(a, b));

  const chains: RuleChain[] = [];
  columns.forEach((list, column) => {
    list.forEach((id, row) => {
      chains.push({
        id,
        label: label.get(id) ?? '',
        column,
        x: g.margin + column * (g.chainWidth + g.columnGap),
        y: g.margin + row * (g.chainHeight + g.rowGap),
        onPath: onPathChain.has(id),
        rules: byChain.get(id)?.length ?? 0,
      });
    });
  });
  const rows = Math.max(1, ...columns.map((c) => c.length));
  return {
    node: rules.node,
    width: 2 * g.margin + 4 * g.chainWidth + 3 * g.columnGap,
    height: 2 * g.margin + rows * (g.chainHeight + g.rowGap) - g.rowGap,
    chains,
    edges: edges
      .filter((e) => keptSet.has(e.from) && keptSet.has(e.to))
      .map((e) => ({ ...e, onPath: onPathEdge.has(`${e.from} ${e.to}`) })),
    hidden: order.length - kept.length,
    pathRules,
  };
}

/**
 * The same graph for a column too narrow for its four columns of chains (a
 * phone, a laptop's chapter column): only the chains the request walked, one
 * under another in the order it walked them, each jump a line down; the
 * chains left out are counted under it (the text beside lists every rule).
 * With no path on this node, the entry points. Never wider than one chain, so
 * it fits instead of scrolling sideways.
 */
export function narrowRules(layout: RulesLayout): RulesLayout {
  const g = rulesGeometry;
  const path = layout.chains.filter((c) => c.onPath);
  const shown = (path.length > 0 ? path : layout.chains.filter((c) => c.column === 0))
    .slice()
    .sort((a, b) => a.column - b.column || a.y - b.y);
  const ids = new Set(shown.map((c) => c.id));
  const chains = shown.map((c, row) => ({
    ...c,
    // One column: rules.ts draws a jump within a column as a line down.
    column: 0,
    x: g.margin,
    y: g.margin + row * (g.chainHeight + g.rowGap),
  }));
  return {
    ...layout,
    width: 2 * g.margin + g.chainWidth,
    height: 2 * g.margin + Math.max(1, chains.length) * (g.chainHeight + g.rowGap) - g.rowGap,
    chains,
    // The jumps the request took: KUBE-SERVICES also jumps straight to the
    // KUBE-SVC- a ClusterIP would take, a line that would cross the chains between.
    edges: layout.edges.filter(
      (e) => ids.has(e.from) && ids.has(e.to) && (path.length === 0 || e.onPath),
    ),
    hidden: layout.hidden + layout.chains.length - chains.length,
  };
}
