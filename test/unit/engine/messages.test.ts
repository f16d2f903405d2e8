// Traces as data: every hop and outcome of the golden requests
// (test/conformance/fixtures/trace-v1/cases.json) says what it says through a
// message, so the English `detail`/`reason` are that message rendered, and a
// Japanese page renders the same message in Japanese.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, type Message, renderer, trace } from '../../../src/engine/index.ts';
import { en } from '../../../src/i18n/engine/en.ts';
import { ja } from '../../../src/i18n/engine/ja.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const golden = join(root, 'test', 'conformance', 'fixtures', 'trace-v1');
const cases: { name: string; args: string[] }[] = JSON.parse(
  readFileSync(join(golden, 'cases.json'), 'utf8'),
).filter((c: { args: string[] }) => c.args[0] === 'trace');

const flag = (args: string[], name: string) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};

function run(args: string[]) {
  const file = args[1] as string;
  const model = buildModel([{ file, text: readFileSync(join(root, file), 'utf8') }]);
  const header = flag(args, '--header');
  return trace(
    model,
    {
      from: flag(args, '--from') ?? 'external',
      to: flag(args, '--to') ?? '',
      ...(header ? { headers: [header] } : {}),
    },
    { count: Number(flag(args, '--count') ?? 1) },
  );
}

const english = renderer(en);
const japanese = renderer(ja);
const kana = /[\u3040-\u30ff\u4e00-\u9fff]/;
// Lines with no words to translate: a name and its address, a rule as kube-proxy wrote it.
const symbolsOnly = new Set(['dns.cluster-ip', 'dns.cname', 'iptables.rule']);

describe('trace messages', () => {
  const seen = new Set<string>();
  for (const { name, args } of cases) {
    it(`${name}: detail and reason are the messages in English; each has a Japanese sentence`, () => {
      const result = run(args);
      const said: [Message, string][] = [
        [result.reasonMessage, result.reason],
        ...result.hops.map((h): [Message, string] => [h.message, h.detail]),
      ];
      for (const [message, text] of said) {
        seen.add(message.id);
        expect(english(message)).toBe(text);
        const sentence = japanese(message);
        expect(sentence).not.toMatch(/undefined|\[object|NaN/);
        if (symbolsOnly.has(message.id)) continue;
        expect(sentence).toMatch(kana);
        expect(sentence).not.toBe(text);
      }
    });
  }

  it('the golden requests reach most of the messages a trace can say', () => {
    // A floor, not the whole table: a dropped message kind shows here.
    expect(seen.size).toBeGreaterThanOrEqual(30);
  });
});

describe('the rendered tables', () => {
  it('render nested messages with the same locale', () => {
    const inner: Message = { id: 'dns.not-found', params: { host: 'db.example.com' } };
    const outer: Message = {
      id: 'dns.cname-failed',
      params: { fqdn: 'db.default.svc.cluster.local', externalName: 'db.example.com', inner },
    };
    expect(english(outer)).toBe(
      'db.default.svc.cluster.local is a CNAME for db.example.com (ExternalName Service), and db.example.com does not resolve: there is no DNS record for it (use --resolve db.example.com:IP to give it one)',
    );
    expect(japanese(outer)).toContain('db.example.com は名前解決できません');
  });

  it('keep kube-proxy’s rule text and HTTP status lines verbatim in Japanese', () => {
    const rule: Message = {
      id: 'iptables.rule',
      params: {
        table: 'nat',
        chain: 'KUBE-SEP-X',
        rule: '-A KUBE-SEP-X -j DNAT',
        markedForSnat: false,
      },
    };
    expect(japanese(rule)).toBe('nat KUBE-SEP-X: -A KUBE-SEP-X -j DNAT');
    const bad: Message = { id: 'ingress.bad-gateway', params: { refused: ['a (10.0.0.1:80)'] } };
    expect(japanese(bad)).toContain('502 Bad Gateway');
  });
});
