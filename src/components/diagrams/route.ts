// Draws a laid-out route as SVG with d3: a lane per place, the hops in order
// down the lanes (an Envoy hop with its sentence under it), and how the
// request ended. Each hop is a focusable element whose label is the hop's
// sentence; the hop list beside it stays the text alternative. Motion (hops
// appearing one by one) is a CSS animation, and only when the learner has not
// asked for reduced motion (route.css): a d3 transition set each hop's opacity
// from script on every frame, ten long tasks on a throttled phone while the
// home page loaded.
import { select } from 'd3-selection';
import { narrowRoute, noteY, type RouteLayout } from './route-layout.ts';
import { appendSvg, fitsAtLeast } from './svg.ts';

export function drawRoute(container: HTMLElement, wide: RouteLayout, label: string): void {
  for (const old of container.querySelectorAll(':scope > svg')) old.remove();
  // A column narrower than a lane per place (a phone) gets the one-lane form,
  // as tall as the wide one at its least zoom: the box a chapter reserved for
  // the wide drawing keeps its height.
  const narrow = !fitsAtLeast(container, wide.width);
  const layout = narrow ? narrowRoute(wide) : wide;
  const svg = appendSvg(container, 'rl-route-svg', layout.width, layout.height, label, narrow);

  drawLanes(svg, layout);
  drawMarks(svg, layout);

  const points = [...layout.steps.map((s) => [s.x, s.y]), [layout.end.x, layout.end.y]];
  svg
    .append('polyline')
    .attr('class', 'rl-route-path')
    .attr('points', points.map((p) => p.join(',')).join(' '));

  const steps = svg
    .append('g')
    .selectAll('g')
    .data(layout.steps)
    .join('g')
    .attr('class', (d) => `rl-step rl-step-${d.kind}`)
    .attr('tabindex', 0)
    .attr('role', 'img')
    .attr('aria-label', (d) => `${d.index + 1}. ${d.kind} @ ${d.place}: ${d.detail}`)
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
    .style('--rl-hop', (d) => String(d.index));
  steps.append('circle').attr('r', 6);
  steps
    .append('text')
    .attr('x', 10)
    .attr('y', 4)
    .text((d) => d.label);
  // The rewrites (DNAT to the Pod, SNAT to the node) are what the lesson is about.
  steps
    .filter((d) => d.rewrite !== '')
    .append('text')
    .attr('class', 'rl-rewrite')
    .attr('x', 10)
    .attr('y', 16)
    .text((d) => d.rewrite);
  steps.each(function (d) {
    for (const [i, note] of d.notes.entries())
      select(this)
        .append('text')
        .attr('class', 'rl-note')
        .attr('x', 10)
        .attr('y', noteY(d, i))
        .text(note);
  });
  steps.append('title').text((d) => `${d.detail}${d.packet ? `\n${d.packet}` : ''}`);

  const end = svg
    .append('g')
    .attr('class', `rl-route-end rl-route-${layout.end.outcome === 'delivered' ? 'ok' : 'failed'}`)
    .attr('tabindex', 0)
    .attr('role', 'img')
    .attr('aria-label', `${layout.end.label}: ${layout.end.reason}`)
    .attr('transform', `translate(${layout.end.x},${layout.end.y})`)
    .style('--rl-hop', String(layout.steps.length));
  end.append('rect').attr('x', -7).attr('y', -7).attr('width', 14).attr('height', 14);
  end.append('text').attr('x', 12).attr('y', 4).text(layout.end.label);
  end.append('title').text(layout.end.reason);
}

/** The narrow form's place names in the gutter, each over a rule that starts its rows. */
function drawMarks(svg: ReturnType<typeof appendSvg>, layout: RouteLayout): void {
  if (!layout.marks) return;
  const marks = svg.append('g').attr('class', 'rl-lanes rl-marks');
  const x = layout.steps[0]?.x ?? 0;
  marks
    .append('line')
    .attr('x1', x)
    .attr('x2', x)
    .attr('y1', 28)
    .attr('y2', layout.height - 10);
  for (const mark of layout.marks) {
    const text = marks
      .append('text')
      .attr('x', x - 12)
      .attr('y', mark.y + 4)
      .attr('text-anchor', 'end')
      .text(mark.label);
    text.append('title').text(mark.full);
  }
}

/** A lane per place, named at its top. */
function drawLanes(svg: ReturnType<typeof appendSvg>, layout: RouteLayout): void {
  const lanes = svg.append('g').attr('class', 'rl-lanes');
  for (const place of layout.places) {
    lanes
      .append('line')
      .attr('x1', place.x)
      .attr('x2', place.x)
      .attr('y1', 28)
      .attr('y2', layout.height - 10);
    lanes
      .append('text')
      .attr('x', place.x)
      .attr('y', 18)
      .attr('text-anchor', 'middle')
      .text(place.label.length > 22 ? `${place.label.slice(0, 21)}…` : place.label)
      .append('title')
      .text(place.label);
  }
}
