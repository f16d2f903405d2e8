// An exercise folder's files turned into an Exercise. The build checks
// meta.yaml's shape with a schema (src/content.config.ts); this reader only
// refuses what would make grading meaningless, so the CLI fails loudly too.
import { load } from 'js-yaml';
import type { Exercise, Text } from './types.ts';

export interface Variant {
  title: Text;
  /** Text replacements applied, in order, to solution.yaml. */
  replace: { from: string; to: string }[];
}

/** A realistic wrong answer: which check catches it and what its message says. */
export interface Mistake extends Variant {
  fails: string;
  message: string;
}

export interface ExerciseSource extends Exercise {
  mistakes: Mistake[];
  alternatives: Variant[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseExercise(
  id: string,
  meta: string,
  starter: string,
  solution: string,
): ExerciseSource {
  const data = load(meta);
  if (!isRecord(data)) throw new Error(`${id}/meta.yaml: not a mapping`);
  if (data.id !== id) throw new Error(`${id}/meta.yaml: id is ${String(data.id)}, not ${id}`);
  if (!Array.isArray(data.checks) || data.checks.length === 0)
    throw new Error(`${id}/meta.yaml: checks: at least one check is required`);
  const ids = new Set<string>();
  for (const check of data.checks) {
    if (!isRecord(check) || typeof check.id !== 'string')
      throw new Error(`${id}/meta.yaml: checks: every check needs an id`);
    if (ids.has(check.id)) throw new Error(`${id}/meta.yaml: checks: duplicate id ${check.id}`);
    ids.add(check.id);
  }
  return {
    ...(data as unknown as Exercise),
    hints: (data.hints as Text[] | undefined) ?? [],
    mistakes: (data.mistakes as Mistake[] | undefined) ?? [],
    alternatives: (data.alternatives as Variant[] | undefined) ?? [],
    starter,
    solution,
  };
}

/** solution.yaml with a variant's replacements; throws when one does not apply. */
export function applyVariant(solution: string, variant: Variant): string {
  let text = solution;
  for (const { from, to } of variant.replace) {
    if (!text.includes(from)) throw new Error(`"${from}" does not occur in the solution`);
    text = text.replace(from, to);
  }
  return text;
}
