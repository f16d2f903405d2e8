// One tab's saves, as on every keystroke: a value already stored is not
// written again; while no other tab has saved, the store is not parsed again;
// another tab's save in between is still met as a conflict, not overwritten.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { answerSlot, slotKey } from '../../../src/components/storage/keys.ts';
import * as records from '../../../src/components/storage/records.ts';
import { SavedTab, type TabEvents } from '../../../src/components/storage/tab.ts';
import { freshStorage, type MemoryStorage } from './memory.ts';

const slot = answerSlot('service-selector');
let store: MemoryStorage;

// What SavedTab listens to, without a browser.
Object.assign(globalThis, {
  window: new EventTarget(),
  document: Object.assign(new EventTarget(), { visibilityState: 'visible' }),
});

function open(text: { value: string }) {
  const tab = new SavedTab(slot);
  const events = {
    conflict: vi.fn(),
    settled: vi.fn(),
    failed: vi.fn(),
    updated: vi.fn(),
    remembered: vi.fn(),
  } satisfies TabEvents;
  const stored = tab.load();
  if (stored) text.value = stored.value;
  tab.attach({ read: () => text.value, write: (v) => (text.value = v) }, events, true);
  return { tab, events };
}

beforeEach(() => {
  store = freshStorage();
  records.save(slot, 'start', 0);
});

describe('a tab saving as the learner types', () => {
  test('an unchanged value is not written again', () => {
    const text = { value: '' };
    const { tab } = open(text);
    const write = vi.spyOn(store, 'setItem');
    tab.changed();
    expect(write).not.toHaveBeenCalled();
    text.value = 'typed';
    tab.changed();
    text.value = 'start';
    tab.changed();
    expect(write).toHaveBeenCalledTimes(2);
    expect(records.load(slot)).toMatchObject({ value: 'start', rev: 3 });
  });

  test('keystroke after keystroke, the store is not parsed again', () => {
    const text = { value: '' };
    const { tab } = open(text);
    const parse = vi.spyOn(JSON, 'parse');
    for (const value of ['a', 'ab', 'abc']) {
      text.value = value;
      tab.changed();
    }
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(records.load(slot)).toMatchObject({ value: 'abc', rev: 4 });
  });

  test('another tab’s save in between is a conflict, and nothing is overwritten', () => {
    const text = { value: '' };
    const { tab, events } = open(text);
    text.value = 'mine';
    tab.changed();
    // Another tab saves; its storage event has not arrived yet.
    store.setItem(
      slotKey(slot),
      JSON.stringify({ value: 'theirs', rev: 3, at: '2026-12-01T10:00:00.000Z' }),
    );
    text.value = 'mine, more';
    tab.changed();
    expect(events.conflict).toHaveBeenCalledWith('mine, more', expect.objectContaining({ rev: 3 }));
    expect(records.load(slot)?.value).toBe('theirs');
  });
});
