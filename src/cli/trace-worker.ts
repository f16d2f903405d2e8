// `routelab trace` runs here, on its own thread, so the command can stop it:
// an Ingress path with use-regex is a regular expression ingress-nginx runs
// (PCRE), and a hostile one can backtrack for hours in JavaScript's engine.
// The engine's matching stays as it is; the command gives it a time budget.
import { parentPort, workerData } from 'node:worker_threads';
import { buildModel, type InputFile, type TraceRequest, trace } from '../engine/index.ts';

export interface TraceTask {
  files: InputFile[];
  request: TraceRequest;
  options: { count?: number; seed?: number };
}

const task = workerData as TraceTask;
// The time limit counts from here: loading the engine is not the trace's time.
parentPort?.postMessage({ ready: true });
try {
  const result = trace(buildModel(task.files), task.request, task.options);
  parentPort?.postMessage({ result });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
