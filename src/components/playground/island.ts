// The playground once loaded: Monaco on any YAML, a request builder, the
// engine in a worker, and every diagram of the result; fault switches that
// edit the Cluster document; scenarios; share links and files. Whatever the
// learner typed, a link carried or a file held is data: it reaches the page
// as text nodes and attribute values only.
import '../diagrams/architecture.css';
import '../diagrams/route.css';
import '../diagrams/rules.css';
import '../diagrams/spread.css';
import '../diagrams/topology.css';
import { drawArchitecture } from '../diagrams/architecture.ts';
import type { PartKind } from '../diagrams/architecture-layout.ts';
import { diagramLabels } from '../diagrams/labels.ts';
import { drawRoute } from '../diagrams/route.ts';
import { drawRules } from '../diagrams/rules.ts';
import { drawSpread } from '../diagrams/spread.ts';
import { drawTopology } from '../diagrams/topology.ts';
import { attachDiagnostics } from '../exercise/markers.ts';
import { configureYaml, editorTheme, monaco } from '../exercise/monaco.ts';
// storage hook (issue 18): the saved playground, its revisions and history.
import { keepOnPage } from '../storage/attach.ts';
import { playgroundSlot } from '../storage/keys.ts';
import { SavedTab } from '../storage/tab.ts';
import type { Choices } from './choices.ts';
import { applyFault, type Fault } from './cluster-doc.ts';
import { FaultsPanel } from './faults-panel.ts';
import { fillHopsTable } from './hops-table.ts';
import type { PlaygroundReply } from './protocol.ts';
import {
  checkState,
  decodeState,
  encodeState,
  maxLinkLength,
  type PlaygroundState,
  parseStateValue,
  stateValue,
} from './share.ts';
import { playgroundStrings } from './strings.ts';

interface Scenario {
  id: string;
  title: { ja: string; en: string };
  yaml: string;
  request: { from: string; to: string; count: number };
}

const fileHeader = '# routelab-playground: ';
const maxFileBytes = 2 << 20;
const runDelayMs = 350;
const engineTimeoutMs = 8000;

function $<T extends HTMLElement = HTMLElement>(root: HTMLElement, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`playground markup lacks ${selector}`);
  return el;
}

const empty: PlaygroundState = {
  yaml: '',
  from: 'external',
  to: '',
  method: 'GET',
  count: 1,
  seed: 1,
  node: '',
};

function fromScenario(s: Scenario): PlaygroundState {
  return { ...empty, yaml: s.yaml, from: s.request.from, to: s.request.to, count: s.request.count };
}

/** The file the playground saves: the YAML, with the request in a first comment line. */
export function stateFile(state: PlaygroundState): string {
  const { yaml, ...request } = state;
  const body = yaml.startsWith(fileHeader) ? yaml.slice(yaml.indexOf('\n') + 1) : yaml;
  return `${fileHeader}${JSON.stringify(request)}\n${body}`;
}

/** A saved file back into a state; without the header line, only the YAML. */
export function readStateFile(text: string, current: PlaygroundState): PlaygroundState {
  if (!text.startsWith(fileHeader)) return { ...current, yaml: text };
  const end = text.indexOf('\n');
  const line = text.slice(fileHeader.length, end < 0 ? undefined : end);
  const yaml = end < 0 ? '' : text.slice(end + 1);
  try {
    return checkState({ v: 1, ...current, ...JSON.parse(line), yaml });
  } catch {
    return { ...current, yaml };
  }
}

export async function mount(root: HTMLElement): Promise<void> {
  const locale = root.dataset.lang === 'en' ? 'en' : 'ja';
  const t = playgroundStrings[locale];
  const words = diagramLabels[locale];
  const scenarios = JSON.parse(root.dataset.scenarios ?? '[]') as Scenario[];
  const explain = JSON.parse(root.dataset.explain ?? '{}') as Record<PartKind, string>;
  const message = $(root, '.rl-pg-message');
  const say = (text: string, kind: 'info' | 'warning' = 'info') => {
    message.textContent = text;
    message.dataset.kind = kind;
  };

  const tab = new SavedTab(playgroundSlot); // storage hook
  const stored = tab.load(); // storage hook
  const saved = parseStateValue(stored?.value); // storage hook
  /**
   * The state a link's fragment holds (a shared state or a scenario); null when it holds none.
   * A damaged link changes nothing: the saved playground (or, on a first visit, an empty one)
   * opens, and an open playground stays as it is (opening false).
   */
  async function fromHash(opening: boolean): Promise<PlaygroundState | null> {
    const hash = window.location.hash;
    if (hash.startsWith('#s=')) {
      try {
        const linked = await decodeState(hash);
        say(t.restored);
        return linked;
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        say(saved || !opening ? t.badLinkKept(why) : t.badLink(why), 'warning');
        dropHash();
        return opening ? (saved ?? empty) : null;
      }
    }
    const wanted = scenarios.find((s) => `#scenario=${s.id}` === hash);
    return wanted ? fromScenario(wanted) : null;
  }
  // Where the first state comes from: a link, the last visit, or chapter 1's scenario.
  const linked = await fromHash(true);
  const state: PlaygroundState =
    linked ?? saved ?? (scenarios[0] ? fromScenario(scenarios[0]) : empty);

  await configureYaml(root.dataset.schema ?? '/schema/kubernetes.json');
  const model = monaco.editor.createModel(
    state.yaml,
    'yaml',
    monaco.Uri.parse('file:///playground/playground.yaml'),
  );
  const host = $(root, '.rl-editor');
  host.hidden = false;
  $(root, '.rl-pg-static').hidden = true;
  for (const el of root.querySelectorAll<HTMLElement>('[data-needs-editor]')) el.hidden = false;
  const editor = monaco.editor.create(host, {
    model,
    theme: editorTheme(),
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    tabSize: 2,
    ariaLabel: root.dataset.editorLabel ?? 'YAML',
    fixedOverflowWidgets: true,
    quickSuggestions: { other: true, strings: true, comments: false },
    acceptSuggestionOnEnter: 'smart',
  });
  const showMarkers = attachDiagnostics(model, t);
  // The loading notice goes; a link's message stays.
  if (message.dataset.kind === undefined) say('');

  const form = $<HTMLFormElement>(root, '.rl-pg-request');
  const field = <T extends HTMLInputElement | HTMLSelectElement>(name: string) =>
    $<T>(form, `[name="${name}"]`);
  const from = field<HTMLSelectElement>('from');
  const to = field<HTMLInputElement>('to');
  const method = field<HTMLSelectElement>('method');
  const count = field<HTMLInputElement>('count');
  const seed = field<HTMLInputElement>('seed');
  const nodeSelect = $<HTMLSelectElement>(root, '.rl-pg-node');
  let wantedNode = state.node;
  const setForm = (s: PlaygroundState) => {
    setSources([...new Set([s.from, ...[...from.options].map((o) => o.value)])], s.from);
    to.value = s.to;
    method.value = s.method;
    count.value = String(s.count);
    seed.value = String(s.seed);
    wantedNode = s.node;
  };
  setForm(state);
  const current = (): PlaygroundState => ({
    yaml: model.getValue(),
    from: from.value.trim() || 'external',
    to: to.value.trim(),
    method: method.value,
    count: Math.min(1000, Math.max(1, Math.floor(Number(count.value)) || 1)),
    seed: Math.min(2 ** 31 - 1, Math.max(0, Math.floor(Number(seed.value)) || 0)),
    node: nodeSelect.value || wantedNode,
  });

  // The engine, off the main thread; stale answers are dropped by sequence number.
  let worker = newWorker();
  let seq = 0;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let choices: Choices | null = null;
  function newWorker(): Worker {
    const w = new Worker(new URL('./playground.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<PlaygroundReply>) => onReply(event.data);
    return w;
  }
  function run() {
    seq++;
    clearTimeout(watchdog);
    const s = current();
    $(root, '.rl-pg-outcome').textContent = t.running;
    worker.postMessage({ seq, text: s.yaml, request: s, node: s.node });
    watchdog = setTimeout(() => {
      worker.terminate();
      worker = newWorker();
      say(`${t.engineError}: timeout`, 'warning');
    }, engineTimeoutMs);
  }

  const faults = new FaultsPanel($(root, '.rl-pg-faults-body'), t, (fault: Fault) => {
    const result = applyFault(
      model.getValue(),
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

  function onReply(reply: PlaygroundReply) {
    if (reply.seq !== seq) return;
    clearTimeout(watchdog);
    if (reply.error) {
      say(`${t.engineError}: ${reply.error}`, 'warning');
      return;
    }
    choices = reply.choices;
    // A scenario's symbolic target becomes the address it stands for.
    if (reply.filledTo && to.value.includes('{')) to.value = reply.filledTo;
    showMarkers(reply.diagnostics);
    setSources(reply.choices.sources, from.value);
    fillList($(root, '#rl-pg-targets'), reply.choices.targets);
    faults.show(reply.choices);
    showNodes(reply.choices, reply.rules?.node ?? '');

    // Measured from here to the last diagram, and view by view (npm run bench reads them).
    const drawStart = performance.now();
    const timed = (view: string, draw: () => void) => {
      const start = performance.now();
      draw();
      performance.measure(`routelab:draw:${view}`, { start });
    };
    const result = reply.trace;
    const outcome = $(root, '.rl-pg-outcome');
    outcome.dataset.outcome = result?.outcome ?? '';
    outcome.textContent = reply.traceError
      ? t.notSent(reply.traceError)
      : result
        ? t.outcome(result.outcome, result.status, result.reason)
        : t.noRequest;
    const route = $(root, '.rl-pg-route');
    route.hidden = !reply.route;
    if (reply.route && result) {
      const layout = reply.route;
      timed('route', () =>
        drawRoute(
          $(route, '.rl-route'),
          layout,
          t.routeLabel(result.request.method, result.request.to, result.outcome),
        ),
      );
    }
    timed('hops', () =>
      fillHopsTable($<HTMLTableElement>(root, '.rl-pg-hops'), t.hopColumns, result),
    );
    const spread = $(root, '.rl-spread');
    spread.hidden = !reply.spread;
    if (reply.spread) {
      const layout = reply.spread;
      timed('spread', () => drawSpread(spread, layout, words.spread(layout.total, layout.failed)));
    }
    const pods = reply.topology.nodes.reduce((n, node) => n + node.pods.length + node.hidden, 0);
    timed('topology', () =>
      drawTopology(
        $(root, '.rl-topology'),
        reply.topology,
        t.clusterLabel(reply.topology.nodes.length, pods, reply.topology.services.length),
        new Set(reply.onRoute),
      ),
    );
    const rules = $(root, '.rl-rules');
    const shown = reply.rules;
    timed('rules', () => {
      if (shown) drawRules(rules, shown.layout, shown.text, words.rules(shown.node));
      else rules.replaceChildren();
    });
    timed('architecture', () =>
      drawArchitecture($(root, '.rl-architecture'), reply.architecture, {
        ...words.architecture,
        explain,
      }),
    );
    performance.measure('routelab:draw', { start: drawStart });
    // And to the frame that shows it: style, layout and paint included.
    requestAnimationFrame(() =>
      setTimeout(() => performance.measure('routelab:frame', { start: drawStart })),
    );
  }

  /** The sources the model has; a source it lacks (from a link or a file) stays chosen. */
  function setSources(values: string[], chosen: string) {
    const all = values.includes(chosen) ? values : [chosen, ...values];
    if ([...from.options].map((o) => o.value).join('\n') !== all.join('\n'))
      from.replaceChildren(
        ...all.map((v) => {
          const option = document.createElement('option');
          option.value = v;
          option.textContent = v;
          return option;
        }),
      );
    from.value = chosen;
  }

  function fillList(list: HTMLElement, values: string[]) {
    list.replaceChildren(
      ...values.map((v) => {
        const option = document.createElement('option');
        option.value = v;
        return option;
      }),
    );
  }

  function showNodes(c: Choices, shown: string) {
    const names = ['', ...c.nodes.map((n) => n.name)];
    const have = [...nodeSelect.options].map((o) => o.value);
    if (have.join(' ') !== names.join(' '))
      nodeSelect.replaceChildren(
        ...names.map((name) => {
          const option = document.createElement('option');
          option.value = name;
          option.textContent = name || `${t.autoNode}`;
          return option;
        }),
      );
    nodeSelect.value = names.includes(wantedNode) ? wantedNode : '';
    nodeSelect.dataset.shown = shown;
  }

  /** A whole-text change as one edit, so Ctrl+Z brings the learner's text back. */
  function replaceText(text: string) {
    editor.pushUndoStop();
    editor.executeEdits('playground', [{ range: model.getFullModelRange(), text }]);
    editor.pushUndoStop();
  }

  // A link's state holds until the learner changes something; then a reload
  // must bring their own text back, not the link's.
  function dropHash() {
    if (window.location.hash)
      history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  let runTimer: ReturnType<typeof setTimeout> | undefined;
  // Saved at once, as in the exercises: a closed browser keeps every keystroke.
  function changed() {
    dropHash();
    save();
    clearTimeout(runTimer);
    runTimer = setTimeout(run, runDelayMs);
  }
  function save() {
    tab.changed(); // storage hook: saves, or reports a conflict or a failure
  }
  model.onDidChangeContent(changed);
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(runTimer);
    run();
  });
  nodeSelect.addEventListener('change', () => {
    wantedNode = nodeSelect.value;
    changed();
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, run);
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });

  const actions: Record<string, () => void | Promise<void>> = {
    scenario() {
      const id = $<HTMLSelectElement>(root, '.rl-pg-scenario').value;
      const s = scenarios.find((x) => x.id === id);
      if (!s) return;
      tab.remember('scenario'); // storage hook
      replaceText(s.yaml);
      setForm(fromScenario(s));
      say(t.scenarioLoaded(s.title[locale]));
      changed();
    },
    download() {
      const blob = new Blob([stateFile(current())], { type: 'application/yaml' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'playground.yaml';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    },
    async share() {
      const fragment = await encodeState(current());
      const link = `${window.location.origin}${window.location.pathname}#${fragment}`;
      const box = $(root, '.rl-pg-share');
      const input = $<HTMLInputElement>(box, 'input');
      box.hidden = false;
      if (link.length > maxLinkLength) {
        input.value = '';
        $(box, '[data-action="download"]').hidden = false;
        say(t.tooLong(link.length, maxLinkLength), 'warning');
        return;
      }
      $(box, '[data-action="download"]').hidden = true;
      input.value = link;
      history.replaceState(null, '', `#${fragment}`);
      try {
        await navigator.clipboard.writeText(link);
        say(t.linkCopied);
      } catch {
        say(t.linkReady);
      }
      input.focus();
      input.select();
    },
  };
  root.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    const action = button?.dataset.action;
    if (action && actions[action]) void actions[action]();
  });

  $<HTMLInputElement>(root, '.rl-pg-file').addEventListener('change', async (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > maxFileBytes) return say(t.fileTooBig, 'warning');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      return say(t.fileNotText, 'warning');
    }
    const next = readStateFile(text, current());
    tab.remember('file'); // storage hook
    replaceText(next.yaml);
    setForm(next);
    say(t.opened(file.name));
    changed();
  });

  // A link pasted into the address bar of an open playground changes only the fragment.
  window.addEventListener('hashchange', async () => {
    const linked = await fromHash(false);
    if (!linked) return;
    tab.remember('link'); // storage hook
    replaceText(linked.yaml);
    setForm(linked);
    clearTimeout(runTimer);
    run();
  });

  // storage hook: conflicts, earlier versions and failures shown in the playground.
  keepOnPage(
    tab,
    {
      read: () => stateValue(current()),
      write: (value) => {
        const next = parseStateValue(value);
        if (!next) return;
        // The form first: the edit's change event saves the whole state.
        setForm(next);
        replaceText(next.yaml);
      },
    },
    {
      locale,
      strings: t.keep,
      after: message,
      menuIn: $(root, '.rl-pg-bar'),
      say,
      download: () => void actions.download?.(),
      show: (value) => {
        const s = parseStateValue(value);
        return s ? stateFile(s) : value;
      },
    },
    // A tab on a link's state or a damaged link's empty one is not showing what is stored.
    linked === null || (saved !== null && linked === saved),
  );
  // The saved playground a link replaces on screen stays one menu item away.
  if (linked && stored && linked !== saved) tab.remember('link', stored.value);

  // "?" opens the shortcuts, except where "?" is text.
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key !== '?' || target.closest('input, textarea, select, .monaco-editor')) return;
    const help = $<HTMLDetailsElement>(root, '.rl-pg-help');
    help.open = true;
    $(help, 'summary').focus();
  });

  run();
}
