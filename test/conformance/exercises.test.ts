// Every exercise graded through the engine, as the browser and `routelab grade`
// grade it: the solution passes, the starter fails, each recorded mistake fails
// the check meant to catch it with the message meant to teach, and each
// alternative correct answer passes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { type Grade, gradeSubmission } from '../../src/course/exercises/grade.ts';
import { applyVariant, parseExercise } from '../../src/course/exercises/load.ts';
import { exerciseSchema } from '../../src/course/exercises/schema.ts';
import { contentRoot, exerciseIds, readExercises } from '../../src/course/read.ts';

const exercises = readExercises();
const exercisesDir = join(contentRoot, 'exercises');

function failures(grade: Grade): string {
  return grade.checks
    .filter((c) => !c.passed)
    .map((c) => `${c.id}: ${c.message}`)
    .join('\n');
}

describe('the exercise schema (the build runs it on every meta.yaml)', () => {
  it('accepts every exercise', () => {
    for (const id of exerciseIds()) {
      const meta = load(readFileSync(join(exercisesDir, id, 'meta.yaml'), 'utf8'));
      const parsed = exerciseSchema.safeParse(meta);
      expect(parsed.success ? '' : `${id}: ${parsed.error.message}`).toBe('');
    }
  });

  it('names the field of a misspelt expectation', () => {
    const meta = load(
      readFileSync(join(exercisesDir, 'service-selector', 'meta.yaml'), 'utf8'),
    ) as {
      checks: { expect?: Record<string, unknown> }[];
    };
    const request = meta.checks.find((c) => c.expect);
    if (request?.expect) request.expect.servce = 'my-service';
    const parsed = exerciseSchema.safeParse(meta);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('servce');
  });

  // Four English texts were once cut in two this way: in a flow mapping a comma
  // ends the value, and the rest of the sentence became a key of its own.
  it('refuses a text cut in two, naming the file and the stray key', () => {
    const source = readFileSync(join(exercisesDir, 'nodeport-expose', 'meta.yaml'), 'utf8');
    const cut = source.replace(
      /\n {4}title:\n {6}ja: (.*)\n {6}en: "From outside, (.*)"\n/,
      '\n    title: { ja: $1, en: From outside, $2 }\n',
    );
    expect(cut).not.toBe(source);
    expect(() => parseExercise('nodeport-expose', cut, '', '')).toThrow(
      /^nodeport-expose\/meta\.yaml: checks\.1\.title: Unrecognized key: "port 30080 on every node's IP reaches my-app"/,
    );
  });

  // The schema cannot look inside `cluster` (any Cluster spec); a stray key
  // there, or anywhere, has spaces in it and no value.
  it('has no key with a space and no empty value in any meta.yaml', () => {
    const strays: string[] = [];
    const walk = (value: unknown, at: string) => {
      if (value === null) strays.push(`${at} is empty`);
      else if (Array.isArray(value)) for (const [i, v] of value.entries()) walk(v, `${at}.${i}`);
      else if (typeof value === 'object')
        for (const [k, v] of Object.entries(value)) {
          if (/\s/.test(k)) strays.push(`${at}: key "${k}"`);
          walk(v, `${at}.${k}`);
        }
    };
    for (const id of exerciseIds())
      walk(load(readFileSync(join(exercisesDir, id, 'meta.yaml'), 'utf8')), `${id}/meta.yaml`);
    expect(strays).toEqual([]);
  });

  it('refuses two checks with one id', () => {
    const source = readFileSync(join(exercisesDir, 'service-selector', 'meta.yaml'), 'utf8');
    const meta = load(source) as { checks: { id: string }[] };
    const [first, second] = meta.checks;
    if (!first || !second) throw new Error('service-selector has fewer than two checks');
    second.id = first.id;
    expect(() => parseExercise('service-selector', dump(meta), '', '')).toThrow(
      `service-selector/meta.yaml: checks.1.id: duplicate check id ${first.id}`,
    );
  });
});

describe.each(exercises.map((e) => [e.id, e] as const))('exercise %s', (_, exercise) => {
  it('asks every question its answer checks grade', () => {
    const asked = new Set((exercise.questions ?? []).map((q) => q.id));
    for (const check of exercise.checks)
      if (check.kind === 'answer') expect(asked.has(check.question), check.id).toBe(true);
  });

  it('has 2 or 3 hints and at least three mistakes and one alternative', () => {
    expect(exercise.hints.length).toBeGreaterThanOrEqual(2);
    expect(exercise.hints.length).toBeLessThanOrEqual(3);
    expect(exercise.mistakes.length).toBeGreaterThanOrEqual(3);
    expect(exercise.alternatives.length).toBeGreaterThanOrEqual(1);
  });

  it('passes every check with its solution, in both locales', () => {
    for (const locale of ['ja', 'en'] as const) {
      const grade = gradeSubmission(
        exercise,
        [{ file: 'solution.yaml', text: exercise.solution }],
        locale,
      );
      expect(failures(grade)).toBe('');
      expect(grade.passed).toBe(true);
    }
  });

  it('fails with its starter', () => {
    const grade = gradeSubmission(exercise, [{ file: 'starter.yaml', text: exercise.starter }]);
    expect(grade.passed).toBe(false);
  });

  it.each(exercise.mistakes.map((m) => [m.title.en, m] as const))(
    'mistake "%s" fails the intended check',
    (_title, mistake) => {
      const text = applyVariant(exercise.solution, mistake);
      const grade = gradeSubmission(exercise, [{ file: 'answer.yaml', text }]);
      const check = grade.checks.find((c) => c.id === mistake.fails);
      expect(check, `no check ${mistake.fails}`).toBeDefined();
      expect(check?.passed).toBe(false);
      expect(check?.message).toContain(mistake.message);
      const ja = gradeSubmission(exercise, [{ file: 'answer.yaml', text }], 'ja');
      expect(ja.checks.find((c) => c.id === mistake.fails)?.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    },
  );

  it.each(exercise.alternatives.map((a) => [a.title.en, a] as const))(
    'alternative "%s" passes',
    (_title, alternative) => {
      const text = applyVariant(exercise.solution, alternative);
      const grade = gradeSubmission(exercise, [{ file: 'answer.yaml', text }]);
      expect(failures(grade)).toBe('');
    },
  );
});
