// Import that tells the truth: unknown ids and prototype keys are refused and
// named; an answer that differs is replaced only when chosen (the replaced
// text stays in history); the report counts what was written; the playground
// travels with the answers; export with storage blocked returns nothing.
import { beforeEach, describe, expect, test } from 'vitest';
import {
  applyImport,
  exportFile,
  type Plan,
  planImport,
} from '../../../src/components/exercise/progress-file.ts';
import { entries } from '../../../src/components/storage/history.ts';
import { answerSlot, playgroundSlot } from '../../../src/components/storage/keys.ts';
import { loadProgress } from '../../../src/components/storage/progress.ts';
import { load, put } from '../../../src/components/storage/records.ts';
import { blockStorage, freshStorage } from './memory.ts';

const known = ['service-selector', 'nodeport-expose', 'ingress-tls'];
const schema = 'routelab.dev/progress/v2';
const state = {
  yaml: 'kind: Service\n',
  from: 'external',
  to: 'http://x',
  method: 'GET',
  count: 1,
  seed: 1,
  node: '',
};

function plan(file: unknown): Plan {
  const p = planImport(JSON.stringify(file), known);
  if (typeof p === 'string') throw new Error(p);
  return p;
}

beforeEach(() => {
  freshStorage();
});

describe('refused', () => {
  test('unknown ids and prototype keys are refused by name; nothing of them is stored', () => {
    const text = `{"schema":"${schema}","completed":{"__proto__":"2026-01-01T00:00:00Z","constructor":"2026-01-01T00:00:00Z","no-such":"2026-01-01T00:00:00Z","service-selector":"2026-01-01T00:00:00Z"},"answers":{"prototype":{"text":"x","at":"2026-01-01T00:00:00Z"},"also-no":{"text":"x","at":"2026-01-01T00:00:00Z"},"ingress-tls":{"text":"y","at":"not a date"}}}`;
    const p = planImport(text, known);
    if (typeof p === 'string') throw new Error(p);
    expect(p.refused).toEqual({
      unknown: ['no-such', 'also-no'],
      forbidden: ['__proto__', 'constructor', 'prototype'],
      invalid: ['ingress-tls'],
    });
    const report = applyImport(p, new Set());
    expect(report).toMatchObject({ completed: 1, filled: 0, replaced: 0, failed: 0 });
    expect(Object.keys(loadProgress().completed)).toEqual(['service-selector']);
    expect(localStorage.length).toBe(1);
  });

  test('a list of completions, or an unknown schema, is not a progress file', () => {
    expect(planImport(JSON.stringify({ schema, completed: ['a', 'b'] }), known)).toBe(
      'not-progress',
    );
    expect(planImport(JSON.stringify({ schema: 'x', completed: {} }), known)).toBe('not-progress');
    expect(planImport('x'.repeat(2 * 1024 * 1024 + 1), known)).toBe('too-big');
  });

  test('sixty thousand fake ids store nothing', () => {
    const completed = Object.fromEntries(
      Array.from({ length: 60_000 }, (_, i) => [`f${i}`, '2026-01-01']),
    );
    const p = plan({ schema, completed });
    expect(p.refused.unknown).toHaveLength(60_000);
    expect(applyImport(p, new Set()).completed).toBe(0);
    expect(localStorage.length).toBe(0);
  });
});

describe('answers', () => {
  beforeEach(() => {
    put(answerSlot('service-selector'), '# browser, older\n', '2026-11-01T00:00:00.000Z');
    put(answerSlot('nodeport-expose'), '# browser, newer\n', '2026-11-20T00:00:00.000Z');
  });
  const file = {
    schema,
    completed: {},
    answers: {
      'service-selector': { text: '# file, newer\n', at: '2026-11-10T00:00:00.000Z' },
      'nodeport-expose': { text: '# file, older\n', at: '2026-11-10T00:00:00.000Z' },
      'ingress-tls': { text: '# only in the file\n', at: '2026-11-10T00:00:00.000Z' },
    },
  };

  test('each differing answer is a choice, with which one is newer', () => {
    const p = plan(file);
    expect(p.fill.map((i) => i.id)).toEqual(['ingress-tls']);
    expect(p.choices.map((c) => [c.incoming.id, c.newer])).toEqual([
      ['service-selector', 'file'],
      ['nodeport-expose', 'browser'],
    ]);
  });

  test('only the chosen answer is replaced; the browser text stays in history', () => {
    const report = applyImport(plan(file), new Set(['service-selector']));
    expect(report).toMatchObject({ filled: 1, replaced: 1, kept: 1, failed: 0 });
    expect(load(answerSlot('service-selector'))?.value).toBe('# file, newer\n');
    expect(entries(answerSlot('service-selector'))[0]).toMatchObject({
      value: '# browser, older\n',
      reason: 'import',
    });
    expect(load(answerSlot('nodeport-expose'))?.value).toBe('# browser, newer\n');
    expect(load(answerSlot('ingress-tls'))?.value).toBe('# only in the file\n');
  });

  test('a v1 file (texts without times) still imports, its dates unknown', () => {
    const p = plan({
      schema: 'routelab.dev/progress/v1',
      completed: {},
      answers: { 'service-selector': '# v1\n', 'ingress-tls': '# v1 tls\n' },
    });
    expect(p.choices[0]?.newer).toBe('unknown');
    expect(applyImport(p, new Set()).filled).toBe(1);
  });

  test('a full store: the report counts the failures, not successes', () => {
    const p = plan(file);
    (localStorage as unknown as { failWith: DOMException }).failWith = new DOMException(
      'full',
      'QuotaExceededError',
    );
    expect(applyImport(p, new Set(['service-selector']))).toMatchObject({
      filled: 0,
      replaced: 0,
      failed: 2,
    });
  });
});

describe('the playground', () => {
  test('is exported and imported, checked like a link', () => {
    put(playgroundSlot, JSON.stringify(state), '2026-11-01T00:00:00.000Z');
    put(answerSlot('ingress-tls'), '# tls\n', '2026-11-02T00:00:00.000Z');
    const exported = JSON.parse(exportFile() ?? '');
    expect(exported.playground).toEqual({ state, at: '2026-11-01T00:00:00.000Z' });
    expect(exported.answers).toEqual({
      'ingress-tls': { text: '# tls\n', at: '2026-11-02T00:00:00.000Z' },
    });
    freshStorage();
    const p = plan(exported);
    expect(applyImport(p, new Set())).toMatchObject({ filled: 2 });
    // A state saved before "Resolve the host to" existed comes back with it empty.
    expect(JSON.parse(load(playgroundSlot)?.value ?? '')).toEqual({ ...state, resolve: '' });
    const bad = plan({ ...exported, playground: { state: { ...state, method: 'EVIL' }, at: 'x' } });
    expect(bad.refused.invalid).toEqual(['playground']);
  });

  test('export with storage blocked returns nothing instead of throwing', () => {
    blockStorage();
    expect(exportFile()).toBeNull();
  });
});
