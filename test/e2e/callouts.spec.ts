import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { filesBelow } from '../../src/build/files.mjs';

const root = join(import.meta.dirname, '..', '..');
const docs = join(root, 'content', 'docs');

/** The `:::note` / `:::tip` / `:::caution` / `:::danger` openings outside code fences. */
function calloutOpenings(source: string): number {
  let fenced = false;
  let count = 0;
  for (const line of source.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && /^\s*:::(note|tip|caution|danger)\b/.test(line)) count++;
  }
  return count;
}

const sources = filesBelow(docs)
  .filter((file) => /\.mdx?$/.test(file))
  .map((file) => {
    const slug = relative(docs, file)
      .replace(/\.mdx?$/, '')
      .replace(/(^|\/)index$/, '');
    return { file: relative(root, file), path: `/${slug}/`.replace(/\/+/g, '/') };
  });

test('the course has callouts to count', () => {
  const total = sources.reduce(
    (sum, { file }) => sum + calloutOpenings(readFileSync(join(root, file), 'utf8')),
    0,
  );
  // Ten per locale when this test was written; the point is that there are some.
  expect(total).toBeGreaterThanOrEqual(20);
});

// Starlight turns `:::note` into an <aside> only in the folders it processes;
// a callout left out shows as a bare paragraph starting with ":::".
test('every callout in every page renders as an aside, in both locales', async ({ request }) => {
  const mismatches: string[] = [];
  for (const { file, path } of sources) {
    const expected = calloutOpenings(readFileSync(join(root, file), 'utf8'));
    const response = await request.get(path);
    expect(response.ok(), `${path} (${file})`).toBe(true);
    const html = await response.text();
    const asides = html.match(/<aside\b[^>]*class="[^"]*\bstarlight-aside\b/g)?.length ?? 0;
    const leftovers = html.match(/<p>:::/g)?.length ?? 0;
    if (asides !== expected || leftovers > 0) {
      mismatches.push(`${path}: ${asides} asides, ${leftovers} bare ":::", source has ${expected}`);
    }
  }
  expect(mismatches).toEqual([]);
});

// Markdown's emphasis needs punctuation or a space beside its `**`; Japanese
// has no spaces, so `**…（…）**です` stays literal asterisks on the page.
test('no page shows markdown emphasis left unparsed, in both locales', async ({ request }) => {
  const literal: string[] = [];
  for (const { file, path } of sources) {
    const html = await (await request.get(path)).text();
    const text = html
      .replace(/<(script|style|pre|code)\b[^>]*>[\s\S]*?<\/\1>/g, '')
      .replace(/<[^>]+>/g, '');
    for (const m of text.matchAll(/.{0,20}\*\*.{0,20}/g))
      literal.push(`${path} (${file}): ${m[0]}`);
  }
  expect(literal).toEqual([]);
});
