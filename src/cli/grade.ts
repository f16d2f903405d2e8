// `routelab grade`: every submission read and graded on its own thread with a
// time limit, so one broken or hostile answer is reported as failed and the
// batch goes on. Threads: one per core available (at least one, never more
// than the submissions).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Grade } from '../course/exercises/grade.ts';
import type { ExerciseSource, Locale } from '../course/exercises/schema.ts';
import type { GradeReply, GradeTask } from './grade-worker.ts';
import type { Submission } from './submissions.ts';
import { shellWord } from './terminal.ts';

export interface SubmissionResult extends Grade {
  submission: string;
  /** Why the submission could not be graded at all. */
  error?: string;
  /** What reading it had to say (a file that is not UTF-8...). */
  notes?: string[];
}

export interface GradeOptions {
  locale: Locale;
  timeoutMs: number;
  threads?: number;
  onProgress?: (done: number, total: number) => void;
}

/** A submission that cannot be graded fails every check, each saying why. */
function failedWhole(
  exercise: ExerciseSource,
  name: string,
  error: string,
  notes: string[] = [],
): SubmissionResult {
  return {
    submission: name,
    passed: false,
    score: 0,
    maxScore: exercise.checks.length,
    error,
    ...(notes.length > 0 ? { notes } : {}),
    checks: exercise.checks.map((c) => ({ id: c.id, passed: false, message: error })),
  };
}

/**
 * A failed request check's hint is the command that shows the same trace, so
 * an instructor (or learner) can see every hop; the traces themselves are not
 * part of the report.
 */
function withHints(exerciseId: string, submission: Submission, grade: Grade): SubmissionResult {
  return {
    submission: submission.name,
    ...grade,
    checks: grade.checks.map(({ trace, headers, ...check }) => {
      if (check.passed || !trace) return check;
      const words = [
        'routelab',
        'trace',
        submission.path,
        '--exercise',
        exerciseId,
        '--from',
        trace.request.from,
        '--to',
        trace.request.to,
        ...(headers ?? []).flatMap((h) => ['--header', h]),
      ];
      return { ...check, hint: `see every hop: ${words.map(shellWord).join(' ')}` };
    }),
  };
}

/** The result a grading thread's reply stands for. */
function resultOf(exercise: ExerciseSource, submission: Submission, reply: GradeReply) {
  const notes = reply.notes.length > 0 ? { notes: reply.notes } : {};
  if (reply.grade) return { ...withHints(exercise.id, submission, reply.grade), ...notes };
  if (reply.unread !== undefined)
    return failedWhole(exercise, submission.name, reply.unread, reply.notes);
  return failedWhole(
    exercise,
    submission.name,
    `the submission could not be graded: ${reply.error}`,
    reply.notes,
  );
}

/** Node without type stripping loads our TypeScript in each thread through tsx. */
const workerFile = process.features.typescript ? './grade-worker.ts' : './grade-worker-boot.mjs';

export function gradeAll(
  exercise: ExerciseSource,
  submissions: Submission[],
  options: GradeOptions,
): Promise<SubmissionResult[]> {
  const results: SubmissionResult[] = new Array(submissions.length);
  const queue: number[] = [];
  submissions.forEach((s, i) => {
    if (s.error) results[i] = failedWhole(exercise, s.name, s.error);
    else queue.push(i);
  });
  const total = submissions.length;
  let finished = total - queue.length;
  options.onProgress?.(finished, total);
  const threads = Math.max(1, Math.min(queue.length, options.threads ?? availableParallelism()));

  return new Promise((resolve, reject) => {
    if (queue.length === 0) {
      resolve(results);
      return;
    }
    let running = 0;
    const finish = (index: number, result: SubmissionResult) => {
      results[index] = result;
      finished++;
      options.onProgress?.(finished, total);
    };
    /** A thread is gone (ended, or given up on): another takes its place while work remains. */
    const gone = () => {
      running--;
      if (queue.length > 0) start();
      else if (running === 0) resolve(results);
    };
    const start = () => {
      running++;
      runThread(exercise, submissions, queue, options, { finish, gone, reject });
    };
    for (let i = 0; i < threads; i++) start();
  });
}

interface Scheduler {
  finish: (index: number, result: SubmissionResult) => void;
  gone: () => void;
  reject: (error: Error) => void;
}

/**
 * One thread taking submissions from the queue until it is empty or one of
 * them is stopped.
 */
// size: one closure over the thread's state (current submission, timer, ready, over) and the worker's events that change it.
function runThread(
  exercise: ExerciseSource,
  submissions: Submission[],
  queue: number[],
  options: GradeOptions,
  scheduler: Scheduler,
): void {
  const worker = new Worker(new URL(workerFile, import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: 1536 },
  });
  let current: number | null = null;
  let ready = false;
  let over = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const nameOf = (index: number) => (submissions[index] as Submission).name;
  /** The submission this thread was on fails with the reason. */
  const failCurrent = (reason: string) => {
    if (current !== null) scheduler.finish(current, failedWhole(exercise, nameOf(current), reason));
    current = null;
  };
  /** Leaves the thread: its slot is free at once, even if it never exits (stuck in a read). */
  const leave = () => {
    if (over) return;
    over = true;
    clearTimeout(timer);
    worker.unref();
    void worker.terminate();
    scheduler.gone();
  };
  const next = () => {
    const index = queue.shift();
    if (index === undefined) {
      current = null;
      leave();
      return;
    }
    current = index;
    timer = setTimeout(() => {
      failCurrent(`grading took longer than ${options.timeoutMs / 1000} s and was stopped`);
      leave();
    }, options.timeoutMs);
    const submission = submissions[index] as Submission;
    const task: GradeTask = {
      index,
      exercise,
      files: submission.files,
      locale: options.locale,
    };
    worker.postMessage(task);
  };
  worker.on('message', (message: { ready?: true } & GradeReply) => {
    if (over) return;
    if (message.ready) {
      // The time limit counts from here: starting a thread is not the submission's time.
      ready = true;
      next();
      return;
    }
    clearTimeout(timer);
    if (message.index !== current) return;
    scheduler.finish(
      message.index,
      resultOf(exercise, submissions[message.index] as Submission, message),
    );
    next();
  });
  worker.on('error', (error) => {
    if (over) return;
    if (!ready) {
      queue.length = 0;
      over = true;
      scheduler.reject(new Error(`a grading thread could not start: ${error.message}`));
      return;
    }
    failCurrent(`the submission could not be graded: ${error.message}`);
  });
  worker.on('exit', () => {
    failCurrent('the grading thread stopped before it finished this submission');
    leave();
  });
}
