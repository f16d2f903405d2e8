// `routelab grade --course BUNDLE...`: a class's gradebook from the progress
// files learners export (the progress page's "Export progress", with the name
// or id they entered): every exercise of the course graded for every learner,
// each answer on its own thread with a time limit as `routelab grade` does,
// partial credit per check. Formats: text, csv (one row per learner, a column
// per exercise: what Moodle's and Canvas's gradebook imports take), json
// (routelab.dev/gradebook/v1, with every check), junit.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ExerciseSource, Locale } from '../course/exercises/schema.ts';
import { exerciseVariant, variantCount, variantIndex } from '../course/exercises/variants.ts';
import { readExercises } from '../course/read.ts';
import { UsageError } from './args.ts';
import { gradeAll } from './grade.ts';
import { gradebookCsv, gradebookJson, gradebookJunit, gradebookText } from './gradebook-report.ts';
import type { Submission } from './submissions.ts';

/** The progress page's own limit: a bigger file is not a progress file. */
const maxBundleBytes = 2 * 1024 * 1024;

export interface Bundle {
  /** The name or id the learner entered; else the file's name. */
  learner: string;
  file: string;
  answers: Map<string, string>;
  /** The seed the learner's page chose their variants by (seeded variants); none: as written. */
  seed?: number;
  /** Why the file could not be read as a progress file. */
  error?: string;
}

export interface ExerciseMark {
  answered: boolean;
  /** Which variant was graded (0: the exercise as written). */
  variant: number;
  score: number;
  max: number;
  checks: { id: string; passed: boolean; message: string }[];
  error?: string;
}

export interface Row {
  learner: string;
  file: string;
  error?: string;
  score: number;
  max: number;
  exercises: Record<string, ExerciseMark>;
}

const text = (v: unknown): v is string => typeof v === 'string';

/** A progress file (routelab.dev/progress/v1 or v2) as a bundle; never throws. */
export function readBundle(path: string): Bundle {
  const file = basename(path);
  const fallback = file.replace(/\.json$/i, '');
  const failed = (error: string): Bundle => ({
    learner: fallback,
    file,
    answers: new Map(),
    error,
  });
  let data: unknown;
  try {
    if (statSync(path).size > maxBundleBytes)
      return failed('larger than 2 MB: not a progress file');
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return failed(`not a progress file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const d = (data ?? {}) as Record<string, unknown>;
  if (d.schema !== 'routelab.dev/progress/v2' && d.schema !== 'routelab.dev/progress/v1')
    return failed('not a Routelab progress file (no routelab.dev/progress schema)');
  const answers = new Map<string, string>();
  const raw =
    d.answers && typeof d.answers === 'object' ? (d.answers as Record<string, unknown>) : {};
  for (const [id, value] of Object.entries(raw)) {
    const answer = text(value)
      ? value
      : text((value as { text?: unknown })?.text)
        ? (value as { text: string }).text
        : null;
    if (answer !== null && /^[a-z0-9-]{1,64}$/.test(id)) answers.set(id, answer);
  }
  const learner =
    text(d.learner) && d.learner.trim() !== '' ? d.learner.trim().slice(0, 200) : fallback;
  const seed =
    Number.isInteger(d.seed) && (d.seed as number) >= 0 && (d.seed as number) <= 0xffffffff
      ? (d.seed as number)
      : undefined;
  return { learner, file, answers, ...(seed !== undefined ? { seed } : {}) };
}

/** Every learner's every exercise, graded exercise by exercise over the class. */
export async function gradeCourse(
  bundles: Bundle[],
  options: { locale: Locale; timeoutMs: number },
  exercises: ExerciseSource[] = readExercises(),
): Promise<Row[]> {
  const rows: Row[] = bundles.map((b) => ({
    learner: b.learner,
    file: b.file,
    ...(b.error ? { error: b.error } : {}),
    score: 0,
    max: exercises.reduce((n, e) => n + e.checks.length, 0),
    exercises: {},
  }));
  // The grader reads answers from files, under the same limits as routelab grade's.
  const dir = mkdtempSync(join(tmpdir(), 'routelab-gradebook-'));
  try {
    // Each learner's answer against their own variant: the class graded variant by variant.
    for (const written of exercises) {
      const count = variantCount(written);
      const variantOf = bundles.map((b) => variantIndex(b.seed, written.id, count));
      for (let variant = 0; variant < count; variant++) {
        const exercise = exerciseVariant(written, variant);
        const submissions: Submission[] = [];
        const who: number[] = [];
        bundles.forEach((b, i) => {
          if (variantOf[i] !== variant) return;
          const answer = b.answers.get(exercise.id);
          const row = rows[i] as Row;
          if (answer === undefined) {
            row.exercises[exercise.id] = unanswered(exercise, variant);
            return;
          }
          const folder = join(dir, String(i));
          mkdirSync(folder, { recursive: true });
          const path = join(folder, `${exercise.id}.yaml`);
          writeFileSync(path, answer);
          submissions.push({
            name: b.learner,
            path,
            files: [{ file: `${exercise.id}.yaml`, path }],
          });
          who.push(i);
        });
        if (submissions.length === 0) continue;
        const results = await gradeAll(exercise, submissions, options);
        results.forEach((r, k) => {
          const row = rows[who[k] as number] as Row;
          row.exercises[exercise.id] = {
            answered: true,
            variant,
            score: r.score,
            max: r.maxScore,
            checks: r.checks.map((c) => ({ id: c.id, passed: c.passed, message: c.message })),
            ...(r.error ? { error: r.error } : {}),
          };
          row.score += r.score;
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

function unanswered(exercise: ExerciseSource, variant: number): ExerciseMark {
  return {
    answered: false,
    variant,
    score: 0,
    max: exercise.checks.length,
    checks: exercise.checks.map((c) => ({ id: c.id, passed: false, message: 'no answer' })),
  };
}

/** Every file named, and every .json in a folder named, sorted. */
export function bundlePaths(paths: string[]): string[] {
  if (paths.length === 0)
    throw new UsageError('grade --course needs progress files (see the progress page)');
  return paths.flatMap((p) => {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(p);
    } catch {
      throw new UsageError(`cannot read ${p}: no such file or directory`);
    }
    if (!stat.isDirectory()) return [p];
    return readdirJson(p);
  });
}

function readdirJson(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.json$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** routelab grade --course: the arguments are those of grade, less the exercise. */
export async function gradebookCommand(
  paths: string[],
  options: { locale: Locale; timeoutMs: number; format: string },
  io: { out: (text: string) => void; err: (text: string) => void },
): Promise<number> {
  const exercises = readExercises();
  const bundles = bundlePaths(paths).map(readBundle);
  const rows = await gradeCourse(bundles, options, exercises);
  const write = {
    text: gradebookText,
    csv: gradebookCsv,
    json: gradebookJson,
    junit: gradebookJunit,
  }[options.format];
  if (!write)
    throw new UsageError(`--format must be one of text, json, junit, csv, not "${options.format}"`);
  io.out(write(exercises, rows));
  for (const r of rows) if (r.error) io.err(`routelab: ${r.file}: ${r.error}`);
  return rows.every((r) => !r.error && r.score === r.max) ? 0 : 1;
}
