// The engine is one program for the browser's page and workers and for Node's
// CLI: it touches no DOM, no worker global and no Node API, and imports no
// Node module. src/engine/tsconfig.json (no DOM or Node types, part of
// `npm run typecheck`) refuses such code too; this test names the file and line.
import { describe, expect, it } from 'vitest';
import {
  hostReferences,
  importSpecifiers,
  isNodeBuiltin,
  readScript,
  sourceFiles,
} from '../support/source.ts';

// Packages the engine may import: each must run unchanged in browsers, workers and Node.
const enginePackages = new Set(['js-yaml']);

/** What is wrong with an engine file: Node modules, unknown packages, host objects. */
function impurities(script: string, file = 'sample.ts'): string[] {
  const imports = importSpecifiers(script).flatMap((s) => {
    if (isNodeBuiltin(s)) return [`${file} imports Node's ${s}`];
    if (!s.startsWith('.') && !enginePackages.has(s)) return [`${file} imports package ${s}`];
    return [];
  });
  return [...imports, ...hostReferences(script, file)];
}

describe('the engine is pure', () => {
  it('no file under src/engine imports Node or touches a browser, worker or Node global', () => {
    const files = sourceFiles('src/engine');
    expect(files).toContain('src/engine/index.ts');
    expect(files.flatMap((f) => impurities(readScript(f), f))).toEqual([]);
    // Parsing every engine file takes a second or two, more on a busy machine.
  }, 30_000);
});

describe('the purity check', () => {
  it('finds Node modules, static and dynamic, with or without node:', () => {
    expect(
      impurities(
        `import { readFileSync } from 'node:fs';\nimport path from 'path';\nexport * from 'node:os';\nconst w = await import('worker_threads');`,
      ),
    ).toEqual([
      "sample.ts imports Node's node:fs",
      "sample.ts imports Node's path",
      "sample.ts imports Node's node:os",
      "sample.ts imports Node's worker_threads",
    ]);
  });

  it('finds a package the engine has not vetted', () => {
    expect(impurities(`import { z } from 'astro/zod';\nimport yaml from 'js-yaml';`)).toEqual([
      'sample.ts imports package astro/zod',
    ]);
  });

  it('finds host objects, globalThis.fetch and import.meta', () => {
    const sample = [
      'const width = window.innerWidth;',
      'document.title = "x";',
      'self.postMessage(1);',
      'const r = globalThis.fetch("/");',
      'const here = import.meta.url;',
      'if (process.env.X) {}',
    ].join('\n');
    expect(impurities(sample)).toEqual([
      'sample.ts:1 window',
      'sample.ts:2 document',
      'sample.ts:3 self',
      'sample.ts:4 globalThis.fetch',
      'sample.ts:5 import.meta',
      'sample.ts:6 process',
    ]);
  });

  it('leaves alone words in comments and strings, properties, keys and locals of those names', () => {
    const sample = [
      '// window and document in a comment; import x from "node:fs"',
      "const text = 'the document of self-signed certificates from window';",
      'const re = /["\']window/;',
      'const o = { document: 1, self: true };',
      'const n = o.document + model.window;',
      'function f(module: string) { return module; }',
    ].join('\n');
    expect(impurities(sample)).toEqual([]);
  });
});
