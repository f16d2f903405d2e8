// The last states a slot's text had before something replaced it wholesale —
// a share link, a scenario, an import, a reset, another tab's text — kept in
// storage so a reload does not lose the way back.
import { historyKey, type Slot } from './keys.ts';
import { type Failure, readKey, writeKey } from './local.ts';

/** Why a text was replaced; a stored entry with any other reason is dropped. */
export const reasons = [
  'reset',
  'link',
  'scenario',
  'file',
  'import',
  'other-tab',
  'restore',
  'older-build',
] as const;

export type Reason = (typeof reasons)[number];

export interface Entry {
  value: string;
  /** When it was replaced (ISO time). */
  at: string;
  reason: Reason;
}

export const maxEntries = 10;

/** Newest first; damaged entries are dropped, not shown. */
export function entries(slot: Slot): Entry[] {
  try {
    const list = JSON.parse(readKey(historyKey(slot)) ?? '[]') as unknown;
    if (!Array.isArray(list)) return [];
    return list.filter(
      (e): e is Entry =>
        typeof e === 'object' &&
        e !== null &&
        typeof e.value === 'string' &&
        typeof e.at === 'string' &&
        (reasons as readonly unknown[]).includes(e.reason),
    );
  } catch {
    return [];
  }
}

/**
 * Keeps value as the newest entry, unless the newest already holds it; the
 * oldest beyond ten go. Returns why it could not be kept, if it could not.
 */
export function remember(
  slot: Slot,
  value: string,
  reason: Reason,
  now = new Date(),
): Failure | null {
  const list = entries(slot);
  if (list[0]?.value === value) return null;
  const next = [{ value, at: now.toISOString(), reason }, ...list.filter((e) => e.value !== value)];
  return writeKey(historyKey(slot), JSON.stringify(next.slice(0, maxEntries)));
}
