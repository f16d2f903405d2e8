// Writes one iptables table the way proxier.go's utilproxy.LineBuffer does:
// chains declared once, rules appended in order, each parsed into its typed
// fields as it is written.
import { parseRule, type RuleServicePort } from './rule.ts';
import type { Table } from './rules.ts';

/** A quoted --comment value, as proxier.go writes it. */
export const q = (text: string) => `"${text}"`;

export class Writer {
  readonly table: Table;
  /** The Service port whose rules are being written, if any: each rule carries it. */
  servicePort: RuleServicePort | undefined;
  private readonly declared = new Set<string>();
  constructor(name: Table['name']) {
    this.table = { name, chains: [], rules: [] };
  }
  chain(name: string): void {
    if (this.declared.has(name)) return;
    this.declared.add(name);
    this.table.chains.push(name);
  }
  rule(chain: string, ...args: string[]): void {
    this.table.rules.push(parseRule(this.table.name, chain, args, this.servicePort));
  }
}
