// Older builds' keys, carried into today's. Each step reads one version's
// keys, writes the next version's, and removes what it read, so running it
// again does nothing. A key of an older version that reappears later was
// written by a page of the older build still open in a tab: it is newer than
// what was migrated, so it wins and the text it replaces goes into history.
//
// v0 is not a build that shipped: it is the shape an unversioned build would
// plausibly have used, kept as the fixture for the first step —
//   routelab-answer-<id>   the answer's text
//   routelab-playground    the playground state as JSON
//   routelab-completed     a JSON array of completed exercise ids (no times)
// v1 (until this change): routelab:v1:answer:<id> (text), routelab:v1:playground
// (state JSON), routelab:v1:progress ({completed: {id: time}}),
// routelab:v1:instructor ('on' or 'off').
import { remember } from './history.ts';
import {
  answerSlot,
  idPattern,
  instructorKey,
  playgroundSlot,
  progressKey,
  type Slot,
} from './keys.ts';
import { keysWith, readKey, removeKey, writeKey } from './local.ts';
import { parseProgress } from './progress.ts';
import { load, put } from './records.ts';

const v1 = 'routelab:v1:';

function v0ToV1(now: Date) {
  for (const key of keysWith('routelab-answer-')) {
    const id = key.slice('routelab-answer-'.length);
    const text = readKey(key);
    if (idPattern.test(id) && text !== null && readKey(`${v1}answer:${id}`) === null)
      writeKey(`${v1}answer:${id}`, text);
    removeKey(key);
  }
  const playground = readKey('routelab-playground');
  if (playground !== null) {
    if (readKey(`${v1}playground`) === null) writeKey(`${v1}playground`, playground);
    removeKey('routelab-playground');
  }
  const completed = readKey('routelab-completed');
  if (completed !== null) {
    const progress = parseProgress(readKey(`${v1}progress`));
    try {
      const ids = JSON.parse(completed) as unknown;
      // v0 kept no times: the migration's own time is the best known.
      if (Array.isArray(ids))
        for (const id of ids)
          if (typeof id === 'string' && idPattern.test(id) && !progress.completed[id])
            progress.completed[id] = now.toISOString();
    } catch {
      // A damaged list holds nothing to carry over.
    }
    writeKey(`${v1}progress`, JSON.stringify(progress));
    removeKey('routelab-completed');
  }
}

/** One v1 text into its v2 slot; a v2 text it replaces stays in history. */
function carry(key: string, slot: Slot, now: Date) {
  const value = readKey(key);
  if (value === null) return;
  const current = load(slot);
  if (current && current.value !== value) remember(slot, current.value, 'older-build', now);
  if (!current || current.value !== value) {
    if (put(slot, value, now.toISOString())) return; // could not write: keep the old key
  }
  removeKey(key);
}

function v1ToV2(now: Date) {
  for (const key of keysWith(`${v1}answer:`)) {
    const id = key.slice(`${v1}answer:`.length);
    if (idPattern.test(id)) carry(key, answerSlot(id), now);
    else removeKey(key);
  }
  carry(`${v1}playground`, playgroundSlot, now);
  const old = readKey(`${v1}progress`);
  if (old !== null) {
    const merged = parseProgress(readKey(progressKey));
    for (const [id, at] of Object.entries(parseProgress(old).completed))
      merged.completed[id] ??= at;
    if (!writeKey(progressKey, JSON.stringify(merged))) removeKey(`${v1}progress`);
  }
  const instructor = readKey(`${v1}instructor`);
  if (instructor !== null && !writeKey(instructorKey, instructor)) removeKey(`${v1}instructor`);
}

/** Brings every older key up to today's version; safe to run on every page. */
export function migrate(now = new Date()): void {
  v0ToV1(now);
  v1ToV2(now);
}

let done = false;
/** migrate(), once per page. */
export function migrateOnce(): void {
  if (done) return;
  done = true;
  migrate();
}
