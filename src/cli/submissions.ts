// SUBMISSION arguments of `routelab grade`: a YAML file is one submission; a
// directory holds one submission per YAML file and one per sub-directory (all
// the YAML inside it, sorted). Reading never throws for a learner's file: what
// cannot be read becomes that submission's error, and the batch goes on.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { InputFile } from '../engine/index.ts';
import { UsageError } from './args.ts';

/** More than any exercise needs; beyond it a submission is refused unread. */
export const submissionLimit = 1024 * 1024;

export interface Submission {
  name: string;
  /** Where it is on disk: a file, or the directory holding its files. */
  path: string;
  files: InputFile[];
  /** Why the submission cannot be graded, if it cannot. */
  error?: string;
}

const yamlName = /\.ya?ml$/i;

function listYaml(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string, depth: number) => {
    if (depth > 8) return;
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path, depth + 1);
      else if (entry.isFile() && yamlName.test(entry.name)) out.push(path);
    }
  };
  walk(dir, 0);
  return out;
}

function readSubmission(name: string, where: string, paths: string[], base: string): Submission {
  const files: InputFile[] = [];
  let total = 0;
  for (const path of paths) {
    try {
      const size = statSync(path).size;
      total += size;
      if (total > submissionLimit)
        return {
          name,
          path: where,
          files: [],
          error: `the submission is larger than ${submissionLimit / 1024} KiB; it was not read`,
        };
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
      } catch (error) {
        if (!(error instanceof TypeError)) throw error;
        // kubectl stops there too ("yaml: invalid leading UTF-8 octet").
        return {
          name,
          path: where,
          files: [],
          error: `${relative(base, path) || path} is not UTF-8 text; it was not read`,
        };
      }
      files.push({ file: base === '' ? path : relative(base, path) || path, text });
    } catch {
      return {
        name,
        path: where,
        files: [],
        error: `${relative(base, path) || path} cannot be read`,
      };
    }
  }
  if (files.length === 0)
    return { name, path: where, files, error: 'the submission holds no YAML file' };
  if (files.every((f) => f.text.trim() === ''))
    return { name, path: where, files, error: 'the submission is empty' };
  return { name, path: where, files };
}

export function collectSubmissions(args: string[]): Submission[] {
  if (args.length === 0)
    throw new UsageError('no SUBMISSION given (a YAML file or a directory of submissions)');
  const out: Submission[] = [];
  for (const arg of args) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(arg);
    } catch {
      throw new UsageError(`cannot read ${arg}: no such file or directory`);
    }
    if (!stat.isDirectory()) {
      out.push(readSubmission(arg, arg, [arg], ''));
      continue;
    }
    const entries = readdirSync(arg, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    );
    const before = out.length;
    for (const entry of entries) {
      const path = join(arg, entry.name);
      if (entry.isDirectory()) out.push(readSubmission(entry.name, path, listYaml(path), path));
      else if (entry.isFile() && yamlName.test(entry.name))
        out.push(readSubmission(entry.name, path, [path], arg));
    }
    if (out.length === before)
      throw new UsageError(`${arg} holds no submission (no .yaml file, no sub-directory)`);
  }
  return out;
}
