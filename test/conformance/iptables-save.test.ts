// `routelab iptables --format save`: kube-proxy's rules as iptables-save
// prints them back from the kernel. Each expectation cites the netfilter
// iptables 1.8.11 function that prints it (or the extension's own test file,
// extensions/*.t, whose lines read "rule;what iptables-save prints;OK"), and
// the golden lines are a real iptables-save dump that kubernetes/kubernetes
// keeps in pkg/util/iptables/save_restore_test.go.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, iptables } from '../../src/engine/index.ts';
import { parseRule } from '../../src/engine/kubeproxy/rule.ts';
import type { Table } from '../../src/engine/kubeproxy/rules.ts';
import { savedRule, savedTable } from '../../src/engine/kubeproxy/saved.ts';
import { savedProbability } from '../../src/engine/kubeproxy/saved-options.ts';

/** Words as iptables-restore splits a line: a "quoted string" is one word. */
const words = (text: string) => text.match(/"[^"]*"|\S+/g) ?? [];
const saved = (chain: string, args: string) => savedRule(parseRule('nat', chain, words(args)));

describe('one rule as iptables-save prints it', () => {
  it.each([
    [
      // iptables/iptables.c print_rule4 and iptables/nft-ipv4.c nft_ipv4_save_rule:
      // save_ipv4_addr(-s, -d), save_rule_details(-i, -o, -p), the matches, -j.
      'IP part first: -s, -d, -i, -o, -p; then -m in the order given; then -j',
      [
        'KUBE-SERVICES',
        '-m comment --comment "ns/svc:p cluster IP" -m tcp -p tcp -d 10.96.0.10 --dport 53 -j KUBE-SVC-X',
      ],
      '-A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment "ns/svc:p cluster IP" -m tcp --dport 53 -j KUBE-SVC-X',
    ],
    [
      // xshared.c save_ipv4_addr: " ! -s ADDR/N", the prefix from mask_to_str ("32" for all ones).
      'a negated source before the destination, both with a prefix length',
      ['KUBE-SVC-X', '-d 10.96.0.10 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ'],
      '-A KUBE-SVC-X ! -s 10.244.0.0/16 -d 10.96.0.10/32 -j KUBE-MARK-MASQ',
    ],
    [
      // libxtables/xtables.c xtables_ipparse_multiple: the address is ANDed with its mask.
      'an address masked to its prefix',
      ['KUBE-FW-X', '-s 203.0.113.77/25 -j KUBE-EXT-X'],
      '-A KUBE-FW-X -s 203.0.113.0/25 -j KUBE-EXT-X',
    ],
    [
      // save_ipv4_addr returns early when mask, address and invert are all zero.
      '0.0.0.0/0 not printed',
      ['KUBE-FW-X', '-s 0.0.0.0/0 -j KUBE-EXT-X'],
      '-A KUBE-FW-X -j KUBE-EXT-X',
    ],
    [
      // xshared.c save_iface: an interface, "+" (any) only when negated.
      'interfaces after the addresses',
      ['FORWARD', '! -o cbr0 -i cbr0 -s 10.0.0.0/8 -j ACCEPT'],
      '-A FORWARD -s 10.0.0.0/8 -i cbr0 ! -o cbr0 -j ACCEPT',
    ],
    [
      // libxtables/xtables.c xtables_save_string: bare only for [A-Za-z0-9_-]+.
      'a comment of letters, digits, _ and - unquoted; one with "/" quoted',
      ['KUBE-SEP-X', '-m comment --comment KUBE-only_ok-1 -m comment --comment ns/svc:p -j ACCEPT'],
      '-A KUBE-SEP-X -m comment --comment KUBE-only_ok-1 -m comment --comment "ns/svc:p" -j ACCEPT',
    ],
    [
      // xtables_save_string escapes " \ and ' with a backslash inside the quotes.
      "a comment with ' escaped",
      ['X', "-m comment --comment it's -j ACCEPT"],
      `-A X -m comment --comment "it\\'s" -j ACCEPT`,
    ],
    [
      // libxt_statistic.c statistic_parse (lround(0x80000000 * p)) and print_match ("%.11f").
      '--probability after the round trip through the kernel',
      [
        'KUBE-SVC-X',
        '-m comment --comment "ns/svc:p -> 10.0.1.1:80" -m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-A',
      ],
      '-A KUBE-SVC-X -m comment --comment "ns/svc:p -> 10.0.1.1:80" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-A',
    ],
    [
      // extensions/libxt_statistic.t: "--mode random ! --probability 0.50000000000;=;OK".
      'a negated probability: "!" after "random"',
      ['X', '-m statistic --mode random ! --probability 0.5 -j ACCEPT'],
      '-A X -m statistic --mode random ! --probability 0.50000000000 -j ACCEPT',
    ],
    [
      // libxt_statistic.c print_match: nth mode prints --packet always when saving.
      'nth mode: --every and --packet',
      ['X', '-m statistic --mode nth --every 3 -j ACCEPT'],
      '-A X -m statistic --mode nth --every 3 --packet 0 -j ACCEPT',
    ],
    [
      // libxt_MARK.c mark_tg_parse O_OR_MARK (mark = mask = bits) and mark_tg_save.
      'MARK --or-mark as --set-xmark VALUE/VALUE',
      ['KUBE-MARK-MASQ', '-j MARK --or-mark 0x4000'],
      '-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000',
    ],
    [
      // mark_tg_parse O_XOR_MARK: mark = bits, mask = 0.
      'MARK --xor-mark as --set-xmark VALUE/0x0',
      ['KUBE-POSTROUTING', '-j MARK --xor-mark 0x4000'],
      '-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0',
    ],
    [
      // mark_tg_parse O_AND_MARK: mark 0, mask ~bits; libxt_MARK.t: "--set-xmark 0x0" saves "0x0/0xffffffff".
      'MARK --and-mark and a --set-xmark without mask',
      ['X', '-j MARK --and-mark 0xff'],
      '-A X -j MARK --set-xmark 0x0/0xffffff00',
    ],
    [
      // libxt_mark.c mark_mt_save via xtables_print_val_mask: "0x%x/0x%x", or "0x%x" for an all-ones mask.
      'mark match: negation before --mark; a full mask not printed',
      ['KUBE-POSTROUTING', '-m mark ! --mark 0x4000/0x4000 -m mark --mark 4294967295 -j RETURN'],
      '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -m mark --mark 0xffffffff -j RETURN',
    ],
    [
      // libipt_REJECT.c REJECT_init (IPT_ICMP_PORT_UNREACHABLE) and REJECT_save; libipt_REJECT.t.
      'REJECT with its default --reject-with',
      [
        'KUBE-SERVICES',
        '-m comment --comment "ns/svc:p has no endpoints" -m tcp -p tcp -d 172.30.0.46 --dport 80 -j REJECT',
      ],
      '-A KUBE-SERVICES -d 172.30.0.46/32 -p tcp -m comment --comment "ns/svc:p has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    ],
    [
      // libipt_REJECT.c reject_table: an alias is saved by its full name.
      'REJECT --reject-with by its alias',
      ['X', '-p tcp -j REJECT --reject-with tcp-rst'],
      '-A X -p tcp -j REJECT --reject-with tcp-reset',
    ],
    [
      // libxt_conntrack.c conntrack3_mt_save -> conntrack_dump, print_state (bit order).
      'conntrack: negated --ctstate, states in the kernel’s order',
      [
        'KUBE-FIREWALL',
        '-m comment --comment "block incoming localnet connections" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate DNAT,ESTABLISHED,RELATED -j DROP',
      ],
      '-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
    ],
    [
      // libxt_addrtype.c addrtype_save_v1: --src-type, then --dst-type, each maybe negated.
      'addrtype',
      ['X', '-m addrtype --dst-type LOCAL ! --src-type LOCAL -j KUBE-MARK-MASQ'],
      '-A X -m addrtype ! --src-type LOCAL --dst-type LOCAL -j KUBE-MARK-MASQ',
    ],
    [
      // libxt_recent.c recent_save (rev 1, IPv4) with recent_init's defaults: mask all ones, source side.
      'recent: the command, --seconds, --reap, --name, then the default --mask and --rsource',
      [
        'KUBE-SVC-X',
        '-m comment --comment "ns/svc:p -> 10.0.1.1:80" -m recent --name KUBE-SEP-A --rcheck --seconds 10800 --reap -j KUBE-SEP-A',
      ],
      '-A KUBE-SVC-X -m comment --comment "ns/svc:p -> 10.0.1.1:80" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-A --mask 255.255.255.255 --rsource -j KUBE-SEP-A',
    ],
    [
      // libxt_NAT.c __NAT_print with "--": the range, then --random, --random-fully, --persistent; libipt_MASQUERADE.t.
      'MASQUERADE --random-fully',
      [
        'KUBE-POSTROUTING',
        '-m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
      ],
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
    ],
    [
      // libxt_tcp.c tcp_save with no ports: "-m tcp" alone; libxt_NAT.c DNAT_save.
      'DNAT after a tcp match with no port',
      [
        'KUBE-SEP-A',
        '-m comment --comment ns/svc:p -m tcp -p tcp -j DNAT --to-destination 10.0.1.1:80',
      ],
      '-A KUBE-SEP-A -p tcp -m comment --comment "ns/svc:p" -m tcp -j DNAT --to-destination 10.0.1.1:80',
    ],
    [
      // libxt_tcp.t: "--dport 4:" saves "4:65535", "--dport :" saves nothing (skip_ports_match).
      'port ranges with an open end',
      ['X', '-p tcp -m tcp --dport 4: -m tcp --sport : -j ACCEPT'],
      '-A X -p tcp -m tcp --dport 4:65535 -m tcp -j ACCEPT',
    ],
    [
      // xshared.c command_default: an option no given match knows loads the -p protocol's match.
      'a port without -m udp: the protocol’s match is loaded for it',
      ['X', '-p udp --dport 53 -j ACCEPT'],
      '-A X -p udp -m udp --dport 53 -j ACCEPT',
    ],
    [
      // libxt_nfacct.c nfacct_save: nfacct_print_name(info, "--") prints " --nfacct-name NAME";
      // kube-proxy's localhost NodePort rule (proxier.go, TestOverallIPTablesRules).
      'an nfacct counter, in the order given',
      [
        'KUBE-NODEPORTS',
        '-m comment --comment ns2/svc2:p80 -m tcp -p tcp -d 127.0.0.0/8 --dport 3001 -m nfacct --nfacct-name localhost_nps_accepted_pkts -j KUBE-EXT-X',
      ],
      '-A KUBE-NODEPORTS -d 127.0.0.0/8 -p tcp -m comment --comment "ns2/svc2:p80" -m tcp --dport 3001 -m nfacct --nfacct-name localhost_nps_accepted_pkts -j KUBE-EXT-X',
    ],
    [
      // print_rule4: no target name, no -j.
      'a rule without a target',
      [
        'KUBE-FW-X',
        '-m comment --comment "other traffic to ns/svc:p will be dropped by KUBE-PROXY-FIREWALL"',
      ],
      '-A KUBE-FW-X -m comment --comment "other traffic to ns/svc:p will be dropped by KUBE-PROXY-FIREWALL"',
    ],
  ] as const)('%s', (_, [chain, args], expected) => {
    expect(saved(chain, args)).toBe(expected);
  });

  it('prints probabilities as glibc does, a tie rounded to even', () => {
    // kube-proxy's proxier.go probability: "%0.10f" of 1/n.
    expect(savedProbability('0.5000000000')).toBe('0.50000000000');
    expect(savedProbability('0.2500000000')).toBe('0.25000000000');
    expect(savedProbability('0.1000000000')).toBe('0.10000000009');
    expect(savedProbability('0.1428571429')).toBe('0.14285714272');
    // 1/4096 comes back exactly 2^19/2^31 = 0.000244140625: a tie at the 11th digit.
    expect(savedProbability('0.0002441406')).toBe('0.00024414062');
  });
});

describe('golden: an iptables-save dump kept in kubernetes/kubernetes', () => {
  // pkg/util/iptables/save_restore_test.go TestGetChainLinesMultipleTables
  // ("Generated by iptables-save v1.4.21"). Its lines with a host address
  // (-d 10.247.0.1) are left out: 1.4 printed a host bare, 1.8's
  // save_ipv4_addr prints /32; and its -m state lines, a match kube-proxy no
  // longer writes. The input is each rule reordered, as one might write it.
  it.each([
    [
      'KUBE-SVC-1111111111111111',
      '-m comment --comment "kube-system/kube-dns:dns" -m recent --name KUBE-SVC-1111111111111111 --set -p udp -j DNAT --to-destination 10.246.1.2:53',
      '-A KUBE-SVC-1111111111111111 -p udp -m comment --comment "kube-system/kube-dns:dns" -m recent --set --name KUBE-SVC-1111111111111111 --mask 255.255.255.255 --rsource -j DNAT --to-destination 10.246.1.2:53',
    ],
    [
      'KUBE-SVC-2222222222222222',
      '-m comment --comment kube-system/kube-dns:dns-tcp -j KUBE-SVC-3333333333333333',
      '-A KUBE-SVC-2222222222222222 -m comment --comment "kube-system/kube-dns:dns-tcp" -j KUBE-SVC-3333333333333333',
    ],
    [
      'PREROUTING',
      '-m comment --comment "handle ClusterIPs; NOTE: this must be before the NodePort rules" -j KUBE-PORTALS-CONTAINER',
      '-A PREROUTING -m comment --comment "handle ClusterIPs; NOTE: this must be before the NodePort rules" -j KUBE-PORTALS-CONTAINER',
    ],
    [
      'OUTPUT',
      '-m addrtype --dst-type LOCAL ! -d 127.0.0.0/8 -j DOCKER',
      '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
    ],
    [
      'POSTROUTING',
      '! -o cbr0 -s 10.246.1.0/24 -j MASQUERADE',
      '-A POSTROUTING -s 10.246.1.0/24 ! -o cbr0 -j MASQUERADE',
    ],
    [
      'FORWARD',
      '-m conntrack --ctstate ESTABLISHED,RELATED -o cbr0 -j ACCEPT',
      '-A FORWARD -o cbr0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    ],
    ['FORWARD', '! -o cbr0 -i cbr0 -j ACCEPT', '-A FORWARD -i cbr0 ! -o cbr0 -j ACCEPT'],
  ] as const)('-A %s %s', (chain, args, expected) => {
    expect(saved(chain, args)).toBe(expected);
  });

  it('lays a table out as that dump does: builtin chains in hook order, user chains sorted, rules, COMMIT', () => {
    const table: Table = {
      name: 'nat',
      chains: ['KUBE-SVC-2222222222222222', 'DOCKER', 'KUBE-SVC-1111111111111111'],
      rules: [
        parseRule('nat', 'KUBE-SVC-2222222222222222', words('-j KUBE-SVC-1111111111111111')),
        parseRule('nat', 'DOCKER', words('-j RETURN')),
      ],
    };
    expect(savedTable(table).split('\n')).toEqual([
      '*nat',
      ':PREROUTING ACCEPT [0:0]',
      ':INPUT ACCEPT [0:0]',
      ':OUTPUT ACCEPT [0:0]',
      ':POSTROUTING ACCEPT [0:0]',
      ':DOCKER - [0:0]',
      ':KUBE-SVC-1111111111111111 - [0:0]',
      ':KUBE-SVC-2222222222222222 - [0:0]',
      '-A DOCKER -j RETURN',
      '-A KUBE-SVC-2222222222222222 -j KUBE-SVC-1111111111111111',
      'COMMIT',
    ]);
  });
});

describe('a node’s whole rules, as iptables-save prints them', () => {
  const fixtures = join(import.meta.dirname, 'fixtures', 'kube-proxy');
  const modelOf = (fixture: string) =>
    buildModel([
      { file: `${fixture}.yaml`, text: readFileSync(join(fixtures, `${fixture}.yaml`), 'utf8') },
    ]);

  it('TestOverallIPTablesRulesWithMultipleServices, saved: the expected text', () => {
    const expected = readFileSync(join(fixtures, 'overall-multiple-services.save'), 'utf8');
    expect(iptables(modelOf('overall-multiple-services'), 'test-hostname', 'save')).toBe(expected);
  });

  it.each([
    'overall-multiple-services',
    'terminating-local-ready',
    'terminating-local-only-terminating',
  ])('%s: the same rules in each chain as the restore input, one save line each', (fixture) => {
    const model = modelOf(fixture);
    const count = (text: string) => {
      const perChain = new Map<string, number>();
      for (const line of text.split('\n')) {
        const chain = /^-A (\S+) /.exec(line)?.[1];
        if (chain) perChain.set(chain, (perChain.get(chain) ?? 0) + 1);
      }
      return perChain;
    };
    const restore = iptables(model, 'test-hostname') ?? '';
    const save = iptables(model, 'test-hostname', 'save') ?? '';
    expect(count(save)).toEqual(count(restore));
    expect(save).not.toMatch(/# Generated by|# Completed on/);
    // Every address iptables-save prints carries its prefix length.
    expect(save).not.toMatch(/ -[sd] \d+\.\d+\.\d+\.\d+ /);
  });
});
