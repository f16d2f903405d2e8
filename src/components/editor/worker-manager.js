// Stands in for monaco-worker-manager (main thread) under monaco-editor 0.57,
// whose editor.createWebWorker takes a Worker instead of a label and createData.
// monaco-yaml's requests otherwise went to the plain editor worker, which
// answered "Missing requestHandler or method: doValidation". This follows
// monaco's own language workers: get the worker for the label, send "ignore"
// (the worker's first message only starts its bootstrap), then the createData.
export function createWorkerManager(monaco, options) {
  let { createData, interval = 30_000, label, stopWhenIdleFor = 120_000 } = options;
  let worker;
  let lastUsedTime = 0;
  let disposed = false;
  const stopWorker = () => {
    if (worker) {
      worker.dispose();
      worker = undefined;
    }
  };
  const intervalId = setInterval(() => {
    if (worker && Date.now() - lastUsedTime > stopWhenIdleFor) stopWorker();
  }, interval);
  return {
    dispose() {
      disposed = true;
      clearInterval(intervalId);
      stopWorker();
    },
    getWorker(...resources) {
      if (disposed) throw new Error('Worker manager has been disposed');
      lastUsedTime = Date.now();
      if (!worker) {
        const instance = Promise.resolve(
          globalThis.MonacoEnvironment.getWorker('workerMain.js', label),
        ).then((w) => {
          w.postMessage('ignore');
          w.postMessage(createData);
          return w;
        });
        worker = monaco.editor.createWebWorker({ worker: instance });
      }
      return worker.withSyncedResources(resources);
    },
    updateCreateData(newCreateData) {
      createData = newCreateData;
      stopWorker();
    },
  };
}
