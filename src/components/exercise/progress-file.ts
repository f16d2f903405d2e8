// Progress as a file: which exercises are done, and the text of each answer,
// so a learner can move to another browser. Importing merges: it adds
// completions and fills in answers only where this browser has none — it
// never overwrites what the learner typed here.
import { loadAnswer, loadProgress, replaceProgress, saveAnswer } from './storage.ts';

const schema = 'routelab.dev/progress/v1';
/** Well above 14 answers; a bigger file is not ours. */
const maxBytes = 2 * 1024 * 1024;

export function exportFile(ids: string[] = []): string {
  const progress = loadProgress();
  const answers: Record<string, string> = {};
  const known = new Set([...ids, ...Object.keys(progress.completed)]);
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i) ?? '';
    const match = /^routelab:v1:answer:([a-z0-9-]+)$/.exec(key);
    if (match?.[1]) known.add(match[1]);
  }
  for (const id of known) {
    const text = loadAnswer(id);
    if (text !== null) answers[id] = text;
  }
  return JSON.stringify({ schema, completed: progress.completed, answers }, null, 2);
}

/** The number of completions the file adds, or null when it is not a progress file. */
export function importFile(text: string): number | null {
  if (text.length > maxBytes) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const file = data as { schema?: unknown; completed?: unknown; answers?: unknown };
  if (file.schema !== schema || !file.completed || typeof file.completed !== 'object') return null;
  const progress = loadProgress();
  let added = 0;
  for (const [id, at] of Object.entries(file.completed as Record<string, unknown>)) {
    if (!/^[a-z0-9-]+$/.test(id) || typeof at !== 'string' || progress.completed[id]) continue;
    progress.completed[id] = at;
    added++;
  }
  replaceProgress(progress);
  if (file.answers && typeof file.answers === 'object')
    for (const [id, answer] of Object.entries(file.answers as Record<string, unknown>))
      if (/^[a-z0-9-]+$/.test(id) && typeof answer === 'string' && loadAnswer(id) === null)
        saveAnswer(id, answer);
  return added;
}
