// Node versions without type stripping start a grading thread here: tsx is
// registered in the thread before it loads our TypeScript.
const { register } = await import('tsx/esm/api');
register();
await import('./grade-worker.ts');
