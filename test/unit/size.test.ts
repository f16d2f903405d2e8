// The size rule of the developers' guide: a source file over 400 lines, or a
// function over 80 lines, asks to be split. Where one should stay whole, a
// one-line comment starting with "size:" at its top says why, and this test
// accepts it; without one it fails and names the place.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const maxFileLines = 400;
const maxFunctionLines = 80;
const reason = /^\s*\/\/\s*size:\s*\S/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|mjs|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Oversize {
  where: string;
  lines: number;
}

/** The places of one file that break the rule, as "file:line name". */
function oversized(name: string, text: string): Oversize[] {
  const lines = text.split('\n');
  const found: Oversize[] = [];
  const fileLines = text.endsWith('\n') ? lines.length - 1 : lines.length;
  if (fileLines > maxFileLines && !lines.slice(0, 3).some((l) => reason.test(l)))
    found.push({ where: name, lines: fileLines });
  const file = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const end = file.getLineAndCharacterOfPosition(node.getEnd()).line;
      const length = end - start + 1;
      // The reason may stand on the line above the function (or its statement) or first in its body.
      const around = [lines[start - 1] ?? '', lines[start + 1] ?? ''];
      const statement = ts.isVariableDeclaration(node.parent)
        ? node.parent.parent?.parent
        : undefined;
      if (statement)
        around.push(
          lines[file.getLineAndCharacterOfPosition(statement.getStart(file)).line - 1] ?? '',
        );
      if (length > maxFunctionLines && !around.some((l) => reason.test(l))) {
        const label =
          ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)
            ? (node.name?.getText(file) ?? '(anonymous)')
            : ts.isVariableDeclaration(node.parent)
              ? node.parent.name.getText(file)
              : '(anonymous)';
        found.push({ where: `${name}:${start + 1} ${label}`, lines: length });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('size rule', () => {
  it('finds a long function without a reason, and accepts one with a reason', () => {
    const body = Array.from({ length: 85 }, (_, i) => `  x += ${i};`).join('\n');
    expect(oversized('a.ts', `function long() {\n  let x = 0;\n${body}\n}\n`)).toHaveLength(1);
    expect(
      oversized('a.ts', `// size: a table\nfunction long() {\n  let x = 0;\n${body}\n}\n`),
    ).toEqual([]);
    const file = Array.from({ length: 401 }, (_, i) => `export const a${i} = ${i};`).join('\n');
    expect(oversized('b.ts', `${file}\n`)).toHaveLength(1);
    expect(oversized('b.ts', `// size: generated table\n${file}\n`)).toEqual([]);
  });

  it('holds for src/ and bench/', () => {
    const broken = ['src', 'bench']
      .flatMap((dir) => sources(join(root, dir)))
      .flatMap((path) => oversized(relative(root, path), readFileSync(path, 'utf8')))
      .map((o) => `${o.where} (${o.lines} lines)`);
    expect(broken).toEqual([]);
  });
});
