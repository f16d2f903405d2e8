// Reads a rule's arguments back as the kernel would evaluate them, so that a
// trace walks exactly the rules `routelab iptables` prints.
import { cidrContains, parseCidr } from '../net/ip.ts';
import type { Rule } from './rules.ts';

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

function addrMatches(spec: string, ip: string): boolean {
  const cidr = parseCidr(spec.includes('/') ? spec : `${spec}/32`);
  return cidr ? cidrContains(cidr, ip) : false;
}

function isLocal(ip: string, ctx: Context): boolean {
  return ctx.localAddresses.has(ip) || ip.startsWith('127.');
}

/** Evaluates one rule against a packet; a rule with no -j only counts (matches, no target). */
export function evaluate(rule: Rule, packet: Packet, ctx: Context): Verdict {
  const a = rule.args;
  let negate = false;
  let target = '';
  let toDestination: string | undefined;
  let recentName = '';
  for (let i = 0; i < a.length; i++) {
    const token = a[i] ?? '';
    const next = a[i + 1] ?? '';
    if (token === '!') {
      negate = true;
      continue;
    }
    let ok = true;
    switch (token) {
      case '-m':
        i++;
        continue;
      case '--comment':
      case '--mode':
        i++;
        continue;
      case '-p':
        ok = packet.protocol === next;
        i++;
        break;
      case '-d':
        ok = addrMatches(next, packet.dst);
        i++;
        break;
      case '-s':
        ok = addrMatches(next, packet.src);
        i++;
        break;
      case '--dport':
        ok = packet.dport === Number(next);
        i++;
        break;
      case '--dst-type':
        ok = next === 'LOCAL' && isLocal(packet.dst, ctx);
        i++;
        break;
      case '--src-type':
        ok = next === 'LOCAL' && isLocal(packet.src, ctx);
        i++;
        break;
      case '--mark': {
        const [value, mask] = next.split('/').map((v) => Number.parseInt(v, 16));
        ok = (ctx.mark & (mask ?? 0xffffffff)) >>> 0 === value;
        i++;
        break;
      }
      case '--probability':
        ok = ctx.random() < Number(next);
        i++;
        break;
      case '--ctstate':
        // Every packet a trace follows opens a new connection.
        ok = next.split(',').includes('NEW');
        i++;
        break;
      case '--name':
        recentName = next;
        i++;
        continue;
      case '--rcheck':
        ok = ctx.recent.get(recentName)?.has(packet.src) ?? false;
        break;
      case '--set':
        if (!ctx.recent.has(recentName)) ctx.recent.set(recentName, new Set());
        ctx.recent.get(recentName)?.add(packet.src);
        continue;
      case '--seconds':
      case '--xor-mark':
      case '--or-mark':
        i++;
        continue;
      case '--reap':
        continue;
      case '-j':
        target = next;
        i++;
        continue;
      case '--to-destination':
        toDestination = next;
        i++;
        continue;
      default:
        continue;
    }
    if (negate) ok = !ok;
    negate = false;
    if (!ok) return { matched: false, target: '' };
  }
  return toDestination ? { matched: true, target, toDestination } : { matched: true, target };
}

/** The argument after `flag` in a rule, e.g. the --or-mark value. */
export function argAfter(rule: Rule, flag: string): string | undefined {
  const i = rule.args.indexOf(flag);
  return i >= 0 ? rule.args[i + 1] : undefined;
}
