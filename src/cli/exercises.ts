// The course's exercises, read from content/exercises/<id>/ next to this package.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ExerciseSource, parseExercise } from '../engine/exercises/load.ts';
import { UsageError } from './args.ts';

export const exercisesDir = join(import.meta.dirname, '..', '..', 'content', 'exercises');

export function exerciseIds(dir = exercisesDir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'meta.yaml')))
    .map((e) => e.name)
    .sort();
}

export function readExercise(id: string, dir = exercisesDir): ExerciseSource {
  if (!/^[a-z0-9-]+$/.test(id) || !existsSync(join(dir, id, 'meta.yaml')))
    throw new UsageError(`unknown exercise "${id}" (routelab exercises lists them)`);
  const read = (name: string) => readFileSync(join(dir, id, name), 'utf8');
  return parseExercise(id, read('meta.yaml'), read('starter.yaml'), read('solution.yaml'));
}

export function readExercises(dir = exercisesDir): ExerciseSource[] {
  return exerciseIds(dir)
    .map((id) => readExercise(id, dir))
    .sort((a, b) => a.chapter - b.chapter);
}
