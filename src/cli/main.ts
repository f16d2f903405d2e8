// `routelab`: a thin shell over the engine (docs/cli.md). Exit codes:
// 0 the answer is positive, 1 it is negative, 2 the command could not run.

import { withEnvironment } from '../course/exercises/grade.ts';
import type { Locale } from '../course/exercises/schema.ts';
import { buildModel, type InputFile, iptables, trace, validate } from '../engine/index.ts';
import { integer, one, type Parsed, parseArgs, UsageError } from './args.ts';
import { readExercise, readExercises } from './exercises.ts';
import { readInputs } from './files.ts';
import { getJson, getText, kindOf, kinds } from './get.ts';
import { gradeAll } from './grade.ts';
import { traceText, validateText } from './render.ts';
import { type Format, formats, gradeCsv, gradeJson, gradeJunit, gradeText } from './report.ts';
import { collectSubmissions } from './submissions.ts';

const help: Record<string, string> = {
  routelab: `routelab: how a request reaches a Pod, simulated.

usage:
  routelab validate FILE... [--json]
  routelab trace    FILE... --to TARGET [--from SOURCE] [--count N] [--seed S]
                            [--resolve HOST:IP]... [--header 'Name: value']... [--method M] [--json]
  routelab get      FILE... [KIND] [--json]
  routelab iptables FILE... --node NODE
  routelab grade    EXERCISE SUBMISSION... [--format text|json|junit|csv] [--lang ja|en]
  routelab exercises [--json] [--lang ja|en]

FILE is a YAML file, a directory of them, or - for standard input.
Run "routelab COMMAND --help" for one command.`,
  validate: `usage: routelab validate FILE... [--json]

Applies the manifests as kube-apiserver would and prints what it would refuse
(with its own messages), plus warnings for what it accepts but breaks routing.
Exit 0 when valid, 1 when not.`,
  trace: `usage: routelab trace FILE... --to TARGET [--from SOURCE] [--count N] [--seed S]
                      [--resolve HOST:IP]... [--header 'Name: value']... [--method M] [--json]

TARGET  http://host[:port]/path, https://..., or IP:PORT
SOURCE  external (default), pod/NAME, pod/NAMESPACE/NAME, deployment/NAME, node/NAME
--count N      send N requests and report how they spread (default 1)
--seed S       repeat the same random choices (default 1)
--resolve H:IP resolve host H to IP for this request, like curl's --resolve
--exercise ID  run on that exercise's cluster (as routelab grade does)
Exit 0 when the request is delivered, 1 when it is not.`,
  get: `usage: routelab get FILE... [KIND] [--json]

KIND is one of ${kinds.join(', ')} (or svc, po, no, deploy). Without KIND, every kind.
Prints the cluster as "kubectl get KIND -o wide" would; --json prints a v1 List.`,
  iptables: `usage: routelab iptables FILE... --node NODE

Prints the filter and nat rules kube-proxy (iptables mode) writes on NODE,
as its iptables-restore input.`,
  grade: `usage: routelab grade EXERCISE SUBMISSION... [--format text|json|junit|csv] [--lang ja|en]
                      [--timeout SECONDS]

SUBMISSION is a YAML file (one submission), or a directory: each YAML file in it
is one submission, each sub-directory (all the YAML inside) is one submission.
Each is graded on its own thread with a time limit (default 20 s); one that
cannot be read or graded fails with a reason and the others go on.
--format  text (default), json (routelab.dev/grade/v1), junit (XML), csv
--lang    the language of the check messages (default en)
Exit 0 when every submission passed, 1 when some failed.`,
  exercises: `usage: routelab exercises [--json] [--lang ja|en]

Lists the course's exercises: id, chapter and title.`,
};

function locale(p: Parsed): Locale {
  const lang = one(p, 'lang') ?? 'en';
  if (lang !== 'ja' && lang !== 'en')
    throw new UsageError(`--lang must be ja or en, not "${lang}"`);
  return lang;
}

/** The command's FILE arguments, on an exercise's cluster when --exercise names one. */
function inputsFor(p: Parsed): InputFile[] {
  const files = readInputs(p.positionals);
  const id = one(p, 'exercise');
  return id ? withEnvironment(readExercise(id), files) : files;
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

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(help.routelab ?? '');
      return command ? 0 : 2;
    }
    switch (command) {
      case 'validate': {
        const p = parseArgs(rest, ['json']);
        if (wantsHelp(p)) return printHelp(io, command);
        const result = validate(readInputs(p.positionals));
        io.out(
          p.flags.has('json') ? JSON.stringify(result, null, 2) : validateText(result.diagnostics),
        );
        return result.valid ? 0 : 1;
      }
      case 'trace': {
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
        ]);
        if (wantsHelp(p)) return printHelp(io, command);
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
        const model = buildModel(inputsFor(p));
        const result = trace(
          model,
          {
            from: one(p, 'from') ?? 'external',
            to,
            method: (one(p, 'method') ?? 'GET').toUpperCase(),
            resolve,
            headers: p.flags.get('header') ?? [],
          },
          { ...(count === undefined ? {} : { count }), ...(seed === undefined ? {} : { seed }) },
        );
        io.out(p.flags.has('json') ? JSON.stringify(result, null, 2) : traceText(result));
        return result.outcome === 'delivered' ? 0 : 1;
      }
      case 'get': {
        const p = parseArgs(rest, ['json']);
        if (wantsHelp(p)) return printHelp(io, command);
        const last = p.positionals.at(-1);
        const kind = last && !/\.ya?ml$/i.test(last) && last !== '-' ? kindOf(last) : undefined;
        if (
          last &&
          kindOf(last) === undefined &&
          !/\.ya?ml$/i.test(last) &&
          p.positionals.length > 1 &&
          !/[/\\]/.test(last) &&
          last !== '-'
        )
          throw new UsageError(`unknown kind "${last}": use one of ${kinds.join(', ')}`);
        const files = kind ? p.positionals.slice(0, -1) : p.positionals;
        const model = buildModel(readInputs(files));
        io.out(
          p.flags.has('json')
            ? JSON.stringify(getJson(model, kind), null, 2)
            : getText(model, kind),
        );
        const errors = model.diagnostics.filter((d) => d.severity === 'error');
        if (errors.length > 0)
          io.err(
            `routelab: ${errors.length} object${errors.length === 1 ? ' was' : 's were'} refused; run routelab validate to see why`,
          );
        return 0;
      }
      case 'iptables': {
        const p = parseArgs(rest, ['node']);
        if (wantsHelp(p)) return printHelp(io, command);
        const node = one(p, 'node');
        if (!node) throw new UsageError('iptables needs --node NODE');
        const model = buildModel(readInputs(p.positionals));
        const text = iptables(model, node);
        if (text === null)
          throw new UsageError(
            `no node named ${node} (nodes: ${model.nodes.map((n) => n.name).join(', ')})`,
          );
        io.out(text.trimEnd());
        if (model.nodes.find((n) => n.name === node)?.kubeProxy === 'Stopped')
          io.err(`routelab: kube-proxy is stopped on ${node}: it has written no rules`);
        return 0;
      }
      case 'exercises': {
        const p = parseArgs(rest, ['json', 'lang']);
        if (wantsHelp(p)) return printHelp(io, command);
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
      case 'grade': {
        const p = parseArgs(rest, ['format', 'lang', 'timeout']);
        if (wantsHelp(p)) return printHelp(io, command);
        const [id, ...paths] = p.positionals;
        if (!id) throw new UsageError('grade needs an EXERCISE (see routelab exercises)');
        const format = (one(p, 'format') ?? 'text') as Format;
        if (!formats.includes(format))
          throw new UsageError(`--format must be one of ${formats.join(', ')}, not "${format}"`);
        const timeout = Number(one(p, 'timeout') ?? '20');
        if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 3600)
          throw new UsageError('--timeout must be a number of seconds from 0 to 3600');
        const exercise = readExercise(id);
        const submissions = collectSubmissions(paths);
        const bar = progressBar(submissions.length);
        const results = await gradeAll(exercise, submissions, {
          locale: locale(p),
          timeoutMs: timeout * 1000,
          ...(bar ? { onProgress: (done: number) => bar(done) } : {}),
        });
        const render = { text: gradeText, json: gradeJson, junit: gradeJunit, csv: gradeCsv }[
          format
        ];
        io.out(render(exercise, results));
        return results.every((r) => r.passed) ? 0 : 1;
      }
      default:
        throw new UsageError(
          `unknown command "${command}" (commands: validate, trace, get, iptables, grade, exercises)`,
        );
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`routelab: ${error.message}`);
      return 2;
    }
    io.err(`routelab: internal error: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

function printHelp(io: Io, command: string): number {
  io.out(help[command] ?? '');
  return 0;
}
