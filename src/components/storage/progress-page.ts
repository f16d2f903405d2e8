// The progress page's script: what is done, how long the browser keeps it,
// and the progress as a file — exported, or imported with the learner
// choosing, answer by answer, where this browser and the file differ.

import { loadUi, toLocale, type UiMessages } from '../../i18n/index.ts';
import { el } from '../dom.ts';
import { downloadText } from '../download.ts';
import {
  applyImport,
  type Choice,
  exportFile,
  maxBytes,
  type Plan,
  planImport,
  type Report,
} from '../exercise/progress-file.ts';
import { learnerKey } from './keys.ts';
import { blocked, writeKey } from './local.ts';
import { migrateOnce } from './migrate.ts';
import { persistRecord, persistState } from './persist.ts';
import { learnerName, loadProgress } from './progress.ts';
import { timeText } from './ui.ts';

type Words = UiMessages['importing'];

/** What an import did, in sentences; every count is of what really happened. */
export function reportText(w: Words, r: Report): string {
  const list = (ids: string[]) => ids.slice(0, 5).join(', ') + (ids.length > 5 ? ', …' : '');
  const parts = [w.imported(r.completed, r.filled, r.replaced)];
  if (r.replaced) parts.push(w.replacedKept);
  if (r.kept) parts.push(w.kept(r.kept));
  if (r.same) parts.push(w.same(r.same));
  const { unknown, forbidden, invalid } = r.refused;
  if (unknown.length) parts.push(w.unknownIds(unknown.length, list(unknown)));
  if (forbidden.length) parts.push(w.forbidden(forbidden.length, list(forbidden)));
  if (invalid.length) parts.push(w.invalid(invalid.length, list(invalid)));
  if (r.failed) parts.push(w.failed(r.failed));
  return parts.join(' ');
}

/** One row of the choice list: the exercise, both dates, and two radio buttons. */
function choiceRow(w: Words, locale: string, choice: Choice, title: string): HTMLTableRowElement {
  const tr = el('tr');
  const date = (at: string | null, newer: boolean) =>
    el('td', `${at ? timeText(at, locale) : w.unknownDate}${newer ? w.newer : ''}`);
  const name = `rl-take-${choice.incoming.id}`;
  const cell = el('td');
  for (const [value, label] of [
    ['browser', w.keepBrowser],
    ['file', w.takeFile],
  ] as const) {
    const l = el('label');
    const radio = el('input');
    radio.type = 'radio';
    radio.name = name;
    radio.value = value;
    // The newer one is chosen to begin with; nothing happens until the learner applies.
    radio.checked = value === (choice.newer === 'file' ? 'file' : 'browser');
    l.append(radio, ` ${label}`);
    cell.append(l, ' ');
  }
  const th = el('th', title);
  th.scope = 'row';
  tr.append(
    th,
    date(choice.local.at, choice.newer === 'browser'),
    date(choice.incoming.at, choice.newer === 'file'),
    cell,
  );
  return tr;
}

function choiceForm(w: Words, locale: string, plan: Plan, titles: Map<string, string>) {
  const form = el('form');
  form.className = 'rl-import-choices';
  const fieldset = el('fieldset');
  const legend = el('legend', w.chooseTitle);
  legend.tabIndex = -1;
  const table = el('table');
  const head = el('tr');
  for (const h of [w.exercise, w.browserDate, w.fileDate, w.choose]) {
    const th = el('th', h);
    th.scope = 'col';
    head.append(th);
  }
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const c of plan.choices)
    body.append(choiceRow(w, locale, c, titles.get(c.incoming.id) ?? c.incoming.id));
  const apply = el('button', w.apply);
  apply.type = 'submit';
  const cancel = el('button', w.cancel);
  cancel.type = 'button';
  cancel.dataset.action = 'cancel-import';
  fieldset.append(legend, table, apply, ' ', cancel);
  form.append(fieldset);
  return { form, legend, cancel };
}

/** The learner's name or id, which travels in the exported file; this browser remembers it. */
function learnerField(root: HTMLElement): HTMLInputElement | null {
  const learner = root.querySelector<HTMLInputElement>('input[name="learner"]');
  if (learner) {
    learner.value = learnerName();
    learner.addEventListener('change', () => writeKey(learnerKey, learner.value.trim()));
  }
  return learner;
}

export async function mountProgress(root: HTMLElement): Promise<void> {
  const locale = toLocale(root.dataset.lang);
  // The buttons listen before the words have loaded: a file chosen in that
  // moment is imported once they arrive instead of being dropped unseen.
  const loading = loadUi(locale);
  migrateOnce();
  const message = root.querySelector<HTMLElement>('.rl-progress-message');
  const choices = root.querySelector<HTMLElement>('.rl-progress-choices');
  const tell = (text: string) => {
    if (message) message.textContent = text;
  };
  const items = [...root.querySelectorAll<HTMLElement>('[data-progress-for]')];
  const ids = items.map((li) => li.dataset.progressFor ?? '');
  const titles = new Map(
    items.map((li) => [li.dataset.progressFor ?? '', li.querySelector('a')?.textContent ?? '']),
  );
  const render = async () => renderProgress(root, (await loading).progress);

  const learner = learnerField(root);
  root.querySelector('[data-action="export"]')?.addEventListener('click', async () => {
    const w = (await loading).importing;
    const text = exportFile(learner?.value ?? '');
    if (text === null) return tell(w.blocked);
    downloadText('routelab-progress.json', text, 'application/json');
  });

  const finish = (w: Words, plan: Plan, take: Set<string>) => {
    tell(reportText(w, applyImport(plan, take)));
    choices?.replaceChildren();
    if (choices) choices.hidden = true;
    void render();
  };
  root
    .querySelector<HTMLInputElement>('[data-action="import"]')
    ?.addEventListener('change', async (event) => {
      const input = event.target as HTMLInputElement;
      const file = input.files?.[0];
      input.value = '';
      if (!file) return;
      const w = (await loading).importing;
      // Before reading: a huge file is refused without holding it in memory.
      if (file.size > maxBytes) return tell(w.tooBig(maxBytes / 1024 / 1024));
      const plan = planImport(await file.text(), ids);
      if (plan === 'too-big') return tell(w.tooBig(maxBytes / 1024 / 1024));
      if (plan === 'not-progress') return tell(w.notProgress);
      if (plan.choices.length === 0 || !choices) return finish(w, plan, new Set());
      const named = new Map([...titles, ['playground', w.playground]]);
      const { form, legend, cancel } = choiceForm(w, locale, plan, named);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const data = new FormData(form);
        finish(
          w,
          plan,
          new Set(
            plan.choices
              .map((c) => c.incoming.id)
              .filter((id) => data.get(`rl-take-${id}`) === 'file'),
          ),
        );
      });
      cancel.addEventListener('click', () => {
        choices.replaceChildren();
        choices.hidden = true;
        tell(w.cancelled);
      });
      tell('');
      choices.replaceChildren(form);
      choices.hidden = false;
      legend.focus();
    });

  const w = (await loading).importing;
  await render();
  if (blocked()) tell(w.blocked);
  void showPersist(root, w, locale);
}

/** How long this browser keeps what Routelab saves, as it says now. */
async function showPersist(root: HTMLElement, w: Words, locale: string) {
  const persist = root.querySelector<HTMLElement>('.rl-progress-persist');
  if (!persist) return;
  const state = await persistState();
  const asked = persistRecord();
  const now =
    state === 'granted'
      ? w.persistGranted
      : state === 'best-effort'
        ? w.persistBestEffort
        : w.persistUnsupported;
  persist.textContent =
    now +
    (asked ? w.persistAsked(timeText(asked.asked, locale), asked.granted) : w.persistNotAsked);
  persist.dataset.state = state;
}

/** Marks each exercise done or not, and the count. */
export function renderProgress(root: HTMLElement, words: UiMessages['progress']): void {
  const { completed } = loadProgress();
  let done = 0;
  for (const li of root.querySelectorAll<HTMLElement>('[data-progress-for]')) {
    const isDone = Boolean(completed[li.dataset.progressFor ?? '']);
    if (isDone) done++;
    li.dataset.state = isDone ? 'done' : 'todo';
    const mark = li.querySelector('.rl-progress-mark');
    const state = li.querySelector('.rl-progress-state');
    if (mark) mark.textContent = isDone ? '✓' : '○';
    if (state) state.textContent = isDone ? words.done : words.todo;
  }
  const count = root.querySelector<HTMLElement>('.rl-progress-count');
  if (count) count.textContent = words.count(done, Number(root.dataset.total ?? 0));
  const total = root.querySelector<HTMLProgressElement>('.rl-progress-total progress');
  if (total) {
    total.value = done;
    total.setAttribute('aria-valuetext', words.count(done, Number(root.dataset.total ?? 0)));
  }
  for (const chapter of root.querySelectorAll<HTMLElement>('.rl-progress-chapter')) {
    const rows = [...chapter.querySelectorAll<HTMLElement>('[data-progress-for]')];
    const n = rows.filter((li) => li.dataset.state === 'done').length;
    const bar = chapter.querySelector('progress');
    const text = words.count(n, rows.length);
    if (bar) {
      bar.value = n;
      bar.setAttribute('aria-valuetext', text);
    }
    const of = chapter.querySelector('.rl-progress-of');
    if (of) of.textContent = text;
  }
}
