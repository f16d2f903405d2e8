// trace/v1 stays compatible (issue 12): for every golden case captured by
// capture-trace-v1.ts, today's `routelab trace --json` still holds every field
// the golden file holds, with the same value (new fields may be added); the
// text output of trace and iptables is unchanged to the byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const root = join(import.meta.dirname, '..', '..');
const golden = join(import.meta.dirname, 'fixtures', 'trace-v1');
const cases: { name: string; args: string[] }[] = JSON.parse(
  readFileSync(join(golden, 'cases.json'), 'utf8'),
);

async function run(args: string[]): Promise<string> {
  let stdout = '';
  const cwd = process.cwd();
  process.chdir(root);
  try {
    await main(args, { out: (t) => (stdout += `${t}\n`), err: () => {} });
  } finally {
    process.chdir(cwd);
  }
  return stdout;
}

/**
 * Where `actual` fails to contain `expected`: every key of an object and every
 * element of an array (same length, same order) must be there and equal;
 * `actual` may have keys `expected` lacks. Returns the paths that differ.
 */
function missing(expected: unknown, actual: unknown, path = '$'): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length)
      return [`${path}: expected an array of ${expected.length}`];
    return expected.flatMap((e, i) => missing(e, actual[i], `${path}[${i}]`));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return [`${path}: expected an object`];
    const a = actual as Record<string, unknown>;
    return Object.entries(expected).flatMap(([k, v]) =>
      k in a ? missing(v, a[k], `${path}.${k}`) : [`${path}.${k}: missing`],
    );
  }
  return Object.is(expected, actual)
    ? []
    : [`${path}: ${JSON.stringify(expected)} became ${JSON.stringify(actual)}`];
}

describe('the containment check itself', () => {
  it('allows added fields and refuses changed, removed or reordered ones', () => {
    expect(missing({ a: 1, b: [{ c: 'x' }] }, { a: 1, b: [{ c: 'x', d: 2 }], e: 3 })).toEqual([]);
    expect(missing({ a: 1 }, { a: 2 })).toEqual(['$.a: 1 became 2']);
    expect(missing({ a: 1 }, {})).toEqual(['$.a: missing']);
    expect(missing({ b: ['x', 'y'] }, { b: ['y', 'x'] })).toHaveLength(2);
    expect(missing({ b: [1] }, { b: [1, 2] })).toEqual(['$.b: expected an array of 1']);
    expect(missing({ s: null }, { s: {} })).toEqual(['$.s: null became {}']);
  });
});

describe('trace/v1 output against the golden files', () => {
  for (const { name, args } of cases) {
    if (args[0] === 'trace') {
      it(`${name}: trace --json keeps every golden field`, async () => {
        const expected = JSON.parse(readFileSync(join(golden, `${name}.json`), 'utf8'));
        const actual = JSON.parse(await run([...args, '--json']));
        expect(missing(expected, actual)).toEqual([]);
      });
      it(`${name}: trace text is unchanged`, async () => {
        expect(await run(args)).toBe(readFileSync(join(golden, `${name}.txt`), 'utf8'));
      });
    } else {
      it(`${name}: iptables output is unchanged`, async () => {
        expect(await run(args)).toBe(readFileSync(join(golden, `${name}.rules`), 'utf8'));
      });
    }
  }
});
