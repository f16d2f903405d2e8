// `routelab get` and `routelab describe` as commands: which arguments are
// files and which name resources, the namespace to look in, and kubectl's
// error lines and exit codes (docs/cli-notes.md).
import { existsSync } from 'node:fs';
import { buildModel, type Model } from '../engine/index.ts';
import { choice, one, type Parsed, UsageError } from './args.ts';
import { describeText } from './describe.ts';
import { type Inputs, noteText, readInputs } from './files.ts';
import {
  type Answer,
  asList,
  everything,
  getJson,
  getOutput,
  lookUp,
  NotShown,
  nothingFound,
  outputs,
  type Scope,
} from './get.ts';
import { NoResourceType, type Request, RequestError, readRequest, resolveType } from './kinds.ts';
import { jsonSafe, terminalSafe, terminalSafeLines } from './terminal.ts';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * FILE... then the resource arguments: from the end, every argument that is
 * neither "-", nor a path that exists, nor a *.yaml / *.yml name names resources.
 */
export function splitArguments(positionals: string[]): { files: string[]; resources: string[] } {
  let at = positionals.length;
  while (at > 0) {
    const arg = positionals[at - 1] ?? '';
    if (arg === '-' || /\.ya?ml$/i.test(arg) || existsSync(arg)) break;
    at--;
  }
  return { files: positionals.slice(0, at), resources: positionals.slice(at) };
}

function scopeOf(p: Parsed): Scope {
  const namespace = one(p, 'n');
  if (p.flags.has('A') && namespace !== undefined)
    throw new UsageError('-n and -A (--all-namespaces) cannot be given together');
  return namespace === undefined ? { all: true } : { all: false, namespace };
}

async function modelOf(files: string[], io: Io): Promise<Model> {
  const inputs: Inputs = await readInputs(files);
  for (const note of inputs.notes) io.err(`routelab: warning: ${terminalSafe(noteText(note))}`);
  const model = buildModel(inputs.files);
  const errors = model.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0)
    io.err(
      `routelab: ${errors.length} object${errors.length === 1 ? ' was' : 's were'} refused; run routelab validate to see why`,
    );
  return model;
}

/**
 * The request the resource arguments make, or kubectl's own error line for a
 * type no resource matches (exit 1, as kubectl: the cluster's answer is no).
 */
function requestOf(resources: string[], io: Io): Request | number {
  try {
    return resources.length === 0
      ? { by: 'type', types: everything.map(resolveType), implied: new Set() }
      : readRequest(resources);
  } catch (error) {
    if (error instanceof NoResourceType) {
      io.err(`error: ${terminalSafe(error.message)}`);
      return 1;
    }
    if (error instanceof RequestError) throw new UsageError(error.message);
    throw error;
  }
}

function answerOf(model: Model, request: Request, scope: Scope): Answer {
  try {
    return lookUp(model, request, scope);
  } catch (error) {
    if (error instanceof NotShown) throw new UsageError(error.message);
    throw error;
  }
}

/** kubectl's NotFound lines (cmdutil.StandardErrorMessage); exit 1 when there is one. */
function sayMissing(io: Io, answer: Answer): number {
  for (const text of answer.missing) io.err(`Error from server (NotFound): ${terminalSafe(text)}`);
  return answer.missing.length > 0 ? 1 : 0;
}

/** routelab get FILE... [TYPE[,TYPE...] [NAME...] | TYPE/NAME...] [-o wide|yaml|json|name] [--json] */
export async function runGet(p: Parsed, io: Io): Promise<number> {
  const output = choice(p, 'o', outputs, 'wide');
  const scope = scopeOf(p);
  const { files, resources } = splitArguments(p.positionals);
  const request = requestOf(resources, io);
  if (typeof request === 'number') return request;
  const model = await modelOf(files, io);
  const answer = answerOf(model, request, scope);
  if (p.flags.has('json')) {
    // The contract's --json, as before -o: a v1 List (of every served object without KIND), indented by 2.
    const items = answer.found.flatMap((f) => f.items.map((i) => i.object()));
    const list = resources.length === 0 ? getJson(model) : asList(items);
    io.out(jsonSafe(JSON.stringify(list, null, 2)));
    return sayMissing(io, answer);
  }
  // printGeneric: one name asked and not found prints only the error; -o
  // name|json|yaml never say "No resources found" (only the tables do).
  if (answer.single && answer.missing.length > 0) return sayMissing(io, answer);
  const text = getOutput(answer, output, scope);
  if (text) io.out(output === 'json' ? jsonSafe(text) : terminalSafeLines(text));
  else if (answer.missing.length === 0 && output === 'wide') io.err(nothingFound(scope));
  return sayMissing(io, answer);
}

/** routelab describe FILE... TYPE [NAME...] | TYPE/NAME... */
export async function runDescribe(p: Parsed, io: Io): Promise<number> {
  // kubectl describe looks in the default namespace unless told otherwise
  // (the contract asks get, not describe, to span every namespace).
  const given = scopeOf(p);
  const scope: Scope =
    given.all && !p.flags.has('A') ? { all: false, namespace: 'default' } : given;
  const { files, resources } = splitArguments(p.positionals);
  if (resources.length === 0)
    throw new UsageError('describe needs a KIND and a NAME (see routelab describe --help)');
  const request = requestOf(resources, io);
  if (typeof request === 'number') return request;
  const model = await modelOf(files, io);
  let answer = answerOf(model, request, scope);
  // DescribeMatchingResources: `describe TYPE NAME` with no object of that
  // name describes those whose name begins with it.
  if (answer.missing.length === 1 && request.by === 'name' && resources.length === 2) {
    const [ref] = request.refs;
    const all = answerOf(
      model,
      { by: 'type', types: ref ? [ref.type] : [], implied: new Set() },
      {
        all: false,
        namespace: scope.all ? 'default' : scope.namespace,
      },
    );
    const matching = all.found.map((f) => ({
      ...f,
      items: f.items.filter((i) => i.name.startsWith(ref?.name ?? '')),
    }));
    if (matching.some((f) => f.items.length > 0))
      answer = { found: matching, missing: [], single: false, byName: true };
  }
  const texts = answer.found.flatMap((f) => f.items.map((i) => describeText(model, f.type, i)));
  if (texts.length > 0) io.out(terminalSafeLines(texts.join('\n\n').replace(/\n$/, '')));
  else if (answer.missing.length === 0) io.err(nothingFound(scope));
  return sayMissing(io, answer);
}
