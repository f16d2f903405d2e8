// Storage the browser keeps: without persist(), a browser may evict a site's
// storage under pressure (Safari after seven days without a visit). Asked
// once, at the learner's first save, which is when there is something to keep.
import { persistKey } from './keys.ts';
import { readKey, writeKey } from './local.ts';

export interface PersistRecord {
  /** When it was asked (ISO time). */
  asked: string;
  granted: boolean;
}

export type PersistState = 'granted' | 'best-effort' | 'unsupported';

export function persistRecord(): PersistRecord | null {
  try {
    const v = JSON.parse(readKey(persistKey) ?? 'null') as Partial<PersistRecord> | null;
    return v && typeof v.asked === 'string' && typeof v.granted === 'boolean'
      ? { asked: v.asked, granted: v.granted }
      : null;
  } catch {
    return null;
  }
}

let asking = false;
/** Asked, by this page or (as stored) an earlier one: called on every save, it reads the store once. */
let asked = false;
/** Asks once per browser (the answer is stored); later calls do nothing. */
export async function askToPersist(): Promise<void> {
  if (asked || asking) return;
  if (persistRecord()) {
    asked = true;
    return;
  }
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) {
    // Nothing to ask, now or later on this page.
    asked = true;
    return;
  }
  asking = true;
  try {
    const granted = await navigator.storage.persist();
    writeKey(persistKey, JSON.stringify({ asked: new Date().toISOString(), granted }));
    asked = true;
  } catch {
    // Not answered: asked again at the next save.
  } finally {
    asking = false;
  }
}

/** What the browser says now (the learner may have changed it since). */
export async function persistState(): Promise<PersistState> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persisted) return 'unsupported';
  try {
    return (await navigator.storage.persisted()) ? 'granted' : 'best-effort';
  } catch {
    return 'unsupported';
  }
}
