// `routelab grade`: every submission graded on its own thread with a time
// limit, so one broken or hostile answer is reported as failed and the batch
// goes on. Threads: one per core available (at least one, never more than the
// submissions).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Grade } from '../course/exercises/grade.ts';
import type { ExerciseSource, Locale } from '../course/exercises/schema.ts';
import type { GradeTask } from './grade-worker.ts';
import type { Submission } from './submissions.ts';

export interface SubmissionResult extends Grade {
  submission: string;
  /** Why the submission could not be graded at all. */
  error?: string;
}

export interface GradeOptions {
  locale: Locale;
  timeoutMs: number;
  threads?: number;
  onProgress?: (done: number, total: number) => void;
}

/** A submission that cannot be graded fails every check, each saying why. */
function failedWhole(exercise: ExerciseSource, name: string, error: string): SubmissionResult {
  return {
    submission: name,
    passed: false,
    score: 0,
    maxScore: exercise.checks.length,
    error,
    checks: exercise.checks.map((c) => ({ id: c.id, passed: false, message: error })),
  };
}

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
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

/** Node without type stripping loads our TypeScript in each thread through tsx. */
const workerFile = process.features.typescript ? './grade-worker.ts' : './grade-worker-boot.mjs';

export function gradeAll(
  exercise: ExerciseSource,
  submissions: Submission[],
  options: GradeOptions,
): Promise<SubmissionResult[]> {
  const results: SubmissionResult[] = new Array(submissions.length);
  const queue: number[] = [];
  let finished = 0;
  submissions.forEach((s, i) => {
    if (s.error) results[i] = failedWhole(exercise, s.name, s.error);
    else queue.push(i);
  });
  finished = submissions.length - queue.length;
  const total = submissions.length;
  options.onProgress?.(finished, total);
  const threads = Math.max(1, Math.min(queue.length, options.threads ?? availableParallelism()));
  const seconds = options.timeoutMs / 1000;

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
    const start = () => {
      running++;
      const worker = new Worker(new URL(workerFile, import.meta.url), {
        resourceLimits: { maxOldGenerationSizeMb: 1536 },
      });
      let current: number | null = null;
      let ready = false;
      /** The submission this thread was grading fails with the reason; the thread moves on. */
      const failCurrent = (reason: string) => {
        if (current !== null)
          finish(current, failedWhole(exercise, (submissions[current] as Submission).name, reason));
        current = null;
      };
      let timer: ReturnType<typeof setTimeout> | undefined;
      const next = () => {
        const index = queue.shift();
        if (index === undefined) {
          current = null;
          void worker.terminate();
          return;
        }
        current = index;
        const submission = submissions[index] as Submission;
        timer = setTimeout(() => {
          failCurrent(`grading took longer than ${seconds} s and was stopped`);
          void worker.terminate();
        }, options.timeoutMs);
        const task: GradeTask = {
          index,
          exercise,
          files: submission.files,
          locale: options.locale,
        };
        worker.postMessage(task);
      };
      worker.on(
        'message',
        (message: { ready?: true; index: number; grade?: Grade; error?: string }) => {
          if (message.ready) {
            // The time limit counts from here: starting a thread is not the submission's time.
            ready = true;
            next();
            return;
          }
          clearTimeout(timer);
          if (message.index !== current) return;
          const submission = submissions[message.index] as Submission;
          finish(
            message.index,
            message.grade
              ? withHints(exercise.id, submission, message.grade)
              : failedWhole(
                  exercise,
                  submission.name,
                  `the submission could not be graded: ${message.error}`,
                ),
          );
          next();
        },
      );
      worker.on('error', (error) => {
        clearTimeout(timer);
        if (!ready) {
          queue.length = 0;
          current = null;
          reject(new Error(`a grading thread could not start: ${error.message}`));
          return;
        }
        failCurrent(`the submission could not be graded: ${error.message}`);
      });
      worker.on('exit', () => {
        clearTimeout(timer);
        running--;
        failCurrent('the grading thread stopped before it finished this submission');
        // A thread stopped for a slow submission is replaced while work remains.
        if (queue.length > 0) start();
        else if (running === 0) resolve(results);
      });
    };
    for (let i = 0; i < threads; i++) start();
  });
}
