// Every playground scenario applies and its opening request does what the
// chapter it stands for teaches; the article's v1beta1 original is refused as
// kube-apiserver 1.22+ refuses it (Kubernetes deprecation guide, v1.22:
// "networking.k8s.io/v1beta1 Ingress ... is no longer served").
import { describe, expect, it } from 'vitest';
import { fill } from '../../src/course/exercises/placeholders.ts';
import { playgroundScenarios } from '../../src/course/read.ts';
import { buildModel, trace } from '../../src/engine/index.ts';

const expected: Record<string, string> = {
  architecture: 'delivered',
  'why-service': 'delivered',
  // A ClusterIP has no rule outside the cluster: the packet goes nowhere.
  clusterip: 'timeout',
  nodeport: 'delivered',
  loadbalancer: 'delivered',
  'loadbalancer-pending': 'delivered',
  ingress: 'delivered',
  'ingress-tls': 'delivered',
  'ingress-controller': 'delivered',
  troubleshoot: 'refused',
  'gateway-api': 'delivered',
  'article-v1beta1': 'invalid',
};

describe('playground scenarios', () => {
  const scenarios = playgroundScenarios();

  it('cover every chapter and the article’s v1beta1 original', () => {
    expect(new Set(scenarios.map((s) => s.chapter))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(scenarios.map((s) => s.id).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const s of playgroundScenarios())
    it(`${s.id}: the opening request ends ${expected[s.id]}`, () => {
      const model = buildModel([{ file: 'playground.yaml', text: s.yaml }]);
      const result = trace(
        model,
        { from: s.request.from, to: fill(s.request.to, model) },
        { count: s.request.count },
      );
      expect(result.outcome, result.reason).toBe(expected[s.id]);
      if (s.id === 'article-v1beta1')
        expect(model.diagnostics.map((d) => d.message).join('\n')).toContain(
          'no matches for kind "Ingress" in version "networking.k8s.io/v1beta1"',
        );
      else expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });
});

// The YAML a learner opens starts with a comment saying what it is for; when
// it names chapters, the chapter that opens it is among them (chapter 1's
// scenario said "Chapter 4").
describe('playground scenario comments', () => {
  for (const s of playgroundScenarios()) {
    it(`${s.id}: its first comment names chapter ${s.chapter} if it names any`, () => {
      const first = s.yaml.split('\n')[0] ?? '';
      const named = /chapters? ([\d ,and]+)/i.exec(first)?.[1]?.match(/\d+/g)?.map(Number) ?? [];
      if (named.length > 0) expect(named, first).toContain(s.chapter);
    });
  }
});
