// The islands find their elements in markup the site rendered; an element
// that is not there is a bug in that markup, said by its selector.

export function $<T extends HTMLElement = HTMLElement>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`the page's markup lacks ${selector}`);
  return el;
}

/** A new element holding text (as a text node, never markup) and a class. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text = '',
  cls = '',
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/**
 * Words as text, and what a program printed (kube-proxy's rules) as code in
 * English: a Japanese sentence quoting an iptables rule keeps the rule as the
 * node prints it, and a screen reader reads it as English.
 */
export function appendParts(parent: HTMLElement, parts: (string | { verbatim: string })[]): void {
  for (const part of parts) {
    if (typeof part === 'string') parent.append(part);
    else {
      const code = el('code', part.verbatim);
      code.lang = 'en';
      parent.append(code);
    }
  }
}
