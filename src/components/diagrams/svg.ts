// What every diagram's drawing shares: an <svg> that shrinks to its column
// down to 85% of its natural size (text stays readable; beyond
// that its container scrolls), and names shortened with an ellipsis.
import { type Selection, select } from 'd3-selection';

const svgNS = 'http://www.w3.org/2000/svg';

export function cut(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, Math.max(1, n - 1))}…` : text;
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
  svg
    .style('width', '100%')
    .style('height', 'auto')
    .style('max-width', `${width}px`)
    .style('min-width', `${Math.min(width, Math.round(width * 0.85))}px`);
  return svg;
}
