// An exercise folder's files turned into an ExerciseSource, through the same
// schema the build runs: the CLI and the tests refuse what the build refuses,
// naming the file and the key.
import { load } from 'js-yaml';
import { type ExerciseSource, exerciseSchema, type Variant } from './schema.ts';

/** The schema's complaints as "file: checks.2.expect: Unrecognized key: "servce"" lines. */
export function schemaErrors(
  file: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): string {
  return issues
    .map((i) => `${file}: ${i.path.length ? `${i.path.map(String).join('.')}: ` : ''}${i.message}`)
    .join('\n');
}

export function parseExercise(
  id: string,
  meta: string,
  starter: string,
  solution: string,
): ExerciseSource {
  const file = `${id}/meta.yaml`;
  const parsed = exerciseSchema.safeParse(load(meta));
  if (!parsed.success) throw new Error(schemaErrors(file, parsed.error.issues));
  if (parsed.data.id !== id) throw new Error(`${file}: id is ${parsed.data.id}, not ${id}`);
  return { ...parsed.data, starter, solution };
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
