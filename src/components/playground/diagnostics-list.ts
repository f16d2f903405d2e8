// The manifests' problems beside the result, not only as markers in the
// editor: "invalid" says the diagnostics say why, so the page shows them, each
// a button that puts the caret on its line. kube-apiserver's and kubectl's own
// words stay as they print them (lang="en"); Routelab's are in the page's.
import type { Diagnostic } from '../../engine/index.ts';
import type { EngineWords } from '../../i18n/engine/index.ts';
import type { UiMessages } from '../../i18n/index.ts';

/** The most a page lists; the editor marks every one. */
const shown = 20;
const order: Record<Diagnostic['severity'], number> = { error: 0, warning: 1, info: 2 };

export function showDiagnostics(
  list: HTMLElement,
  diagnostics: readonly Diagnostic[],
  t: Pick<UiMessages['playground'], 'diagnosticLine' | 'moreDiagnostics'> &
    Pick<UiMessages['editor'], 'apiserver' | 'warning'>,
  engine: EngineWords,
  goTo: (line: number, column: number) => void,
): void {
  const sorted = [...diagnostics].sort(
    (a, b) => order[a.severity] - order[b.severity] || a.line - b.line || a.column - b.column,
  );
  const items = sorted.slice(0, shown).map((d) => {
    const li = document.createElement('li');
    li.dataset.severity = d.severity;
    const button = document.createElement('button');
    button.type = 'button';
    const where = document.createElement('span');
    where.className = 'rl-pg-diag-line';
    where.textContent = t.diagnosticLine(d.line);
    const lead = d.severity === 'error' ? t.apiserver : d.severity === 'warning' ? t.warning : '';
    const text = document.createElement('span');
    if (d.explanation) text.textContent = `${lead ? `${lead}: ` : ''}${engine.say(d.explanation)}`;
    else {
      // Printed by kube-apiserver or kubectl: quoted as they print it.
      const quoted = document.createElement('span');
      quoted.lang = 'en';
      quoted.textContent = d.message;
      text.append(lead ? `${lead}: ` : '', quoted);
    }
    button.append(where, ' ', text);
    button.addEventListener('click', () => goTo(d.line, d.column));
    li.append(button);
    return li;
  });
  if (sorted.length > shown) {
    const more = document.createElement('li');
    more.textContent = t.moreDiagnostics(sorted.length - shown);
    items.push(more);
  }
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
}
