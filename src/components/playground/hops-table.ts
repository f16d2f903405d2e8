// The text alternative of the route: one table row per hop, written with
// textContent only (hop details quote names and paths a learner typed).

import type { TraceResult } from '../../engine/index.ts';
import type { EngineWords, Part } from '../../i18n/engine/index.ts';
import { appendParts } from '../dom.ts';

export function fillHopsTable(
  table: HTMLTableElement,
  columns: string[],
  result: TraceResult | null,
  engine: EngineWords,
): void {
  const head = document.createElement('tr');
  for (const c of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const body = document.createElement('tbody');
  result?.hops.forEach((hop, i) => {
    const tr = document.createElement('tr');
    const cells: Part[][] = [
      [String(i + 1)],
      [hop.kind],
      [hop.at],
      engine.hopParts(hop),
      [hop.packet ? `${hop.packet.src} → ${hop.packet.dst}` : ''],
    ];
    for (const parts of cells) {
      const td = document.createElement('td');
      appendParts(td, parts);
      tr.append(td);
    }
    body.append(tr);
  });
  const caption = table.caption ?? table.createCaption();
  caption.textContent = result
    ? `${result.request.method} ${result.request.to} (${result.request.from})`
    : '';
  table.replaceChildren(caption, thead, body);
}
