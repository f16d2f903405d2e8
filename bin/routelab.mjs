#!/usr/bin/env node
// The `routelab` command. Node 24 runs our TypeScript directly (type
// stripping); older Node versions load it through tsx, so `npx routelab`
// works after `npm ci` with no build step.
if (!process.features.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
