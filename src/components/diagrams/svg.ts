// What every diagram's drawing shares: an <svg> drawn larger than its layout
// (whose 10-unit text is sized for 6.1-unit monospace characters) so that
// text is 13 px, shrinking to its column down to 12 px text, the least that
// reads on a phone and on a classroom projector; beyond that its container
// scrolls. And names shortened with an ellipsis.
import { type Selection, select } from 'd3-selection';

const svgNS = 'http://www.w3.org/2000/svg';
/** CSS pixels per layout unit: as drawn when there is room, and at the least. */
const zoom = { natural: 1.3, least: 1.2 };

/** Characters drawn twice as wide as a Latin one in a monospace font (East Asian Wide). */
const wide =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** The text in at most n Latin character widths, Japanese taking two each; cut with an ellipsis. */
export function cut(text: string, n: number): string {
  const chars = [...text];
  const widthOf = (ch: string) => (wide.test(ch) ? 2 : 1);
  if (chars.reduce((w, ch) => w + widthOf(ch), 0) <= n) return text;
  let kept = '';
  let width = 0;
  for (const ch of chars) {
    if (width + widthOf(ch) > Math.max(1, n - 1)) break;
    kept += ch;
    width += widthOf(ch);
  }
  return `${kept || chars[0]}…`;
}

export function appendSvg(
  container: HTMLElement,
  className: string,
  width: number,
  height: number,
  label: string,
): Selection<SVGSVGElement, unknown, null, undefined> {
  const svg = select(container)
    .append(() => document.createElementNS(svgNS, 'svg'))
    .attr('class', className)
    .attr('viewBox', `0 0 ${width} ${height}`)
    // A group, not an image: its parts are focusable, each labelled in words.
    .attr('role', 'group')
    .attr('aria-label', label);
  for (const [name, value] of Object.entries(svgSize(width))) svg.style(name, value);
  return svg;
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
    'min-width': `${Math.ceil(width * zoom.least)}px`,
  };
}
