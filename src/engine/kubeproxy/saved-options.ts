// The options of each match and target kube-proxy uses, printed as the
// extension's own `*_save` function prints them (netfilter iptables 1.8.11,
// extensions/libxt_*.c, libipt_REJECT.c, libxt_NAT.c; libxtables/xtables.c
// xtables_save_string). Each function names the upstream one it follows.
import { formatIPv4, parseIPv4 } from '../net/ip.ts';

/** A --option as written: its values, and whether a "!" came before it. */
export interface Option {
  name: string;
  negated: boolean;
  values: string[];
}

/** The options each extension defines (its xt_option_entry table). */
const defines: Record<string, string[]> = {
  comment: ['--comment'],
  tcp: ['--sport', '--source-port', '--dport', '--destination-port'],
  udp: ['--sport', '--source-port', '--dport', '--destination-port'],
  sctp: ['--sport', '--source-port', '--dport', '--destination-port'],
  statistic: ['--mode', '--probability', '--every', '--packet'],
  mark: ['--mark'],
  conntrack: ['--ctstate'],
  addrtype: ['--src-type', '--dst-type', '--limit-iface-in', '--limit-iface-out'],
  recent: [
    ...['--set', '--rcheck', '--update', '--remove', '--seconds', '--reap', '--hitcount'],
    ...['--rttl', '--name', '--mask', '--rsource', '--rdest'],
  ],
  DNAT: ['--to-destination', '--random', '--persistent'],
  MASQUERADE: ['--to-ports', '--random', '--random-fully'],
  MARK: ['--set-xmark', '--set-mark', '--and-mark', '--or-mark', '--xor-mark'],
  REJECT: ['--reject-with'],
  nfacct: ['--nfacct-name'],
};

export function ownerOf(option: string, extension: string): boolean {
  return defines[extension]?.includes(option) ?? false;
}

const find = (options: Option[], ...names: string[]) => options.find((o) => names.includes(o.name));
const not = (o: Option | undefined) => (o?.negated ? ' !' : '');

/** xtables_save_string: bare when only [A-Za-z0-9_-], else in "" with " \ ' escaped. */
export function saveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return ` ${value}`;
  return ` "${value.replace(/["\\']/g, '\\$&')}"`;
}

/** xtables_strtoui with base 0, as the mark options read numbers: 0x hex, 0 octal, decimal. */
function number(text: string): number {
  const value = /^0x[0-9a-f]+$/i.test(text)
    ? Number.parseInt(text, 16)
    : /^0[0-7]*$/.test(text)
      ? Number.parseInt(text, 8)
      : /^[1-9]\d*$/.test(text)
        ? Number(text)
        : Number.NaN;
  if (!(value >= 0 && value <= 0xffffffff)) throw new Error(`iptables-save: bad mark ${text}`);
  return value;
}

/** XTTYPE_MARKMASK32: VALUE[/MASK], the mask all ones when left out. */
function markMask(text: string): [number, number] {
  const [value = '', mask] = text.split('/');
  return [number(value), mask === undefined ? 0xffffffff : number(mask)];
}

const hex = (n: number) => `0x${(n >>> 0).toString(16)}`;

/**
 * libxt_tcp.c tcp_save, libxt_udp.c udp_save, libxt_sctp.c sctp_save:
 * --sport, then --dport; an open end of a range is 0 or 65535, one port
 * prints alone, and 0:65535 not negated is no match at all (skip_ports_match).
 */
function ports(options: Option[]): string {
  let out = '';
  for (const [flag, names] of [
    ['--sport', ['--sport', '--source-port']],
    ['--dport', ['--dport', '--destination-port']],
  ] as const) {
    const o = find(options, ...names);
    if (!o) continue;
    const text = o.values[0] ?? '';
    const [lowText = '', highText = lowText] = text.split(':');
    const low = lowText === '' ? 0 : Number(lowText);
    const high = highText === '' ? (text.includes(':') ? 65535 : low) : Number(highText);
    if (low === 0 && high === 65535 && !o.negated) continue;
    out += `${not(o)} ${flag} ${low === high ? low : `${low}:${high}`}`;
  }
  return out;
}

/**
 * libxt_statistic.c: statistic_parse stores lround(0x80000000 * p) and
 * print_match prints "%.11f" of that over 0x80000000. Printed here from the
 * exact quotient, rounding a tie to even as glibc's printf does.
 */
export function savedProbability(written: string): string {
  const stored = BigInt(Math.round(0x80000000 * Number(written)));
  const scaled = stored * 10n ** 11n;
  const whole = 0x80000000n;
  let digits = scaled / whole;
  const twice = (scaled % whole) * 2n;
  if (twice > whole || (twice === whole && digits % 2n === 1n)) digits += 1n;
  const text = digits.toString().padStart(12, '0');
  return `${text.slice(0, -11)}.${text.slice(-11)}`;
}

function statistic(options: Option[]): string {
  const mode = find(options, '--mode');
  if (mode?.values[0] === 'random') {
    const p = find(options, '--probability');
    return ` --mode random${not(p)} --probability ${savedProbability(p?.values[0] ?? '')}`;
  }
  const every = find(options, '--every');
  const packet = find(options, '--packet')?.values[0] ?? '0';
  return ` --mode nth${not(every)} --every ${Number(every?.values[0])} --packet ${Number(packet)}`;
}

/** libxt_mark.c mark_mt_save, via xtables_print_mark_mask: the mask only when not all ones. */
function mark(options: Option[]): string {
  const o = find(options, '--mark');
  const [value, mask] = markMask(o?.values[0] ?? '');
  return `${not(o)} --mark ${hex(value)}${mask === 0xffffffff ? '' : `/${hex(mask)}`}`;
}

/** libxt_conntrack.c print_state: the states in the kernel's bit order. */
const ctstates = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];
function conntrack(options: Option[]): string {
  const o = find(options, '--ctstate');
  const given = (o?.values[0] ?? '').split(',');
  return `${not(o)} --ctstate ${ctstates.filter((s) => given.includes(s)).join(',')}`;
}

/** libxt_addrtype.c addrtype_save_v1 and print_types (rtn_names order). */
const addrTypes = ['UNSPEC', 'UNICAST', 'LOCAL', 'BROADCAST', 'ANYCAST', 'MULTICAST'];
addrTypes.push('BLACKHOLE', 'UNREACHABLE', 'PROHIBIT', 'THROW', 'NAT', 'XRESOLVE');
function addrtype(options: Option[]): string {
  let out = '';
  for (const flag of ['--src-type', '--dst-type']) {
    const o = find(options, flag);
    if (!o) continue;
    const given = (o.values[0] ?? '').split(',');
    out += `${not(o)} ${flag} ${addrTypes.filter((t) => given.includes(t)).join(',')}`;
  }
  for (const flag of ['--limit-iface-in', '--limit-iface-out'])
    if (find(options, flag)) out += ` ${flag}`;
  return out;
}

/**
 * libxt_recent.c recent_save (revision 1, IPv4): the command, --seconds,
 * --reap, --hitcount, --rttl, --name (recent_init: DEFAULT), --mask
 * (recent_init: all ones) and the side (recent_init: --rsource).
 */
function recent(options: Option[]): string {
  const command = ['--set', '--rcheck', '--update', '--remove']
    .map((c) => find(options, c))
    .find(Boolean);
  let out = `${not(command)} ${command?.name ?? ''}`;
  const seconds = find(options, '--seconds');
  if (seconds) out += ` --seconds ${Number(seconds.values[0])}`;
  if (find(options, '--reap')) out += ' --reap';
  const hits = find(options, '--hitcount');
  if (hits) out += ` --hitcount ${Number(hits.values[0])}`;
  if (find(options, '--rttl')) out += ' --rttl';
  out += ` --name ${find(options, '--name')?.values[0] ?? 'DEFAULT'}`;
  const mask = parseIPv4(find(options, '--mask')?.values[0] ?? '255.255.255.255');
  out += ` --mask ${formatIPv4(mask ?? 0xffffffff)}`;
  return `${out} ${find(options, '--rdest') ? '--rdest' : '--rsource'}`;
}

/** A match's options as its `*_save` prints them. */
export function formatMatch(name: string, options: Option[]): string {
  switch (name) {
    case 'comment':
      return ` --comment${saveString(find(options, '--comment')?.values[0] ?? '')}`;
    case 'tcp':
    case 'udp':
    case 'sctp':
      return ports(options);
    case 'statistic':
      return statistic(options);
    case 'mark':
      return mark(options);
    case 'conntrack':
      return conntrack(options);
    case 'addrtype':
      return addrtype(options);
    case 'recent':
      return recent(options);
    case 'nfacct':
      // libxt_nfacct.c nfacct_save: nfacct_print_name(info, "--"), the name as given.
      return ` --nfacct-name ${find(options, '--nfacct-name')?.values[0] ?? ''}`;
    default:
      throw new Error(`iptables-save: no save format for match ${name}`);
  }
}

/** libxt_MARK.c mark_tg_parse into xt_mark_tginfo2, printed by mark_tg_save. */
function markTarget(options: Option[]): string {
  const o = options[0];
  const text = o?.values[0] ?? '';
  let [value, mask] = markMask(text);
  if (o?.name === '--set-mark') mask = (value | mask) >>> 0;
  else if (o?.name === '--and-mark') [value, mask] = [0, ~number(text) >>> 0];
  else if (o?.name === '--or-mark') [value, mask] = [number(text), number(text)];
  else if (o?.name === '--xor-mark') [value, mask] = [number(text), 0];
  return ` --set-xmark ${hex(value)}/${hex(mask)}`;
}

/** libipt_REJECT.c reject_table: each name and its alias; REJECT_init's default is port-unreachable. */
const rejectNames: [string, string][] = [
  ['icmp-net-unreachable', 'net-unreach'],
  ['icmp-host-unreachable', 'host-unreach'],
  ['icmp-proto-unreachable', 'proto-unreach'],
  ['icmp-port-unreachable', 'port-unreach'],
  ['icmp-net-prohibited', 'net-prohib'],
  ['icmp-host-prohibited', 'host-prohib'],
  ['tcp-reset', 'tcp-rst'],
  ['icmp-admin-prohibited', 'admin-prohib'],
];
function reject(options: Option[]): string {
  const given = find(options, '--reject-with')?.values[0] ?? 'icmp-port-unreachable';
  const name = rejectNames.find((n) => n.includes(given))?.[0];
  if (!name) throw new Error(`iptables-save: unknown --reject-with ${given}`);
  return ` --reject-with ${name}`;
}

/** libxt_NAT.c __NAT_print with the "--" prefix: the range, then --random, --random-fully, --persistent. */
function nat(rangeOption: string, options: Option[]): string {
  const range = find(options, rangeOption)?.values[0];
  let out = range === undefined ? '' : ` ${rangeOption} ${range}`;
  for (const flag of ['--random', '--random-fully', '--persistent'])
    if (find(options, flag)) out += ` ${flag}`;
  return out;
}

/** A target's options as its `*_save` prints them; standard targets and chains have none. */
export function formatTarget(name: string, options: Option[]): string {
  switch (name) {
    case 'MARK':
      return markTarget(options);
    case 'REJECT':
      return reject(options);
    case 'DNAT':
      return nat('--to-destination', options);
    case 'MASQUERADE':
      return nat('--to-ports', options);
    default:
      if (options.length > 0)
        throw new Error(`iptables-save: no save format for target ${name} ${options[0]?.name}`);
      return '';
  }
}
