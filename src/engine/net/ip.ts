// IPv4 arithmetic for the engine's allocators and for kube-proxy's matches.

export function parseIPv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

export interface Cidr {
  base: number;
  bits: number;
  text: string;
}

export function parseCidr(text: string): Cidr | null {
  const [ip, bitsText] = text.split('/');
  const base = parseIPv4(ip ?? '');
  const bits = Number(bitsText);
  if (base === null || !/^\d{1,2}$/.test(bitsText ?? '') || bits > 32) return null;
  const size = 2 ** (32 - bits);
  return { base: base - (base % size), bits, text };
}

export function cidrSize(cidr: Cidr): number {
  return 2 ** (32 - cidr.bits);
}

export function cidrContains(cidr: Cidr, ip: string): boolean {
  const value = parseIPv4(ip);
  return value !== null && value >= cidr.base && value < cidr.base + cidrSize(cidr);
}
