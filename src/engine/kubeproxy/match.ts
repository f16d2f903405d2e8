// Reads a rule's arguments back as the kernel would evaluate them, so that a
// trace walks exactly the rules `routelab iptables` prints.
import { type Cidr, cidrContains } from '../net/ip.ts';
import type { Rule, RuleValue } from './rule.ts';

export interface Packet {
  src: string;
  dst: string;
  dport: number;
  protocol: string;
}

export interface Context {
  /** Addresses the kernel treats as LOCAL (addrtype): the node's own. */
  localAddresses: Set<string>;
  /** The packet's mark so far. */
  mark: number;
  /** Draws for -m statistic --mode random. */
  random: () => number;
  /** -m recent lists: name -> source addresses seen (ClientIP affinity). */
  recent: Map<string, Set<string>>;
}

export interface Verdict {
  matched: boolean;
  target: string;
  /** For DNAT. */
  toDestination?: string;
}

function inRange(cidr: Cidr | null | undefined, ip: string): boolean {
  return cidr ? cidrContains(cidr, ip) : false;
}

function isLocal(ip: string, ctx: Context): boolean {
  return ctx.localAddresses.has(ip) || ip.startsWith('127.');
}

/** A negatable check: `ok` unless the rule negates it. */
function holds(value: RuleValue | undefined, ok: (v: string) => boolean): boolean {
  return value === undefined || ok(value.value) !== value.negated;
}

/**
 * Evaluates one rule against a packet; a rule with no -j only counts (matches,
 * no target). The statistic draw and the recent list's --set happen only once
 * every other match has passed, as the kernel reaches them last in
 * kube-proxy's rules.
 */
export function evaluate(rule: Rule, packet: Packet, ctx: Context): Verdict {
  const matched =
    holds(rule.protocol, (v) => packet.protocol === v) &&
    holds(rule.destination, () => inRange(rule.destinationCidr, packet.dst)) &&
    holds(rule.source, () => inRange(rule.sourceCidr, packet.src)) &&
    holds(rule.destinationPort, () => packet.dport === rule.destinationPortNumber) &&
    holds(rule.destinationType, (v) => v === 'LOCAL' && isLocal(packet.dst, ctx)) &&
    holds(rule.sourceType, (v) => v === 'LOCAL' && isLocal(packet.src, ctx)) &&
    holds(rule.markCheck, () =>
      rule.markBits ? (ctx.mark & rule.markBits.mask) >>> 0 === rule.markBits.value : false,
    ) &&
    // Every packet a trace follows opens a new connection.
    holds(rule.ctstateCheck, (v) => v.split(',').includes('NEW')) &&
    (!rule.affinityCheck || (ctx.recent.get(rule.affinityName ?? '')?.has(packet.src) ?? false)) &&
    (rule.probability === undefined || ctx.random() < Number(rule.probability));
  if (!matched) return { matched: false, target: '' };
  if (rule.affinitySet) {
    const name = rule.affinityName ?? '';
    if (!ctx.recent.has(name)) ctx.recent.set(name, new Set());
    ctx.recent.get(name)?.add(packet.src);
  }
  const target = rule.jump ?? '';
  return rule.dnatDestination
    ? { matched: true, target, toDestination: rule.dnatDestination }
    : { matched: true, target };
}
