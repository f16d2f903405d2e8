// Node versions without type stripping start the trace thread here: tsx is
// registered in the thread before it loads our TypeScript.
const { register } = await import('tsx/esm/api');
register();
await import('./trace-worker.ts');
