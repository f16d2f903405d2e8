// The engine's sentences in a page's locale: the route of every scenario's
// request, said hop by hop, in Japanese on a Japanese page and in the CLI's
// English on an English one.

import { describe, expect, it } from 'vitest';
import { readScenario, scenarioNames } from '../../src/course/read.ts';
import { buildModel, trace } from '../../src/engine/index.ts';
import { loadEngineWords } from '../../src/i18n/engine/index.ts';

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
const requests: [string, string][] = [
  ['service-clusterip.yaml', 'http://my-service/'],
  ['service-nodeport.yaml', 'http://172.18.0.2:30080/'],
  ['ingress-article.yaml', 'http://myapp.example.com/b'],
  ['troubleshoot.yaml', 'http://my-service/'],
];

describe('the engine words of a locale', () => {
  it('has scenarios to speak of', () => {
    for (const [name] of requests) expect(scenarioNames()).toContain(name);
  });

  for (const [name, to] of requests) {
    it(`says ${name}'s route in Japanese, and in English exactly as the CLI`, async () => {
      const model = buildModel([{ file: name, text: readScenario(name) }]);
      const result = trace(model, { from: 'external', to }, {});
      const ja = await loadEngineWords('ja');
      const en = await loadEngineWords('en');
      expect(result.hops.length).toBeGreaterThan(0);
      for (const hop of result.hops) expect(en.hop(hop)).toBe(hop.detail);
      expect(en.reason(result)).toBe(result.reason);
      expect(ja.reason(result)).toMatch(japanese);
      expect(result.hops.some((hop) => japanese.test(ja.hop(hop)))).toBe(true);
    });
  }

  it('keeps kube-proxy rules and printed names apart from the words, and out of the plain sentence', async () => {
    const ja = await loadEngineWords('ja');
    const nodeport = buildModel([{ file: 'n', text: readScenario('service-nodeport.yaml') }]);
    const result = trace(nodeport, { from: 'external', to: 'http://172.18.0.2:30080/' }, {});
    const rules = result.hops.filter((hop) => hop.message.id === 'iptables.rule');
    expect(rules.length).toBeGreaterThan(0);
    for (const hop of rules) {
      const parts = ja.hopParts(hop);
      expect(parts).toContainEqual({ verbatim: (hop.message.params as { rule: string }).rule });
      // Put back together, the parts are the plain sentence.
      expect(parts.map((p) => (typeof p === 'string' ? p : p.verbatim)).join('')).toBe(ja.hop(hop));
    }
    const tls = buildModel([{ file: 't', text: readScenario('ingress-article.yaml') }]);
    const https = trace(tls, { from: 'external', to: 'https://myapp.example.com/a' }, {});
    const fake = https.hops.find((hop) => hop.message.id === 'tls.fake-certificate');
    if (!fake) throw new Error('no fake-certificate hop to show');
    expect(ja.hopParts(fake)).toContainEqual({
      verbatim: 'Kubernetes Ingress Controller Fake Certificate',
    });
    expect(ja.hop(fake)).not.toMatch(/[\ue000-\ue002]/);
  });
});
