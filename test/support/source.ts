// Source files read through TypeScript's own scanner and parser, for the tests
// that guard the project's structure: which module may import which, and what
// the engine may touch. A parser, not a regex: comments, strings and regular
// expressions cannot fool it.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const root = join(import.meta.dirname, '..', '..');

const sourceFile = /\.(ts|mts|js|mjs|astro)$/;

/** Every source file under the folders, relative to the project ("src/cli/main.ts"). */
export function sourceFiles(...folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (sourceFile.test(entry.name) && !entry.name.endsWith('.d.ts'))
        out.push(relative(root, path));
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return out.sort();
}

/** A file's script: for an .astro component, its frontmatter and <script> elements. */
export function readScript(file: string): string {
  const text = readFileSync(join(root, file), 'utf8');
  if (!file.endsWith('.astro')) return text;
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [front, ...scripts].join('\n');
}

/** The module specifiers a script imports or re-exports, static or dynamic. */
export function importSpecifiers(script: string): string[] {
  return ts.preProcessFile(script, true, true).importedFiles.map((f) => f.fileName);
}

export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '');
}

/** Host objects a browser page, a worker or Node has, and the language does not. */
const hostGlobals = new Set([
  'window',
  'document',
  'self',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'Worker',
  'postMessage',
  'importScripts',
  'alert',
  'process',
  'Buffer',
  'require',
  'module',
  'global',
  '__dirname',
  '__filename',
  'setImmediate',
]);

/** Uses of a host object in a script: a free reference, globalThis.<host>, or import.meta. */
export function hostReferences(script: string, file = 'sample.ts'): string[] {
  const source = ts.createSourceFile(file, script, ts.ScriptTarget.Latest, true);
  const declared = new Set<string>();
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${file}:${line + 1} ${what}`);
  };
  const visit = (node: ts.Node) => {
    if (
      (ts.isVariableDeclaration(node) ||
        ts.isParameter(node) ||
        ts.isBindingElement(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isClassDeclaration(node) ||
        ts.isImportSpecifier(node) ||
        ts.isImportClause(node)) &&
      node.name &&
      ts.isIdentifier(node.name)
    )
      declared.add(node.name.text);
    if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword)
      at(node, 'import.meta');
    if (
      ts.isPropertyAccessExpression(node) &&
      node.expression.getText(source) === 'globalThis' &&
      hostGlobals.has(node.name.text)
    )
      at(node, `globalThis.${node.name.text}`);
    if (ts.isIdentifier(node) && hostGlobals.has(node.text) && isReference(node))
      at(node, node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  // A local of that name (a parameter called `module`) is not the host's.
  return found.filter((f) => !declared.has(f.split(' ')[1] ?? ''));
}

/** Whether an identifier names a variable, not a property, a key or a declaration. */
function isReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  const named = parent as ts.Node & { name?: ts.Node };
  if (named.name === node && !ts.isShorthandPropertyAssignment(parent)) return false;
  return true;
}
