// One kube-proxy rule, parsed once when it is written into typed fields, the
// way kube-proxy's own tests read rules back: kubernetes/kubernetes
// pkg/util/iptables/testing/parse.go (type Rule, ParseRule). Every reader —
// the trace's evaluation, the iptables-save ordering, the rules drawing —
// uses these fields; `args` stays only to print the rule as written.
import { type Cidr, parseCidr } from '../net/ip.ts';

/** A possibly negated parameter value (parse.go IPTablesValue). */
export interface RuleValue {
  negated: boolean;
  value: string;
}

/** A Service port a rule was written for: kube-proxy's ServicePortName. */
export interface RuleServicePort {
  namespace: string;
  name: string;
  /** The ServicePort's name; "" for an unnamed port. */
  port: string;
}

export interface Rule {
  table: 'filter' | 'nat';
  chain: string;
  /** The arguments after "-A CHAIN", exactly as kube-proxy writes them. */
  args: string[];
  /** --comment, without its quotes. */
  comment?: string;
  protocol?: RuleValue;
  source?: RuleValue;
  sourceType?: RuleValue;
  destination?: RuleValue;
  destinationType?: RuleValue;
  destinationPort?: RuleValue;
  /** -j: a chain or a target (DNAT, MARK, RETURN...). */
  jump?: string;
  /** --probability, as written ("0.5000000000"). */
  probability?: string;
  statisticMode?: string;
  /** DNAT --to-destination ("10.244.2.2:8080"). */
  dnatDestination?: string;
  markCheck?: RuleValue;
  ctstateCheck?: RuleValue;
  /** MARK --xor-mark / --or-mark. */
  xorMark?: string;
  orMark?: string;
  /** -m recent (ClientIP session affinity). */
  affinityName?: string;
  affinityCheck?: boolean;
  affinitySet?: boolean;
  affinitySeconds?: string;
  affinityReap?: boolean;
  /** The Service port the rule belongs to, known to the writer (not read back from the comment). */
  servicePort?: RuleServicePort;
  // The values a trace compares packets with, read once here: a trace
  // evaluates the same rules for every request of every keystroke.
  /** -s and -d as ranges (an address is its /32); null when not an IPv4 address or CIDR. */
  sourceCidr?: Cidr | null;
  destinationCidr?: Cidr | null;
  /** --dport as a number. */
  destinationPortNumber?: number;
  /** --mark VALUE/MASK as numbers (no mask: all 32 bits). */
  markBits?: MarkBits;
  /** --xor-mark and --or-mark as numbers. */
  xorMarkBits?: number;
  orMarkBits?: number;
}

export interface MarkBits {
  value: number;
  mask: number;
}

type ValueField =
  | 'protocol'
  | 'source'
  | 'sourceType'
  | 'destination'
  | 'destinationType'
  | 'destinationPort'
  | 'markCheck'
  | 'ctstateCheck';
type StringField =
  | 'comment'
  | 'jump'
  | 'probability'
  | 'statisticMode'
  | 'dnatDestination'
  | 'xorMark'
  | 'orMark'
  | 'affinityName'
  | 'affinitySeconds';
type FlagField = 'affinityCheck' | 'affinitySet' | 'affinityReap';

// parse.go's struct tags: which parameter fills which field.
const valueParams: Record<string, ValueField> = {
  '-p': 'protocol',
  '-s': 'source',
  '--src-type': 'sourceType',
  '-d': 'destination',
  '--dst-type': 'destinationType',
  '--dport': 'destinationPort',
  '--mark': 'markCheck',
  '--ctstate': 'ctstateCheck',
};
const stringParams: Record<string, StringField> = {
  '--comment': 'comment',
  '-j': 'jump',
  '--probability': 'probability',
  '--mode': 'statisticMode',
  '--to-destination': 'dnatDestination',
  '--xor-mark': 'xorMark',
  '--or-mark': 'orMark',
  '--name': 'affinityName',
  '--seconds': 'affinitySeconds',
};
const flagParams: Record<string, FlagField> = {
  '--rcheck': 'affinityCheck',
  '--set': 'affinitySet',
  '--reap': 'affinityReap',
};

/** ParseRule (non-strict) over kube-proxy's own argument list; quotes are trimmed as parse.go does. */
export function parseRule(
  table: Rule['table'],
  chain: string,
  args: string[],
  servicePort?: RuleServicePort,
): Rule {
  const rule: Rule = { table, chain, args, ...(servicePort ? { servicePort } : {}) };
  let negated = false;
  for (let w = 0; w < args.length; ) {
    const word = args[w] ?? '';
    if (word === '-m' && w < args.length - 1) {
      w += 2;
      continue;
    }
    if (word === '!') {
      negated = true;
      w++;
      continue;
    }
    const valueField = valueParams[word];
    const stringField = stringParams[word];
    const flagField = flagParams[word];
    if (valueField) {
      rule[valueField] = { negated, value: unquoted(args[w + 1]) };
      w += 2;
    } else if (stringField) {
      rule[stringField] = unquoted(args[w + 1]);
      w += 2;
    } else if (flagField) {
      rule[flagField] = !negated;
      w++;
    } else w++;
    negated = false;
  }
  return withNumbers(rule);
}

function unquoted(word: string | undefined): string {
  return (word ?? '').replace(/^"|"$/g, '');
}

const address = (value: string) => parseCidr(value.includes('/') ? value : `${value}/32`);
const hex = (value: string) => Number.parseInt(value, 16);

/** The fields evaluate compares, from their text. */
function withNumbers(rule: Rule): Rule {
  if (rule.source) rule.sourceCidr = address(rule.source.value);
  if (rule.destination) rule.destinationCidr = address(rule.destination.value);
  if (rule.destinationPort) rule.destinationPortNumber = Number(rule.destinationPort.value);
  if (rule.markCheck) {
    const [value = '', mask] = rule.markCheck.value.split('/');
    rule.markBits = { value: hex(value), mask: mask === undefined ? 0xffffffff : hex(mask) };
  }
  if (rule.xorMark) rule.xorMarkBits = hex(rule.xorMark);
  if (rule.orMark) rule.orMarkBits = hex(rule.orMark);
  return rule;
}
