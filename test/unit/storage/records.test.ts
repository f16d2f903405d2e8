// Saved texts with revisions: a save on top of an older revision than the
// stored one is refused with both texts; history keeps ten states; storage
// that is full or blocked comes back as a value, never as an exception.
import { beforeEach, describe, expect, test } from 'vitest';
import { entries, maxEntries, remember } from '../../../src/components/storage/history.ts';
import { answerSlot, type Slot } from '../../../src/components/storage/keys.ts';
import { readKey, writeKey } from '../../../src/components/storage/local.ts';
import { load, type SaveResult, save } from '../../../src/components/storage/records.ts';
import { blockStorage, freshStorage, type MemoryStorage } from './memory.ts';

const slot = answerSlot('service-selector');
/** Saves value over whatever is stored, as when the learner keeps their text. */
function overwrite(slot: Slot, value: string): SaveResult {
  return save(slot, value, load(slot)?.rev ?? 0);
}

let store: MemoryStorage;
beforeEach(() => {
  store = freshStorage();
});

describe('revisions', () => {
  test('two tabs from one revision: the second save is a conflict holding the first', () => {
    const t1 = new Date('2026-12-01T10:00:00.000Z');
    expect(save(slot, 'start', 0, t1)).toEqual({
      kind: 'saved',
      saved: { value: 'start', rev: 1, at: t1.toISOString() },
    });
    // Tab B saves on revision 1; tab A, still on revision 1, saves other text.
    expect(save(slot, 'typed in B', 1).kind).toBe('saved');
    const a = save(slot, 'typed in A', 1);
    expect(a.kind).toBe('conflict');
    expect(a.kind === 'conflict' && a.stored.value).toBe('typed in B');
    expect(load(slot)?.value).toBe('typed in B');
    // The learner keeps A's text: it is saved on top of B's revision.
    expect(overwrite(slot, 'typed in A')).toMatchObject({ kind: 'saved', saved: { rev: 3 } });
  });

  test('the same text from a stale tab is no conflict', () => {
    save(slot, 'x', 0);
    save(slot, 'y', 1);
    expect(save(slot, 'y', 1)).toMatchObject({ kind: 'saved', saved: { value: 'y', rev: 2 } });
  });

  test('a damaged record reads as nothing', () => {
    store.setItem('routelab:v2:answer:service-selector', '{"value": 3}');
    expect(load(slot)).toBeNull();
  });
});

describe('history', () => {
  test('newest first, ten at most, a repeated state not stored twice', () => {
    for (let i = 0; i < 12; i++) remember(slot, `text ${i}`, 'reset');
    remember(slot, 'text 11', 'scenario');
    const list = entries(slot);
    expect(list).toHaveLength(maxEntries);
    expect(list[0]?.value).toBe('text 11');
    expect(list.at(-1)?.value).toBe('text 2');
  });
});

describe('failures', () => {
  test('a full store says so', () => {
    store.failWith = new DOMException('full', 'QuotaExceededError');
    expect(writeKey('k', 'v')).toBe('full');
    expect(save(slot, 'text', 0)).toEqual({ kind: 'failed', failure: 'full' });
  });

  test('a blocked store says so, and reads as empty', () => {
    blockStorage();
    expect(writeKey('k', 'v')).toBe('blocked');
    expect(readKey('k')).toBeNull();
    expect(save(slot, 'text', 0)).toEqual({ kind: 'failed', failure: 'blocked' });
  });
});
