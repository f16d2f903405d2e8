// One course order everywhere: routelab exercises, the progress page and the
// instructor guide (readExercises, courseOrder) list the exercises as the
// chapters' pages do, which is also the order of the sidebar and "next".
import { describe, expect, it } from 'vitest';
import { readExercises } from '../../src/course/read.ts';
import { exerciseOrder } from '../../src/pages/_exercise-nav.ts';

describe('the course order', () => {
  it('is the chapters’ lists of exercises, chapter by chapter', () => {
    expect(readExercises().map((e) => e.id)).toEqual(exerciseOrder());
  });
});
