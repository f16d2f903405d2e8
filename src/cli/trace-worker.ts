// `routelab trace` runs here, on its own thread, so the command can stop it:
// an Ingress path with use-regex is a regular expression ingress-nginx runs
// (PCRE), and a hostile one can backtrack for hours in JavaScript's engine.
// The engine's matching stays as it is; the command gives it a time budget.
// The thread takes one task after another and ends a moment after the last:
// a process that traces many times (the tests) starts one thread, not one per
// trace (starting and ending threads by the hundred crashed V8 now and then).
import { parentPort } from 'node:worker_threads';
import { buildModel, type InputFile, type TraceRequest, trace } from '../engine/index.ts';

export interface TraceTask {
  files: InputFile[];
  request: TraceRequest;
  options: { count?: number; seed?: number };
}

/** How long the thread waits for another task before it ends by itself. */
const idleMs = 2000;
let idle = setTimeout(() => process.exit(0), idleMs);

parentPort?.on('message', (task: TraceTask) => {
  clearTimeout(idle);
  // The time limit counts from here: loading the engine is not the trace's time.
  parentPort?.postMessage({ started: true });
  try {
    const result = trace(buildModel(task.files), task.request, task.options);
    parentPort?.postMessage({ result });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
  idle = setTimeout(() => process.exit(0), idleMs);
});
parentPort?.postMessage({ ready: true });
