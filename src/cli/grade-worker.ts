// One grading thread: reads and grades the submissions it is sent, one at a
// time, so a slow or hostile one can be stopped (by ending this thread)
// without losing the others' results. Reading happens here, so the
// submission's time limit covers it too.
import { parentPort } from 'node:worker_threads';
import type { Grade } from '../course/exercises/grade.ts';
import { gradeSubmission } from '../course/exercises/grade.ts';
import type { Exercise, Locale } from '../course/exercises/schema.ts';
import { readSubmission, type SubmissionFile } from './submissions.ts';

export interface GradeTask {
  index: number;
  /** Read once by the main thread: a thread grades, it does not read content/ (that would count against the time limit). */
  exercise: Exercise;
  files: SubmissionFile[];
  locale: Locale;
}

export interface GradeReply {
  index: number;
  grade?: Grade;
  /** The submission could not be read: why, in the report's words. */
  unread?: string;
  /** The engine failed on it (a bug, or a limit hit): its message. */
  error?: string;
  notes: string[];
}

parentPort?.on('message', (task: GradeTask) => {
  const reply = (message: GradeReply) => parentPort?.postMessage(message);
  let notes: string[] = [];
  try {
    const read = readSubmission(task);
    notes = read.notes;
    if (!read.ok) {
      reply({ index: task.index, unread: read.error, notes });
      return;
    }
    const grade = gradeSubmission(task.exercise, read.files, task.locale);
    reply({ index: task.index, grade, notes });
  } catch (error) {
    reply({
      index: task.index,
      error: error instanceof Error ? error.message : String(error),
      notes,
    });
  }
});

// Tells the main thread that this one loaded: a thread that fails before
// saying so is broken itself, and no submission is blamed for it.
parentPort?.postMessage({ ready: true });
