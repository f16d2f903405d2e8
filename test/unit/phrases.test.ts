// Japanese headings break between phrases in every browser: the build puts a
// <wbr> between BudouX's phrases in headings and captions of Japanese pages.
import { describe, expect, it } from 'vitest';
import { phrases, satteriPhrases } from '../../src/course/phrases.mjs';

type Node = {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
};
const text = (value: string): Node => ({ type: 'text', value });
const el = (tagName: string, children: Node[], properties = {}): Node => ({
  type: 'element',
  tagName,
  properties,
  children,
});
/** The element's text with a | where a <wbr> is. */
const shown = (node: Node): string =>
  node.type === 'text'
    ? (node.value ?? '')
    : node.tagName === 'wbr'
      ? '|'
      : (node.children ?? []).map(shown).join('');
/** What the build does to each heading and caption of the page at `path`. */
const run = (tree: Node, path: string): Node => {
  const plugin = satteriPhrases({ fileURL: new URL(`file://${path}`) });
  const visit = (node: Node): Node => {
    const children = (node.children ?? []).map(visit);
    const here = { ...node, ...(node.children ? { children } : {}) };
    if (!plugin || !node.tagName || !plugin.element.filter.includes(node.tagName)) return here;
    return plugin.element.visit(here) ?? here;
  };
  return visit(tree);
};

describe('phrases', () => {
  it('splits a Japanese heading between phrases, never inside a word', () => {
    const parts = phrases('リクエストはどうやって Pod に届くか');
    expect(parts.join('')).toBe('リクエストはどうやって Pod に届くか');
    expect(parts.length).toBeGreaterThan(2);
    // "どうやって" is one phrase: no break between どうや and って.
    expect(parts.some((p) => p.includes('どうやって'))).toBe(true);
  });

  it('leaves text with no Japanese whole', () => {
    expect(phrases('type=ClusterIP and kube-proxy')).toEqual(['type=ClusterIP and kube-proxy']);
  });
});

describe('the build’s hast plugin', () => {
  const page = () =>
    el('root', [
      el('h2', [text('ノードの外からは届かない理由'), el('code', [text('ClusterIPとは何か')])]),
      el('p', [text('本文は段落のまま折り返しますので変えません')]),
      el('figure', [el('figcaption', [text('クラスターの外のクライアントから送ったリクエスト')])]),
    ]);

  it('puts a <wbr> between phrases in headings and captions of a Japanese page', () => {
    const tree = run(page(), '/repo/content/docs/chapters/clusterip.mdx');
    const [h2, p, figure] = tree.children ?? [];
    expect(shown(h2 as Node)).toContain('|');
    expect(shown(h2 as Node).replaceAll('|', '')).toBe(
      'ノードの外からは届かない理由ClusterIPとは何か',
    );
    // Code keeps its text whole; paragraphs are left to the browser.
    expect(shown((h2 as Node).children?.at(-1) as Node)).toBe('ClusterIPとは何か');
    expect(shown(p as Node)).not.toContain('|');
    expect(shown(figure as Node)).toContain('|');
  });

  it('changes nothing on an English page', () => {
    const tree = run(page(), '/repo/content/docs/en/chapters/clusterip.mdx');
    expect(JSON.stringify(tree)).toBe(JSON.stringify(page()));
  });
});
