// The one reader of content/: exercises, scenarios, the playground's scenario
// list. The CLI, the pages (at build time) and the tests
// all read the course through here, each file through its schema, so a broken
// file stops every one of them with the same message naming it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { z } from 'zod/v4';
import { locales } from '../i18n/locales.ts';
import { referenceAnswers } from './exercises/equivalent.ts';
import { parseExercise, schemaErrors } from './exercises/load.ts';
import {
  bilingual,
  courseOrder,
  type ExerciseSource,
  exerciseIdPattern,
  type Text,
} from './exercises/schema.ts';

/**
 * content/ beside this module when it runs from the source tree (the CLI, the
 * tests, astro dev); otherwise content/ in the working directory, which is the
 * project when Astro builds (the build moves this module into dist/).
 */
function defaultRoot(): string {
  const beside = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'content');
  return existsSync(join(beside, 'exercises')) ? beside : join(process.cwd(), 'content');
}

export const contentRoot = defaultRoot();

/** An exercise id that names no folder in content/exercises. */
export class UnknownExercise extends Error {}

export function exerciseIds(root = contentRoot): string[] {
  const dir = join(root, 'exercises');
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'meta.yaml')))
    .map((e) => e.name)
    .sort();
}

export function readExercise(id: string, root = contentRoot): ExerciseSource {
  const dir = join(root, 'exercises', id);
  if (!exerciseIdPattern.test(id) || !existsSync(join(dir, 'meta.yaml')))
    throw new UnknownExercise(`unknown exercise "${id}" (routelab exercises lists them)`);
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const parsed = parseExercise(id, read('meta.yaml'), read('starter.yaml'), read('solution.yaml'));
  const source = withReferences(parsed, root);
  const starterIn = Object.fromEntries(
    locales
      .filter((locale) => existsSync(join(dir, `starter.${locale}.yaml`)))
      .map((locale) => [locale, read(`starter.${locale}.yaml`)]),
  );
  return Object.keys(starterIn).length > 0 ? { ...source, starterIn } : source;
}

/** An `equivalent` check's reference: the solution of the exercise it names. */
function withReferences(source: ExerciseSource, root: string): ExerciseSource {
  if (!source.checks.some((c) => c.kind === 'equivalent')) return source;
  const checks = source.checks.map((c) => {
    if (c.kind !== 'equivalent') return c;
    const file = join(root, 'exercises', c.reference.exercise, 'solution.yaml');
    if (!existsSync(file))
      throw new Error(
        `${source.id}/meta.yaml: check ${c.id} refers to exercise ${c.reference.exercise}, which has no solution.yaml`,
      );
    const answers = referenceAnswers(c, readFileSync(file, 'utf8'));
    return { ...c, reference: { ...c.reference, answers } };
  });
  return { ...source, checks };
}

/** Every exercise, in chapter order. */
export function readExercises(root = contentRoot): ExerciseSource[] {
  return exerciseIds(root)
    .map((id) => readExercise(id, root))
    .sort(courseOrder);
}

/** The YAML files of content/scenarios/, by name. */
export function scenarioNames(root = contentRoot): string[] {
  return readdirSync(join(root, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

/** A scenario's YAML ("service-nodeport.yaml"), as the chapters and the playground show it. */
export function readScenario(name: string, root = contentRoot): string {
  if (!/^[a-z0-9-]+\.yaml$/.test(name)) throw new Error(`not a scenario file name: ${name}`);
  return readFileSync(join(root, 'scenarios', name), 'utf8');
}

/** A YAML file of content/ checked against its schema; the error names the file and the key. */
function readYaml<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(load(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(schemaErrors(file, parsed.error.issues));
  return parsed.data;
}

const playgroundEntry = z
  .object({
    // Scenario ids sit in links beside exercise ids, and are written the same way.
    id: z.string().regex(exerciseIdPattern),
    chapter: z.number().int().min(1).max(9),
    file: z.string().regex(/^[a-z0-9-]+\.yaml$/),
    title: bilingual,
    request: z
      .object({
        from: z.string().min(1),
        to: z.string().min(1),
        count: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
  })
  .strict();

export interface PlaygroundScenario {
  id: string;
  chapter: number;
  title: Text;
  yaml: string;
  request: { from: string; to: string; count: number };
}

/** The playground's scenarios (content/playground/scenarios.yaml), each with its YAML. */
export function playgroundScenarios(root = contentRoot): PlaygroundScenario[] {
  const index = join(root, 'playground', 'scenarios.yaml');
  const entries = readYaml(index, z.array(playgroundEntry).min(1));
  const ids = new Set<string>();
  return entries.map((e) => {
    if (ids.has(e.id)) throw new Error(`${index}: the id ${e.id} is used twice`);
    ids.add(e.id);
    return {
      id: e.id,
      chapter: e.chapter,
      title: e.title,
      yaml: readScenario(e.file, root),
      request: { from: e.request.from, to: e.request.to, count: e.request.count ?? 1 },
    };
  });
}
