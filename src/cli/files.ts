// FILE arguments: paths, directories (every *.yaml / *.yml in them, sorted by
// name) or "-" for standard input. Several files are one cluster, in order.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { InputFile } from '../engine/index.ts';
import { UsageError } from './args.ts';

/** Larger than the engine reads, so that the engine itself can say why it refuses. */
const readLimit = 64 * 1024 * 1024;

function readText(path: string, label: string): string {
  const bytes = path === '-' ? readFileSync(0) : readFileSync(path);
  if (bytes.length > readLimit) throw new UsageError(`${label} is larger than 64 MiB`);
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

export function readInputs(paths: string[]): InputFile[] {
  if (paths.length === 0)
    throw new UsageError(
      'no FILE given (a YAML file, a directory of them, or - for standard input)',
    );
  const files: InputFile[] = [];
  for (const path of paths) {
    if (path === '-') {
      files.push({ file: '<stdin>', text: readText('-', 'standard input') });
      continue;
    }
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`cannot read ${path}: no such file or directory`);
    }
    if (stat.isDirectory()) {
      const names = readdirSync(path)
        .filter((n) => /\.ya?ml$/i.test(n))
        .sort();
      if (names.length === 0) throw new UsageError(`${path} holds no .yaml or .yml file`);
      for (const name of names)
        files.push({ file: join(path, name), text: readText(join(path, name), join(path, name)) });
    } else {
      try {
        files.push({ file: path, text: readText(path, path) });
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`cannot read ${path}`);
      }
    }
  }
  return files;
}
