// Rules as text: iptables-restore input in the canonical order kube-proxy's
// own tests compare (proxier_test.go sortIPTablesRules): tables by name;
// KUBE-NODEPORTS, then KUBE-SERVICES, then the other chains alphabetically;
// KUBE-NODEPORTS and KUBE-SERVICES rules by service name, with the "must be
// the last rule" rule last; every other chain in the order it was written.
import type { Rule } from './rule.ts';
import type { NodeRules, Table } from './rules.ts';

function chainOrder(a: string, b: string): number {
  const rank = (c: string) =>
    c === 'KUBE-NODEPORTS' ? 0 : c === 'KUBE-SERVICES' ? 1 : c.startsWith('KUBE-') ? 2 : 3;
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** sortIPTablesRules' key: the comment's first word, up to a ":" (the Service's ns/name). */
function commentServiceName(rule: Rule): string | null {
  if (rule.comment === undefined) return null;
  const cut = rule.comment.search(/[ :]/);
  return cut === -1 ? rule.comment : rule.comment.slice(0, cut);
}

function isLastRule(rule: Rule): boolean {
  return rule.comment?.includes('must be the last rule') ?? false;
}

export function sortedRules(table: Table, chain: string, rules: Rule[]): Rule[] {
  if (chain !== 'KUBE-NODEPORTS' && chain !== 'KUBE-SERVICES') return rules;
  // Array.prototype.sort is stable, like sort.SliceStable.
  return [...rules].sort((x, y) => {
    if (table.name === 'nat' && chain === 'KUBE-SERVICES') {
      if (isLastRule(x)) return 1;
      if (isLastRule(y)) return -1;
    }
    const a = commentServiceName(x);
    const b = commentServiceName(y);
    if (a === null || b === null) return 0;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

export function ruleText(rule: Rule): string {
  return `-A ${rule.chain} ${rule.args.join(' ')}`;
}

export function rulesByChain(table: Table): Map<string, Rule[]> {
  const byChain = new Map<string, Rule[]>();
  for (const rule of table.rules) {
    const list = byChain.get(rule.chain);
    if (list) list.push(rule);
    else byChain.set(rule.chain, [rule]);
  }
  return byChain;
}

export function tableText(table: Table): string {
  const chains = [...table.chains].sort(chainOrder);
  const byChain = rulesByChain(table);
  const lines = [`*${table.name}`, ...chains.map((c) => `:${c} - [0:0]`)];
  for (const chain of chains)
    for (const rule of sortedRules(table, chain, byChain.get(chain) ?? []))
      lines.push(ruleText(rule));
  lines.push('COMMIT');
  return lines.join('\n');
}

export function iptablesSave(rules: NodeRules): string {
  return `${tableText(rules.filter)}\n${tableText(rules.nat)}\n`;
}
