// One grading thread: grades the submissions it is sent, one at a time, so a
// slow or hostile one can be stopped (by ending this thread) without losing
// the others' results.
import { parentPort } from 'node:worker_threads';
import { gradeSubmission } from '../course/exercises/grade.ts';
import type { Exercise, Locale } from '../course/exercises/schema.ts';
import type { InputFile } from '../engine/index.ts';

export interface GradeTask {
  index: number;
  /** Read once by the main thread: a thread grades, it does not read content/ (that would count against the time limit). */
  exercise: Exercise;
  files: InputFile[];
  locale: Locale;
}

parentPort?.on('message', (task: GradeTask) => {
  try {
    const grade = gradeSubmission(task.exercise, task.files, task.locale);
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
