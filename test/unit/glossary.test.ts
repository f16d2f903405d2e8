// A Japanese learner reads one word for each term, the word kubernetes.io/ja uses:
// content/glossary.yaml lists it and the variants it rejects, and this test finds any
// rejected variant in what Japanese pages, exercises and the architecture figure say.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { docsDir, exerciseFolders, exercisesDir, root } from '../support/course.ts';

interface Term {
  ja: string;
  en: string;
  usage: string;
  reject: string[];
}

const glossary = yaml.load(readFileSync(join(root, 'content', 'glossary.yaml'), 'utf8')) as {
  terms: Term[];
};
const rejected = glossary.terms.flatMap((term) =>
  term.reject.map((source) => ({ term, pattern: new RegExp(source, 'gu') })),
);

/** Each rejected variant in `text`, as "where: 「variant」 → term (context)". */
function findVariants(text: string, where: string): string[] {
  const found: string[] = [];
  for (const { term, pattern } of rejected) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index ?? 0;
      const line = text.slice(0, at).split('\n').length;
      const context = text
        .slice(Math.max(0, at - 12), at + match[0].length + 12)
        .replace(/\n/g, ' ');
      found.push(`${where}:${line}: 「${match[0]}」 → ${term.ja} (…${context}…)`);
    }
  }
  return found;
}

/** The Japanese chapters and pages: every .mdx under content/docs except the en/ tree. */
function japanesePages(dir = docsDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return dir === docsDir && entry.name === 'en' ? [] : japanesePages(path);
    return entry.name.endsWith('.mdx') ? [path] : [];
  });
}

/** Every string held under a `ja` key, however deep, with its path in the document. */
function japaneseStrings(node: unknown, path = ''): { path: string; text: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => japaneseStrings(item, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'ja' && typeof value === 'string'
      ? [{ path: `${path}.ja`, text: value }]
      : japaneseStrings(value, path ? `${path}.${key}` : key),
  );
}

function variantsInYaml(file: string): string[] {
  const doc = yaml.load(readFileSync(file, 'utf8'));
  return japaneseStrings(doc).flatMap(({ path, text }) =>
    findVariants(text, `${relative(root, file)} ${path}`),
  );
}

describe('the glossary', () => {
  it('gives every term its Japanese and English word, its kubernetes.io/ja source and a variant it rejects', () => {
    expect(glossary.terms.length).toBeGreaterThan(10);
    for (const term of glossary.terms) {
      expect(term.ja, JSON.stringify(term)).toBeTruthy();
      expect(term.en, term.ja).toBeTruthy();
      expect(term.usage, term.ja).toBeTruthy();
      expect(term.reject.length, term.ja).toBeGreaterThan(0);
    }
  });

  it('never rejects a term the glossary itself prescribes', () => {
    for (const term of glossary.terms)
      expect(findVariants(term.ja, 'glossary'), term.ja).toEqual([]);
  });

  it('finds the variants the issue names, and leaves the prescribed words and other terms alone', () => {
    const flagged = (text: string) => findVariants(text, 'sample').length;
    expect(flagged('Secret は同じ名前空間に置きます')).toBe(1);
    expect(flagged('rewrite-target の注釈を消した')).toBe(1);
    expect(flagged('サーバを 1 つ作り、ブラウザで開く')).toBe(2);
    expect(flagged('ingress-nginx は サーバー を作り、ブラウザーは警告を出す')).toBe(0);
    expect(flagged('コンテナは同じネットワーク名前空間に入ります')).toBe(0);
    expect(flagged('Namespace ingress-nginx のコントローラーとクラスター')).toBe(0);
  });
});

describe('Japanese text uses the glossary words', () => {
  const pages = japanesePages();

  it('reads every Japanese page', () => {
    expect(pages.map((p) => relative(docsDir, p))).toContain(join('chapters', 'clusterip.mdx'));
    expect(pages.some((p) => p.includes(`${join(docsDir, 'en')}`))).toBe(false);
  });

  for (const page of pages) {
    it(`${relative(root, page)} uses no rejected variant`, () => {
      expect(findVariants(readFileSync(page, 'utf8'), relative(root, page))).toEqual([]);
    });
  }

  for (const id of exerciseFolders()) {
    it(`exercise ${id}: its Japanese title, task, questions, hints and checks use no rejected variant`, () => {
      expect(variantsInYaml(join(exercisesDir, id, 'meta.yaml'))).toEqual([]);
    });
  }

  // The architecture figure's explanations, the page controls and the engine's
  // hop and outcome sentences live in the Japanese message tables.
  for (const table of ['src/i18n/ui/ja.ts', 'src/i18n/engine/ja.ts']) {
    it(`${table} says each term in glossary words`, () => {
      expect(findVariants(readFileSync(join(root, table), 'utf8'), table)).toEqual([]);
    });
  }
});
