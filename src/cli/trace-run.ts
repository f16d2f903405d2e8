// A trace under a time limit: the engine runs on a thread that is ended when
// the limit passes, and the command says so in one line (exit 2: it could
// not answer), instead of hanging on a hostile use-regex path. The thread
// serves one trace after another while the process has more to send
// (./trace-worker.ts), and ends by itself when idle.
import { Worker } from 'node:worker_threads';
import type { TraceResult } from '../engine/index.ts';
import { UsageError } from './args.ts';
import type { TraceTask } from './trace-worker.ts';

const workerFile = process.features.typescript ? './trace-worker.ts' : './trace-worker-boot.mjs';

type Reply = { ready?: true; started?: true; result?: TraceResult; error?: string };

/** A thread with its readiness, or none: a busy or stopped one is not reused. */
let spare: { worker: Worker; ready: Promise<boolean> } | null = null;

function thread(): { worker: Worker; ready: Promise<boolean> } {
  if (spare) {
    const found = spare;
    spare = null;
    return found;
  }
  const worker = new Worker(new URL(workerFile, import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: 1536 },
  });
  // The process need not wait for an idle thread: it ends by itself.
  worker.unref();
  const ready = new Promise<boolean>((resolve) => {
    worker.on('message', (m: Reply) => m.ready && resolve(true));
    worker.once('exit', () => resolve(false));
    worker.once('error', () => resolve(false));
  });
  return { worker, ready };
}

export async function traceWithin(task: TraceTask, timeoutMs: number): Promise<TraceResult> {
  const wasSpare = spare !== null;
  let t = thread();
  // A spare that ended while idle is replaced.
  if (!(await t.ready)) t = thread();
  if (!(await t.ready)) throw new Error('the trace thread did not start');
  const { worker } = t;
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    let started = false;
    const end = (settle: () => void, reuse: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      worker.off('error', onError);
      if (reuse) spare = t;
      else void worker.terminate();
      settle();
    };
    const onMessage = (m: Reply) => {
      if (m.started) {
        started = true;
        timer = setTimeout(
          () =>
            end(
              () =>
                reject(
                  new UsageError(
                    `the trace took longer than ${timeoutMs / 1000} s and was stopped (an Ingress path with use-regex is a regular expression, and some take that long to match; --timeout sets the limit)`,
                  ),
                ),
              false,
            ),
          timeoutMs,
        );
        return;
      }
      if (m.result) end(() => resolve(m.result as TraceResult), true);
      else if (m.error !== undefined) end(() => reject(new Error(m.error)), true);
    };
    const onExit = () =>
      // A spare that ended, idle, as the task was sent: the task goes to a new thread.
      !started && wasSpare
        ? end(() => resolve(traceWithin(task, timeoutMs)), false)
        : end(() => reject(new Error('the trace thread stopped without a result')), false);
    const onError = (error: Error) => end(() => reject(error), false);
    worker.on('message', onMessage);
    worker.on('exit', onExit);
    worker.on('error', onError);
    worker.postMessage(task);
  });
}
