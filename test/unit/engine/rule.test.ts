// kube-proxy's rules are parsed once, when written, into the fields
// kubernetes/kubernetes pkg/util/iptables/testing/parse.go (ParseRule) gives
// them; these tests hold the parser to parse.go's reading of real rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/engine/kubeproxy/match.ts';
import { parseRule } from '../../../src/engine/kubeproxy/rule.ts';
import { kubeProxyRules } from '../../../src/engine/kubeproxy/rules.ts';
import { model } from '../../support/engine.ts';

const words = (text: string) => text.match(/"[^"]*"|\S+/g) ?? [];

describe('parseRule', () => {
  it('reads a ClusterIP rule: comment without quotes, protocol, address, port, jump', () => {
    const rule = parseRule(
      'nat',
      'KUBE-SERVICES',
      words(
        '-m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O',
      ),
    );
    expect(rule).toMatchObject({
      table: 'nat',
      chain: 'KUBE-SERVICES',
      comment: 'ns1/svc1:p80 cluster IP',
      protocol: { negated: false, value: 'tcp' },
      destination: { negated: false, value: '172.30.0.41' },
      destinationPort: { negated: false, value: '80' },
      jump: 'KUBE-SVC-XPGD46QRK7WJZT7O',
    });
    expect(rule.source).toBeUndefined();
  });

  it('keeps negation on the parameter it precedes only', () => {
    const rule = parseRule(
      'nat',
      'KUBE-SVC-X',
      words(
        '-m comment --comment "c" -m tcp -p tcp -d 10.0.0.1 --dport 80 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ',
      ),
    );
    expect(rule.source).toEqual({ negated: true, value: '10.244.0.0/16' });
    expect(rule.destination).toEqual({ negated: false, value: '10.0.0.1' });
  });

  it('reads statistic, DNAT, recent (affinity), mark and conntrack parameters', () => {
    const spread = parseRule(
      'nat',
      'KUBE-SVC-X',
      words(
        '-m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-A',
      ),
    );
    expect(spread).toMatchObject({
      statisticMode: 'random',
      probability: '0.5000000000',
      jump: 'KUBE-SEP-A',
    });
    const dnat = parseRule(
      'nat',
      'KUBE-SEP-A',
      words(
        '-m comment --comment ns1/svc1:p80 -m recent --name KUBE-SEP-A --set -m tcp -p tcp -j DNAT --to-destination 10.180.0.1:80',
      ),
    );
    expect(dnat).toMatchObject({
      affinityName: 'KUBE-SEP-A',
      affinitySet: true,
      jump: 'DNAT',
      dnatDestination: '10.180.0.1:80',
    });
    const check = parseRule(
      'nat',
      'KUBE-SVC-X',
      words('-m recent --name KUBE-SEP-A --rcheck --seconds 10800 --reap -j KUBE-SEP-A'),
    );
    expect(check).toMatchObject({
      affinityCheck: true,
      affinitySeconds: '10800',
      affinityReap: true,
    });
    const mark = parseRule(
      'nat',
      'KUBE-POSTROUTING',
      words('-m mark ! --mark 0x4000/0x4000 -j RETURN'),
    );
    expect(mark.markCheck).toEqual({ negated: true, value: '0x4000/0x4000' });
    const xor = parseRule('nat', 'KUBE-POSTROUTING', words('-j MARK --xor-mark 0x4000'));
    expect(xor).toMatchObject({ jump: 'MARK', xorMark: '0x4000' });
    const ct = parseRule(
      'filter',
      'KUBE-FIREWALL',
      words('-m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP'),
    );
    expect(ct.ctstateCheck).toEqual({ negated: true, value: 'RELATED,ESTABLISHED,DNAT' });
  });
});

describe('the values a trace compares', () => {
  it('are read once, when the rule is parsed: addresses as ranges, port and marks as numbers', () => {
    const rule = parseRule(
      'nat',
      'KUBE-SVC-X',
      words('-m tcp -p tcp -d 10.0.0.1 --dport 80 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ'),
    );
    expect(rule.destinationCidr).toMatchObject({ bits: 32, text: '10.0.0.1/32' });
    expect(rule.sourceCidr).toMatchObject({ bits: 16, text: '10.244.0.0/16' });
    expect(rule.destinationPortNumber).toBe(80);
    const mark = parseRule('nat', 'KUBE-POSTROUTING', words('-m mark ! --mark 0x4000/0x4000'));
    expect(mark.markBits).toEqual({ value: 0x4000, mask: 0x4000 });
    expect(parseRule('nat', 'KUBE-MARK-MASQ', words('-j MARK --or-mark 0x4000')).orMarkBits).toBe(
      0x4000,
    );
    expect(parseRule('nat', 'C', words('-d not-an-address -j DROP')).destinationCidr).toBeNull();
  });

  it('decide a match the way the text does', () => {
    const ctx = { localAddresses: new Set<string>(), mark: 0, random: () => 0, recent: new Map() };
    const packet = { src: '10.244.1.5', dst: '10.0.0.1', dport: 80, protocol: 'tcp' };
    const rule = parseRule(
      'nat',
      'KUBE-SVC-X',
      words('-m tcp -p tcp -d 10.0.0.1 --dport 80 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ'),
    );
    expect(evaluate(rule, packet, ctx).matched).toBe(false);
    expect(evaluate(rule, { ...packet, src: '172.18.0.2' }, ctx)).toEqual({
      matched: true,
      target: 'KUBE-MARK-MASQ',
    });
    expect(evaluate(rule, { ...packet, dport: 81, src: '172.18.0.2' }, ctx).matched).toBe(false);
    const unmarked = parseRule('nat', 'P', words('-m mark ! --mark 0x4000/0x4000 -j RETURN'));
    expect(evaluate(unmarked, packet, ctx).matched).toBe(true);
    expect(evaluate(unmarked, packet, { ...ctx, mark: 0x4000 }).matched).toBe(false);
  });
});

describe('the rules kube-proxy writes', () => {
  const text = readFileSync(
    join(import.meta.dirname, '..', '..', '..', 'content', 'scenarios', 'service-nodeport.yaml'),
    'utf8',
  );
  const m = model(text);
  const rules = kubeProxyRules(m, m.nodes[0] as (typeof m.nodes)[number]);

  it('each carry the table they are in and, for a Service’s rules, the Service port they were written for', () => {
    for (const rule of rules.nat.rules) expect(rule.table).toBe('nat');
    for (const rule of rules.filter.rules) expect(rule.table).toBe('filter');
    // ingress-nginx's own Service (installed with the cluster: http, https), then the app's two endpoints.
    const dnat = rules.nat.rules.filter((r) => r.jump === 'DNAT');
    expect(dnat.map((r) => r.servicePort)).toEqual([
      { namespace: 'ingress-nginx', name: 'ingress-nginx-controller', port: 'http' },
      { namespace: 'ingress-nginx', name: 'ingress-nginx-controller', port: 'https' },
      { namespace: 'default', name: 'my-service', port: '' },
      { namespace: 'default', name: 'my-service', port: '' },
    ]);
    const postrouting = rules.nat.rules.filter((r) => r.chain === 'KUBE-POSTROUTING');
    for (const rule of postrouting) expect(rule.servicePort).toBeUndefined();
  });

  it('are written once per model and node: the trace, iptables and the drawing share them', () => {
    const node = m.nodes[0] as (typeof m.nodes)[number];
    expect(kubeProxyRules(m, node)).toBe(rules);
    expect(kubeProxyRules(m, m.nodes[1] as (typeof m.nodes)[number])).not.toBe(rules);
    expect(kubeProxyRules(model(text), node)).not.toBe(rules);
  });

  it('parse to the same fields when read back from their text, as parse.go reads iptables-save', () => {
    for (const rule of [...rules.nat.rules, ...rules.filter.rules]) {
      const { servicePort: _, ...written } = rule;
      expect(parseRule(rule.table, rule.chain, words(rule.args.join(' ')))).toEqual(written);
    }
  });
});
