// Every exercise graded through the engine, as the browser and `routelab grade`
// grade it: the solution passes, the starter fails, each recorded mistake fails
// the check meant to catch it with the message meant to teach, and each
// alternative correct answer passes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { exercisesDir, readExercises } from '../../src/cli/exercises.ts';
import { exerciseSchema } from '../../src/course/exercise-schema.ts';
import { gradeSubmission } from '../../src/engine/exercises/grade.ts';
import { applyVariant } from '../../src/engine/exercises/load.ts';
import type { Grade } from '../../src/engine/exercises/types.ts';

const exercises = readExercises();

function failures(grade: Grade): string {
  return grade.checks
    .filter((c) => !c.passed)
    .map((c) => `${c.id}: ${c.message}`)
    .join('\n');
}

describe('the exercise schema (the build runs it on every meta.yaml)', () => {
  it('accepts every exercise', () => {
    for (const { id } of exercises) {
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
