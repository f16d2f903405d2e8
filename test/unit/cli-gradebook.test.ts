// `routelab grade --course`: a class's gradebook from the progress files its
// learners exported, as an instructor runs it (the real binary): every
// exercise for every learner, partial credit per check, one row each.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  exerciseVariant,
  seedOf,
  variantCount,
  variantIndex,
} from '../../src/course/exercises/variants.ts';
import { readExercises } from '../../src/course/read.ts';
import { exerciseFile as exercise, routelab } from '../support/cli.ts';

const read = (id: string, file: string) => readFileSync(exercise(id, file), 'utf8');
let room = '';
beforeAll(() => {
  room = mkdtempSync(join(tmpdir(), 'routelab-course-'));
  const at = '2026-12-01T00:00:00.000Z';
  // Aiko (v2, named): one exercise right, one left as the starter.
  writeFileSync(
    join(room, 'a.json'),
    JSON.stringify({
      schema: 'routelab.dev/progress/v2',
      learner: 'Aiko Sato',
      completed: { 'service-selector': at },
      answers: {
        'service-selector': { text: read('service-selector', 'solution.yaml'), at },
        'ingress-path-routing': { text: read('ingress-path-routing', 'starter.yaml'), at },
      },
    }),
  );
  // Ben: an older file (v1: answers as bare text), no name: his file's name stands for him.
  writeFileSync(
    join(room, 'ben.json'),
    JSON.stringify({
      schema: 'routelab.dev/progress/v1',
      completed: {},
      answers: { 'ingress-path-routing': read('ingress-path-routing', 'solution.yaml') },
    }),
  );
  writeFileSync(join(room, 'c.json'), '{"completed": 1}');
});

describe('routelab grade --course', { timeout: 120_000 }, () => {
  const exercises = readExercises();
  const checks = (id: string) => exercises.find((e) => e.id === id)?.checks.length ?? 0;
  const max = exercises.reduce((n, e) => n + e.checks.length, 0);

  it('writes one CSV row per learner, a column per exercise in course order, and the total', () => {
    const { code, stdout, stderr } = routelab(['grade', '--course', room, '--format', 'csv']);
    expect(code).toBe(1);
    const [header, ...rows] = stdout
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(header).toEqual([
      'learner',
      'file',
      ...exercises.map((e) => `${e.id} (${e.checks.length})`),
      'total',
      'max',
      'error',
    ]);
    const col = (id: string) => header?.indexOf(`${id} (${checks(id)})`) ?? -1;
    const [aiko, ben, broken] = rows;
    expect(aiko?.slice(0, 2)).toEqual(['Aiko Sato', 'a.json']);
    expect(aiko?.[col('service-selector')]).toBe(String(checks('service-selector')));
    // The starter passes some checks and not others: partial credit.
    const partial = Number(aiko?.[col('ingress-path-routing')]);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(checks('ingress-path-routing'));
    expect(aiko?.at(-3)).toBe(String(checks('service-selector') + partial));
    expect(aiko?.at(-2)).toBe(String(max));
    expect(ben?.slice(0, 2)).toEqual(['ben', 'ben.json']);
    expect(ben?.[col('ingress-path-routing')]).toBe(String(checks('ingress-path-routing')));
    expect(broken?.at(-1)).toBe('not a Routelab progress file (no routelab.dev/progress schema)');
    expect(stderr).toContain('c.json: not a Routelab progress file');
  });

  it('gives every check of every exercise in gradebook/v1 JSON, unanswered ones said so', () => {
    const { stdout } = routelab(['grade', '--course', join(room, 'a.json'), '--format', 'json']);
    const book = JSON.parse(stdout);
    expect(book.schema).toBe('routelab.dev/gradebook/v1');
    expect(book.exercises.map((e: { id: string }) => e.id)).toEqual(exercises.map((e) => e.id));
    const [aiko] = book.learners;
    expect(aiko.learner).toBe('Aiko Sato');
    const path = aiko.exercises['ingress-path-routing'];
    expect(path.answered).toBe(true);
    expect(path.checks.some((c: { passed: boolean }) => !c.passed)).toBe(true);
    expect(aiko.exercises['clusterip-named-port']).toMatchObject({ answered: false, score: 0 });
  });

  it('is JUnit with a suite per learner and a case per exercise', () => {
    const { stdout } = routelab(['grade', '--course', join(room, 'ben.json'), '--format', 'junit']);
    expect(stdout).toContain(`<testsuite name="ben" tests="${exercises.length}"`);
    expect(stdout).toContain(
      '<testcase classname="ben" name="ingress-path-routing">\n    </testcase>',
    );
    expect(stdout).toContain('<failure message="0/');
  });

  it('needs progress files', () => {
    const { code, stderr } = routelab(['grade', '--course']);
    expect(code).toBe(2);
    expect(stderr).toContain('grade --course needs progress files');
  });
});

// Seeded variants: a learner's progress file records the seed their pages
// chose variants by; the gradebook grades each answer against that variant.
describe('routelab grade --course with seeded variants', { timeout: 120_000 }, () => {
  const written = readExercises().find((e) => e.id === 'service-selector');
  if (!written) throw new Error('no service-selector');
  const count = variantCount(written);
  // A learner whose service-selector is not the one as written.
  const name = Array.from({ length: 50 }, (_, i) => `learner-${i}`).find(
    (n) => variantIndex(seedOf(n), written.id, count) !== 0,
  ) as string;
  const variant = variantIndex(seedOf(name), written.id, count);
  const theirs = exerciseVariant(written, variant);

  function gradeOne(answer: string, seed?: number) {
    const dir = mkdtempSync(join(tmpdir(), 'routelab-variants-'));
    writeFileSync(
      join(dir, 'p.json'),
      JSON.stringify({
        schema: 'routelab.dev/progress/v2',
        learner: name,
        ...(seed !== undefined ? { seed } : {}),
        completed: {},
        answers: { 'service-selector': { text: answer, at: '2026-12-01T00:00:00.000Z' } },
      }),
    );
    const { stdout } = routelab(['grade', '--course', dir, '--format', 'json']);
    return JSON.parse(stdout).learners[0].exercises['service-selector'];
  }

  it('grades the answer to the learner’s own variant against that variant', () => {
    const mark = gradeOne(theirs.solution, seedOf(name));
    expect(mark).toMatchObject({ answered: true, variant, score: written.checks.length });
  });

  it('fails an answer to another variant, and grades a file without a seed as written', () => {
    expect(gradeOne(written.solution, seedOf(name)).score).toBeLessThan(written.checks.length);
    expect(gradeOne(written.solution)).toMatchObject({ variant: 0, score: written.checks.length });
  });

  it('routelab grade --learner grades one exercise against that learner’s variant', () => {
    const dir = mkdtempSync(join(tmpdir(), 'routelab-variants-'));
    writeFileSync(join(dir, 'answer.yaml'), theirs.solution);
    const as = (args: string[]) => routelab(['grade', 'service-selector', dir, ...args]);
    expect(as(['--learner', name]).code).toBe(0);
    expect(as(['--seed', String(seedOf(name))]).code).toBe(0);
    expect(as([]).code).toBe(1);
    // A blank name gives no seed, as on the page: the exercise as written.
    expect(as(['--learner', ' ']).code).toBe(1);
    expect(as(['--seed', 'x']).stderr).toContain('--seed must be a whole number');
  });
});
