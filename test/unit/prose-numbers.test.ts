// Numbers in prose come from the engine (issue 13): a chapter may quote an
// address, a KUBE-SVC/SEP/EXT/SVL/FW chain or a NodePort as literal text only
// if the scenarios it draws produce it; everything else goes through
// <ScenarioValue> or a listing the engine prints. A number edited by hand fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioText, scenarioValue } from '../../src/course/scenario-values.ts';
import { chapterSources, quotedNumbers, unproducedNumbers } from '../support/prose-numbers.ts';

const root = join(import.meta.dirname, '..', '..', 'content', 'docs');
const chapters = ['chapters', join('en', 'chapters')].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => join(dir, f)),
);
const read = (file: string) => readFileSync(join(root, file), 'utf8');

// Documentation values that no scenario produces, each quoted on purpose.
const allowed = new Set([
  // nodeport: "something like 10.244.1.1", the node's own address on the Pod
  // network (the CNI bridge), which the engine does not model.
  '10.244.1.1',
]);

describe('numbers quoted in the chapters', () => {
  it('finds the chapters of both locales', () => {
    expect(chapters.filter((c) => c.startsWith('en')).length).toBe(9);
    expect(chapters.length).toBe(18);
  });

  it.each(chapters)('%s quotes only numbers its scenarios produce', (file) => {
    expect(unproducedNumbers(read(file), allowed)).toEqual([]);
  });

  it.each(chapters)('%s: every <ScenarioValue> names a value its scenario has', (file) => {
    for (const m of read(file).matchAll(/<ScenarioValue scenario="([^"]+)" value="([^"]+)"/g)) {
      const [, scenario = '', value = ''] = m;
      const text = value.includes('{')
        ? scenarioText(scenario, value)
        : scenarioValue(scenario, value);
      expect(text, `${file}: ${value}`).not.toBe('');
    }
  });
});

describe('the checker', () => {
  const sample = [
    '<ScenarioDiagram',
    '  scenario="service-nodeport.yaml"',
    '  from="external"',
    '  to="http://{nodeIPWithout:my-app}:{nodePort:my-service}/"',
    '  caption="x"',
    '/>',
    '',
    'The client `203.0.113.10` sends to `172.18.0.2:30080`; the ClusterIP is `10.105.158.28`.',
    '',
    '```text',
    '-A KUBE-NODEPORTS -m comment --comment default/my-service -m tcp -p tcp --dport 30080 -j KUBE-EXT-FXIYY6OHUSNBITIX',
    '```',
  ].join('\n');

  it('reads a chapter’s scenarios and the requests its figures trace', () => {
    expect(chapterSources(sample)).toEqual({
      scenarios: ['service-nodeport.yaml'],
      requests: [
        {
          scenario: 'service-nodeport.yaml',
          from: 'external',
          to: 'http://{nodeIPWithout:my-app}:{nodePort:my-service}/',
          count: 1,
        },
      ],
    });
  });

  it('finds addresses, chain names and NodePort-range numbers, and nothing else', () => {
    expect(
      quotedNumbers(
        'port 8080, 80:30080/TCP, 10.0.0.1/8, KUBE-SEP-ABCDEFGHIJKLMNOP, 40000, KUBE-MARK-MASQ',
      ),
    ).toEqual(['30080', '10.0.0.1', 'KUBE-SEP-ABCDEFGHIJKLMNOP']);
  });

  it('passes the sample as the engine computes it', () => {
    expect(unproducedNumbers(sample, new Set())).toEqual([]);
  });

  it('fails a number edited by hand, in prose or in a listing', () => {
    expect(unproducedNumbers(sample.replace('10.105.158.28', '10.96.130.17'), new Set())).toEqual([
      '10.96.130.17',
    ]);
    expect(unproducedNumbers(sample.replace('--dport 30080', '--dport 31234'), new Set())).toEqual([
      '31234',
    ]);
    expect(
      unproducedNumbers(
        sample.replace('KUBE-EXT-FXIYY6OHUSNBITIX', 'KUBE-EXT-FXIYY6OHUSNBITIY'),
        new Set(),
      ),
    ).toEqual(['KUBE-EXT-FXIYY6OHUSNBITIY']);
  });

  it('fails a number taken from another scenario than the chapter draws', () => {
    // 198.51.100.2 is my-service's load-balancer address in service-loadbalancer.yaml only.
    expect(unproducedNumbers(`${sample}\n\`198.51.100.2\``, new Set())).toEqual(['198.51.100.2']);
    expect(
      unproducedNumbers(
        `${sample}\n<ScenarioValue scenario="service-loadbalancer.yaml" value="lbIP:my-service" />\n\`198.51.100.2\``,
        new Set(),
      ),
    ).toEqual([]);
  });

  it('fails everything in a chapter that names no scenario, unless listed as documentation', () => {
    expect(unproducedNumbers('`10.105.158.28` and `10.244.1.1`', new Set(['10.244.1.1']))).toEqual([
      '10.105.158.28',
    ]);
  });
});
