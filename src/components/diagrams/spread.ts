// Draws the spread of several requests over Pods (see spread-layout.ts): a bar
// per Pod with its count and share, focusable and labelled in words.
import { spreadGeometry as g, type SpreadLayout } from './spread-layout.ts';
import { appendSvg, cut } from './svg.ts';

export function drawSpread(container: HTMLElement, layout: SpreadLayout, label: string): void {
  for (const old of container.querySelectorAll(':scope > svg')) old.remove();
  const svg = appendSvg(container, 'rl-spread-svg', layout.width, layout.height, label);
  const bars = svg
    .selectAll('g')
    .data(layout.bars)
    .join('g')
    .attr('class', 'rl-spread-bar')
    .attr('tabindex', 0)
    .attr('role', 'img')
    .attr(
      'aria-label',
      (b) => `${b.pod} (${b.node}): ${b.count}/${layout.total} (${Math.round(b.share * 100)}%)`,
    )
    .attr('transform', (b) => `translate(0,${b.y})`);
  bars
    .append('text')
    .attr('x', g.margin)
    .attr('y', 14)
    .text((b) => cut(`${b.pod} · ${b.node}`, 40));
  bars
    .append('rect')
    .attr('x', g.label)
    .attr('y', 3)
    .attr('height', g.row - 6)
    .attr('width', (b) => b.width);
  bars
    .append('text')
    .attr('x', (b) => g.label + b.width + 6)
    .attr('y', 14)
    .text((b) => `${b.count} (${Math.round(b.share * 100)}%)`);
}
