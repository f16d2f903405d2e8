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
import { buildModel, iptablesSave, kubeProxyRules } from '../../src/engine/index.ts';

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
