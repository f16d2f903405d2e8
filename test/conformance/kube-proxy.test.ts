// kube-proxy's iptables rules, compared with the expected outputs of its own
// tests (kubernetes/kubernetes pkg/proxy/iptables/proxier_test.go). Each
// fixture is a test's cluster written as manifests, plus the rules the test
// expects, in the canonical order its sortIPTablesRules compares. The fake
// proxier has the nfacct counters kube-proxy ensures at start, so the expected
// rules include the `-m nfacct` ones (KUBE-FORWARD's INVALID drop counted in
// ct_state_invalid_dropped_pkts; each NodePort's 127.0.0.0/8 jump counted in
// localhost_nps_accepted_pkts) exactly as TestOverallIPTablesRulesWithMultipleServices
// expects them. The TestTerminatingEndpointsTrafficPolicyLocal fixtures were
// taken from a release before the counters; their INVALID rule is the one
// proxier.go syncProxyRules writes now, the only line that differs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, iptables, iptablesSave, kubeProxyRules } from '../../src/engine/index.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'kube-proxy');

function rulesFor(fixture: string, node: string): string {
  const file = `${fixture}.yaml`;
  const model = buildModel([{ file, text: readFileSync(join(fixtures, file), 'utf8') }]);
  expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const target = model.nodes.find((n) => n.name === node);
  if (!target) throw new Error(`no node ${node}`);
  return iptablesSave(kubeProxyRules(model, target));
}

describe('kube-proxy iptables rules', () => {
  it('TestOverallIPTablesRulesWithMultipleServices: ClusterIP, NodePort, LoadBalancer (Local and Cluster), externalIPs, source ranges, no endpoints', () => {
    const expected = readFileSync(join(fixtures, 'overall-multiple-services.expected'), 'utf8');
    expect(rulesFor('overall-multiple-services', 'test-hostname')).toBe(expected);
  });

  it('TestOverallIPTablesRules: the same cluster with ClientIP affinity on svc5, localhost NodePorts and nfacct counters', () => {
    const expected = readFileSync(join(fixtures, 'overall-iptables-rules.expected'), 'utf8');
    expect(rulesFor('overall-iptables-rules', 'test-hostname')).toBe(expected);
  });

  for (const [fixture, label] of [
    ['terminating-local-ready', 'ready endpoints exist'],
    ['terminating-local-only-terminating', 'only terminating endpoints exist'],
  ] as const) {
    it(`TestTerminatingEndpointsTrafficPolicyLocal, "${label}": ClientIP affinity, Local policy, terminating fallback`, () => {
      const expected = readFileSync(join(fixtures, `${fixture}.expected`), 'utf8');
      expect(rulesFor(fixture, 'test-hostname')).toBe(expected);
    });
  }
});

describe('kube-proxy keeps its own IP family (pkg/proxy/service.go newBaseServiceInfo)', () => {
  // MapIPsByIPFamily for status.loadBalancer.ingress, MapCIDRsByIPFamily for
  // spec.loadBalancerSourceRanges (pkg/proxy/util/utils.go: TrimSpace,
  // ParseCIDRSloppy, an unparsable range ignored); proxier.go writes each range
  // as cidr.String(), the network. The IPv4 proxier never sees an IPv6 address.
  const text = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
  loadBalancerSourceRanges: ["2001:db8::/32", " 10.1.2.3/8 ", "203.0.113.0/25"]
status:
  loadBalancer:
    ingress: [{ip: "2001:db8::2"}, {ip: "198.51.100.7"}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 8080}]}]}
`;
  const model = buildModel([{ file: 'family.yaml', text }]);

  it('writes only the IPv4 load-balancer IP and the IPv4 source ranges, as networks', () => {
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const restore = iptables(model, 'node-1') ?? '';
    expect(restore).not.toContain('2001:db8');
    expect(restore).toContain(' -d 198.51.100.7 --dport 80 ');
    const fw = restore.split('\n').filter((l) => /^-A KUBE-FW-\S+ .* -s /.test(l));
    expect(fw.map((l) => /-s (\S+)/.exec(l)?.[1])).toEqual(['10.0.0.0/8', '203.0.113.0/25']);
  });

  it('so iptables-save has an IPv4 address for every rule', () => {
    const save = iptables(model, 'node-1', 'save') ?? '';
    expect(save).toContain(
      '-s 10.0.0.0/8 -m comment --comment "default/web loadbalancer IP" -j KUBE-EXT-',
    );
    expect(save).toContain('-A KUBE-SERVICES -d 198.51.100.7/32 -p tcp');
  });
});

// proxier.go syncProxyRules, the firewall chain: when a loadBalancerSourceRanges
// entry contains the node's own IP (allowFromNode), kube-proxy also lets on
// packets whose source is a load-balancer IP ("-s <lbIP> -j KUBE-EXT-..."),
// since a node's request to a VIP it holds locally loops back with the VIP as
// its source; the rule comes after the ranges and before the chain's last rule.
describe('the KUBE-FW chain lets the node’s own requests on when a range holds the node', () => {
  const text = (ranges: string) => `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
  loadBalancerSourceRanges: [${ranges}]
status:
  loadBalancer:
    ingress: [{ip: "198.51.100.7"}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 8080}]}]}
`;
  const fwRules = (ranges: string) =>
    (iptables(buildModel([{ file: 'fw.yaml', text: text(ranges) }]), 'node-1') ?? '')
      .split('\n')
      .filter((l) => l.startsWith('-A KUBE-FW-'));

  it('adds -s <lbIP> after the ranges when one holds node-1 (172.18.0.2)', () => {
    const rules = fwRules('203.0.113.0/25, 172.18.0.0/16');
    expect(rules.map((l) => /-s (\S+)/.exec(l)?.[1] ?? null)).toEqual([
      '203.0.113.0/25',
      '172.18.0.0/16',
      '198.51.100.7',
      null,
    ]);
    expect(rules[3]).toContain('will be dropped by KUBE-PROXY-FIREWALL');
  });

  it('does not when no range holds the node', () => {
    expect(fwRules('203.0.113.0/25').some((l) => l.includes('-s 198.51.100.7'))).toBe(false);
  });
});
