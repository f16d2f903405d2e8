// The exercise workspace once it is on screen: Monaco on the learner's text,
// the engine grading in a worker as they type, results and the failing
// request's hops, and controls that never lose their text. Everything the
// learner typed or the engine said is put on the page as text, never as HTML.
import type { Diagnostic } from '../../engine/diagnostics.ts';
import type { CheckResult, Exercise, Grade, Locale } from '../../engine/exercises/types.ts';
import { drawRoute } from '../diagrams/route.ts';
import '../diagrams/route.css';
import '../diagrams/topology.css';
import { layoutRoute } from '../diagrams/route-layout.ts';
import { drawTopology } from '../diagrams/topology.ts';
import { routeMarks, type TopologyLayout } from '../diagrams/topology-layout.ts';
// storage hook (issue 18): the saved answer, its revisions and history.
import { keepOnPage } from '../storage/attach.ts';
import { answerSlot } from '../storage/keys.ts';
import { SavedTab } from '../storage/tab.ts';
import { attachDiagnostics } from './markers.ts';
import { configureYaml, editorTheme, monaco } from './monaco.ts';
import { markCompleted } from './storage.ts';
import { type Strings, strings } from './strings.ts';

interface Reply {
  seq: number;
  grade?: Grade;
  diagnostics?: Diagnostic[];
  topology?: TopologyLayout;
  error?: string;
}

const gradeDelayMs = 400;
/** A grade that takes longer means the engine is stuck: the worker is replaced. */
const gradeTimeoutMs = 8000;

function $(root: HTMLElement, selector: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`exercise markup lacks ${selector}`);
  return el;
}

function downloadName(id: string): string {
  return `${id}.yaml`;
}

/** The file a learner downloads: a header naming the exercise, then their text. */
export function answerFile(exercise: Exercise, text: string): string {
  const header = `# Routelab exercise: ${exercise.id} — ${exercise.title.en}\n# Grade: npx routelab grade ${exercise.id} ${downloadName(exercise.id)}\n`;
  return text.startsWith('# Routelab exercise:') ? text : header + text;
}

/** Mounts the workspace; the editor is returned so the page can put the caret in it. */
export async function mount(root: HTMLElement): Promise<{ focus(): void }> {
  const exercise = JSON.parse(root.dataset.exercise ?? '{}') as Exercise;
  const locale: Locale = root.dataset.lang === 'en' ? 'en' : 'ja';
  const t: Strings = strings[locale];
  const status = $(root, '.rl-status');
  const setStatus = (text: string, kind: 'info' | 'warning' = 'info') => {
    status.textContent = text;
    status.dataset.kind = kind;
  };

  await configureYaml(root.dataset.schema ?? '/schema/kubernetes.json');
  const tab = new SavedTab(answerSlot(exercise.id)); // storage hook
  const saved = tab.load()?.value ?? null; // storage hook
  const model = monaco.editor.createModel(
    saved ?? exercise.starter,
    'yaml',
    monaco.Uri.parse(`file:///exercises/${exercise.id}/answer.yaml`),
  );
  const host = $(root, '.rl-editor');
  host.hidden = false;
  $(root, '.rl-static').hidden = true;
  $(root, '.rl-toolbar').hidden = false;
  $(root, '.rl-keys').hidden = false;
  const editor = monaco.editor.create(host, {
    model,
    theme: editorTheme(),
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    tabSize: 2,
    ariaLabel: root.dataset.editorLabel ?? exercise.id,
    fixedOverflowWidgets: true,
    // In YAML most words are plain scalars, which Monaco counts as strings.
    quickSuggestions: { other: true, strings: true, comments: false },
    // Enter still ends a line when the suggestion is what was typed.
    acceptSuggestionOnEnter: 'smart',
  });
  setStatus('');

  // Grading, off the main thread; stale answers are dropped by sequence number.
  let worker = newWorker();
  let seq = 0;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  function newWorker(): Worker {
    const w = new Worker(new URL('./grade.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<Reply>) => onReply(event.data);
    return w;
  }
  const showMarkers = attachDiagnostics(model, t);

  function run() {
    seq++;
    clearTimeout(watchdog);
    $(root, '.rl-summary').textContent = t.checking;
    worker.postMessage({ seq, exercise, text: model.getValue(), locale });
    watchdog = setTimeout(() => {
      worker.terminate();
      worker = newWorker();
      setStatus(`${t.engineError}: timeout`, 'warning');
    }, gradeTimeoutMs);
  }

  let lastGrade: Grade | null = null;
  let lastTopology: TopologyLayout | null = null;
  let shownCheck = '';

  function onReply(reply: Reply) {
    if (reply.seq !== seq) return;
    clearTimeout(watchdog);
    if (reply.error || !reply.grade) {
      setStatus(`${t.engineError}: ${reply.error ?? ''}`, 'warning');
      return;
    }
    showMarkers(reply.diagnostics ?? []);
    lastGrade = reply.grade;
    lastTopology = reply.topology ?? null;
    showGrade(reply.grade);
  }

  function showGrade(grade: Grade) {
    for (const result of grade.checks) showCheck(result);
    $(root, '.rl-summary').textContent = grade.passed
      ? t.allPassed
      : t.passedOf(grade.score, grade.maxScore);
    // The route drawn: the first failing request's, else the one the learner chose.
    const withTrace = grade.checks.filter((c) => c.trace);
    const failed = withTrace.find((c) => !c.passed);
    const chosen = withTrace.find((c) => c.id === shownCheck);
    showRoute(failed ?? chosen ?? withTrace[0]);
    if (grade.passed) {
      markCompleted(exercise.id);
      document.dispatchEvent(new CustomEvent('routelab:progress'));
    }
  }

  function showRoute(result: CheckResult | undefined) {
    shownCheck = result?.id ?? '';
    showTrace(result);
    if (lastTopology) showTopology(lastTopology, result);
    for (const button of root.querySelectorAll<HTMLButtonElement>('[data-route-check]'))
      button.setAttribute('aria-pressed', String(button.dataset.routeCheck === shownCheck));
  }

  function showCheck(result: CheckResult) {
    const li = root.querySelector<HTMLElement>(`li[data-check-id="${CSS.escape(result.id)}"]`);
    if (!li) return;
    li.dataset.state = result.passed ? 'pass' : 'fail';
    $(li, '.rl-mark').textContent = result.passed ? '✓' : '✗';
    $(li, '.rl-sr-state').textContent = result.passed ? ' ✓' : ' ✗';
    const check = exercise.checks.find((c) => c.id === result.id);
    const title = check?.title[locale] ?? '';
    // The message repeats the title; the list already shows it.
    const message = result.message.startsWith(`${title}: `)
      ? result.message.slice(title.length + 2)
      : result.passed
        ? ''
        : result.message;
    $(li, '.rl-message').textContent = result.passed ? '' : message;
    const button = li.querySelector<HTMLButtonElement>('[data-route-check]');
    if (button) button.hidden = !result.trace;
  }

  function showTopology(layout: TopologyLayout, result: CheckResult | undefined) {
    const shown = result?.trace;
    const onRoute = new Set(shown ? routeMarks(shown) : []);
    const pods = layout.nodes.reduce((n, node) => n + node.pods.length + node.hidden, 0);
    $(root, '.rl-cluster').hidden = false;
    drawTopology(
      $(root, '.rl-topology'),
      layout,
      t.clusterLabel(layout.nodes.length, pods, layout.services.length),
      onRoute,
    );
  }

  function showTrace(result: CheckResult | undefined) {
    const section = $(root, '.rl-trace');
    const list = $(section, 'ol');
    list.replaceChildren();
    if (!result?.trace) {
      section.hidden = true;
      return;
    }
    const { request, hops } = result.trace;
    const check = exercise.checks.find((c) => c.id === result.id);
    $(section, '.rl-trace-check').textContent = t.routeOf(check?.title[locale] ?? result.id);
    drawRoute(
      $(section, '.rl-route'),
      layoutRoute(result.trace),
      `${t.traceTitle}: ${request.method} ${request.to} — ${result.trace.outcome}`,
    );
    const head = document.createElement('li');
    head.textContent = `${request.method} ${request.to} (${request.from})`;
    list.append(head);
    for (const hop of hops) {
      const li = document.createElement('li');
      const packet = hop.packet ? `  [${hop.packet.src} → ${hop.packet.dst}]` : '';
      li.textContent = `${hop.kind} @ ${hop.at}: ${hop.detail}${packet}`;
      list.append(li);
    }
    const end = document.createElement('li');
    end.textContent = result.trace.reason;
    list.append(end);
    section.hidden = false;
  }

  // Typing: save at once, grade a little later. A timer or pagehide would lose
  // the last keystrokes when the browser is closed or killed in between; a
  // manifest is a few kilobytes, which localStorage writes in microseconds.
  let gradeTimer: ReturnType<typeof setTimeout> | undefined;
  model.onDidChangeContent(() => {
    tab.changed(); // storage hook: saves, or reports a conflict or a failure
    clearTimeout(gradeTimer);
    gradeTimer = setTimeout(run, gradeDelayMs);
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, run);

  let hintsShown = 0;
  const actions: Record<string, () => void | Promise<void>> = {
    run,
    reset() {
      if (!window.confirm(t.resetConfirm)) return;
      tab.remember('reset'); // storage hook: the text survives a reload too
      // As an edit, so Ctrl+Z brings the learner's text back.
      editor.pushUndoStop();
      editor.executeEdits('reset', [{ range: model.getFullModelRange(), text: exercise.starter }]);
      editor.pushUndoStop();
    },
    hint() {
      const section = $(root, '.rl-hints');
      const hint = exercise.hints[hintsShown];
      if (!hint) {
        setStatus(t.noMoreHints);
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
    },
    download() {
      const blob = new Blob([answerFile(exercise, model.getValue())], { type: 'application/yaml' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = downloadName(exercise.id);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    },
    async copy() {
      try {
        await navigator.clipboard.writeText(model.getValue());
        setStatus(t.copied);
      } catch {
        editor.focus();
        editor.setSelection(model.getFullModelRange());
      }
    },
  };
  // storage hook: conflicts, earlier versions and failures shown in the workspace.
  keepOnPage(
    tab,
    {
      read: () => model.getValue(),
      write: (value) => {
        editor.pushUndoStop();
        editor.executeEdits('storage', [{ range: model.getFullModelRange(), text: value }]);
        editor.pushUndoStop();
      },
    },
    {
      locale,
      strings: t.keep,
      after: status,
      menuIn: $(root, '.rl-toolbar'),
      say: (text) => setStatus(text),
      download: () => void actions.download?.(),
    },
    true,
  );
  $(root, '.rl-results').addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-route-check]');
    const result = lastGrade?.checks.find((c) => c.id === button?.dataset.routeCheck);
    if (!result?.trace) return;
    showRoute(result);
    $(root, '.rl-trace').scrollIntoView({ block: 'nearest' });
  });
  $(root, '.rl-toolbar').addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    const action = button?.dataset.action;
    if (action && actions[action]) void actions[action]();
  });
  run();
  return editor;
}
