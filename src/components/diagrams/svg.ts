// What every diagram's drawing shares: an <svg> drawn larger than its layout
// (whose 10-unit text is sized for 6.1-unit monospace characters) so that
// text is 13 px, shrinking to its column down to 12 px text, the least that
// reads on a phone and on a classroom projector; beyond that its container
// scrolls. And names shortened with an ellipsis.
import { type Selection, select } from 'd3-selection';
import { narrowRules, type RulesLayout } from './rules-layout.ts';
import type { TopologyLayout } from './topology-layout.ts';
import { columnsTopology, mostColumns } from './topology-narrow.ts';

const svgNS = 'http://www.w3.org/2000/svg';
/** CSS pixels per layout unit: as drawn when there is room, and at the least. */
const zoom = { natural: 1.3, least: 1.2 };

export { cut } from './cut.ts';

export function appendSvg(
  container: HTMLElement,
  className: string,
  width: number,
  height: number,
  label: string,
  /** Drawn at exactly the least zoom: a drawing that stands in for a box reserved at that size. */
  atLeast = false,
): Selection<SVGSVGElement, unknown, null, undefined> {
  const svg = select(container)
    .append(() => document.createElementNS(svgNS, 'svg'))
    .attr('class', className)
    .attr('viewBox', `0 0 ${width} ${height}`)
    // A group, not an image: its parts are focusable, each labelled in words.
    .attr('role', 'group')
    .attr('aria-label', label);
  const size = atLeast ? leastSize(width) : svgSize(width);
  for (const [name, value] of Object.entries(size)) svg.style(name, value);
  return svg;
}

function leastSize(width: number): Record<string, string> {
  const px = `${leastPx(width)}px`;
  return { width: px, height: 'auto', 'max-width': px, 'min-width': px };
}

/**
 * The box a route's drawing will take, reserved without knowing which form
 * the column gets: both forms are as tall as the layout at the least zoom when
 * the column is narrow, and up to the natural zoom when it is wide; never
 * wider than the column (a reserved box that scrolled would be a scrolling
 * region with nothing to focus).
 */
export function routeSpace(height: number): Record<string, string> {
  return {
    width: '100%',
    height: 'auto',
    'min-height': `${Math.ceil(height * zoom.least)}px`,
    'max-height': `${Math.round(height * zoom.natural)}px`,
  };
}

/**
 * The rules graph's box, in pixels: as tall as the wide form at its natural
 * zoom or the narrow one (rules-layout.ts narrowRules) at the least, whichever
 * is taller, with two lines for the count of chains left out (rules.css), so
 * that the chapter's reserved box and the drawing, in either form, are the
 * same height.
 */
export function rulesBoxHeight(wide: RulesLayout): number {
  const note = (l: RulesLayout) => (l.hidden > 0 ? rulesNoteHeight : 0);
  const narrow = narrowRules(wide);
  return Math.ceil(
    Math.max(wide.height * zoom.natural + note(wide), narrow.height * zoom.least + note(narrow)),
  );
}

/** Two lines of rules.css's .rl-rules-hidden (13 px text, 1.5 line height) and its margin. */
const rulesNoteHeight = 44;

/**
 * The form of the cluster drawing a column this many pixels wide gets: the
 * wide rows where they fit at the least zoom, else a grid of as many columns
 * as fit (topology-narrow.ts), one at the least. A hidden column (0) gets the
 * wide rows, as fitsAtLeast says.
 */
export function topologyForm(
  wide: TopologyLayout,
  columnPx: number,
): { layout: TopologyLayout; grid: boolean } {
  if (fitsIn(columnPx, wide.width)) return { layout: wide, grid: false };
  // Grids widen with their columns: the first too wide ends the search (the
  // exercise redraws this after every grade).
  let layout = columnsTopology(wide, 1);
  for (let k = 2; k <= mostColumns(wide); k++) {
    const grid = columnsTopology(wide, k);
    if (!fitsIn(columnPx, grid.width)) break;
    layout = grid;
  }
  return { layout, grid: true };
}

/** The grids narrower than the wide rows, from one column up. */
function topologyGrids(wide: TopologyLayout): TopologyLayout[] {
  const grids: TopologyLayout[] = [];
  for (let k = 1; k <= mostColumns(wide); k++) {
    const grid = columnsTopology(wide, k);
    if (k > 1 && leastPx(grid.width) >= leastPx(wide.width)) break;
    grids.push(grid);
  }
  return grids;
}

const leastPx = (width: number) => Math.ceil(width * zoom.least);
/** Whether a drawing this wide fits a column this many pixels wide (a hidden one, 0, counts as fitting). */
const fitsIn = (columnPx: number, width: number) => columnPx === 0 || columnPx >= leastPx(width);

/**
 * The cluster drawing's box before it is drawn, as a padding (whose
 * percentages are of the column's width), for whichever form topologyForm
 * will pick: each grid's height at the least zoom from the width it needs,
 * the wide rows' (scaled to the column) from theirs. CSS has no "if" and only
 * the browser knows the column's width, so each threshold is a step made of a
 * clamp() times a large factor, 0px below it and 1px from it on.
 */
export function topologySpace(wide: TopologyLayout): Record<string, string> {
  const step = (px: number) => `clamp(0px, calc((100% - ${px - 0.5}px) * 100000), 1px)`;
  const grids = topologyGrids(wide).map((l) => ({
    from: leastPx(l.width),
    height: Math.ceil(l.height * zoom.least),
  }));
  const fits = leastPx(wide.width);
  const terms = [`${grids[0]?.height ?? 0}px`];
  grids.forEach((grid, i) => {
    const before = grids[i - 1];
    if (before) terms.push(`${step(grid.from)} * ${grid.height - before.height}`);
  });
  terms.push(`${step(fits)} * ${-(grids.at(-1)?.height ?? 0)}`);
  const widest = Math.round(wide.width * zoom.natural) * (wide.height / wide.width);
  const widePart = `min(calc(${step(fits)} * 100000), calc(100% * ${wide.height / wide.width}), ${widest}px)`;
  return {
    width: '100%',
    height: '0',
    'padding-top': `max(calc(${terms.join(' + ')}), ${widePart})`,
  };
}

/** Whether a drawing this wide fits the container at the least zoom (a hidden one counts as fitting). */
export function fitsAtLeast(container: HTMLElement, width: number): boolean {
  return fitsIn(container.clientWidth, width);
}

/**
 * How wide a drawing of this layout width is; its height follows from the
 * viewBox. The chapters' figures reserve the same box before they are drawn.
 */
export function svgSize(width: number): Record<string, string> {
  return {
    width: '100%',
    height: 'auto',
    'max-width': `${Math.round(width * zoom.natural)}px`,
    'min-width': `${leastPx(width)}px`,
  };
}
