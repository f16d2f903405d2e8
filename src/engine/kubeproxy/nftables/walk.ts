// A packet through a node's ip kube-proxy table, rule by rule: what nft would
// do with the first packet of a new connection. Each rule kube-proxy writes is
// read as nft reads it (matches left to right, then the verdict); a verdict
// map lookup continues with the verdict of the element that matched, which the
// step names. The hooks run as kube-proxy's own packet-flow tests run them
// (pkg/proxy/nftables/helpers_test.go tracePacket): the pre-DNAT filter chain,
// nat prerouting (whose DNAT changes the destination the later chains see),
// filter forward, then filter input.
import { cidrContains, parseCidr } from '../../net/ip.ts';
import { elementText } from './dump.ts';
import { elementIndex, type NftElement, type NftTable } from './table.ts';

export interface Packet {
  source: string;
  /** nft's lower-case name: tcp, udp or sctp. */
  protocol: string;
  destination: string;
  port: number;
}

export interface WalkStep {
  chain: string;
  rule: string;
  /** The set or map element the rule matched, as nft writes it ("{ 172.30.0.41 . tcp . 80 : goto ... }"). */
  element?: string;
}

/** What a step's rule did, for a reader that says why (a trace): kept beside the step, at the same index. */
export interface StepVerdict {
  /** Its own verdict, the matched element's, or the endpoint `numgen` chose. */
  verdict: string;
  /** The matched element's set or map, and its comment (kube-proxy's ServicePortName for "no endpoints" ones). */
  container?: string;
  comment?: string;
}

export interface Walk {
  steps: WalkStep[];
  /** steps[i]'s verdict is verdicts[i]. */
  verdicts: StepVerdict[];
  /** Each endpoint ("10.180.0.1:80") the packet is DNATed to, or DROP / REJECT. */
  outputs: string[];
  masquerade: boolean;
}

export interface WalkOptions {
  /** The node's own addresses, for `fib saddr/daddr type local`. */
  localIPs: string[];
  /** Which of n endpoints `numgen random mod n` picks; every one of them when absent, as the tests follow. */
  pick?: (n: number) => number;
  /**
   * The base chains to run, in order; the tests' four when absent. A trace
   * runs a packet's own path (output instead of prerouting for the node's
   * own traffic), a part at a time.
   */
  hooks?: string[];
  /**
   * The addresses each ClientIP affinity set holds (a dynamic set the
   * packets fill): kept across the walks of one trace session; empty sets,
   * as a first packet finds them, when absent.
   */
  affinity?: Map<string, Set<string>>;
}

const testHooks = [
  'filter-prerouting-pre-dnat',
  'nat-prerouting',
  'filter-forward',
  'filter-input',
];

export function walkPacket(table: NftTable, packet: Packet, options: WalkOptions): Walk {
  const walk: Walk = { steps: [], verdicts: [], outputs: [], masquerade: false };
  const walker = new Walker(table, options, walk);
  let destination = packet.destination;
  for (const hook of options.hooks ?? testHooks) {
    if (hook === 'filter-forward' && walk.outputs.length > 0)
      destination = (walk.outputs[0] ?? '').replace(/:\d+$/, '');
    const terminated = walker.chain(hook, { ...packet, destination });
    // A DNAT ends nat prerouting only; a drop or a reject ends the packet.
    if (terminated && hook !== 'nat-prerouting') break;
  }
  return walk;
}

function addressMatches(ip: string, address: string): boolean {
  if (!address.includes('/')) return ip === address;
  const cidr = parseCidr(address);
  return cidr !== null && cidrContains(cidr, ip);
}

class Walker {
  private readonly table: NftTable;
  private readonly options: WalkOptions;
  private readonly walk: Walk;
  private depth = 0;
  constructor(table: NftTable, options: WalkOptions, walk: Walk) {
    this.table = table;
    this.options = options;
    this.walk = walk;
  }

  /** Runs a chain; true when the packet met a terminal verdict (accept by DNAT, drop, reject). */
  chain(name: string, packet: Packet): boolean {
    const chain = this.table.chains.get(name);
    if (!chain) return false;
    // kube-proxy's chains never loop; the bound only guards against a bug.
    if (++this.depth > 64) throw new Error(`nft chain depth exceeded at ${name}`);
    try {
      for (const { rule } of chain.rules) {
        const result = this.rule(name, rule, packet);
        if (result !== 'next') return result === 'terminal';
      }
      return false;
    } finally {
      this.depth--;
    }
  }

  private element(container: string, key: string[], map: boolean): NftElement | undefined {
    const holder = map ? this.table.maps.get(container) : this.table.sets.get(container);
    return holder ? elementIndex(holder).get(key.join(' . ')) : undefined;
  }

  /** One rule: 'next' when it does not match or falls through, else how its chain ends. */
  private rule(chain: string, text: string, p: Packet): Ending {
    const state: RuleState = { rest: text };
    const step = (verdict: string) => {
      this.walk.steps.push(
        state.element ? { chain, rule: text, element: state.element } : { chain, rule: text },
      );
      this.walk.verdicts.push({
        verdict,
        ...(state.container ? { container: state.container } : {}),
        ...(state.comment ? { comment: state.comment } : {}),
      });
    };
    while (state.rest !== '') {
      const handled = this.statement(state, p, step);
      if (handled !== undefined) return handled;
    }
    return 'next';
  }

  /**
   * The first match or statement of what is left of a rule: undefined when the
   * rule goes on (state.rest moved past it, or replaced by a map's verdict),
   * else how the rule ends.
   */
  private statement(
    state: RuleState,
    p: Packet,
    step: (verdict: string) => void,
  ): Ending | undefined {
    const addressOf = (field: string | undefined) => (field === 'saddr' ? p.source : p.destination);
    const statements = [...this.matches(state, p, addressOf), ...this.verdicts(p, step)];
    for (const [pattern, handle] of statements) {
      const m = pattern.exec(state.rest);
      if (!m) continue;
      state.rest = state.rest.slice(m[0].length);
      return handle(m);
    }
    throw new Error(`nft rule not understood: ${state.rest}`);
  }

  /** The matches kube-proxy's rules use: each lets the rule go on (undefined) or ends it ('next'). */
  private matches(
    state: RuleState,
    p: Packet,
    addressOf: (field: string | undefined) => string,
  ): Statement[] {
    const matched = (container: string, found: NftElement) => {
      state.element = elementText(found);
      state.container = container;
      if (found.comment !== undefined) state.comment = found.comment;
    };
    const lookup = (container: string | undefined, key: string[]) => {
      const found = this.element(container ?? '', key, true);
      if (!found) return 'next';
      matched(container ?? '', found);
      state.rest = found.value.join(' ');
      return undefined;
    };
    return [
      // The walk follows a connection's first packet.
      [/^ct state new */, () => undefined],
      [
        /^ip daddr \. meta l4proto \. th dport vmap @(\S+) */,
        (m) => lookup(m[1], [p.destination, p.protocol, String(p.port)]),
      ],
      [
        /^meta l4proto \. th dport vmap @(\S+) */,
        (m) => lookup(m[1], [p.protocol, String(p.port)]),
      ],
      [
        /^ip (saddr|daddr) (!= )?@(\S+) */,
        (m) => {
          const name = m[3] ?? '';
          const ip = addressOf(m[1]);
          const remembered = this.options.affinity?.get(name)?.has(ip) ?? false;
          const found = remembered ? { key: [ip], value: [] } : this.element(name, [ip], false);
          if (Boolean(found) === Boolean(m[2])) return 'next';
          if (found) matched(name, found);
          return undefined;
        },
      ],
      [
        /^ip (saddr|daddr) (!= )?\{ ([^}]*) \} */,
        (m) => {
          const ip = addressOf(m[1]);
          const any = (m[3] ?? '').split(' , ').some((a) => addressMatches(ip, a.trim()));
          return any === Boolean(m[2]) ? 'next' : undefined;
        },
      ],
      [
        /^ip (saddr|daddr) (!= )?(\S+) */,
        (m) => (addressMatches(addressOf(m[1]), m[3] ?? '') === Boolean(m[2]) ? 'next' : undefined),
      ],
      [
        /^fib (saddr|daddr) type local */,
        (m) => (this.options.localIPs.includes(addressOf(m[1])) ? undefined : 'next'),
      ],
      [
        /^(tcp|udp|sctp) dport (\d+) */,
        (m) => (m[1] === p.protocol && m[2] === String(p.port) ? undefined : 'next'),
      ],
      // Records the client for ClientIP affinity, where the caller keeps the sets.
      [
        /^update @(\S+) \{ ip saddr \} */,
        (m) => {
          const sets = this.options.affinity;
          const name = m[1] ?? '';
          if (sets) sets.set(name, (sets.get(name) ?? new Set()).add(p.source));
          return undefined;
        },
      ],
    ];
  }

  /** The statements that end a rule: masquerade mark, jump, goto, verdicts, DNAT, the random choice. */
  private verdicts(p: Packet, step: (verdict: string) => void): Statement[] {
    return [
      [
        // As the tests do: the jump itself marks the packet for masquerading.
        /^jump mark-for-masquerade$/,
        () => {
          this.walk.masquerade = true;
          step('jump mark-for-masquerade');
          return 'next';
        },
      ],
      [
        /^(jump|goto) (\S+)$/,
        (m) => {
          step(m[0]);
          if (this.chain(m[2] ?? '', p)) return 'terminal';
          return m[1] === 'goto' ? 'return' : 'next';
        },
      ],
      [
        /^(drop|reject)$/,
        (m) => {
          step(m[1] ?? '');
          this.walk.outputs.push((m[1] ?? '').toUpperCase());
          return 'terminal';
        },
      ],
      [
        /^return$/,
        () => {
          step('return');
          return 'return';
        },
      ],
      [
        /^meta l4proto (tcp|udp|sctp) dnat to (\S+)$/,
        (m) => {
          step(`dnat to ${m[2] ?? ''}`);
          this.walk.outputs.push(m[2] ?? '');
          return 'terminal';
        },
      ],
      [
        /^numgen random mod (\d+) vmap \{ (.*) \}$/,
        (m) => {
          const targets = [...(m[2] ?? '').matchAll(/\d+ : goto (\S+)/g)].map((t) => t[1] ?? '');
          const pick = this.options.pick;
          const chosen = pick ? [targets[pick(targets.length)] ?? ''] : targets;
          step(chosen.length === 1 ? `goto ${chosen[0]}` : `vmap { ${m[2] ?? ''} }`);
          for (const target of chosen) this.chain(target, p);
          return 'terminal';
        },
      ],
    ];
  }
}

type Ending = 'next' | 'terminal' | 'return';

type Statement = [RegExp, (m: RegExpExecArray) => Ending | undefined];

interface RuleState {
  rest: string;
  element?: string;
  container?: string;
  comment?: string;
}
