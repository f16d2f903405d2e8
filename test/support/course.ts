// Reads the course as files: the tests check the text learners read, not a
// rendering of it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chapterSlugs } from '../../src/course/sidebar.mjs';

export const root = join(import.meta.dirname, '..', '..');
export const docsDir = join(root, 'content', 'docs');
export const exercisesDir = join(root, 'content', 'exercises');
export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];
export const pageSlugs = ['index', 'introduction', ...chapterSlugs];
export { chapterSlugs };

export function pageFile(locale: Locale, slug: string): string {
  return join(docsDir, locale === 'ja' ? '' : locale, `${slug}.mdx`);
}

export function readPage(locale: Locale, slug: string): string {
  return readFileSync(pageFile(locale, slug), 'utf8');
}

/** The page without its frontmatter and fenced code blocks. */
export function prose(source: string): string {
  return source.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^```[\s\S]*?^```/gm, '');
}

/** Heading levels in order, e.g. ["##", "###", "##"]. */
export function headingLevels(source: string): string[] {
  return [...prose(source).matchAll(/^(#{2,6}) /gm)].map((m) => m[1] ?? '');
}

/** The ids an <ExerciseList ids={[...]} /> on the page names, in order. */
export function exerciseIds(source: string): string[] {
  const list = /<ExerciseList ids=\{\[([^\]]*)\]\} \/>/.exec(source);
  if (!list) return [];
  return [...(list[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
}

export interface CodeBlock {
  lang: string;
  text: string;
  line: number;
}

export function codeBlocks(source: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)/.exec(lines[i] ?? '');
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i] ?? '').startsWith('```'); i++)
      body.push(lines[i] ?? '');
    blocks.push({ lang: open[1] ?? '', text: body.join('\n'), line: start + 1 });
  }
  return blocks;
}

/** Site-internal link targets: markdown links and frontmatter `link:` values. */
export function internalLinks(source: string): string[] {
  const md = [...source.matchAll(/\]\((\/[^)\s]*)\)/g)].map((m) => m[1] ?? '');
  const front = [...source.matchAll(/^\s*link: (\/\S*)$/gm)].map((m) => m[1] ?? '');
  return [...md, ...front];
}

/** Whether a site path such as /en/chapters/nodeport/#x names a page we have. */
export function resolvesToPage(href: string): boolean {
  const path = href.split('#')[0] ?? '';
  const trimmed = path.replace(/^\/|\/$/g, '');
  const [first, ...rest] = trimmed.split('/');
  const locale: Locale = first === 'en' ? 'en' : 'ja';
  const slug = (locale === 'en' ? rest.join('/') : trimmed) || 'index';
  return existsSync(pageFile(locale, slug));
}

export function exerciseFolders(): string[] {
  return readdirSync(exercisesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}
