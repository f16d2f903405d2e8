// Command-line arguments: positionals and --flags, with one-line errors.

export class UsageError extends Error {}

export interface Parsed {
  positionals: string[];
  flags: Map<string, string[]>;
}

/** Flags that take no value. */
const booleans = new Set(['json', 'help', 'A', 'course']);

/** kubectl's long names of the one-letter flags routelab get and describe take. */
const aliases: Record<string, string> = { output: 'o', namespace: 'n', 'all-namespaces': 'A' };

/** One-letter flags that take a value, which kubectl also takes glued on: -oyaml, -nkube-system. */
const gluedValue = /^-([on])([^=].*)$/s;

export function parseArgs(argv: string[], allowed: readonly string[]): Parsed {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '-h') {
      flags.set('help', ['']);
      continue;
    }
    const glued = gluedValue.exec(arg);
    const [rawName, inline] = glued
      ? [glued[1], glued[2]]
      : arg.replace(/^--?/, '').split(/=(.*)/s, 2);
    const name = aliases[rawName ?? ''] ?? rawName ?? '';
    if (!allowed.includes(name) && name !== 'help')
      throw new UsageError(`unknown flag ${name.length === 1 ? '-' : '--'}${name}`);
    let value = inline ?? '';
    if (!booleans.has(name) && inline === undefined) {
      const next = argv[i + 1];
      if (next === undefined)
        throw new UsageError(`${name.length === 1 ? '-' : '--'}${name} needs a value`);
      value = next;
      i++;
    }
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return { positionals, flags };
}

export function one(parsed: Parsed, name: string): string | undefined {
  const values = parsed.flags.get(name);
  if (values && values.length > 1) throw new UsageError(`--${name} may be given only once`);
  return values?.[0];
}

/** A flag that takes one of a few words, `fallback` when it is not given. */
export function choice<T extends string>(
  parsed: Parsed,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = one(parsed, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

export function integer(
  parsed: Parsed,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const text = one(parsed, name);
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text) || Number(text) < min || Number(text) > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return Number(text);
}

/** --timeout in seconds, more than 0 and at most an hour. */
export function seconds(p: Parsed, fallback: number): number {
  const timeout = Number(one(p, 'timeout') ?? fallback);
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 3600)
    throw new UsageError('--timeout must be a number of seconds from 0 to 3600');
  return timeout;
}
