// The course's exercises for the CLI, read through src/course/read.ts: an
// unknown id is a usage error (exit 2), as for any other wrong argument.
import type { ExerciseSource } from '../course/exercises/schema.ts';
import * as course from '../course/read.ts';
import { UsageError } from './args.ts';

export function readExercise(id: string): ExerciseSource {
  try {
    return course.readExercise(id);
  } catch (error) {
    throw error instanceof course.UnknownExercise ? new UsageError(error.message) : error;
  }
}

export const readExercises = (): ExerciseSource[] => course.readExercises();
