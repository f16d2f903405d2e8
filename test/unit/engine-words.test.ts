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
});
