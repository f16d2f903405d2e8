// Seeded variants (issue 19): an exercise may list renamings of its names,
// ports and hosts (meta.yaml `variants:`), so that two learners of one class
// get different but equivalent tasks. Variant 0 is the folder as written; a
// learner's seed (from the name or id they give the progress page) picks one
// of the others for each exercise, and the page and `routelab grade` build the
// same variant from it. Pure: the page, the grading worker and the CLI share it.
import { fnv32a } from '../../engine/index.ts';

/** One variant: whole names replaced by others, everywhere the exercise says them. */
export type Renaming = Record<string, string>;

/** A name, port or host: what may be renamed, and what it may become. */
export const renamable = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;

/** The seed a learner's name or id gives (the same in the page and the grader). */
export function seedOf(learner: string): number {
  return fnv32a(`routelab learner ${learner.trim()}`);
}

/** Which of an exercise's variants (0 = as written) a seed gives; no seed, the one as written. */
export function variantIndex(seed: number | undefined, id: string, count: number): number {
  if (seed === undefined || count <= 1) return 0;
  return fnv32a(`${seed >>> 0}/${id}`) % count;
}

/**
 * Every whole occurrence of a renamed token: not inside a longer name
 * (my-app in my-app-a, 80 in 8080 or 10.0.0.80 — a dot ends a name only
 * before a letter, as in my-service.default.svc).
 */
function tokenPattern(renaming: Renaming): RegExp | null {
  const keys = Object.keys(renaming).sort((a, b) => b.length - a.length);
  if (keys.length === 0) return null;
  const escaped = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![A-Za-z0-9_.-])(?:${escaped.join('|')})(?![A-Za-z0-9_-]|\\.[0-9])`, 'g');
}

/** A text with every token of the renaming replaced at once (a→b, b→c gives b, c). */
export function renameText(text: string, renaming: Renaming): string {
  const pattern = tokenPattern(renaming);
  return pattern ? text.replace(pattern, (token) => renaming[token] ?? token) : text;
}

/** Keys that name parts of the exercise (check ids, kinds, the check a mistake fails): never renamed. */
const names = new Set(['id', 'kind', 'fails', 'question', 'field']);

function renameValue(value: unknown, renaming: Renaming, key = ''): unknown {
  if (names.has(key)) return value;
  if (typeof value === 'string') return renameText(value, renaming);
  if (typeof value === 'number') {
    const to = renaming[String(value)];
    return to !== undefined && /^[0-9]+$/.test(to) ? Number(to) : value;
  }
  if (Array.isArray(value)) return value.map((v) => renameValue(v, renaming));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, renameValue(v, renaming, k)]),
    );
  return value;
}

/** How many variants an exercise has, the one as written included. */
export function variantCount(exercise: { variants?: Renaming[] | undefined }): number {
  return 1 + (exercise.variants?.length ?? 0);
}

/** What names the exercise itself, the same in every variant (and the renamings themselves). */
const identity = new Set(['id', 'chapter', 'order', 'title', 'variants']);

/**
 * The exercise's variant `index` (0: as written): its task, hints, checks,
 * starter, solution, mistakes and alternatives renamed alike; its id, title
 * and order never, so that lists and gradebooks name it the same for all.
 */
export function exerciseVariant<T extends { variants?: Renaming[] | undefined }>(
  exercise: T,
  index: number,
): T {
  const renaming = index > 0 ? exercise.variants?.[index - 1] : undefined;
  if (!renaming) return exercise;
  return Object.fromEntries(
    Object.entries(exercise).map(([k, v]) => [k, identity.has(k) ? v : renameValue(v, renaming)]),
  ) as T;
}
