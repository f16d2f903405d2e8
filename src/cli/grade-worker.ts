// One grading thread: grades the submissions it is sent, one at a time, so a
// slow or hostile one can be stopped (by ending this thread) without losing
// the others' results.
import { parentPort } from 'node:worker_threads';
import { gradeSubmission } from '../engine/exercises/grade.ts';
import type { Locale } from '../engine/exercises/types.ts';
import type { InputFile } from '../engine/index.ts';
import { readExercise } from './exercises.ts';

export interface GradeTask {
  index: number;
  exercise: string;
  files: InputFile[];
  locale: Locale;
}

parentPort?.on('message', (task: GradeTask) => {
  try {
    const grade = gradeSubmission(readExercise(task.exercise), task.files, task.locale);
    parentPort?.postMessage({ index: task.index, grade });
  } catch (error) {
    parentPort?.postMessage({
      index: task.index,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});

// Tells the main thread that this one loaded: a thread that fails before
// saying so is broken itself, and no submission is blamed for it.
parentPort?.postMessage({ ready: true });
