// Monaco with only what editing Kubernetes YAML needs: the YAML language,
// monaco-yaml's worker (schema set up in yaml.ts), the features a learner uses: hover
// docs, completion, quick fixes, F8 to walk the problems, and Ctrl+M so Tab
// can leave the editor (keyboard users are never trapped). Everything
// is bundled and served from our origin; nothing comes from a CDN.
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/features/hover/register.js';
// features/suggest only registers inline completions; the suggest widget is here.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/features/codeAction/register.js';
import 'monaco-editor/features/gotoError/register.js';
import 'monaco-editor/features/toggleTabFocusMode/register.js';
import 'monaco-editor/languages/definitions/yaml/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import YamlWorker from 'monaco-yaml/yaml.worker.js?worker';

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

window.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

let themed = false;

/**
 * Monaco's themes with comments that keep 4.5:1 contrast (vs-dark's #608b4e on
 * #1e1e1e is 4.2:1), following Starlight's theme as the learner switches it.
 */
export function editorTheme(): string {
  const pick = () =>
    document.documentElement.dataset.theme === 'light' ? 'routelab-light' : 'routelab-dark';
  if (!themed) {
    themed = true;
    monaco.editor.defineTheme('routelab-dark', {
      base: 'vs-dark',
      inherit: true,
      rules: [{ token: 'comment', foreground: '7fa86a' }],
      colors: {},
    });
    monaco.editor.defineTheme('routelab-light', {
      base: 'vs',
      inherit: true,
      rules: [{ token: 'comment', foreground: '007000' }],
      colors: {},
    });
    new MutationObserver(() => monaco.editor.setTheme(pick())).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });
  }
  return pick();
}

/** The editor both islands use: YAML, two-space indents, the site's theme. */
export function createEditor(
  host: HTMLElement,
  model: monaco.editor.ITextModel,
  ariaLabel: string,
): monaco.editor.IStandaloneCodeEditor {
  return monaco.editor.create(host, {
    model,
    theme: editorTheme(),
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    tabSize: 2,
    ariaLabel,
    fixedOverflowWidgets: true,
    // In YAML most words are plain scalars, which Monaco counts as strings.
    quickSuggestions: { other: true, strings: true, comments: false },
    // Enter still ends a line when the suggestion is what was typed.
    acceptSuggestionOnEnter: 'smart',
  });
}

/** The whole text replaced as one edit, so Ctrl+Z brings back what was there. */
export function replaceAll(
  editor: monaco.editor.IStandaloneCodeEditor,
  text: string,
  source: string,
): void {
  const model = editor.getModel();
  if (!model) return;
  editor.pushUndoStop();
  editor.executeEdits(source, [{ range: model.getFullModelRange(), text }]);
  editor.pushUndoStop();
}

export { monaco };
