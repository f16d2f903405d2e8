// Which exercises the learner has completed, and when.
import { idPattern, progressKey } from './keys.ts';
import { type Failure, readKey, writeKey } from './local.ts';

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

export function loadProgress(): Progress {
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
