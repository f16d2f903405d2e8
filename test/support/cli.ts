// The real `routelab` command, as the CLI tests start it: Node running
// bin/routelab.mjs from the project root, its exit code and both streams, and
// how long it took (a loaded machine takes seconds; tests that time the CLI
// read it from here).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
export const bin = join(root, 'bin', 'routelab.mjs');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

export function routelab(args: string[], input?: string): Run {
  const started = Date.now();
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    timeout: 120_000,
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    seconds: (Date.now() - started) / 1000,
  };
}

/** A file of an exercise's folder (content/exercises/ID/FILE). */
export const exerciseFile = (id: string, file: string) =>
  join(root, 'content', 'exercises', id, file);
