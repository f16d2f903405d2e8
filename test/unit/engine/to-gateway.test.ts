// "Convert this Ingress to Gateway API" (ingress2gateway's common converter,
// pkg/i2gw/providers/common converter.go): the objects it writes, and the
// engine's check that the same requests are answered alike before and after.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  buildModel,
  conversionDifferences,
  conversionOffers,
  convertToGateway,
} from '../../../src/engine/index.ts';
import { pageWordsIn } from '../../../src/i18n/engine/tables.ts';
import { root } from '../../support/cli.ts';

const chapter6 = join(root, 'content', 'exercises', 'ingress-path-routing', 'solution.yaml');
const text = readFileSync(chapter6, 'utf8');
const rewritten = text.replace(
  '  name: ingress-example\n',
  '  name: ingress-example\n  annotations:\n    nginx.ingress.kubernetes.io/rewrite-target: /\n',
);

type Obj = { kind: string; metadata: { name: string }; spec: Record<string, unknown> };

describe('converting Ingresses to Gateway API', () => {
  it('writes one Gateway per class with a listener per host, and an HTTPRoute per host named as ingress2gateway names it', () => {
    const model = buildModel([{ file: 'a.yaml', text }]);
    const docs = yaml.loadAll(convertToGateway(model).text) as Obj[];
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'GatewayClass/eg',
      'Gateway/nginx',
      'HTTPRoute/ingress-example-all-hosts',
      'HTTPRoute/ingress-example-myapp-example-com',
    ]);
    const gateway = docs[1] as Obj;
    expect(gateway.spec.listeners).toEqual([
      { name: 'http', port: 80, protocol: 'HTTP' },
      { name: 'myapp-example-com-http', hostname: 'myapp.example.com', port: 80, protocol: 'HTTP' },
    ]);
    expect((docs[3] as Obj).spec.hostnames).toEqual(['myapp.example.com']);
  });

  it('finds chapter 6’s routing unchanged, and a dropped rewrite-target changed, request by request', () => {
    const same = buildModel([{ file: 'a.yaml', text }]);
    expect(conversionDifferences([{ file: 'a.yaml', text }], convertToGateway(same))).toEqual([]);
    const files = [{ file: 'a.yaml', text: rewritten }];
    const conversion = convertToGateway(buildModel(files));
    expect(conversion.notes.map((n) => n.id)).toEqual(['convert.annotation']);
    expect(conversionDifferences(files, conversion)).toContainEqual({
      request: 'http://myapp.example.com/a',
      before: 'my-app-a:4200 / (200)',
      after: 'my-app-a:4200 /a (200)',
    });
  });

  it('offers the conversion as a quick fix on each Ingress, its comments in the page’s language', () => {
    const files = [{ file: 'p.yaml', text: rewritten }];
    const model = buildModel(files);
    const [offer] = conversionOffers(model, files, 'p.yaml', pageWordsIn.ja.say);
    expect(offer?.severity).toBe('info');
    expect(offer?.line).toBe(text.split('\n').indexOf('kind: Ingress') + 1);
    const fix = offer?.fix?.text ?? '';
    expect(fix).toMatch(/^# Ingress ingress-example を ingress2gateway と同じやり方で/);
    expect(fix).toContain(
      '# 答えが変わるリクエスト：http://myapp.example.com/a：変換前は my-app-a:4200 / (200)',
    );
    expect(yaml.loadAll(fix).map((d) => (d as Obj).kind)).toContain('HTTPRoute');
  });
});
