// Which variant of an exercise a grade is for (issue 19, seeded variants):
// --seed S, the number a learner's progress file records, or --learner NAME,
// the name or id they gave the progress page (the same seed). Neither: the
// exercise as written.
import type { ExerciseSource } from '../course/exercises/schema.ts';
import {
  exerciseVariant,
  seedOf,
  variantCount,
  variantIndex,
} from '../course/exercises/variants.ts';
import { one, type Parsed, UsageError } from './args.ts';

export function seedArg(p: Parsed): number | undefined {
  const [seed, learner] = [one(p, 'seed'), one(p, 'learner')];
  if (seed !== undefined && learner !== undefined)
    throw new UsageError('give --seed or --learner, not both');
  // As the page: a blank name gives no seed, so the exercise as written.
  if (learner !== undefined) return learner.trim() ? seedOf(learner) : undefined;
  if (seed === undefined) return undefined;
  if (!/^[0-9]{1,10}$/.test(seed) || Number(seed) > 0xffffffff)
    throw new UsageError(`--seed must be a whole number from 0 to 4294967295, not "${seed}"`);
  return Number(seed);
}

/** The exercise as the learner with this seed was given it, and which variant that is. */
export function exerciseForSeed(
  exercise: ExerciseSource,
  seed: number | undefined,
): { exercise: ExerciseSource; variant: number; of: number } {
  const of = variantCount(exercise);
  const variant = variantIndex(seed, exercise.id, of);
  return { exercise: exerciseVariant(exercise, variant), variant, of };
}
