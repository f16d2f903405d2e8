// Storage keys migrate: a v0 fixture (unversioned keys, see migrate.ts) and
// the v1 keys every build until issue 18 wrote come up to v2, once, without
// losing a text; a v1 key written later by an old tab wins and keeps the
// replaced text in history.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { entries } from '../../../src/components/storage/history.ts';
import { answerSlot, playgroundSlot } from '../../../src/components/storage/keys.ts';
import { migrate } from '../../../src/components/storage/migrate.ts';
import { loadProgress } from '../../../src/components/storage/progress.ts';
import { load } from '../../../src/components/storage/records.ts';
import { freshStorage, type MemoryStorage } from './memory.ts';

const now = new Date('2026-12-01T10:00:00.000Z');
const playground = JSON.stringify({
  yaml: 'kind: Service\n',
  from: 'external',
  to: 'http://x',
  method: 'GET',
  count: 1,
  seed: 1,
  node: '',
});
let store: MemoryStorage;
beforeEach(() => {
  store = freshStorage();
});

describe('v0 fixture', () => {
  beforeEach(() => {
    store.setItem('routelab-answer-service-selector', '# v0 answer\n');
    store.setItem('routelab-answer-Bad_Id', 'junk');
    store.setItem('routelab-playground', playground);
    store.setItem('routelab-completed', JSON.stringify(['service-selector', 'nodeport-expose', 7]));
    store.setItem('starlight-theme', 'dark');
  });

  test('comes up to v2 with every text and completion, and the old keys gone', () => {
    migrate(now);
    expect(load(answerSlot('service-selector'))).toEqual({
      value: '# v0 answer\n',
      rev: 1,
      at: now.toISOString(),
    });
    expect(load(playgroundSlot)?.value).toBe(playground);
    expect(loadProgress().completed).toEqual({
      'service-selector': now.toISOString(),
      'nodeport-expose': now.toISOString(),
    });
    expect(Object.keys(store.dump()).sort()).toEqual([
      'routelab:v2:answer:service-selector',
      'routelab:v2:playground',
      'routelab:v2:progress',
      'starlight-theme',
    ]);
  });

  test('a second run changes nothing', () => {
    migrate(now);
    const once = store.dump();
    migrate(new Date('2026-12-02T00:00:00.000Z'));
    expect(store.dump()).toEqual(once);
  });
});

describe('v1 keys', () => {
  test('come up to v2, progress times kept', () => {
    store.setItem('routelab:v1:answer:nodeport-expose', '# mine\n');
    store.setItem(
      'routelab:v1:progress',
      JSON.stringify({ completed: { 'nodeport-expose': '2026-11-01T00:00:00.000Z' } }),
    );
    migrate(now);
    expect(load(answerSlot('nodeport-expose'))?.value).toBe('# mine\n');
    expect(loadProgress().completed).toEqual({ 'nodeport-expose': '2026-11-01T00:00:00.000Z' });
    expect(store.getItem('routelab:v1:answer:nodeport-expose')).toBeNull();
    expect(store.getItem('routelab:v1:progress')).toBeNull();
  });

  test('written again by a page of the old build, it wins; the text it replaces is in history', () => {
    store.setItem('routelab:v1:answer:nodeport-expose', '# first\n');
    migrate(now);
    store.setItem('routelab:v1:answer:nodeport-expose', '# typed in an old tab\n');
    const later = new Date('2026-12-01T11:00:00.000Z');
    migrate(later);
    expect(load(answerSlot('nodeport-expose'))).toEqual({
      value: '# typed in an old tab\n',
      rev: 2,
      at: later.toISOString(),
    });
    expect(entries(answerSlot('nodeport-expose'))).toEqual([
      { value: '# first\n', at: later.toISOString(), reason: 'older-build' },
    ]);
  });

  test('instructor mode comes up to v2', () => {
    store.setItem('routelab:v1:instructor', 'on');
    migrate(now);
    expect(store.getItem('routelab:v2:instructor')).toBe('on');
    expect(store.getItem('routelab:v1:instructor')).toBeNull();
  });

  test('a full store keeps the old key, so nothing is lost', () => {
    store.setItem('routelab:v1:answer:nodeport-expose', '# mine\n');
    store.failWith = new DOMException('full', 'QuotaExceededError');
    migrate(now);
    expect(store.getItem('routelab:v1:answer:nodeport-expose')).toBe('# mine\n');
  });
});

describe('reading progress', () => {
  test('migrates first: a chapter page shows v1 completions before any exercise is opened', async () => {
    store.setItem(
      'routelab:v1:progress',
      JSON.stringify({ completed: { 'nodeport-expose': '2026-11-01T00:00:00.000Z' } }),
    );
    // A fresh page: migrateOnce() has not run in this module graph yet.
    vi.resetModules();
    const progress = await import('../../../src/components/storage/progress.ts');
    expect(progress.loadProgress().completed).toEqual({
      'nodeport-expose': '2026-11-01T00:00:00.000Z',
    });
    expect(store.getItem('routelab:v1:progress')).toBeNull();
  });
});
