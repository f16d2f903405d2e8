// What k8s.io/utils/net ParseCIDRSloppy accepts (its parse_test.go and Go's
// net.ParseCIDR cases from before Go 1.17), as kube-apiserver's IsValidCIDR
// sees a loadBalancerSourceRanges entry.
import { describe, expect, it } from 'vitest';
import { isCIDRSloppy } from '../../../src/engine/net/cidr-sloppy.ts';

describe('isCIDRSloppy', () => {
  it('accepts IPv4 and IPv6 ranges, leading zeros included', () => {
    for (const value of [
      '10.0.0.0/8',
      '1.2.3.4/24',
      '010.000.000.000/08',
      '0.0.0.0/0',
      '2001:db8::/64',
      '::/0',
      '1:2:3:4:5:6:7::/64',
      '::ffff:192.168.1.0/120',
    ])
      expect(isCIDRSloppy(value), value).toBe(true);
  });

  it('refuses an address without a prefix, a prefix too long, and malformed text', () => {
    for (const value of [
      '203.0.113.7',
      '10.0.0.0/33',
      '2001:db8::/129',
      '10.0.0/8',
      '256.0.0.0/8',
      '10.0.0.0/',
      '10.0.0.0/24/5',
      ' 10.0.0.0/8',
      '1::2::3/64',
      '1:2:3:4:5:6:7:8::/64',
      'office',
    ])
      expect(isCIDRSloppy(value), value).toBe(false);
  });
});
