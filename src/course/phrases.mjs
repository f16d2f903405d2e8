// Japanese headings and captions break between phrases, in every browser:
// BudouX (Google's phrase segmenter, its small model shipped in the package)
// splits them when the site is built and a <wbr> goes between phrases, while
// course.css keeps the browser from breaking anywhere else. Chromium's own
// word-break: auto-phrase gives the same breaks; Firefox and Safari have none.
import { loadDefaultJapaneseParser } from 'budoux';

/** @type {import('budoux').Parser | null} */
let parser = null;

/**
 * The phrases of a Japanese text (one part for text with no Japanese in it).
 * @param {string} text
 * @returns {string[]}
 */
export function phrases(text) {
  if (!/[\u3040-\u30ff\u3400-\u9fff]/.test(text)) return [text];
  parser ??= loadDefaultJapaneseParser();
  return parser.parse(text);
}

/** Elements whose Japanese text breaks between phrases (course.css says how). */
const phrased = new Set(['h1', 'h2', 'h3', 'h4', 'figcaption']);
/** Text left whole: code and what is already marked as another language. */
const whole = new Set(['code', 'kbd', 'pre', 'script', 'style']);

/**
 * @typedef {{ type: string, value?: string, tagName?: string, properties?: Record<string, unknown>, children?: Node[] }} Node
 */

/**
 * @param {Node} node
 * @param {boolean} inside
 */
function walk(node, inside) {
  if (!node.children) return;
  const next = [];
  for (const child of node.children) {
    if (inside && child.type === 'text' && child.value) {
      phrases(child.value).forEach((part, i) => {
        if (i > 0) next.push({ type: 'element', tagName: 'wbr', properties: {}, children: [] });
        next.push({ type: 'text', value: part });
      });
      continue;
    }
    if (child.type === 'element' && child.tagName) {
      const lang = child.properties?.lang;
      const skip = whole.has(child.tagName) || (typeof lang === 'string' && lang !== 'ja');
      if (!skip) walk(child, inside || phrased.has(child.tagName));
    }
    next.push(child);
  }
  node.children = next;
}

/**
 * The element with a <wbr> between the phrases of its Japanese text; null when
 * nothing changed.
 * @param {Node} node
 * @returns {Node | null}
 */
export function phrasedElement(node) {
  const copy = plain(node);
  walk(copy, true);
  return JSON.stringify(copy) === JSON.stringify(plain(node)) ? null : copy;
}

/**
 * A plain copy of a hast node: Sätteri hands plugins objects that
 * structuredClone cannot copy.
 * @param {Node} node
 * @returns {Node}
 */
function plain(node) {
  /** @type {Node} */
  const copy = { type: node.type };
  if (node.tagName !== undefined) copy.tagName = node.tagName;
  if (node.value !== undefined) copy.value = node.value;
  if (node.properties !== undefined) copy.properties = { ...node.properties };
  if (node.children !== undefined) copy.children = node.children.map(plain);
  return copy;
}

/** A Japanese page of the course: content/docs outside en/. */
function japanesePage(/** @type {string} */ path) {
  const p = path.replaceAll('\\', '/');
  return /\/content\/docs\//.test(p) && !/\/content\/docs\/en\//.test(p);
}

/**
 * A hast plugin for Sätteri, Astro 7's Markdown and MDX processor
 * (astro.config.mjs): headings and captions of the Japanese pages get a <wbr>
 * between phrases.
 * @param {{ fileURL?: URL }} file
 */
export function satteriPhrases({ fileURL }) {
  if (!fileURL || !japanesePage(decodeURIComponent(fileURL.pathname))) return undefined;
  return {
    name: 'routelab-phrases',
    element: {
      filter: [...phrased],
      /** @param {Node} node */
      visit(node) {
        return phrasedElement(node) ?? undefined;
      },
    },
  };
}
