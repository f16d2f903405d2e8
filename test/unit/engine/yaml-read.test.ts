import { describe, expect, it } from 'vitest';
import {
  limits,
  nodeAt,
  readManifests,
  type SourceDocument,
} from '../../../src/engine/yaml/read.ts';

const service = `# the article's Service
apiVersion: v1
kind: Service
metadata:
  name: my-service
  labels: {app: my-app, "tier": web}
spec:
  selector:
    app: my-app
  ports:
  - protocol: TCP
    port: 80
    targetPort: 8080
---
kind: Pod
`;

function documents(file: string, text: string): SourceDocument[] {
  const result = readManifests(file, text);
  if (!result.ok) throw new Error(result.problem.message);
  return result.documents;
}

describe('readManifests', () => {
  it('reads every document of a file, in order', () => {
    const docs = documents('svc.yaml', service);
    expect(docs.map((d) => (d.value as { kind: string }).kind)).toEqual(['Service', 'Pod']);
    expect(docs.map((d) => d.index)).toEqual([0, 1]);
  });

  it('points at values and keys, block and flow style alike', () => {
    const [doc] = documents('svc.yaml', service);
    const at = (path: (string | number)[], prefer?: 'key' | 'value') =>
      nodeAt(doc?.node ?? null, path, prefer)?.start;
    expect(at(['metadata', 'name'])).toEqual({ line: 5, column: 9 });
    expect(at(['metadata', 'name'], 'key')).toEqual({ line: 5, column: 3 });
    expect(at(['spec', 'ports', 0, 'port'])).toEqual({ line: 12, column: 11 });
    expect(at(['spec', 'ports', 0, 'targetPort'], 'key')).toEqual({ line: 13, column: 5 });
    expect(at(['spec', 'ports', 0])).toEqual({ line: 11, column: 5 });
    expect(at(['metadata', 'labels', 'tier'])).toEqual({ line: 6, column: 33 });
  });

  it('points a missing field at the key of the nearest field that exists', () => {
    const [doc] = documents('svc.yaml', service);
    expect(nodeAt(doc?.node ?? null, ['spec', 'type'])?.start).toEqual({ line: 7, column: 1 });
    expect(nodeAt(doc?.node ?? null, ['spec', 'ports', 3, 'port'])?.start).toEqual({
      line: 10,
      column: 3,
    });
  });

  it('keeps an empty document as null', () => {
    const docs = documents('e.yaml', 'a: 1\n---\n---\nb: 2\n');
    expect(docs.map((d) => d.value)).toEqual([{ a: 1 }, null, { b: 2 }]);
    expect(docs[1]?.node).toBeNull();
  });

  it('gives the line, column and reason of a syntax error', () => {
    const result = readManifests('bad.yaml', 'metadata:\n  name: x\n   labels: y\n');
    expect(result).toEqual({
      ok: false,
      problem: {
        file: 'bad.yaml',
        line: 3,
        column: 10,
        message: 'YAML syntax error: bad indentation of a mapping entry',
      },
    });
  });

  it('stores __proto__ and constructor as plain keys without touching any prototype', () => {
    const [doc] = documents('p.yaml', '__proto__: {polluted: yes}\nconstructor: {prototype: 1}\n');
    const value = doc?.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(value)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an alias bomb instead of expanding it', () => {
    let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++)
      bomb += `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const result = readManifests('bomb.yaml', bomb);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toContain('aliases');
  });

  it('expands small aliases into independent copies', () => {
    const [doc] = documents('a.yaml', 'a: &x {k: 1}\nb: *x\n');
    const value = doc?.value as { a: object; b: object };
    expect(value.b).toEqual(value.a);
    expect(value.b).not.toBe(value.a);
  });

  it('refuses nesting deeper than its bound', () => {
    const deep = `${'['.repeat(limits.maxDepth + 5)}${']'.repeat(limits.maxDepth + 5)}`;
    const result = readManifests('deep.yaml', deep);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problem.message).toContain(`nesting exceeded maxDepth (${limits.maxDepth})`);
  });

  it('refuses a file over 1 MiB before parsing it', () => {
    const result = readManifests('big.yaml', `a: "${'x'.repeat(limits.maxBytes)}"\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/larger than 1 MiB/);
  });

  it('reports dates as the text the author wrote them as', () => {
    const [doc] = documents('d.yaml', 'when: 2021-03-31\n');
    expect(doc?.value).toEqual({ when: '2021-03-31' });
  });
});
