// What the learner sees of their saved text: a panel with both versions when
// another tab changed it, a menu of earlier versions, and a notice with a
// download when storage fails. Built with text nodes only: saved text is the
// learner's (or a link's) data, never markup.

import type { UiMessages } from '../../i18n/index.ts';
import { el } from '../dom.ts';
import type { Entry } from './history.ts';
import type { Failure } from './local.ts';

export type KeepStrings = UiMessages['keep'];

export const timeText = (iso: string, locale: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
};

let ids = 0;

/** Both versions side by side, with a button for each; hidden until a conflict. */
export class ConflictPanel {
  readonly element = el('section', '', 'rl-keep-conflict');
  private readonly theirs = el('pre');
  private readonly mine = el('pre');
  private readonly theirsTitle = el('h3');
  private readonly t: KeepStrings;
  private readonly locale: string;

  constructor(t: KeepStrings, locale: string, choose: (which: 'theirs' | 'mine') => void) {
    this.t = t;
    this.locale = locale;
    const id = `rl-keep-conflict-${++ids}`;
    const title = el('h2', t.otherTabTitle);
    title.id = id;
    this.element.setAttribute('aria-labelledby', id);
    this.element.hidden = true;
    const theirsBox = el('div', '', 'rl-keep-version');
    theirsBox.append(this.theirsTitle, this.theirs);
    const mineBox = el('div', '', 'rl-keep-version');
    mineBox.append(el('h3', t.thisTabText), this.mine);
    for (const pre of [this.theirs, this.mine]) pre.tabIndex = 0;
    const use = el('button', t.useTheirs);
    use.type = 'button';
    use.dataset.keep = 'theirs';
    use.addEventListener('click', () => choose('theirs'));
    const keep = el('button', t.keepMine);
    keep.type = 'button';
    keep.dataset.keep = 'mine';
    keep.addEventListener('click', () => choose('mine'));
    const versions = el('div', '', 'rl-keep-versions');
    versions.append(theirsBox, mineBox);
    const buttons = el('div', '', 'rl-keep-buttons');
    buttons.append(use, keep);
    this.element.append(title, el('p', t.notChosenKept), versions, buttons);
  }

  show(mine: string, theirs: string, at: string): void {
    this.theirsTitle.textContent = this.t.otherTabText(timeText(at, this.locale));
    this.theirs.textContent = theirs;
    this.mine.textContent = mine;
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
  }
}

/** A button that opens the list of earlier versions, each with Restore. */
export class HistoryMenu {
  readonly button = el('button', '', 'rl-keep-history-button');
  readonly list = el('ul', '', 'rl-keep-history');
  private readonly t: KeepStrings;
  private readonly locale: string;
  private readonly show: (value: string) => string;
  private readonly entries: () => Entry[];
  private shown: Entry[] = [];

  constructor(
    t: KeepStrings,
    locale: string,
    show: (value: string) => string,
    entries: () => Entry[],
    restore: (entry: Entry) => void,
  ) {
    this.t = t;
    this.locale = locale;
    this.show = show;
    this.entries = entries;
    const id = `rl-keep-history-${++ids}`;
    this.list.id = id;
    this.list.hidden = true;
    this.list.setAttribute('aria-label', t.historyLabel);
    this.button.type = 'button';
    this.button.setAttribute('aria-expanded', 'false');
    this.button.setAttribute('aria-controls', id);
    this.button.addEventListener('click', () => this.toggle(this.list.hidden !== false));
    this.list.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      this.toggle(false);
      this.button.focus();
    });
    this.list.addEventListener('click', (event) => {
      const b = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-entry]');
      const entry = b && this.shown[Number(b.dataset.entry)];
      if (!b || !entry) return;
      restore(entry);
      this.toggle(false);
      this.button.focus();
    });
    this.refresh();
  }

  refresh(): void {
    this.shown = this.entries();
    this.button.textContent = this.t.historyButton(this.shown.length);
    if (!this.list.hidden) this.fill();
  }

  private fill(): void {
    if (this.shown.length === 0) {
      this.list.replaceChildren(el('li', this.t.historyEmpty));
      return;
    }
    this.list.replaceChildren(
      ...this.shown.map((entry, i) => {
        const li = el('li');
        const text = this.show(entry.value);
        const lines = text === '' ? 0 : text.split('\n').length;
        const label = el(
          'span',
          this.t.entry(this.t.reasons[entry.reason], timeText(entry.at, this.locale), lines),
        );
        const b = el('button', this.t.restore);
        b.type = 'button';
        b.dataset.entry = String(i);
        label.id = `${this.list.id}-${i}`;
        b.setAttribute('aria-describedby', label.id);
        const preview = el('pre', text.split('\n').slice(0, 3).join('\n'));
        preview.setAttribute('aria-hidden', 'true');
        li.append(label, ' ', b, preview);
        return li;
      }),
    );
  }

  private toggle(open: boolean): void {
    this.shown = this.entries();
    this.list.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    if (!open) return;
    this.fill();
    this.list.querySelector<HTMLButtonElement>('button')?.focus();
  }
}

/** The failure notice: what happened, and the learner's text as a file. */
export function failureNotice(t: KeepStrings, download: () => void) {
  const box = el('p', '', 'rl-keep-failure');
  box.setAttribute('role', 'alert');
  box.hidden = true;
  const text = el('span');
  const button = el('button', t.download);
  button.type = 'button';
  button.addEventListener('click', download);
  box.append(text, ' ', button);
  return {
    element: box,
    show(failure: Failure) {
      text.textContent = t.failed[failure];
      box.hidden = false;
    },
  };
}
