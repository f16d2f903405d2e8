// Seeded variants (issue 19): two learners get different but equivalent
// tasks. Every variant of every exercise that has them is graded as the
// exercise as written is (its solution passes in both locales, its starter
// fails, each mistake fails its check with its message, each alternative
// passes); it differs where it says it does; an answer to one variant is
// graded against that variant, not another; and the seed a learner's name
// gives picks the same variant in the page and in the grader.
import { describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../src/course/exercises/grade.ts';
import { applyVariant } from '../../src/course/exercises/load.ts';
import {
  exerciseVariant,
  renameText,
  seedOf,
  variantCount,
  variantIndex,
} from '../../src/course/exercises/variants.ts';
import { readExercises } from '../../src/course/read.ts';

const varied = readExercises().filter((e) => variantCount(e) > 1);

describe('renaming a variant', () => {
  const r = { 'my-app': 'shop', 'my-service': 'shop-svc', '8080': '3000', '80': '81' };

  it('renames whole names only, never part of a longer one', () => {
    expect(renameText('app: my-app', r)).toBe('app: shop');
    expect(renameText('name: my-app-a', r)).toBe('name: my-app-a');
    expect(renameText('http://my-service.default.svc:80/', r)).toBe(
      'http://shop-svc.default.svc:81/',
    );
    expect(renameText('targetPort: 8080 # not 18080, not 10.0.0.80 or 80.1.2.3', r)).toBe(
      'targetPort: 3000 # not 18080, not 10.0.0.80 or 80.1.2.3',
    );
    expect(renameText('my-appの 8080 番', r)).toBe('shopの 3000 番');
    expect(renameText('port 80.', r)).toBe('port 81.');
  });

  it('renames all at once: a name renamed to another renamed name is not renamed twice', () => {
    expect(renameText('a b', { a: 'b', b: 'c' })).toBe('b c');
  });

  it('never renames what identifies the exercise, even a number the renaming names', () => {
    const exercise = {
      id: 'x',
      chapter: 2,
      order: 2,
      title: { ja: 'ポート 2', en: 'Port 2' },
      task: { ja: 'ポート 2', en: 'Port 2' },
      checks: [{ id: 'c', kind: 'request', expect: { port: 2 } }],
      variants: [{ '2': '5' }],
    };
    expect(exerciseVariant(exercise, 1)).toEqual({
      ...exercise,
      task: { ja: 'ポート 5', en: 'Port 5' },
      checks: [{ id: 'c', kind: 'request', expect: { port: 5 } }],
    });
  });
});

describe('seeds', () => {
  it('no seed, or an exercise with one variant: the exercise as written', () => {
    expect(variantIndex(undefined, 'service-selector', 3)).toBe(0);
    expect(variantIndex(seedOf('alice'), 'service-selector', 1)).toBe(0);
  });

  it('a learner’s name gives a seed; surrounding spaces do not change it', () => {
    expect(seedOf(' alice ')).toBe(seedOf('alice'));
    expect(seedOf('alice')).not.toBe(seedOf('bob'));
  });

  it('a class of 60 learners gets every variant of every varied exercise', () => {
    for (const exercise of varied) {
      const count = variantCount(exercise);
      const seen = new Set(
        Array.from({ length: 60 }, (_, i) =>
          variantIndex(seedOf(`student-${i}`), exercise.id, count),
        ),
      );
      expect(seen.size, exercise.id).toBe(count);
    }
  });
});

it('at least five exercises have variants', () => {
  expect(varied.length).toBeGreaterThanOrEqual(5);
});

describe.each(varied.map((e) => [e.id, e] as const))('exercise %s', (_, written) => {
  const indices = Array.from({ length: variantCount(written) - 1 }, (_, i) => i + 1);

  it.each(indices)(
    'variant %i renames names that the exercise uses, and nothing of its identity',
    (i) => {
      const v = exerciseVariant(written, i);
      const renaming = written.variants?.[i - 1] ?? {};
      for (const name of Object.keys(renaming))
        expect(
          renameText(`${written.starter}\n${written.solution}`, { [name]: '' }),
          name,
        ).not.toBe(`${written.starter}\n${written.solution}`);
      expect([v.id, v.chapter, v.order, v.title]).toEqual([
        written.id,
        written.chapter,
        written.order,
        written.title,
      ]);
      expect(v.checks.map((c) => [c.id, c.kind])).toEqual(
        written.checks.map((c) => [c.id, c.kind]),
      );
      expect(v.starter).not.toBe(written.starter);
      expect(v.solution).not.toBe(written.solution);
    },
  );

  it.each(indices)('variant %i: the solution passes in both locales; the starter fails', (i) => {
    const v = exerciseVariant(written, i);
    for (const locale of ['ja', 'en'] as const) {
      const grade = gradeSubmission(v, [{ file: 'solution.yaml', text: v.solution }], locale);
      expect(grade.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    }
    for (const starter of [v.starter, ...Object.values(v.starterIn ?? {})])
      expect(gradeSubmission(v, [{ file: 'starter.yaml', text: starter }]).passed).toBe(false);
  });

  it.each(indices)(
    'variant %i: each mistake fails its check with its message; each alternative passes',
    (i) => {
      const v = exerciseVariant(written, i);
      for (const mistake of v.mistakes) {
        const text = applyVariant(v.solution, mistake);
        const check = gradeSubmission(v, [{ file: 'answer.yaml', text }]).checks.find(
          (c) => c.id === mistake.fails,
        );
        expect(check?.passed, mistake.title.en).toBe(false);
        expect(check?.message, mistake.title.en).toContain(mistake.message);
      }
      for (const alternative of v.alternatives) {
        const text = applyVariant(v.solution, alternative);
        const grade = gradeSubmission(v, [{ file: 'answer.yaml', text }]);
        expect(
          grade.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message}`),
          alternative.title.en,
        ).toEqual([]);
      }
    },
  );

  it.each(indices)(
    'variant %i: its answer is not an answer to the exercise as written, nor the reverse',
    (i) => {
      const v = exerciseVariant(written, i);
      const answer = (text: string) => [{ file: 'answer.yaml', text }];
      expect(gradeSubmission(written, answer(v.solution)).passed).toBe(false);
      expect(gradeSubmission(v, answer(written.solution)).passed).toBe(false);
    },
  );
});
