// Reading input as kubectl reads it, without ever hanging on it: FILE
// arguments (paths, directories of *.yaml / *.yml sorted by name, or "-"),
// and the one safe way every file is opened (validate, trace, get and grade
// alike), so the commands agree on what a file holds.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { type InputFile, readManifests } from '../engine/index.ts';
import { UsageError } from './args.ts';

/** Larger than the engine reads, so that the engine itself can say why it refuses. */
export const inputLimit = 64 * 1024 * 1024;

/** What a path is, in words, for a refusal that names it. */
export function describeType(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** An error's reason in one short phrase (EACCES: permission denied...). */
export function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such file or directory',
    ELOOP: 'too many levels of symbolic links',
    ENOTDIR: 'not a directory',
    EISDIR: 'is a directory',
    EIO: 'input/output error',
    ENAMETOOLONG: 'file name too long',
  };
  if (typeof code === 'string') return `${code}: ${words[code] ?? 'cannot be read'}`;
  return error instanceof Error ? error.message : String(error);
}

/** The file system calls reading makes; tests replace them to produce errors root never gets. */
export interface FileSystem {
  lstatSync: typeof lstatSync;
  statSync: typeof statSync;
  readdirSync: (path: string) => string[];
  realpathSync: (path: string) => string;
  openSync: typeof openSync;
  fstatSync: typeof fstatSync;
  readSync: typeof readSync;
  closeSync: typeof closeSync;
}

export const realFs: FileSystem = {
  lstatSync,
  statSync,
  readdirSync: (path) => readdirSync(path),
  realpathSync: (path) => realpathSync(path),
  openSync,
  fstatSync,
  readSync,
  closeSync,
};

export type ReadBytes = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/**
 * A regular file's bytes, at most `limit` of them. Opened without blocking
 * (a FIFO opens at once and is refused, never waited on) and, unless
 * `follow`, without following a symbolic link; what was opened is checked
 * with fstat, so a swap after lstat cannot slip a device in; the limit is
 * counted while reading (stat's size of /dev/zero or /proc files is 0).
 */
export function readRegularFile(
  path: string,
  limit: number,
  options: { follow?: boolean; fs?: FileSystem } = {},
): ReadBytes {
  const fs = options.fs ?? realFs;
  const flags =
    constants.O_RDONLY | constants.O_NONBLOCK | (options.follow ? 0 : constants.O_NOFOLLOW);
  let fd: number;
  try {
    fd = fs.openSync(path, flags);
  } catch (error) {
    return { ok: false, reason: `cannot be read (${reasonOf(error)})` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile())
      return { ok: false, reason: `is ${describeType(stat)}, not a regular file; it was not read` };
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(64 * 1024);
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > limit)
        return { ok: false, reason: `is larger than ${sizeText(limit)}; it was not read` };
      chunks.push(chunk.subarray(0, n));
    }
    return { ok: true, bytes: Buffer.concat(chunks) };
  } catch (error) {
    return { ok: false, reason: `cannot be read (${reasonOf(error)})` };
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // Closing a descriptor that was read cannot lose data; nothing to report.
    }
  }
}

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  return bytes >= 1024 && bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

/** What reading a file had to say about it, at a line (bytes read as U+FFFD...). */
export interface Note {
  file: string;
  line: number;
  message: string;
}

export function noteText(note: Note): string {
  return `${note.file}:${note.line}: ${note.message}`;
}

export interface DecodedText {
  text: string;
  notes: Note[];
}

/**
 * Text as kubectl decodes it (k8s.io/cli-runtime resource/visitor.go
 * FileVisitor.Visit: transform.NewReader with unicode.BOMOverride(
 * unicode.UTF8.NewDecoder())): a UTF-8 BOM is dropped, a UTF-16 BOM (either
 * byte order) switches to UTF-16, and bytes that are not UTF-8 become U+FFFD
 * (x/text's utf8Decoder.Transform), which kubectl reads on without a word: we
 * say where, because a latin-1 file "works" only where those bytes did not
 * matter.
 */
export function decodeText(bytes: Uint8Array, name: string): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), notes: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), notes: [] };
  const text = new TextDecoder('utf-8').decode(bytes);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, notes: [] };
  } catch {
    const at = text.indexOf('\uFFFD');
    const line = text.slice(0, at).split('\n').length;
    return {
      text,
      notes: [
        {
          file: name,
          line,
          message:
            'the file is not UTF-8 (latin-1?): kubectl reads each byte that is not UTF-8 as U+FFFD (�), and so does routelab; save the file as UTF-8',
        },
      ],
    };
  }
}

/**
 * True when the files hold no object at all (empty, only comments, only
 * "---"): kubectl apply refuses that with "error: no objects passed to apply"
 * (its decoder skips empty and null documents). A file that does not parse is
 * not empty: the engine says why.
 */
export function holdsNoObject(files: InputFile[]): boolean {
  for (const { file, text } of files) {
    const read = readManifests(file, text);
    if (!read.ok || read.documents.some((d) => d.value !== null)) return false;
  }
  return true;
}

/** kubectl apply's own words for input with no object in it (it prints them after "error: "). */
export const noObjectsMessage = 'no objects passed to apply';

async function readStdin(limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit) {
      process.stdin.destroy();
      throw new UsageError(`standard input is larger than ${sizeText(limit)}`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export interface Inputs {
  files: InputFile[];
  notes: Note[];
}

/** One FILE argument that is a file: opened as readRegularFile opens it, following a link its user named. */
function readNamed(path: string, notes: Note[]): InputFile {
  const read = readRegularFile(path, inputLimit, { follow: true });
  if (!read.ok) throw new UsageError(`${path} ${read.reason}`);
  const decoded = decodeText(read.bytes, path);
  notes.push(...decoded.notes);
  return { file: path, text: decoded.text };
}

export async function readInputs(paths: string[]): Promise<Inputs> {
  if (paths.length === 0)
    throw new UsageError(
      'no FILE given (a YAML file, a directory of them, or - for standard input)',
    );
  const files: InputFile[] = [];
  const notes: Note[] = [];
  for (const path of paths) {
    if (path === '-') {
      const decoded = decodeText(await readStdin(inputLimit), '<stdin>');
      notes.push(...decoded.notes);
      files.push({ file: '<stdin>', text: decoded.text });
      continue;
    }
    let stat: Stats;
    try {
      stat = statSync(path);
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${reasonOf(error).replace(/^\w+: /, '')}`);
    }
    if (!stat.isDirectory()) {
      files.push(readNamed(path, notes));
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(path);
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${reasonOf(error).replace(/^\w+: /, '')}`);
    }
    // As kubectl -f DIR reads it (ExpandPathsToFileVisitors): every file by its extension, dotfiles too.
    const yaml = names.filter((n) => /\.ya?ml$/i.test(n)).sort();
    if (yaml.length === 0) throw new UsageError(`${path} holds no .yaml or .yml file`);
    for (const name of yaml) {
      const full = join(path, name);
      let entry: Stats;
      try {
        entry = lstatSync(full);
      } catch (error) {
        throw new UsageError(`cannot read ${full}: ${reasonOf(error).replace(/^\w+: /, '')}`);
      }
      // A directory named *.yaml is walked by kubectl only with -R; it is not a file here.
      if (!entry.isDirectory()) files.push(readNamed(full, notes));
    }
  }
  return { files, notes };
}
