// The exercise workspace once it is on screen: Monaco on the learner's text,
// the engine grading in a worker as they type, results and the failing
// request's hops (results.ts), and controls that never lose their text.
// Everything the learner typed or the engine said is put on the page as
// text, never as HTML.

import type { Exercise } from '../../course/exercises/schema.ts';
import { exerciseVariant } from '../../course/exercises/variants.ts';
import { loadEngineWords } from '../../i18n/engine/index.ts';
import { type Locale, loadUi, toLocale, type UiMessages } from '../../i18n/index.ts';
import { $ } from '../dom.ts';
import { downloadText } from '../download.ts';
import { attachDiagnostics } from '../editor/markers.ts';
import { editorTheme, monaco, replaceAll } from '../editor/monaco.ts';
import { openEditor } from '../editor/open.ts';
// The saved answer, its revisions and earlier versions (../storage/).
import { keepOnPage } from '../storage/attach.ts';
import { answerSlot } from '../storage/keys.ts';
import { markCompleted } from '../storage/progress.ts';
import { SavedTab } from '../storage/tab.ts';
import { EngineClient } from '../worker/client.ts';
import type { GradeReply, GradeRequest } from './grade.worker.ts';
import { GradeView } from './results.ts';

// Short enough that a verdict follows a keystroke within ~150 ms (grading an
// exercise takes a few milliseconds in the worker); long enough that a burst
// of typing is graded once, not per key. `npm run bench` measures the result.
const gradeDelayMs = 60;

/**
 * Keystroke to verdict on screen, for `npm run bench`: from the latest edit
 * to the frame that shows its grade. One mark and one measure are kept, so an
 * hour of typing leaves nothing behind.
 */
function markEdit(): void {
  performance.clearMarks('routelab:edit');
  performance.mark('routelab:edit');
}

function measureVerdict(): void {
  if (performance.getEntriesByName('routelab:edit').length === 0) return;
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (performance.getEntriesByName('routelab:edit').length === 0) return;
      performance.clearMeasures('routelab:verdict');
      performance.measure('routelab:verdict', 'routelab:edit');
      performance.clearMarks('routelab:edit');
    }),
  );
}
/** A grade that takes longer means the engine is stuck: the worker is replaced. */
const gradeTimeoutMs = 8000;

function downloadName(id: string): string {
  return `${id}.yaml`;
}

/** The file a learner downloads: a header naming the exercise, then their text. */
export function answerFile(exercise: Exercise, text: string): string {
  const header = `# Routelab exercise: ${exercise.id} — ${exercise.title.en}\n# Grade: npx routelab grade ${exercise.id} ${downloadName(exercise.id)}\n`;
  return text.startsWith('# Routelab exercise:') ? text : header + text;
}

type Editor = monaco.editor.IStandaloneCodeEditor;
type Say = (text: string, kind?: 'info' | 'warning') => void;

/**
 * The solution against the learner's own text, as Monaco's diff editor shows
 * it: theirs (the live model, so the diff follows their typing) on the left or
 * in red, the solution on the right or in green. Read-only: the answer is
 * still theirs to write.
 */
function solutionDiff(
  box: HTMLElement,
  yours: monaco.editor.ITextModel,
  solution: string,
): monaco.editor.IStandaloneDiffEditor {
  const lines = Math.max(yours.getLineCount(), solution.split('\n').length);
  box.style.height = `min(70vh, ${lines * 19 + 24}px)`;
  const diff = monaco.editor.createDiffEditor(box, {
    readOnly: true,
    originalEditable: false,
    automaticLayout: true,
    renderSideBySide: box.clientWidth >= 720,
    useInlineViewWhenSpaceIsLimited: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    renderOverviewRuler: false,
    theme: editorTheme(),
  });
  diff.setModel({ original: yours, modified: monaco.editor.createModel(solution, 'yaml') });
  return diff;
}

/** The toolbar's buttons, by their data-action. */
function toolbar(
  root: HTMLElement,
  editor: Editor,
  exercise: Exercise,
  locale: Locale,
  t: UiMessages['exercise'],
  say: Say,
  tab: SavedTab,
): Record<string, () => void | Promise<void>> {
  const model = editor.getModel();
  if (!model) throw new Error('the editor has no model');
  let hintsShown = 0;
  let diff: monaco.editor.IStandaloneDiffEditor | null = null;
  return {
    reset() {
      if (!window.confirm(t.resetConfirm)) return;
      // Kept in the history too: Ctrl+Z does not survive a reload.
      tab.remember('reset');
      replaceAll(editor, exercise.starter, 'reset');
    },
    hint() {
      const section = $(root, '.rl-hints');
      const hint = exercise.hints[hintsShown];
      if (!hint) {
        say(t.noMoreHints);
        return;
      }
      const li = document.createElement('li');
      li.textContent = hint[locale];
      $(section, 'ol').append(li);
      section.hidden = false;
      hintsShown++;
    },
    solution() {
      if (!window.confirm(t.solutionConfirm)) return;
      const section = $(root, '.rl-solution');
      $(section, 'pre').textContent = exercise.solution;
      section.hidden = false;
      if (!diff) diff = solutionDiff($(section, '.rl-solution-diff'), model, exercise.solution);
    },
    download() {
      const text = answerFile(exercise, model.getValue());
      downloadText(downloadName(exercise.id), text, 'application/yaml');
    },
    async copy() {
      try {
        await navigator.clipboard.writeText(model.getValue());
        say(t.copied);
      } catch {
        editor.focus();
        editor.setSelection(model.getFullModelRange());
      }
    },
  };
}

/** Mounts the workspace; the editor is returned so the page can put the caret in it. */
// size: wires the exercise page in one place: editor, checks, hints and results share its state.
export async function mount(root: HTMLElement): Promise<{
  focus(): void;
  setPosition(position: { lineNumber: number; column: number }): void;
}> {
  // The learner's variant (variant-view.ts chose it as the page loaded).
  const exercise = exerciseVariant(
    JSON.parse(root.dataset.exercise ?? '{}') as Exercise,
    Number(root.dataset.variant ?? 0) || 0,
  );
  const locale = toLocale(root.dataset.lang);
  const [words, engineWords] = await Promise.all([loadUi(locale), loadEngineWords(locale)]);
  const t = words.exercise;
  const status = $(root, '.rl-status');
  const say: Say = (text, kind = 'info') => {
    status.textContent = text;
    status.dataset.kind = kind;
  };
  const tab = new SavedTab(answerSlot(exercise.id));
  // The learner's saved text, else the starter, in place of the highlighted starter.
  const { editor, model } = await openEditor(root, {
    text: tab.load()?.value ?? exercise.starter,
    uri: `file:///exercises/${exercise.id}/answer.yaml`,
    staticSelector: '.rl-static',
    needsEditor: '.rl-toolbar, .rl-keys',
    label: root.dataset.editorLabel ?? exercise.id,
  });
  say('');

  const showMarkers = attachDiagnostics(model, words.editor, engineWords.say);
  const view = new GradeView(root, exercise, locale, t, engineWords, words.diagrams.names);
  // Grading, off the main thread, a little after the learner stops typing.
  const engine = new EngineClient<GradeRequest, GradeReply>({
    create: () => new Worker(new URL('./grade.worker.ts', import.meta.url), { type: 'module' }),
    question: () => ({ exercise, text: model.getValue(), locale }),
    onAsk: () => {
      $(root, '.rl-summary').textContent = t.checking;
    },
    onAnswer: (reply) => {
      showMarkers(reply.diagnostics);
      view.show(reply.grade, reply.topology, reply.goal);
      // The sidebar's mark (overrides/Sidebar.astro) follows at once.
      if (reply.grade.passed && !markCompleted(exercise.id))
        window.dispatchEvent(new Event('rl-progress'));
      measureVerdict();
    },
    onError: (why) => say(`${t.engineError}: ${why}`, 'warning'),
    delayMs: gradeDelayMs,
    timeoutMs: gradeTimeoutMs,
  });
  const run = () => engine.run();

  // Typing: save at once, grade a little later. A timer or pagehide would lose
  // the last keystrokes when the browser is closed or killed in between; a
  // manifest is a few kilobytes, which localStorage writes in microseconds.
  model.onDidChangeContent(() => {
    // Saves, or reports another tab's newer text or a storage failure (keepOnPage).
    tab.changed();
    markEdit();
    engine.schedule();
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, run);

  const tools = toolbar(root, editor, exercise, locale, t, say, tab);
  const actions = { run, ...tools };
  // Another tab's newer text, earlier versions and storage failures, in the workspace.
  keepOnPage(
    tab,
    {
      read: () => model.getValue(),
      write: (value) => replaceAll(editor, value, 'storage'),
    },
    {
      locale,
      strings: words.keep,
      after: status,
      menuIn: $(root, '.rl-toolbar'),
      say: (text) => say(text),
      download: () => void tools['download']?.(),
    },
    true,
  );
  $(root, '.rl-results').addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-route-check]');
    if (view.choose(button?.dataset.routeCheck ?? ''))
      $(root, '.rl-trace').scrollIntoView({ block: 'nearest' });
  });
  $(root, '.rl-toolbar').addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    const action = button?.dataset.action as keyof typeof actions | undefined;
    if (action && actions[action]) void actions[action]();
  });
  run();
  return editor;
}
