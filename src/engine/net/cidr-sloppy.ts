// Whether k8s.io/utils/net ParseCIDRSloppy accepts a value: the parser
// kube-apiserver's IsValidCIDR (apimachinery pkg/util/validation/ip.go) uses
// for loadBalancerSourceRanges. It is Go's net.ParseCIDR from before Go 1.17,
// so IPv4 octets may have leading zeros ("010.0.0.0/8" is 10.0.0.0/8), and
// IPv6 ranges are valid too, though the engine routes IPv4 only.

/** dtoi: decimal digits from the start; at least one, below 0xFFFFFF. */
function decimal(text: string): number | null {
  if (!/^[0-9]+$/.test(text)) return null;
  const n = Number(text);
  return n >= 0xffffff ? null : n;
}

function isIPv4Sloppy(text: string): boolean {
  const parts = text.split('.');
  return (
    parts.length === 4 &&
    parts.every((part) => {
      const n = decimal(part);
      return n !== null && n <= 0xff;
    })
  );
}

/** Go's parseIPv6 without zones: hex groups, one "::", an IPv4 tail. */
function isIPv6(text: string): boolean {
  let rest = text;
  let groups = 0;
  let ellipsis = false;
  if (rest.startsWith('::')) {
    ellipsis = true;
    rest = rest.slice(2);
  }
  while (rest !== '') {
    const hex = /^[0-9a-fA-F]+/.exec(rest)?.[0];
    if (!hex) return false;
    if (rest[hex.length] === '.') {
      // An IPv4 tail stands for the last two groups.
      if ((!ellipsis && groups !== 6) || groups + 2 > 8 || !isIPv4Sloppy(rest)) return false;
      groups += 2;
      break;
    }
    if (Number.parseInt(hex, 16) > 0xffff) return false;
    groups++;
    rest = rest.slice(hex.length);
    if (rest === '') break;
    if (rest[0] !== ':' || rest.length === 1) return false;
    rest = rest.slice(1);
    if (rest[0] === ':') {
      if (ellipsis) return false;
      ellipsis = true;
      rest = rest.slice(1);
    }
    if (groups === 8) return false;
  }
  // "::" must stand for at least one group of zeros.
  return ellipsis ? groups < 8 : groups === 8;
}

export function isCIDRSloppy(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return false;
  const ip = value.slice(0, slash);
  const bits = decimal(value.slice(slash + 1));
  if (bits === null) return false;
  if (isIPv4Sloppy(ip)) return bits <= 32;
  return isIPv6(ip) && bits <= 128;
}
