// Draws the architecture view (see architecture-layout.ts) as SVG with d3.
// Each part is focusable; focusing or choosing it explains it in place, in the
// text panel under the drawing (a live region), with its state in this
// cluster and whether the route touched it.
import type { ArchitectureLayout, Part, PartKind } from './architecture-layout.ts';
import { appendSvg, cut } from './svg.ts';

export interface ArchitectureLabels {
  figure: string;
  /** One sentence per kind of part. */
  explain: Record<PartKind, string>;
  /** The page's words for parts that are not named by Kubernetes (the client, the control plane). */
  names: Partial<Record<PartKind, string>>;
  touched: string;
  degraded: string;
  prompt: string;
}

const containers = new Set<PartKind>(['control-plane', 'node']);

const nameOf = (part: Part, labels: ArchitectureLabels): string =>
  labels.names[part.kind] ?? part.name;

function sentence(part: Part, labels: ArchitectureLabels): string {
  const where = part.node && part.kind !== 'node' ? ` (${part.node})` : '';
  const state = part.status ? ` — ${part.status}` : '';
  const notes = [
    ...(part.touched ? [labels.touched] : []),
    ...(part.degraded ? [labels.degraded] : []),
  ];
  return `${nameOf(part, labels)}${where}${state}. ${labels.explain[part.kind]}${notes.length ? ` ${notes.join(' ')}` : ''}`;
}

export function drawArchitecture(
  container: HTMLElement,
  layout: ArchitectureLayout,
  labels: ArchitectureLabels,
): void {
  container.replaceChildren();
  const panel = document.createElement('p');
  panel.className = 'rl-arch-panel';
  panel.setAttribute('aria-live', 'polite');
  panel.textContent = labels.prompt;
  const scroller = document.createElement('div');
  scroller.className = 'rl-arch-scroll';
  container.append(scroller, panel);

  const svg = appendSvg(scroller, 'rl-arch-svg', layout.width, layout.height, labels.figure);

  const parts = svg
    .append('g')
    .selectAll('g')
    .data(layout.parts)
    .join('g')
    .attr(
      'class',
      (p) =>
        `rl-arch-part rl-arch-${p.kind}${containers.has(p.kind) ? ' container' : ''}${p.touched ? ' touched' : ''}${p.degraded ? ' degraded' : ''}`,
    )
    .attr('data-part', (p) => p.id)
    .attr('tabindex', 0)
    .attr('role', 'img')
    .attr('aria-label', (p) => sentence(p, labels))
    .attr('transform', (p) => `translate(${p.x},${p.y})`);
  parts
    .append('rect')
    .attr('width', (p) => p.width)
    .attr('height', (p) => p.height)
    .attr('rx', (p) => (containers.has(p.kind) ? 8 : 4));
  const charWidth = 6.1;
  const twoLines = (p: Part) =>
    containers.has(p.kind) || p.kind === 'client' || p.kind === 'load-balancer';
  parts
    .append('text')
    .attr('class', (p) => (containers.has(p.kind) ? 'title' : ''))
    .attr('x', 8)
    .attr('y', 16)
    .text((p) => {
      const room = Math.floor((p.width - 14) / charWidth);
      // On one line the name leaves room for the state written at the right.
      return cut(nameOf(p, labels), twoLines(p) || !p.status ? room : room - p.status.length - 1);
    });
  parts
    .filter((p) => p.status !== '')
    .append('text')
    .attr('class', 'status')
    .attr('x', (p) => (twoLines(p) ? 8 : p.width - 6))
    .attr('y', (p) => (twoLines(p) ? 30 : 16))
    .attr('text-anchor', (p) => (twoLines(p) ? 'start' : 'end'))
    .text((p) => p.status);

  const show = (p: Part) => {
    panel.textContent = sentence(p, labels);
  };
  parts.on('focus', (_, p) => show(p));
  parts.on('click', (_, p) => show(p));
  parts.on('mouseenter', (_, p) => show(p));
}
