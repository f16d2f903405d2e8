// Walks a packet through one node's kube-proxy rules the way netfilter does:
// the nat table's KUBE-SERVICES (from PREROUTING or OUTPUT), then the filter
// chains kube-proxy hooks into INPUT, FORWARD and OUTPUT, then KUBE-POSTROUTING.
// Hook order follows iptablesJumpChains in proxier.go, whose jumps are
// prepended one after another (so the last listed runs first).
import { type Context, evaluate, type Packet } from '../kubeproxy/match.ts';
import type { NodeRules, Rule, Table } from '../kubeproxy/rules.ts';
import { rulesByChain, ruleText } from '../kubeproxy/save.ts';
import { message } from '../messages.ts';
import { memoized } from '../util/memo.ts';
import { hop } from './english.ts';
import { addresses, dnatTo } from './packet.ts';
import type { Hop, Rewrite } from './types.ts';

export interface ChainResult {
  /** A terminal verdict: DNAT, ACCEPT, DROP, REJECT, MASQUERADE. */
  verdict: string;
  toDestination?: string;
  /** The chain whose rule gave the verdict, and that rule (its comment says why). */
  chain?: string;
  rule?: Rule;
}

const terminal = new Set(['DNAT', 'ACCEPT', 'DROP', 'REJECT', 'MASQUERADE']);

/** A table's rules by chain, indexed once per table: a node may have hundreds of thousands. */
const chainsOf = memoized(rulesByChain);

function rulesOf(table: Table, chain: string): Rule[] {
  return chainsOf(table).get(chain) ?? [];
}

export class Netfilter {
  private readonly rules: NodeRules;
  private readonly hops: Hop[];

  constructor(rules: NodeRules, hops: Hop[]) {
    this.rules = rules;
    this.hops = hops;
  }

  /**
   * Runs one chain (and what it jumps to); returns a terminal verdict, or null
   * to fall through. `masqueradeAs`: the address a MASQUERADE rule gives the
   * packet (the caller knows the interface it leaves by).
   */
  run(
    table: Table,
    chain: string,
    packet: Packet,
    ctx: Context,
    masqueradeAs?: string,
    depth = 0,
  ): ChainResult | null {
    if (depth > 16) return null;
    for (const rule of rulesOf(table, chain)) {
      const v = evaluate(rule, packet, ctx);
      if (!v.matched) continue;
      if (v.target === '') {
        // A rule with no -j only counts, but the one kube-proxy ends a KUBE-FW-
        // chain with says where a packet that gets this far goes (dropped by
        // KUBE-PROXY-FIREWALL): the chain was passed through, so it is a hop.
        if (rule.comment) this.ruleHop(table, chain, rule, packet, packet);
        continue;
      }
      if (v.target === 'MARK') {
        if (rule.xorMarkBits !== undefined) ctx.mark = (ctx.mark ^ rule.xorMarkBits) >>> 0;
        if (rule.orMarkBits !== undefined) ctx.mark = (ctx.mark | rule.orMarkBits) >>> 0;
        continue;
      }
      if (v.target === 'RETURN') return null;
      const quiet = v.target === 'KUBE-MARK-MASQ';
      // A hop records the packet as it leaves the rule (docs/cli.md):
      // a DNAT or MASQUERADE rule's hop shows the rewritten address.
      const leaving =
        v.target === 'DNAT' && v.toDestination
          ? dnatTo(packet, v.toDestination)
          : v.target === 'MASQUERADE' && masqueradeAs
            ? { ...packet, src: masqueradeAs }
            : packet;
      this.ruleHop(table, chain, rule, packet, leaving, quiet);
      if (terminal.has(v.target))
        return v.toDestination
          ? { verdict: v.target, toDestination: v.toDestination, chain, rule }
          : { verdict: v.target, chain, rule };
      const inner = this.run(table, v.target, packet, ctx, masqueradeAs, depth + 1);
      if (inner) return inner;
    }
    return null;
  }

  /** The hop of a rule the packet matched, showing it as it leaves the rule. */
  private ruleHop(
    table: Table,
    chain: string,
    rule: Rule,
    packet: Packet,
    leaving: Packet,
    markedForSnat = false,
  ): void {
    const before = addresses(packet);
    const after = addresses(leaving);
    const rewrite: Rewrite | undefined =
      before.dst !== after.dst
        ? { type: 'DNAT', from: before.dst, to: after.dst }
        : before.src !== after.src
          ? { type: 'SNAT', from: before.src, to: after.src }
          : undefined;
    const text = { table: table.name, chain, rule: ruleText(rule), markedForSnat };
    this.hops.push(
      hop('iptables', this.rules.node, message('iptables.rule', text), after, {
        table: table.name,
        chain,
        rule,
        ...(rule.servicePort ? { servicePort: rule.servicePort } : {}),
        ...(rewrite ? { rewrite } : {}),
      }),
    );
  }

  /** nat PREROUTING (packets arriving) or OUTPUT (the node's own): jump to KUBE-SERVICES. */
  nat(packet: Packet, ctx: Context): ChainResult | null {
    if (this.rules.nat.chains.length === 0) return null;
    return this.run(this.rules.nat, 'KUBE-SERVICES', packet, ctx);
  }

  /** The filter chains on a hook; a DROP or REJECT is returned. */
  filter(hook: 'INPUT' | 'FORWARD' | 'OUTPUT', packet: Packet, ctx: Context): ChainResult | null {
    if (this.rules.filter.chains.length === 0) return null;
    const order: Record<typeof hook, string[]> = {
      INPUT: ['KUBE-FIREWALL', 'KUBE-PROXY-FIREWALL', 'KUBE-NODEPORTS', 'KUBE-EXTERNAL-SERVICES'],
      FORWARD: ['KUBE-PROXY-FIREWALL', 'KUBE-FORWARD', 'KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES'],
      OUTPUT: ['KUBE-FIREWALL', 'KUBE-PROXY-FIREWALL', 'KUBE-SERVICES'],
    };
    for (const chain of order[hook]) {
      const result = this.run(this.rules.filter, chain, packet, ctx);
      if (result && (result.verdict === 'DROP' || result.verdict === 'REJECT')) return result;
      if (result && result.verdict === 'ACCEPT' && chain === 'KUBE-FORWARD') return null;
    }
    return null;
  }

  /** nat POSTROUTING: KUBE-POSTROUTING masquerades marked packets, to `source`. */
  postrouting(packet: Packet, ctx: Context, source: string): boolean {
    if (this.rules.nat.chains.length === 0) return false;
    const result = this.run(this.rules.nat, 'KUBE-POSTROUTING', packet, ctx, source);
    return result?.verdict === 'MASQUERADE';
  }
}
