// Progress as a file: which exercises are done, each answer's text and when it
// was saved, and the playground — so a learner can move to another browser.
// Importing tells the truth: answers this browser lacks are filled in, an
// answer that differs is replaced only if the learner chooses the file's, and
// whatever is refused (unknown exercises, prototype keys, broken entries) is
// counted and named.
import { seedOf } from '../../course/exercises/variants.ts';
import { checkState, stateValue } from '../playground/share.ts';
import { remember } from '../storage/history.ts';
import { answerIdOf, answerSlot, playgroundSlot, prefix, type Slot } from '../storage/keys.ts';
import { blocked, keysWith } from '../storage/local.ts';
import { migrateOnce } from '../storage/migrate.ts';
import { loadProgress, replaceProgress } from '../storage/progress.ts';
import { load, put, type Saved } from '../storage/records.ts';

const schema = 'routelab.dev/progress/v2';
const schemaV1 = 'routelab.dev/progress/v1';
/** Far above fourteen answers and a playground; a bigger file is not ours. */
export const maxBytes = 2 * 1024 * 1024;
/** Keys that would reach an object's prototype if anything merged them naively. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

export interface Incoming {
  /** The exercise id, or "playground". */
  id: string;
  slot: Slot;
  text: string;
  /** When the file says it was saved; null in files that kept no times (v1). */
  at: string | null;
}

export interface Choice {
  incoming: Incoming;
  local: Saved;
  /** Which of the two was saved later, if both times are known. */
  newer: 'file' | 'browser' | 'unknown';
}

export interface Refused {
  unknown: string[];
  forbidden: string[];
  invalid: string[];
}

export interface Plan {
  completions: Record<string, string>;
  fill: Incoming[];
  same: number;
  choices: Choice[];
  refused: Refused;
}

export interface Report {
  completed: number;
  filled: number;
  replaced: number;
  kept: number;
  same: number;
  failed: number;
  refused: Refused;
}

/** The file to download; null when this browser blocks storage (there is nothing to read). */
export function exportFile(learner = ''): string | null {
  migrateOnce();
  if (blocked()) return null;
  const answers: Record<string, { text: string; at: string }> = {};
  for (const key of keysWith(`${prefix}answer:`)) {
    const id = answerIdOf(key);
    const saved = id ? load(answerSlot(id)) : null;
    if (id && saved) answers[id] = { text: saved.value, at: saved.at };
  }
  const pg = load(playgroundSlot);
  let playground: { state: unknown; at: string } | undefined;
  try {
    if (pg) playground = { state: JSON.parse(pg.value), at: pg.at };
  } catch {
    // A damaged playground record is left out, not exported as junk.
  }
  const { completed } = loadProgress();
  return JSON.stringify(
    {
      schema,
      // Who this is, for an instructor's gradebook (routelab grade --course).
      ...(learner.trim() ? { learner: learner.trim().slice(0, 200) } : {}),
      // The seed the exercise pages chose this learner's variants by (the grader uses the same).
      ...(learner.trim() ? { seed: seedOf(learner) } : {}),
      completed,
      answers,
      ...(playground ? { playground } : {}),
    },
    null,
    2,
  );
}

const validTime = (at: unknown): at is string =>
  typeof at === 'string' && !Number.isNaN(Date.parse(at));
const short = (id: string) => (id.length > 40 ? `${id.slice(0, 40)}…` : id);

/** Sorts one file key: a known exercise id, or the reason it is refused (each named once). */
function sortId(id: string, known: Set<string>, refused: Refused, seen: Set<string>): boolean {
  const list = forbiddenKeys.has(id) ? refused.forbidden : known.has(id) ? null : refused.unknown;
  if (list && !seen.has(id)) {
    seen.add(id);
    list.push(short(id));
  }
  return !list;
}

function incomingOf(id: string, entry: unknown, v1: boolean): Incoming | null {
  if (v1)
    return typeof entry === 'string' ? { id, slot: answerSlot(id), text: entry, at: null } : null;
  const e = entry as { text?: unknown; at?: unknown } | null;
  return e && typeof e.text === 'string' && validTime(e.at)
    ? { id, slot: answerSlot(id), text: e.text, at: e.at }
    : null;
}

function playgroundOf(entry: unknown): Incoming | null {
  const e = entry as { state?: unknown; at?: unknown } | null;
  if (!e || !validTime(e.at) || typeof e.state !== 'object' || e.state === null) return null;
  try {
    const state = checkState({ ...e.state, v: 1 });
    return { id: 'playground', slot: playgroundSlot, text: stateValue(state), at: e.at };
  } catch {
    return null;
  }
}

function place(item: Incoming, plan: Plan) {
  const local = load(item.slot);
  if (!local) {
    plan.fill.push(item);
    return;
  }
  if (local.value === item.text) {
    plan.same++;
    return;
  }
  const [f, b] = [Date.parse(item.at ?? ''), Date.parse(local.at)];
  const newer = Number.isNaN(f) || Number.isNaN(b) ? 'unknown' : f > b ? 'file' : 'browser';
  plan.choices.push({ incoming: item, local, newer });
}

/** What importing text would do; a string says why it is not a progress file. */
export function planImport(text: string, knownIds: string[]): Plan | 'too-big' | 'not-progress' {
  migrateOnce();
  if (text.length > maxBytes) return 'too-big';
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'not-progress';
  }
  const file = data as {
    schema?: unknown;
    completed?: unknown;
    answers?: unknown;
    playground?: unknown;
  };
  const isMap = (x: unknown): x is Record<string, unknown> =>
    typeof x === 'object' && x !== null && !Array.isArray(x);
  if (
    !isMap(file) ||
    (file.schema !== schema && file.schema !== schemaV1) ||
    !isMap(file.completed)
  )
    return 'not-progress';
  if (file.answers !== undefined && !isMap(file.answers)) return 'not-progress';
  const known = new Set(knownIds);
  const plan: Plan = {
    completions: {},
    fill: [],
    same: 0,
    choices: [],
    refused: { unknown: [], forbidden: [], invalid: [] },
  };
  const have = loadProgress().completed;
  const seen = new Set<string>();
  for (const [id, at] of Object.entries(file.completed)) {
    if (!sortId(id, known, plan.refused, seen)) continue;
    if (!validTime(at)) plan.refused.invalid.push(short(id));
    else if (!have[id]) plan.completions[id] = at;
  }
  for (const [id, entry] of Object.entries(file.answers ?? {})) {
    if (!sortId(id, known, plan.refused, seen)) continue;
    const item = incomingOf(id, entry, file.schema === schemaV1);
    if (item) place(item, plan);
    else if (!plan.refused.invalid.includes(short(id))) plan.refused.invalid.push(short(id));
  }
  if (file.playground !== undefined) {
    const item = playgroundOf(file.playground);
    if (item) place(item, plan);
    else plan.refused.invalid.push('playground');
  }
  return plan;
}

/** Carries the plan out; `take` names the choices (by id) where the learner chose the file. */
export function applyImport(plan: Plan, take: ReadonlySet<string>): Report {
  const report: Report = {
    completed: 0,
    filled: 0,
    replaced: 0,
    kept: 0,
    same: plan.same,
    failed: 0,
    refused: plan.refused,
  };
  const progress = loadProgress();
  const added = Object.entries(plan.completions).filter(([id]) => !progress.completed[id]);
  for (const [id, at] of added) progress.completed[id] = at;
  if (added.length > 0) {
    if (replaceProgress(progress)) report.failed += added.length;
    else report.completed = added.length;
  }
  const now = new Date().toISOString();
  for (const item of plan.fill) {
    if (put(item.slot, item.text, item.at ?? now)) report.failed++;
    else report.filled++;
  }
  for (const choice of plan.choices) {
    if (!take.has(choice.incoming.id)) {
      report.kept++;
      continue;
    }
    const { slot, text, at } = choice.incoming;
    // The browser's text stays one step away, in the slot's history.
    const failure = remember(slot, choice.local.value, 'import') ?? put(slot, text, at ?? now);
    if (failure) report.failed++;
    else report.replaced++;
  }
  return report;
}
