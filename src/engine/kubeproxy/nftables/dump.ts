// The table as text: knftables' Fake.Dump(), the text kube-proxy's nftables
// tests compare (pkg/proxy/nftables/proxier_test.go, assertNFTablesTransactionEqual).
// The table, then each chain (sorted by name) followed by its rules, each set
// (sorted) followed by its elements, each map (sorted) followed by its
// elements; every line an `add` command of nft's transaction syntax, written
// as knftables' writeOperation writes it.
import type { NftChain, NftElement, NftRule, NftSet, NftTable } from './table.ts';

const byName = <T>(m: Map<string, T>): T[] =>
  [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => m.get(k) as T);

/** A quoted nft comment. kube-proxy's comments hold no double quote. */
const quoted = (text: string) => `"${text}"`;

export function dumpTable(table: NftTable): string {
  const prefix = `${table.family} ${table.name}`;
  const lines = [`add table ${prefix} { comment ${quoted(table.comment)} ; }`];
  for (const chain of byName(table.chains)) {
    lines.push(`add chain ${prefix} ${chain.name}${chainProperties(chain)}`);
    for (const rule of chain.rules)
      lines.push(`add rule ${prefix} ${chain.name} ${ruleText(rule)}`);
  }
  for (const [kind, containers] of [
    ['set', table.sets],
    ['map', table.maps],
  ] as const) {
    for (const set of byName(containers)) {
      lines.push(`add ${kind} ${prefix} ${set.name} ${setProperties(set)}`);
      for (const element of set.elements)
        lines.push(`add element ${prefix} ${set.name} ${elementText(element)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function chainProperties(chain: NftChain): string {
  const parts: string[] = [];
  if (chain.base)
    parts.push(`type ${chain.base.type} hook ${chain.base.hook} priority ${chain.base.priority} ;`);
  if (chain.comment !== undefined) parts.push(`comment ${quoted(chain.comment)} ;`);
  return parts.length === 0 ? '' : ` { ${parts.join(' ')} }`;
}

export function ruleText(rule: NftRule): string {
  return rule.comment === undefined ? rule.rule : `${rule.rule} comment ${quoted(rule.comment)}`;
}

function setProperties(set: NftSet): string {
  const parts = [`type ${set.type} ;`];
  if (set.flags && set.flags.length > 0) parts.push(`flags ${set.flags.join(',')} ;`);
  if (set.timeout !== undefined) parts.push(`timeout ${set.timeout}s ;`);
  if (set.comment !== undefined) parts.push(`comment ${quoted(set.comment)} ;`);
  return `{ ${parts.join(' ')} }`;
}

export function elementText(element: NftElement): string {
  const key = element.key.join(' . ');
  const comment = element.comment === undefined ? '' : ` comment ${quoted(element.comment)}`;
  const value = element.value.length === 0 ? '' : ` : ${element.value.join(' . ')}`;
  return `{ ${key}${comment}${value} }`;
}
