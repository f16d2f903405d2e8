// The sidebar's progress marks (overrides/Sidebar.astro): beside each chapter
// with an exercise done, "1/2" (a tick when all are), beside each exercise
// done, a tick; each with words for screen readers, the marks themselves
// hidden from them. Redrawn whole, so a mark follows progress both ways.
import { loadProgress } from './progress.ts';

/** A chapter's page -> its exercises, and what to say for 1..n of them done. */
export type SidebarChapters = Record<string, { ids: string[]; said: string[] }>;

const exerciseHref = /\/exercises\/([a-z0-9-]+)\/$/;

function mark(template: HTMLTemplateElement, shown: string, said: string): Node {
  const span = template.content.firstElementChild?.cloneNode(true) as HTMLElement;
  const [visible, spoken] = span.children;
  if (visible) visible.textContent = shown;
  if (spoken) spoken.textContent = said;
  return span;
}

export function markSidebar(doc: Document): void {
  const template = doc.querySelector<HTMLTemplateElement>('#rl-sidebar-done');
  if (!template) return;
  let chapters: SidebarChapters = {};
  try {
    chapters = JSON.parse(template.dataset.chapters ?? '{}') as SidebarChapters;
  } catch {
    // A page built without the table: exercises are still marked.
  }
  const { completed } = loadProgress();
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('#starlight__sidebar a[href]')) {
    for (const old of link.querySelectorAll('.rl-sidebar-done')) old.remove();
    const href = link.getAttribute('href') ?? '';
    const id = exerciseHref.exec(href)?.[1];
    if (id) {
      if (completed[id]) link.append(mark(template, '✓', template.dataset.done ?? ''));
      continue;
    }
    const chapter = chapters[href];
    if (!chapter) continue;
    const done = chapter.ids.filter((e) => completed[e]).length;
    if (done === 0) continue;
    const shown = done === chapter.ids.length ? '✓' : `${done}/${chapter.ids.length}`;
    link.append(mark(template, shown, chapter.said[done - 1] ?? ''));
  }
}
