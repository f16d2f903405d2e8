// What the learner must never lose: their text per exercise, and which
// exercises they have completed. Keys carry a version so a later format can
// migrate instead of misreading; storage that is full or blocked is reported,
// never thrown at the learner.
const prefix = 'routelab:v1:';
const answerKey = (id: string) => `${prefix}answer:${id}`;
const progressKey = `${prefix}progress`;

export interface Progress {
  /** Exercise id -> when every check first passed (ISO time). */
  completed: Record<string, string>;
}

function store(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function loadAnswer(id: string): string | null {
  try {
    return store()?.getItem(answerKey(id)) ?? null;
  } catch {
    return null;
  }
}

/** false when the text could not be kept (storage full or blocked). */
export function saveAnswer(id: string, text: string): boolean {
  const s = store();
  if (!s) return false;
  try {
    s.setItem(answerKey(id), text);
    return true;
  } catch {
    return false;
  }
}

export function loadProgress(): Progress {
  try {
    const raw = store()?.getItem(progressKey);
    const data = raw ? (JSON.parse(raw) as Partial<Progress>) : {};
    const completed: Record<string, string> = {};
    if (data && typeof data.completed === 'object' && data.completed)
      for (const [id, at] of Object.entries(data.completed))
        if (typeof at === 'string' && /^[a-z0-9-]+$/.test(id)) completed[id] = at;
    return { completed };
  } catch {
    return { completed: {} };
  }
}

export function markCompleted(id: string): boolean {
  const progress = loadProgress();
  if (progress.completed[id]) return true;
  progress.completed[id] = new Date().toISOString();
  try {
    store()?.setItem(progressKey, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

export function replaceProgress(progress: Progress): boolean {
  try {
    store()?.setItem(progressKey, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}
