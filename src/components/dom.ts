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
