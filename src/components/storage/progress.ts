// Which exercises the learner has completed, and when.
import { idPattern, learnerKey, progressKey } from './keys.ts';
import { type Failure, readKey, writeKey } from './local.ts';
// A cycle (migrate.ts parses progress with parseProgress), harmless: neither
// module uses the other before it is called.
import { migrateOnce } from './migrate.ts';

export interface Progress {
  /** Exercise id -> when every check first passed (ISO time). */
  completed: Record<string, string>;
}

/** The stored progress, checked entry by entry; a damaged entry is dropped. */
export function parseProgress(raw: string | null): Progress {
  const completed: Record<string, string> = {};
  try {
    const data = raw ? (JSON.parse(raw) as Partial<Progress> | null) : null;
    const list = data?.completed;
    if (list && typeof list === 'object' && !Array.isArray(list))
      for (const [id, at] of Object.entries(list))
        if (typeof at === 'string' && idPattern.test(id)) completed[id] = at;
  } catch {
    // Not JSON: no progress to read.
  }
  return { completed };
}

/**
 * The learner's progress, older builds' keys carried over first: a chapter
 * page may be the first page a learner back from an older build opens.
 */
export function loadProgress(): Progress {
  migrateOnce();
  return parseProgress(readKey(progressKey));
}

export function replaceProgress(progress: Progress): Failure | null {
  return writeKey(progressKey, JSON.stringify(progress));
}

/** Records the first time every check passed; later passes change nothing. */
export function markCompleted(id: string, now = new Date()): Failure | null {
  const progress = loadProgress();
  if (progress.completed[id]) return null;
  progress.completed[id] = now.toISOString();
  return replaceProgress(progress);
}

/** The name or id the learner gave the progress page (their gradebook row and variants' seed); '' if none. */
export function learnerName(): string {
  return readKey(learnerKey)?.trim() ?? '';
}
