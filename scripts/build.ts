// `npm run build`: astro build, failing when the build warns. A warning left
// in the log hides the next one (issue: 29 WARN lines once went unread), so
// each is fixed at its source or, if harmless, silenced where it arises with
// a comment saying why (astro.config.mjs), never ignored here.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const child = spawn('npx', ['astro', 'build', ...process.argv.slice(2)], {
  stdio: ['inherit', 'pipe', 'pipe'],
});
const warnings: string[] = [];
for (const [from, to] of [
  [child.stdout, process.stdout],
  [child.stderr, process.stderr],
] as const) {
  createInterface({ input: from }).on('line', (line) => {
    to.write(`${line}\n`);
    if (/\[WARN\]/.test(line)) warnings.push(line);
  });
}
child.on('close', (code) => {
  if (code !== 0) process.exit(code ?? 1);
  if (warnings.length > 0) {
    console.error(`\nbuild: ${warnings.length} warning line(s); fix them at their source:`);
    for (const w of warnings) console.error(`  ${w}`);
    process.exit(1);
  }
});
