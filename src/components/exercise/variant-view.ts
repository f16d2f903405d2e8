// Which variant of an exercise this learner sees (seeded variants, issue 19):
// the one their name or id gives (set on the progress page and remembered in
// this browser), or the one as written without one. Runs as the page loads,
// before the editor: every variant's task and starter are in the page, and
// only the learner's is shown; the island then grades that variant
// (root.dataset.variant). The grader builds the same one from the seed the
// exported progress file records.
import type { Exercise } from '../../course/exercises/schema.ts';
import {
  exerciseVariant,
  seedOf,
  variantCount,
  variantIndex,
} from '../../course/exercises/variants.ts';
import { loadUi, toLocale } from '../../i18n/index.ts';
import { learnerName } from '../storage/progress.ts';

export function showVariant(root: HTMLElement): void {
  const written = JSON.parse(root.dataset.exercise ?? '{}') as Exercise;
  const count = variantCount(written);
  if (count <= 1) return;
  const learner = learnerName();
  // No name: the exercise as written, as the page already shows it.
  if (!learner) return;
  const index = variantIndex(seedOf(learner), written.id, count);
  root.dataset.variant = String(index);
  const locale = toLocale(root.dataset.lang);
  for (const el of root.querySelectorAll<HTMLElement>(
    '.rl-task[data-variant], .rl-static [data-variant]',
  ))
    el.hidden = el.dataset.variant !== String(index);
  const shown = exerciseVariant(written, index);
  for (const check of shown.checks) {
    const title = root.querySelector(`li[data-check-id="${CSS.escape(check.id)}"] .rl-check-title`);
    if (title) title.textContent = check.title[locale];
  }
  const note = root.querySelector<HTMLElement>('.rl-variant');
  if (!note) return;
  void loadUi(locale).then((words) => {
    // The learner's own words: text, never markup.
    note.textContent = words.exercise.variantNote(index + 1, count, learner);
    note.hidden = false;
  });
}
