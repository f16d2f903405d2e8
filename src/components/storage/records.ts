// A saved text with its revision and time. A tab saves on top of the revision
// it last read or wrote; when the stored one has moved on since (another tab
// saved), the save is refused and both texts come back, so nothing is
// overwritten without the learner seeing it.
import { type Slot, slotKey } from './keys.ts';
import { type Failure, readKey, writeKey } from './local.ts';

export interface Saved {
  value: string;
  /** Counts up by one with every save of this slot, in any tab. */
  rev: number;
  /** When it was saved (ISO time). */
  at: string;
}

export type SaveResult =
  | { kind: 'saved'; saved: Saved }
  | { kind: 'conflict'; stored: Saved }
  | { kind: 'failed'; failure: Failure };

/** A stored record, checked field by field; anything else reads as nothing. */
export function parseSaved(raw: string | null): Saved | null {
  if (raw === null) return null;
  try {
    const v = JSON.parse(raw) as Partial<Saved> | null;
    if (
      v &&
      typeof v.value === 'string' &&
      typeof v.rev === 'number' &&
      Number.isSafeInteger(v.rev) &&
      v.rev >= 0 &&
      typeof v.at === 'string'
    )
      return { value: v.value, rev: v.rev, at: v.at };
  } catch {
    // Not JSON: not a record of ours.
  }
  return null;
}

export function load(slot: Slot): Saved | null {
  return parseSaved(readKey(slotKey(slot)));
}

/** A record and the text it is stored as. */
export interface Held {
  saved: Saved;
  raw: string;
}

export function loadHeld(slot: Slot): Held | null {
  const raw = readKey(slotKey(slot));
  const saved = parseSaved(raw);
  return saved && raw !== null ? { saved, raw } : null;
}

/**
 * Saves value on top of baseRev. A stored revision above baseRev with another
 * value is a conflict; the same value is no conflict (two tabs agree).
 */
export function save(slot: Slot, value: string, baseRev: number, now = new Date()): SaveResult {
  const stored = load(slot);
  if (stored && stored.rev > baseRev && stored.value !== value) return { kind: 'conflict', stored };
  if (stored && stored.value === value && stored.rev >= baseRev)
    return { kind: 'saved', saved: stored };
  const saved: Saved = {
    value,
    rev: Math.max(stored?.rev ?? 0, baseRev) + 1,
    at: now.toISOString(),
  };
  const failure = writeKey(slotKey(slot), JSON.stringify(saved));
  return failure ? { kind: 'failed', failure } : { kind: 'saved', saved };
}

/**
 * save() on every keystroke: `held` is the record as this tab last read or
 * wrote it. While the store still holds exactly that text, no other tab has
 * saved since, so the next revision is written without parsing the store
 * again; otherwise this is save(). Returns what is now stored, when known.
 */
export function saveNext(
  slot: Slot,
  value: string,
  held: Held | null,
  baseRev: number,
  now = new Date(),
): { result: SaveResult; held: Held | null } {
  if (held?.saved.rev !== baseRev || readKey(slotKey(slot)) !== held.raw) {
    const result = save(slot, value, baseRev, now);
    // As save() stores a record, so the next keystroke can take the short way.
    const known = result.kind === 'saved' ? result.saved : null;
    return { result, held: known && { saved: known, raw: JSON.stringify(known) } };
  }
  const saved: Saved = { value, rev: baseRev + 1, at: now.toISOString() };
  const raw = JSON.stringify(saved);
  const failure = writeKey(slotKey(slot), raw);
  return failure
    ? { result: { kind: 'failed', failure }, held }
    : { result: { kind: 'saved', saved }, held: { saved, raw } };
}

/** Writes a record as it is (an import keeps the file's time). */
export function put(slot: Slot, value: string, at: string): Failure | null {
  const saved: Saved = { value, rev: (load(slot)?.rev ?? 0) + 1, at };
  return writeKey(slotKey(slot), JSON.stringify(saved));
}
