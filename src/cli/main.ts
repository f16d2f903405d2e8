// `routelab`: a thin shell over the engine (docs/cli.md). Exit codes:
// 0 the answer is positive, 1 it is negative, 2 the command could not run.

import { withEnvironment } from '../course/exercises/grade.ts';
import { readExercise, readExercises, UnknownExercise } from '../course/read.ts';
import type { Diagnostic, InputFile, ValidateResult } from '../engine/index.ts';
import { validate } from '../engine/index.ts';
import { isLocale, type Locale, locales } from '../i18n/locales.ts';
import { integer, one, type Parsed, parseArgs, seconds, UsageError } from './args.ts';
import { holdsNoObject, type Inputs, noObjectsMessage, noteText, readInputs } from './files.ts';
import { runDescribe, runGet } from './get-command.ts';
import { gradeAll } from './grade.ts';
import { gradebookCommand } from './gradebook.ts';
import { help } from './help.ts';
import { runIptables, runNftables } from './kube-proxy.ts';
import { published, traceText, validateText } from './render.ts';
import {
  type Format,
  formats,
  gradeCsv,
  gradeJson,
  gradeJunit,
  gradeText,
  sayAside,
} from './report.ts';
import { collectSubmissions } from './submissions.ts';
import { jsonSafe, terminalSafe, terminalSafeLines } from './terminal.ts';
import { traceWithin } from './trace-run.ts';
import { exerciseForSeed, seedArg } from './variant-arg.ts';

function locale(p: Parsed): Locale {
  const lang = one(p, 'lang') ?? 'en';
  if (!isLocale(lang))
    throw new UsageError(`--lang must be ${locales.join(' or ')}, not "${lang}"`);
  return lang;
}

/** What reading said about the files (latin-1 bytes read as U+FFFD...), on standard error. */
function sayNotes(io: Io, inputs: Inputs): void {
  for (const note of inputs.notes) io.err(`routelab: warning: ${terminalSafe(noteText(note))}`);
}

/** The command's FILE arguments, on an exercise's cluster when --exercise names one. */
async function inputsFor(p: Parsed, io: Io): Promise<InputFile[]> {
  const inputs = await readInputs(p.positionals);
  sayNotes(io, inputs);
  const id = one(p, 'exercise');
  return id ? withEnvironment(readExercise(id), inputs.files) : inputs.files;
}

/**
 * validate's result: the engine's, plus what reading the files found, and
 * kubectl apply's refusal of input that holds no object, which routelab grade
 * refuses too.
 */
function validation(inputs: Inputs): ValidateResult {
  const reading: Diagnostic[] = inputs.notes.map((n) => ({
    severity: 'warning',
    code: 'NotUTF8',
    object: '',
    field: '',
    message: n.message,
    file: n.file,
    line: n.line,
    column: 1,
  }));
  const engine = validate(inputs.files);
  const diagnostics = [...reading, ...engine.diagnostics];
  if (!holdsNoObject(inputs.files)) return { ...engine, diagnostics };
  diagnostics.push({
    severity: 'error',
    code: 'NoObjects',
    object: '',
    field: '',
    message: noObjectsMessage,
    hint: 'The input is empty, or holds only comments and "---": write at least one object.',
    file: inputs.files[0]?.file ?? '',
    line: 1,
    column: 1,
  });
  return { ...engine, valid: false, diagnostics };
}

/** Text for a terminal: nothing a manifest holds reaches it raw (terminal.ts). */
function printText(io: Io, text: string): void {
  io.out(terminalSafeLines(text));
}

function printJson(io: Io, value: unknown): void {
  io.out(jsonSafe(JSON.stringify(value, null, 2)));
}

/** A progress bar on standard error, redrawn in place; only on a terminal. */
function progressBar(total: number): ((done: number) => void) | undefined {
  if (!process.stderr.isTTY || total < 2) return undefined;
  return (done) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`,
    );
  };
}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

function wantsHelp(parsed: Parsed): boolean {
  return parsed.flags.has('help');
}

/** routelab validate: the diagnostics of the manifests, as text or JSON. */
async function validateCommand(rest: string[], io: Io): Promise<number> {
  const p = parseArgs(rest, ['json']);
  if (wantsHelp(p)) return printHelp(io, 'validate');
  const result = validation(await readInputs(p.positionals));
  if (p.flags.has('json')) printJson(io, published(result));
  else printText(io, validateText(result.diagnostics));
  return result.valid ? 0 : 1;
}

/** routelab trace: one request (or --count of them) through the cluster. */
async function traceCommand(rest: string[], io: Io): Promise<number> {
  const p = parseArgs(rest, [
    'json',
    'to',
    'from',
    'count',
    'seed',
    'resolve',
    'header',
    'method',
    'exercise',
    'timeout',
  ]);
  if (wantsHelp(p)) return printHelp(io, 'trace');
  const to = one(p, 'to');
  if (!to) throw new UsageError('trace needs --to TARGET (a URL or IP:PORT)');
  const resolve = new Map<string, string>();
  for (const entry of p.flags.get('resolve') ?? []) {
    const at = entry.lastIndexOf(':');
    if (at <= 0) throw new UsageError(`--resolve takes HOST:IP, not "${entry}"`);
    resolve.set(entry.slice(0, at).toLowerCase(), entry.slice(at + 1));
  }
  for (const header of p.flags.get('header') ?? [])
    if (!/^[A-Za-z0-9-]+:/.test(header))
      throw new UsageError(`--header takes 'Name: value', not "${header}"`);
  const count = integer(p, 'count', 1, 100_000);
  const seed = integer(p, 'seed', 0, 2 ** 32 - 1);
  const timeout = seconds(p, 30);
  const result = await traceWithin(
    {
      files: await inputsFor(p, io),
      request: {
        from: one(p, 'from') ?? 'external',
        to,
        method: (one(p, 'method') ?? 'GET').toUpperCase(),
        resolve,
        headers: p.flags.get('header') ?? [],
      },
      options: {
        ...(count === undefined ? {} : { count }),
        ...(seed === undefined ? {} : { seed }),
      },
    },
    timeout * 1000,
  );
  if (p.flags.has('json')) printJson(io, published(result));
  else printText(io, traceText(result));
  return result.outcome === 'delivered' ? 0 : 1;
}

/** routelab get: what kubectl get would list (get-command.ts). */
async function getCommand(rest: string[], io: Io): Promise<number> {
  const p = parseArgs(rest, ['json', 'o', 'n', 'A']);
  return wantsHelp(p) ? printHelp(io, 'get') : runGet(p, io);
}

/** routelab describe: what kubectl describe would print (describe.ts). */
async function describeCommand(rest: string[], io: Io): Promise<number> {
  const p = parseArgs(rest, ['n', 'A']);
  return wantsHelp(p) ? printHelp(io, 'describe') : runDescribe(p, io);
}

/** routelab iptables: a node's rules in iptables mode (kube-proxy.ts). */
async function iptablesCommand(rest: string[], io: Io): Promise<number> {
  const p = parseArgs(rest, ['node', 'format']);
  return wantsHelp(p) ? printHelp(io, 'iptables') : runIptables(p, io);
}

/** routelab nftables: a node's table in nftables mode (kube-proxy.ts). */
async function nftablesCommand(rest: string[], io: Io): Promise<number> {
  const p = parseArgs(rest, ['node']);
  return wantsHelp(p) ? printHelp(io, 'nftables') : runNftables(p, io);
}

/** routelab exercises: the list of exercises. */
async function exercisesCommand(rest: string[], io: Io): Promise<number> {
  const p = parseArgs(rest, ['json', 'lang']);
  if (wantsHelp(p)) return printHelp(io, 'exercises');
  if (p.positionals.length > 0)
    throw new UsageError(`exercises takes no argument ("${p.positionals[0]}")`);
  const lang = locale(p);
  const list = readExercises();
  io.out(
    p.flags.has('json')
      ? JSON.stringify(
          {
            schema: 'routelab.dev/exercises/v1',
            exercises: list.map((e) => ({
              id: e.id,
              chapter: e.chapter,
              title: e.title,
              checks: e.checks.map((c) => c.id),
            })),
          },
          null,
          2,
        )
      : list
          .map((e) => `${String(e.chapter).padEnd(3)}${e.id.padEnd(30)}${e.title[lang]}`)
          .join('\n'),
  );
  return 0;
}

/** routelab grade: one exercise's checks over one or many submissions. */
async function gradeCommand(rest: string[], io: Io): Promise<number> {
  const p = parseArgs(rest, ['format', 'lang', 'timeout', 'course', 'seed', 'learner']);
  if (wantsHelp(p)) return printHelp(io, 'grade');
  const options = { locale: locale(p), timeoutMs: seconds(p, 20) * 1000 };
  if (p.flags.has('course'))
    return gradebookCommand(p.positionals, { ...options, format: one(p, 'format') ?? 'text' }, io);
  const [id, ...paths] = p.positionals;
  if (!id) throw new UsageError('grade needs an EXERCISE (see routelab exercises)');
  const format = (one(p, 'format') ?? 'text') as Format;
  if (!formats.includes(format))
    throw new UsageError(`--format must be one of ${formats.join(', ')}, not "${format}"`);
  const seed = seedArg(p);
  const { exercise, variant, of } = exerciseForSeed(readExercise(id), seed);
  // Counted from 1 as the learner's page says it ("Version 2 of 3"); JSON's variant counts from 0.
  if (seed !== undefined) io.err(`routelab: note: ${id}, version ${variant + 1} of ${of}`);
  const { submissions, ignored } = collectSubmissions(paths);
  const bar = progressBar(submissions.length);
  const results = await gradeAll(exercise, submissions, {
    ...options,
    ...(bar ? { onProgress: (done: number) => bar(done) } : {}),
  });
  if (format === 'text') io.out(gradeText(exercise, results, ignored));
  else if (format === 'json') io.out(gradeJson(exercise, results, ignored));
  else {
    io.out((format === 'junit' ? gradeJunit : gradeCsv)(exercise, results));
    sayAside(io, results, ignored);
  }
  return results.every((r) => r.passed) ? 0 : 1;
}

// The commands by name; a Map, so that a name like "constructor" is no command.
const commands = new Map<string, (rest: string[], io: Io) => Promise<number>>([
  ['validate', validateCommand],
  ['trace', traceCommand],
  ['get', getCommand],
  ['describe', describeCommand],
  ['iptables', iptablesCommand],
  ['nftables', nftablesCommand],
  ['exercises', exercisesCommand],
  ['grade', gradeCommand],
]);

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(help.routelab ?? '');
      return command ? 0 : 2;
    }
    const run = commands.get(command);
    if (!run)
      throw new UsageError(
        `unknown command "${command}" (commands: validate, trace, get, describe, iptables, nftables, grade, exercises)`,
      );
    // Awaited here, so that a command's failure is caught and said below.
    return await run(rest, io);
  } catch (error) {
    // An unknown exercise id is a wrong argument like any other.
    if (error instanceof UsageError || error instanceof UnknownExercise) {
      io.err(`routelab: ${terminalSafe(error.message)}`);
      return 2;
    }
    io.err(
      `routelab: internal error: ${terminalSafe(error instanceof Error ? error.message : String(error))}`,
    );
    return 2;
  }
}

function printHelp(io: Io, command: string): number {
  io.out(help[command] ?? '');
  return 0;
}
