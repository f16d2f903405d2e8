// Finds English sentences a Japanese learner would read: visible text, SVG
// labels included, outside code, the editor and elements marked lang="en"
// (kube-apiserver's and kubectl's own words, kept verbatim on purpose).
// A "sentence" is three or more plain English words in a row: Kubernetes'
// names (Service, ClusterIP, kube-proxy, externalTrafficPolicy) stand alone
// between Japanese particles, so they never make one.
import type { Page } from '@playwright/test';

/** Where text is code or deliberately English, and so not counted. */
export const notCounted = [
  'code',
  'pre',
  'kbd',
  'samp',
  'script',
  'style',
  'noscript',
  'template',
  '.monaco-editor',
  '[lang="en"]',
  '[lang^="en-"]',
].join(', ');

/** Three or more words of letters only (a capital first at most), in a row. */
export const englishRun = /\b[A-Za-z][a-z]+(?:[ ,]+[A-Za-z][a-z]+){2,}\b/g;

/** Each English run in the page's visible text, and the element it is in. */
export async function englishSentences(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ skip, pattern }) => {
      const run = new RegExp(pattern, 'g');
      const out = new Set<string>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = node.textContent ?? '';
        if (!parent || !/[A-Za-z]{2}/.test(text) || parent.closest(skip)) continue;
        if (parent.getClientRects().length === 0) continue;
        const style = getComputedStyle(parent);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        // A clipped 1 px element is for screen readers: they read it, so it counts.
        const where = [parent, parent.closest('[class]')]
          .filter((e): e is Element => e !== null)
          .map((e) => `${e.tagName.toLowerCase()}${e.classList[0] ? `.${e.classList[0]}` : ''}`)
          .join(' in ');
        for (const m of text.matchAll(run)) out.add(`${m[0]} (${where})`);
      }
      return [...out];
    },
    { skip: notCounted, pattern: englishRun.source },
  );
}
