// The playground once loaded: Monaco on any YAML, a request builder, the
// engine in a worker, and every diagram of the result; fault switches that
// edit the Cluster document; scenarios; share links and files. Whatever the
// learner typed, a link carried or a file held is data: it reaches the page
// as text nodes and attribute values only. The parts live in their own
// modules: state.ts (the state and where it is kept), request-form.ts,
// results.ts, faults-panel.ts, files.ts; this one wires them together.
import { loadEngineWords } from '../../i18n/engine/index.ts';
import { loadUi, toLocale, type UiMessages } from '../../i18n/index.ts';
import { $ } from '../dom.ts';
import { attachDiagnostics } from '../editor/markers.ts';
import { monaco, replaceAll } from '../editor/monaco.ts';
import { openEditor } from '../editor/open.ts';
// The saved playground, its revisions and earlier versions (../storage/).
import { keepOnPage } from '../storage/attach.ts';
import { playgroundSlot } from '../storage/keys.ts';
import { SavedTab } from '../storage/tab.ts';
import { EngineClient } from '../worker/client.ts';
import type { Choices } from './choices.ts';
import { applyFault, type Fault } from './cluster-doc.ts';
import { showDiagnostics } from './diagnostics-list.ts';
import { FaultsPanel } from './faults-panel.ts';
import { downloadState, openFile, share } from './files.ts';
import { type PlaygroundReply, type PlaygroundRequest, question } from './protocol.ts';
import { RequestForm } from './request-form.ts';
import { showResults } from './results.ts';
import { parseStateValue, stateValue } from './share.ts';
import {
  emptyState,
  fromHash,
  fromScenario,
  type Linked,
  type PlaygroundState,
  type Scenario,
  stateFile,
} from './state.ts';

const runDelayMs = 350;
const engineTimeoutMs = 8000;

/** What every part of the mounted playground reaches for. */
interface Page {
  root: HTMLElement;
  words: UiMessages;
  t: UiMessages['playground'];
  scenarios: Scenario[];
  editor: monaco.editor.IStandaloneCodeEditor;
  model: monaco.editor.ITextModel;
  form: RequestForm;
  engine: EngineClient<PlaygroundRequest, PlaygroundReply>;
  say: (text: string, kind?: 'info' | 'warning') => void;
  tab: SavedTab;
  current: () => PlaygroundState;
  /** The learner changed something: keep it, and ask the engine a little later. */
  changed: () => void;
  /** A whole-text change as one edit, so Ctrl+Z brings the learner's text back. */
  replaceText: (text: string) => void;
}

// A link's state holds until the learner changes something; then a reload
// must bring their own text back, not the link's.
function dropHash() {
  if (window.location.hash)
    history.replaceState(null, '', window.location.pathname + window.location.search);
}

/**
 * A link's state, with what the page says about it; null when the link holds none.
 * A damaged link changes nothing: on opening, the saved playground (or, on a
 * first visit, an empty one) opens; in an open playground, the text stays.
 */
function linkedState(
  linked: Linked,
  t: UiMessages['playground'],
  say: Page['say'],
  saved: PlaygroundState | null,
  opening: boolean,
) {
  if (!linked) return null;
  if (linked.kind === 'broken') {
    say(saved || !opening ? t.badLinkKept(linked.why) : t.badLink(linked.why), 'warning');
    dropHash();
    return opening ? (saved ?? emptyState) : null;
  }
  if (linked.kind === 'state') say(t.restored);
  return linked.state;
}

/** The fault switches: each one rewrites the Cluster document, or says why it cannot. */
function faultsPanel(
  root: HTMLElement,
  now: () => { text: string; choices: Choices | null },
  replaceText: (text: string) => void,
  t: UiMessages['playground'],
  say: Page['say'],
): FaultsPanel {
  const faults = new FaultsPanel($(root, '.rl-pg-faults-body'), t, (fault: Fault) => {
    const { text, choices } = now();
    const result = applyFault(
      text,
      fault,
      (choices?.nodes ?? []).map((n) => n.name),
    );
    if ('error' in result) {
      say(t.faultError(result.error), 'warning');
      if (choices) faults.show(choices);
      return;
    }
    replaceText(result.text);
  });
  return faults;
}

// size: wires the playground page in one place: editor, scenarios, faults and results share its state.
export async function mount(root: HTMLElement): Promise<void> {
  const locale = toLocale(root.dataset.lang);
  const [words, engineWords] = await Promise.all([loadUi(locale), loadEngineWords(locale)]);
  const t = words.playground;
  const scenarios = JSON.parse(root.dataset.scenarios ?? '[]') as Scenario[];
  const message = $(root, '.rl-pg-message');
  const say: Page['say'] = (text, kind = 'info') => {
    message.textContent = text;
    message.dataset.kind = kind;
  };
  const tab = new SavedTab(playgroundSlot);
  const stored = tab.load();
  const saved = parseStateValue(stored?.value);
  // Where the first state comes from: a link, the last visit, or chapter 1's scenario.
  const linked = linkedState(await fromHash(window.location.hash, scenarios), t, say, saved, true);
  const state = linked ?? saved ?? (scenarios[0] ? fromScenario(scenarios[0]) : emptyState);

  // Monaco on the state's YAML, in place of the scenarios' static listing.
  const { editor, model } = await openEditor(root, {
    text: state.yaml,
    uri: 'file:///playground/playground.yaml',
    staticSelector: '.rl-pg-static',
    needsEditor: '[data-needs-editor]',
    label: root.dataset.editorLabel ?? 'YAML',
  });
  const showMarkers = attachDiagnostics(model, words.editor, engineWords.say);
  // The loading notice goes; a link's message stays.
  if (message.dataset.kind === undefined) say('');

  const form = new RequestForm(root, t);
  form.set(state);
  const current = () => form.read(model.getValue());
  let choices: Choices | null = null;
  const faults = faultsPanel(
    root,
    () => ({ text: model.getValue(), choices }),
    (text) => page.replaceText(text),
    t,
    say,
  );
  // The engine, off the main thread; only the latest change's answer is shown.
  const engine = new EngineClient<PlaygroundRequest, PlaygroundReply>({
    create: () =>
      new Worker(new URL('./playground.worker.ts', import.meta.url), { type: 'module' }),
    question: () => question(current(), locale),
    onAsk: () => {
      $(root, '.rl-pg-outcome').textContent = t.running;
    },
    onAnswer: (reply) => {
      choices = reply.choices;
      // A scenario's symbolic target becomes the address it stands for.
      if (reply.filledTo && form.to.value.includes('{')) form.to.value = reply.filledTo;
      showMarkers(reply.diagnostics);
      showDiagnostics(
        $(root, '.rl-pg-diagnostics'),
        reply.diagnostics,
        { ...t, ...words.editor },
        engineWords,
        (lineNumber, column) => {
          editor.setPosition({ lineNumber: Math.max(1, lineNumber), column: Math.max(1, column) });
          editor.revealLineInCenter(Math.max(1, lineNumber));
          editor.focus();
        },
      );
      form.offer(reply.choices, reply.rules?.node ?? '');
      faults.show(reply.choices);
      showResults(root, reply, words, engineWords);
    },
    onError: (why) => say(`${t.engineError}: ${why}`, 'warning'),
    delayMs: runDelayMs,
    timeoutMs: engineTimeoutMs,
  });
  const page: Page = {
    root,
    words,
    t,
    scenarios,
    editor,
    model,
    form,
    engine,
    say,
    tab,
    current,
    changed() {
      dropHash();
      // Saves, or reports another tab's newer state or a storage failure (keepOnPage).
      tab.changed();
      engine.schedule();
    },
    replaceText: (text) => replaceAll(editor, text, 'playground'),
  };
  keepSaved(page, linked === null || (saved !== null && linked === saved));
  // The saved playground a link replaces on screen stays one menu item away.
  if (linked && stored && linked !== saved) tab.remember('link', stored.value);
  listen(page);
  engine.run();
}

/** Another tab's newer state, earlier versions and storage failures, in the playground. */
function keepSaved(page: Page, showsStored: boolean): void {
  const { root, words, t, tab, form } = page;
  keepOnPage(
    tab,
    {
      read: () => stateValue(page.current()),
      write: (value) => {
        const next = parseStateValue(value);
        if (!next) return;
        // The form first: the edit's change event saves the whole state.
        form.set(next);
        page.replaceText(next.yaml);
      },
    },
    {
      locale: toLocale(root.dataset.lang),
      strings: { ...words.keep, otherTabTitle: t.otherTabTitle },
      after: $(root, '.rl-pg-message'),
      menuIn: $(root, '.rl-pg-bar'),
      say: (text) => page.say(text),
      download: () => downloadState(page.current()),
      show: (value) => {
        const s = parseStateValue(value);
        return s ? stateFile(s) : value;
      },
    },
    showsStored,
  );
}

/** Every way the learner changes the state: typing, the form, the bar's actions, a link. */
function listen(page: Page): void {
  const { root, form, engine, editor, model, t, say } = page;
  const run = () => engine.run();
  model.onDidChangeContent(page.changed);
  // Every field, selects included, fires input; change would save each change twice.
  form.form.addEventListener('input', page.changed);
  form.form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  form.nodeSelect.addEventListener('change', page.changed);
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, run);
  form.form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.form.requestSubmit();
  });

  const take = (next: PlaygroundState) => takeState(page, next);
  const actions: Record<string, () => void | Promise<void>> = {
    scenario() {
      const id = $<HTMLSelectElement>(root, '.rl-pg-scenario').value;
      const s = page.scenarios.find((x) => x.id === id);
      if (!s) return;
      page.tab.remember('scenario');
      take(fromScenario(s));
      say(t.scenarioLoaded(s.title[toLocale(root.dataset.lang)]));
    },
    download: () => downloadState(page.current()),
    share: () => share($(root, '.rl-pg-share'), page.current(), t, say),
  };
  root.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    const action = button?.dataset.action;
    if (action && actions[action]) void actions[action]();
  });

  listenForStates(page);
  listenForHelp(root);
}

/**
 * The editor and the form take a whole new state (a scenario, a file, a
 * link), saved and sent to the engine once: the form first, so the edit's
 * change event saves the whole new state; with the text unchanged there is
 * no such event.
 */
function takeState(page: Page, next: PlaygroundState): void {
  page.form.set(next);
  if (page.model.getValue() === next.yaml) page.changed();
  else page.replaceText(next.yaml);
}

/** A state from a file or from a link pasted into the open playground. */
function listenForStates(page: Page): void {
  const { root, t, say } = page;
  $<HTMLInputElement>(root, '.rl-pg-file').addEventListener('change', async (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const next = await openFile(file, page.current(), t, say);
    if (!next) return;
    page.tab.remember('file');
    takeState(page, next);
    say(t.opened(file.name));
  });

  // A link pasted into the address bar of an open playground changes only the fragment.
  window.addEventListener('hashchange', async () => {
    const linked = linkedState(
      await fromHash(window.location.hash, page.scenarios),
      t,
      say,
      null,
      false,
    );
    if (!linked) return;
    page.tab.remember('link');
    takeState(page, linked);
    page.engine.run();
  });
}

/** "?" opens the shortcuts, except where "?" is text. */
function listenForHelp(root: HTMLElement): void {
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key !== '?' || target.closest('input, textarea, select, .monaco-editor')) return;
    const help = $<HTMLDetailsElement>(root, '.rl-pg-help');
    help.open = true;
    $(help, 'summary').focus();
  });
}
