// A trace under a time limit: the engine runs on a thread that is ended when
// the limit passes, and the command says so in one line (exit 2: it could
// not answer), instead of hanging on a hostile use-regex path.
import { Worker } from 'node:worker_threads';
import type { TraceResult } from '../engine/index.ts';
import { UsageError } from './args.ts';
import type { TraceTask } from './trace-worker.ts';

const workerFile = process.features.typescript ? './trace-worker.ts' : './trace-worker-boot.mjs';

export function traceWithin(task: TraceTask, timeoutMs: number): Promise<TraceResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(workerFile, import.meta.url), {
      workerData: task,
      resourceLimits: { maxOldGenerationSizeMb: 1536 },
    });
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    /**
     * With an answer the thread has nothing left to run and ends by itself:
     * it is only terminated when it must be stopped (terminating one that is
     * still tearing down crashed V8 now and then in a test run of many traces).
     */
    const end = (settle: () => void, stopThread = false) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker.unref();
      if (stopThread) void worker.terminate();
      settle();
    };
    const stop = () =>
      end(
        () =>
          reject(
            new UsageError(
              `the trace took longer than ${timeoutMs / 1000} s and was stopped (an Ingress path with use-regex is a regular expression, and some take that long to match; --timeout sets the limit)`,
            ),
          ),
        true,
      );
    worker.on('message', (message: { ready?: true; result?: TraceResult; error?: string }) => {
      if (message.ready) {
        timer = setTimeout(stop, timeoutMs);
        return;
      }
      end(() =>
        message.result ? resolve(message.result) : reject(new Error(message.error ?? 'no result')),
      );
    });
    worker.on('error', (error) => end(() => reject(error), true));
    worker.on('exit', () =>
      end(() => reject(new Error('the trace thread stopped without a result'))),
    );
  });
}
