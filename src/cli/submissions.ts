// SUBMISSION arguments of `routelab grade`, as a class hands them in: a YAML
// file is one submission; a directory holds one submission per YAML file and
// one per sub-directory (all the YAML inside it). Only the folders are walked
// here (lstat, never following a link); the files are read later, under the
// submission's time limit, by readSubmission. Nothing a learner put in the
// folder aborts the batch: what cannot be graded is a row with its reason,
// and what is not a submission is listed as ignored, with why.
//
// Symbolic links: a link is followed only when it resolves (realpath) to a
// regular file inside the graded folder, as a learner's "answer.yaml ->
// drafts/v3.yaml" does; a link to a folder, a device, a FIFO, outside the
// folder, or one that loops or dangles, gets a row that says so and is not read.
import type { Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { InputFile } from '../engine/index.ts';
import { UsageError } from './args.ts';
import {
  decodeText,
  describeType,
  type FileSystem,
  holdsNoObject,
  noObjectsMessage,
  noteText,
  readRegularFile,
  realFs,
  reasonOf,
} from './files.ts';

/** More than any exercise needs; beyond it a submission is refused. */
export const submissionLimit = 1024 * 1024;

/** A file of a submission: where it is read from, and the name its diagnostics carry. */
export interface SubmissionFile {
  file: string;
  path: string;
  /** A path the instructor named on the command line: a link there is followed. */
  follow?: boolean;
}

export interface Submission {
  name: string;
  /** Where it is on disk: a file, or the directory holding its files. */
  path: string;
  files: SubmissionFile[];
  /** Why the submission cannot be graded, if that is known before reading it. */
  error?: string;
}

/** An entry of the graded folders that is not a submission, and why. */
export interface Ignored {
  path: string;
  reason: string;
}

export interface Collection {
  submissions: Submission[];
  ignored: Ignored[];
}

const yamlName = /\.ya?ml$/i;

/** Why an entry is not a learner's file at all, or null when it may be one. */
function notAnswer(name: string, isDirectory: boolean): string | null {
  if (name.startsWith('._')) return 'a macOS metadata sidecar (AppleDouble ._ file)';
  if (name === '__MACOSX' && isDirectory) return 'macOS archive metadata (__MACOSX folder)';
  if (name.startsWith('.')) return isDirectory ? 'a hidden folder' : 'a hidden file';
  return null;
}

/** Inside the graded folder: the real path is the folder or below it. */
function inside(real: string, root: string): boolean {
  return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
}

type Link =
  | { kind: 'file'; real: string }
  | { kind: 'refused'; reason: string; isDirectory: boolean };

/** Where a symbolic link leads, and whether it may be read (see the rule at the top). */
function followLink(path: string, root: string, fs: FileSystem): Link {
  let real: string;
  try {
    real = fs.realpathSync(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason =
      code === 'ELOOP'
        ? 'is a symbolic link that loops (ELOOP); it was not followed'
        : code === 'ENOENT'
          ? 'is a symbolic link to nothing (its target does not exist)'
          : `is a symbolic link that cannot be resolved (${reasonOf(error)})`;
    return { kind: 'refused', reason, isDirectory: false };
  }
  let target: Stats;
  try {
    target = fs.statSync(real);
  } catch (error) {
    return {
      kind: 'refused',
      reason: `is a symbolic link whose target cannot be read (${reasonOf(error)})`,
      isDirectory: false,
    };
  }
  if (!target.isFile())
    return {
      kind: 'refused',
      reason: `is a symbolic link to ${describeType(target)} (${real}); only a link to a regular file inside the graded folder is followed`,
      isDirectory: target.isDirectory(),
    };
  if (!inside(real, root))
    return {
      kind: 'refused',
      reason: `is a symbolic link to a file outside the graded folder (${real}); it was not followed`,
      isDirectory: false,
    };
  return { kind: 'file', real };
}

/** The files of one submission folder, walked without following links out of the graded folder. */
function walkFolder(
  dir: string,
  root: string,
  base: string,
  ignored: Ignored[],
  fs: FileSystem,
): { files: SubmissionFile[]; error?: string } {
  const files: SubmissionFile[] = [];
  const walk = (at: string, depth: number): string | undefined => {
    if (depth > 8) return `${relative(base, at)} is nested more than 8 folders deep`;
    let names: string[];
    try {
      names = fs.readdirSync(at).sort((a, b) => (a < b ? -1 : 1));
    } catch (error) {
      return `${relative(base, at) || 'the folder'} cannot be read (${reasonOf(error)})`;
    }
    for (const name of names) {
      const path = join(at, name);
      const shown = relative(base, path);
      let stat: Stats;
      try {
        stat = fs.lstatSync(path);
      } catch (error) {
        return `${shown} cannot be read (${reasonOf(error)})`;
      }
      const why = notAnswer(name, stat.isDirectory());
      if (why) {
        ignored.push({ path: relative(root, path), reason: why });
        continue;
      }
      if (stat.isDirectory()) {
        const error = walk(path, depth + 1);
        if (error) return error;
        continue;
      }
      if (!yamlName.test(name)) {
        ignored.push({ path: relative(root, path), reason: 'not a .yaml or .yml file' });
        continue;
      }
      if (stat.isSymbolicLink()) {
        const link = followLink(path, root, fs);
        if (link.kind === 'refused') return `${shown} ${link.reason}`;
        files.push({ file: shown, path: link.real });
      } else if (stat.isFile()) files.push({ file: shown, path });
      else return `${shown} is ${describeType(stat)}, not a regular file; it was not read`;
    }
    return undefined;
  };
  const error = walk(dir, 0);
  return error ? { files: [], error } : { files };
}

/** One entry of a graded folder: a submission, a row that says why it is none, or ignored. */
function collectEntry(
  name: string,
  dir: string,
  root: string,
  out: Collection,
  fs: FileSystem,
): void {
  const path = join(dir, name);
  const row = (error: string) => out.submissions.push({ name, path, files: [], error });
  let stat: Stats;
  try {
    stat = fs.lstatSync(path);
  } catch (error) {
    row(`cannot be read (${reasonOf(error)})`);
    return;
  }
  const why = notAnswer(name, stat.isDirectory());
  if (why) {
    out.ignored.push({ path: name, reason: why });
    return;
  }
  if (stat.isDirectory()) {
    const walked = walkFolder(path, root, path, out.ignored, fs);
    out.submissions.push({ name, path, ...walked });
    return;
  }
  if (stat.isSymbolicLink()) {
    const link = followLink(path, root, fs);
    if (link.kind === 'file' && yamlName.test(name))
      out.submissions.push({ name, path, files: [{ file: name, path: link.real }] });
    else if (link.kind === 'refused' && (yamlName.test(name) || link.isDirectory)) row(link.reason);
    else
      out.ignored.push({
        path: name,
        reason:
          link.kind === 'file'
            ? 'not a .yaml or .yml file'
            : `not a .yaml or .yml file; it ${link.reason}`,
      });
    return;
  }
  if (!yamlName.test(name)) {
    out.ignored.push({ path: name, reason: 'not a .yaml or .yml file' });
    return;
  }
  if (stat.isFile()) out.submissions.push({ name, path, files: [{ file: name, path }] });
  else row(`is ${describeType(stat)}, not a regular file; it was not read`);
}

export function collectSubmissions(args: string[], fs: FileSystem = realFs): Collection {
  if (args.length === 0)
    throw new UsageError('no SUBMISSION given (a YAML file or a directory of submissions)');
  const out: Collection = { submissions: [], ignored: [] };
  for (const arg of args) {
    let stat: Stats;
    try {
      // The instructor named this path: a link here is followed, as any command follows it.
      stat = fs.statSync(arg);
    } catch (error) {
      throw new UsageError(`cannot read ${arg}: ${reasonOf(error).replace(/^\w+: /, '')}`);
    }
    if (!stat.isDirectory()) {
      out.submissions.push({
        name: arg,
        path: arg,
        files: [{ file: arg, path: arg, follow: true }],
      });
      continue;
    }
    let names: string[];
    let root: string;
    try {
      names = fs.readdirSync(arg).sort((a, b) => (a < b ? -1 : 1));
      root = fs.realpathSync(arg);
    } catch (error) {
      throw new UsageError(`cannot read ${arg}: ${reasonOf(error).replace(/^\w+: /, '')}`);
    }
    const before = out.submissions.length;
    const ignoredBefore = out.ignored.length;
    for (const name of names) collectEntry(name, arg, root, out, fs);
    if (out.submissions.length === before) {
      const skipped = out.ignored.length - ignoredBefore;
      throw new UsageError(
        `${arg} holds no submission (no .yaml file, no sub-directory)${skipped > 0 ? `; ${skipped} entr${skipped === 1 ? 'y was' : 'ies were'} ignored` : ''}`,
      );
    }
  }
  return out;
}

export type ReadSubmission =
  | { ok: true; files: InputFile[]; notes: string[] }
  | { ok: false; error: string; notes: string[] };

/**
 * A submission's files read and decoded as kubectl decodes them, within one
 * size limit for the whole submission counted while reading. Runs in the
 * grading thread, so the submission's time limit covers it.
 */
export function readSubmission(
  submission: Pick<Submission, 'files'>,
  fs: FileSystem = realFs,
): ReadSubmission {
  const files: InputFile[] = [];
  const notes: string[] = [];
  let left = submissionLimit;
  for (const { file, path, follow } of submission.files) {
    // A link in a folder was resolved when it was walked; one put there since is not followed.
    const read = readRegularFile(path, left, { fs, follow: follow ?? false });
    if (!read.ok) {
      const error = read.reason.startsWith('is larger than')
        ? `the submission is larger than ${submissionLimit / 1024} KiB; it was not graded`
        : `${file} ${read.reason}`;
      return { ok: false, error, notes };
    }
    left -= read.bytes.length;
    const decoded = decodeText(read.bytes, file);
    notes.push(...decoded.notes.map(noteText));
    files.push({ file, text: decoded.text });
  }
  if (files.length === 0) return { ok: false, error: 'the submission holds no YAML file', notes };
  if (holdsNoObject(files))
    return {
      ok: false,
      error: `the submission is empty (kubectl: error: ${noObjectsMessage})`,
      notes,
    };
  return { ok: true, files, notes };
}
