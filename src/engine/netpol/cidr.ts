// CIDRs as k8s.io/utils/net ParseCIDRSloppy reads them, the parser behind
// kube-apiserver's check of ipBlock (leading zeros allowed, host bits
// dropped), as numbers of the family's width: what validation compares for
// "strict subset" and what the CNI matches addresses against.
import { isCIDRSloppy } from '../net/cidr-sloppy.ts';

/** An address as a number of its family's width; null for IPv4 octets Go would refuse. */
function address(ip: string): { v6: boolean; value: bigint } | null {
  if (!ip.includes(':')) {
    const octets = ip.split('.').map(Number);
    return { v6: false, value: octets.reduce((sum, o) => sum * 256n + BigInt(o), 0n) };
  }
  // An IPv4 tail stands for the last two groups.
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  const text = tail
    ? `${ip.slice(0, tail.index)}${((Number(tail[1]) << 8) | Number(tail[2])).toString(16)}:${((Number(tail[3]) << 8) | Number(tail[4])).toString(16)}`
    : ip;
  const [head = '', rest] = text.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const all =
    rest === undefined
      ? groups(head)
      : [
          ...groups(head),
          ...Array(8 - groups(head).length - groups(rest).length).fill('0'),
          ...groups(rest),
        ];
  return { v6: true, value: all.reduce((sum, g) => sum * 65536n + BigInt(`0x${g}`), 0n) };
}

/** A CIDR as ParseCIDRSloppy reads it: leading zeros allowed, host bits dropped. */
export function sloppyCidr(value: string): { v6: boolean; base: bigint; bits: number } | null {
  if (!isCIDRSloppy(value)) return null;
  const slash = value.indexOf('/');
  const ip = address(value.slice(0, slash));
  if (!ip) return null;
  const bits = Number(value.slice(slash + 1));
  const size = 1n << BigInt((ip.v6 ? 128 : 32) - bits);
  return { v6: ip.v6, base: ip.value - (ip.value % size), bits };
}

/** Whether an IPv4 address lies in a range (false for an IPv6 range or a bad value). */
export function inCidr(cidr: string, ip: string): boolean {
  const range = sloppyCidr(cidr);
  const addr = address(ip);
  if (!range || !addr || range.v6 || addr.v6 || !/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return false;
  return addr.value >= range.base && addr.value < range.base + size(range);
}

/** The number of addresses a range holds. */
export function size(range: { v6: boolean; bits: number }): bigint {
  return 1n << BigInt((range.v6 ? 128 : 32) - range.bits);
}
