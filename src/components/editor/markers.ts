// The engine's diagnostics in Monaco: a marker at the exact line and column
// with a localized lead (kube-apiserver's own words stay as it prints them),
// and a quick fix where the engine offers one (the v1beta1 Ingress turned
// into v1). Shared by the exercise workspace and the playground.
import type { Diagnostic, Message } from '../../engine/index.ts';
import type { UiMessages } from '../../i18n/index.ts';
import { monaco } from './monaco.ts';

type MarkerLeads = Pick<UiMessages['editor'], 'apiserver' | 'warning'>;

/** Registers the quick fixes for one model; returns what shows its markers. */
export function attachDiagnostics(
  model: monaco.editor.ITextModel,
  t: MarkerLeads,
  /**
   * The engine's messages in the page's language: a warning's explanation, a
   * hint, a fix's title. kube-apiserver's errors have none and stay as it prints them.
   */
  say?: (m: Message) => string,
): (diagnostics: Diagnostic[]) => void {
  const fixes = new Map<string, NonNullable<Diagnostic['fix']>>();

  registerQuickFixes(model, fixes);

  return (diagnostics: Diagnostic[]) => {
    fixes.clear();
    const markers = diagnostics.map((d) => {
      const line = Math.max(1, d.line);
      const column = Math.max(1, d.column);
      if (d.fix)
        fixes.set(`${line}:${column}`, {
          ...d.fix,
          title: say ? say(d.fix.titleMessage) : d.fix.title,
        });
      const text = d.explanation && say ? say(d.explanation) : d.message;
      const hint = d.hintMessage && say ? say(d.hintMessage) : d.hint;
      const lead = d.severity === 'error' ? t.apiserver : t.warning;
      // An offer (convert this Ingress) is no problem: a hint, not a squiggle.
      const offer = d.code === 'ConvertToGatewayAPI';
      return {
        severity:
          d.severity === 'error'
            ? monaco.MarkerSeverity.Error
            : offer
              ? monaco.MarkerSeverity.Hint
              : monaco.MarkerSeverity.Warning,
        // An offer's marker carries its own sentence, without a warning's lead.
        message: offer ? text : `${lead}: ${text}${hint ? `\n${hint}` : ''}`,
        source: 'routelab',
        code: d.code,
        startLineNumber: line,
        startColumn: column,
        endLineNumber: line,
        endColumn: model.getLineMaxColumn(Math.min(line, model.getLineCount())),
      };
    });
    monaco.editor.setModelMarkers(model, 'routelab', markers);
  };
}

/** The v1beta1 Ingress (and any other whole-document fix) as a quick fix of the marker it belongs to. */
function registerQuickFixes(
  model: monaco.editor.ITextModel,
  fixes: Map<string, NonNullable<Diagnostic['fix']>>,
): void {
  monaco.languages.registerCodeActionProvider('yaml', {
    provideCodeActions(target, _range, context) {
      if (target !== model) return { actions: [], dispose() {} };
      const actions: monaco.languages.CodeAction[] = [];
      const offered = new Set<string>();
      for (const marker of context.markers) {
        const at = `${marker.startLineNumber}:${marker.startColumn}`;
        const fix = fixes.get(at);
        // Several diagnostics on one spot share one fix of the whole document.
        if (!fix || offered.has(at)) continue;
        offered.add(at);
        actions.push({
          title: fix.title,
          kind: 'quickfix',
          diagnostics: [marker],
          isPreferred: true,
          edit: {
            edits: [
              {
                resource: model.uri,
                versionId: model.getVersionId(),
                textEdit: { range: documentRange(model, marker.startLineNumber), text: fix.text },
              },
            ],
          },
        });
      }
      return { actions, dispose() {} };
    },
  });
}

/** The lines of the YAML document (between --- separators) that holds a line. */
function documentRange(model: monaco.editor.ITextModel, line: number): monaco.IRange {
  let start = 1;
  let end = model.getLineCount();
  for (let n = line; n >= 1; n--)
    if (/^---/.test(model.getLineContent(n))) {
      start = n + 1;
      break;
    }
  for (let n = line + 1; n <= model.getLineCount(); n++)
    if (/^---/.test(model.getLineContent(n))) {
      end = n - 1;
      break;
    }
  return new monaco.Range(start, 1, end, model.getLineMaxColumn(end));
}
