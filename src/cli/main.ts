// `routelab`: a thin shell over the engine (shared/spec/cli.md). Exit codes:
// 0 the answer is positive, 1 it is negative, 2 the command could not run.
import { buildModel, iptables, trace, validate } from '../engine/index.ts';
import { integer, one, type Parsed, parseArgs, UsageError } from './args.ts';
import { readInputs } from './files.ts';
import { getJson, getText, kindOf, kinds } from './get.ts';
import { traceText, validateText } from './render.ts';

const help: Record<string, string> = {
  routelab: `routelab: how a request reaches a Pod, simulated.

usage:
  routelab validate FILE... [--json]
  routelab trace    FILE... --to TARGET [--from SOURCE] [--count N] [--seed S]
                            [--resolve HOST:IP]... [--header 'Name: value']... [--method M] [--json]
  routelab get      FILE... [KIND] [--json]
  routelab iptables FILE... --node NODE

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
Exit 0 when the request is delivered, 1 when it is not.`,
  get: `usage: routelab get FILE... [KIND] [--json]

KIND is one of ${kinds.join(', ')} (or svc, po, no, deploy). Without KIND, every kind.
Prints the cluster as "kubectl get KIND -o wide" would; --json prints a v1 List.`,
  iptables: `usage: routelab iptables FILE... --node NODE

Prints the filter and nat rules kube-proxy (iptables mode) writes on NODE,
as its iptables-restore input.`,
};

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
        const model = buildModel(readInputs(p.positionals));
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
      default:
        throw new UsageError(
          `unknown command "${command}" (commands: validate, trace, get, iptables)`,
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
