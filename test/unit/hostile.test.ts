// Hostile inputs, each with the clear diagnostic it must get, never a crash:
// through the engine, the grader, and a class's batch where the others are
// still graded. Generated here rather than committed (5 and 50 MB files).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gradeAll } from '../../src/cli/grade.ts';
import { collectSubmissions } from '../../src/cli/submissions.ts';
import { gradeSubmission } from '../../src/course/exercises/grade.ts';
import { readExercise } from '../../src/course/read.ts';
import { buildModel } from '../../src/engine/index.ts';
import { myApp } from '../support/engine.ts';

/** test/support/engine.ts's my-app, with its replicas (line 6) and containerPort (line 19) replaced. */
const deployment = (replicas: string, port = '8080') =>
  myApp
    .replace('replicas: 2', `replicas: ${replicas}`)
    .replace('containerPort: 8080', `containerPort: ${port}`);

const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
  const prev = String.fromCharCode(97 + i);
  laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
}

/** A v1 List holding a v1 List... `depth` deep, a Namespace with a misspelled key inside the last (line 3 × depth + 1). */
function nestedLists(depth: number): string {
  const lines = ['apiVersion: v1', 'kind: List', 'items:'];
  for (let i = 1; i < depth; i++) {
    const indent = '  '.repeat(i - 1);
    lines.push(`${indent}- apiVersion: v1`, `${indent}  kind: List`, `${indent}  items:`);
  }
  lines.push(
    `${'  '.repeat(depth - 1)}- {apiVersion: v1, kind: Namespace, metadata: {name: n, lables: {}}}`,
  );
  return `${lines.join('\n')}\n`;
}

/** [name, text, what the first error must say, its line] */
const corpus: [string, string, RegExp, number][] = [
  ['alias bomb', `${laughs.join('\n')}\n`, /expand to more than 200000 values/, 1],
  // go-yaml decode_test.go: "a: &a\n  b: *a\n" -> "yaml: anchor 'a' value contains itself".
  ['self-referencing anchor', 'x: 1\n---\na: &a\n  b: *a\n', /anchor’s value contains itself/, 3],
  [
    '50-level nesting',
    `a:\n${Array.from({ length: 50 }, (_, i) => `${'  '.repeat(i + 1)}b:`).join('\n')} 1\n`,
    /nesting exceeded maxDepth \(40\)/,
    40,
  ],
  ['5 MB file', `a: "${'x'.repeat(5 * 1024 * 1024)}"\n`, /larger than 1 MiB are not read/, 1],
  ['50 MB file', `a: "${'x'.repeat(50 * 1024 * 1024)}"\n`, /larger than 1 MiB are not read/, 1],
  ['binary', '\u0000\u0001\u0002PK\u0003\u0004', /null byte is not allowed/, 1],
  // encoding/json's literalStore (decode.go): ParseInt, then OverflowInt for the
  // field's own size (int32 here), fails with UnmarshalTypeError{Value: "number " +
  // literal}. sigs.k8s.io/yaml has already made a YAML integer past int64 a
  // float64, which JSON writes as 100000000000000000000.
  [
    'enormous replicas',
    deployment('99999999999999999999'),
    /cannot unmarshal number 100000000000000000000 into Go struct field DeploymentSpec\.spec\.replicas of type int32/,
    6,
  ],
  [
    'replicas past what can be simulated',
    deployment('2147483647'),
    /routelab simulates at most 200,000 Pods/,
    6,
  ],
  ['enormous port', deployment('1', '1e999'), /containerPort of type int32/, 19],
  // kube-apiserver names every unknown field; routelab names ten and counts the rest.
  [
    '60,000 unknown fields',
    `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80}]\n${Array.from(
      { length: 60_000 },
      (_, i) => `  k${i}: 1`,
    ).join('\n')}\n`,
    /strict decoding error: unknown field "spec\.k0", .* \(and 59990 more unknown fields; routelab names the first 10\)/,
    6,
  ],
  [
    'Lists inside Lists, 15 deep, a misspelled key at the bottom',
    nestedLists(15),
    /unknown field "metadata\.lables"/,
    46,
  ],
  [
    'a List of 6,000 items',
    `apiVersion: v1\nkind: List\nitems:\n${Array.from(
      { length: 6000 },
      (_, i) => `- {apiVersion: v1, kind: Namespace, metadata: {name: n${i}}}`,
    ).join('\n')}\n`,
    /file has 6000 objects, the items of its Lists counted; at most 5000 are read/,
    1,
  ],
  [
    '10,000 documents',
    Array.from(
      { length: 10_000 },
      (_, i) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n${i}`,
    ).join('\n---\n'),
    /file has 10000 documents; at most 5000 are read/,
    1,
  ],
];

describe('hostile inputs', () => {
  for (const [name, text, message, line] of corpus)
    it(`${name}: a clear error at line ${line}`, () => {
      const model = buildModel([{ file: 'answer.yaml', text }]);
      const error = model.diagnostics.find((d) => d.severity === 'error');
      expect(error?.message).toMatch(message);
      expect(error?.line).toBe(line);
    });

  it('__proto__ and constructor keys are data: nothing is polluted, labels are judged as labels', () => {
    const text = `apiVersion: v1
kind: Service
metadata:
  name: s
  __proto__: {polluted: yes}
spec:
  selector:
    constructor: x
    __proto__: y
  ports:
  - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: t
spec:
  selector:
    constructor: x
    __proto__: y
  ports:
  - port: 80
`;
    const model = buildModel([{ file: 'answer.yaml', text }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    const messages = model.diagnostics.map((d) => d.message).join('\n');
    // ObjectMeta has no field "__proto__": strict decoding refuses the first Service.
    expect(messages).toContain('strict decoding error: unknown field "metadata.__proto__"');
    // kube-apiserver's label-key check: "__proto__" is not a valid name part; "constructor" is.
    expect(messages).toContain('spec.selector: Invalid value: "__proto__"');
    expect(messages).not.toContain('"constructor"');
  });

  it('the grader marks each hostile submission failed with the reason', () => {
    const exercise = readExercise('service-selector');
    for (const [name, text, message] of corpus.filter(([n]) => !n.includes('50 MB'))) {
      const grade = gradeSubmission(exercise, [{ file: 'answer.yaml', text }], 'en');
      expect(grade.passed, name).toBe(false);
      expect(grade.checks[0]?.message, name).toMatch(message);
    }
  });

  const dir = mkdtempSync(join(tmpdir(), 'routelab-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('in a class’s batch, hostile files fail with a reason and the others are graded', {
    timeout: 60_000,
  }, async () => {
    const exercise = readExercise('service-selector');
    writeFileSync(join(dir, 'good.yaml'), exercise.solution);
    writeFileSync(join(dir, 'huge.yaml'), corpus.find(([n]) => n === '50 MB file')?.[1] ?? '');
    writeFileSync(join(dir, 'bomb.yaml'), corpus[0]?.[1] ?? '');
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0xff, 0x0a]));
    writeFileSync(join(dir, 'pods.yaml'), deployment('2147483647'));
    const results = await gradeAll(exercise, collectSubmissions([dir]).submissions, {
      locale: 'en',
      timeoutMs: 20_000,
    });
    const by = new Map(results.map((r) => [r.submission.replace(/.*[\\/]/, ''), r]));
    expect(by.get('good.yaml')?.passed).toBe(true);
    for (const name of ['huge.yaml', 'bomb.yaml', 'latin1.yaml', 'pods.yaml'])
      expect(by.get(name)?.passed, name).toBe(false);
    const reason = (name: string) => JSON.stringify(by.get(name));
    expect(reason('huge.yaml')).toContain('larger than 1024 KiB');
    // kubectl reads latin-1 bytes as U+FFFD (cli-runtime FileVisitor's UTF-8 decoder); the note says so.
    expect(reason('latin1.yaml')).toContain('the file is not UTF-8 (latin-1?)');
    expect(reason('bomb.yaml')).toContain('expand to more than');
  });
});
