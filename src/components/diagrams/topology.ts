// Draws the learner's cluster (see topology-layout.ts) as SVG with d3: Services
// above, nodes with their Pods below, a line from each Service to each Pod it
// sends to. Everything a request's route passed through is highlighted. Each
// box is focusable and labelled in words, for keyboard and screen readers.

import { select } from 'd3-selection';
import { appendSvg, cut, topologyForm } from './svg.ts';
import {
  topoGeometry as g,
  type Point,
  podWidth,
  serviceTitle,
  type TopologyLayout,
} from './topology-layout.ts';
import { charsIn } from './topology-narrow.ts';

type Svg = ReturnType<typeof appendSvg>;

/** A line through its points, as SVG path data. */
const through = (points: Point[]) =>
  points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join('');

export function drawTopology(
  container: HTMLElement,
  wide: TopologyLayout,
  label: string,
  /** Names of places on the route (nodes, Pods) and the Services it used. */
  onRoute: Set<string> = new Set(),
  /** The page's words for the client and the cloud load balancer. */
  names: Partial<Record<string, string>> = {},
): void {
  // The box a chapter reserved (svg.ts topologySpace) or the last drawing.
  container.replaceChildren();
  // A column narrower than the rows side by side gets them in a grid of as
  // many columns as fit, instead of a drawing to scroll sideways.
  const { layout, grid } = topologyForm(wide, container.clientWidth);
  const svg = appendSvg(container, 'rl-topology-svg', layout.width, layout.height, label, grid);

  // Drawn in this order so that lines lie under the boxes they join.
  drawOutside(svg, layout, onRoute, names);
  drawEdges(svg, layout);
  drawServices(svg, layout, onRoute);
  drawNodes(svg, layout, onRoute);
  drawPods(svg, layout, onRoute);
}

/**
 * What sends from outside the cluster, with a line to each Service it
 * reaches; a Gateway's line to its Envoy Service is dotted apart: that Service
 * is where the Gateway's requests come in, not one it sends to.
 */
function drawOutside(
  svg: Svg,
  layout: TopologyLayout,
  onRoute: Set<string>,
  names: Partial<Record<string, string>>,
): void {
  const title = (o: TopologyLayout['outside'][number]) => names[o.kind] ?? o.title;
  const marked = (l: TopologyLayout['links'][number]) =>
    onRoute.has(l.from) && onRoute.has(l.service);
  svg
    .append('g')
    .attr('class', 'rl-topo-links')
    .selectAll('path')
    // The route's lines over the others where they share a run.
    .data([...layout.links].sort((a, b) => Number(marked(a)) - Number(marked(b))))
    .join('path')
    .attr('class', (l) =>
      [l.proxy ? 'proxy' : '', marked(l) ? 'on-route' : ''].filter(Boolean).join(' '),
    )
    .attr('d', (l) => through(l.points));
  const outside = svg
    .append('g')
    .selectAll('g')
    .data(layout.outside)
    .join('g')
    .attr(
      'class',
      (o) => `rl-topo-outside rl-topo-${o.kind}${onRoute.has(o.id) ? ' on-route' : ''}`,
    )
    .attr('tabindex', 0)
    .attr('role', 'img')
    .attr('aria-label', (o) => `${title(o)}: ${o.lines.join('; ')}`)
    .attr('transform', (o) => `translate(${o.x},${o.y})`);
  outside
    .append('rect')
    .attr('width', (o) => o.width)
    .attr('height', (o) => o.height)
    .attr('rx', 6);
  outside
    .append('text')
    .attr('class', 'title')
    .attr('x', 8)
    .attr('y', 14)
    .text((o) => cut(title(o), charsIn(o.width)));
  outside.each(function (o) {
    const box = select(this);
    o.lines.forEach((line, i) => {
      box
        .append('text')
        .attr('x', 8)
        .attr('y', 28 + i * g.lineHeight)
        .text(cut(line, charsIn(o.width)));
    });
  });
}

/** A line from each Service to each Pod it sends to, dashed while the Pod is not ready. */
function drawEdges(svg: Svg, layout: TopologyLayout): void {
  svg
    .append('g')
    .attr('class', 'rl-topo-edges')
    .selectAll('path')
    .data(layout.edges)
    .join('path')
    .attr('class', (e) => (e.ready ? 'ready' : 'not-ready'))
    .attr('d', (e) => through(e.points));
}

function drawServices(svg: Svg, layout: TopologyLayout, onRoute: Set<string>): void {
  const services = svg
    .append('g')
    .selectAll('g')
    .data(layout.services)
    .join('g')
    .attr('class', (s) => `rl-topo-service${onRoute.has(s.id) ? ' on-route' : ''}`)
    .attr('tabindex', 0)
    .attr('role', 'img')
    .attr('aria-label', (s) => `Service ${s.name} (${s.type}) ${s.addresses} ${s.ports}`)
    .attr('transform', (s) => `translate(${s.x},${s.y})`);
  services
    .append('rect')
    .attr('width', g.serviceWidth)
    .attr('height', g.serviceHeight)
    .attr('rx', 6);
  services.append('text').attr('x', 8).attr('y', 16).attr('class', 'title').text(serviceTitle);
  services
    .append('text')
    .attr('x', 8)
    .attr('y', 31)
    .text((s) => cut(s.addresses, 28));
  services
    .append('text')
    .attr('x', 8)
    .attr('y', 46)
    .text((s) => cut(s.ports, 28));
  services.append('title').text((s) => `${s.name} (${s.type})\n${s.addresses}\n${s.ports}`);
}

function drawNodes(svg: Svg, layout: TopologyLayout, onRoute: Set<string>): void {
  const nodes = svg
    .append('g')
    .selectAll('g')
    .data(layout.nodes)
    .join('g')
    .attr(
      'class',
      (n) =>
        `rl-topo-node${onRoute.has(n.name) ? ' on-route' : ''}${n.kubeProxy === 'Stopped' || !n.ready ? ' degraded' : ''}`,
    )
    .attr('tabindex', 0)
    .attr('role', 'img')
    .attr(
      'aria-label',
      (n) =>
        `Node ${n.name} ${n.ip}${n.ready ? '' : ', NotReady'}, kube-proxy ${n.kubeProxy}, ${n.pods.length + n.hidden} Pods`,
    )
    .attr('transform', (n) => `translate(${n.x},${n.y})`);
  nodes
    .append('rect')
    .attr('width', g.nodeWidth)
    .attr('height', (n) => n.height)
    .attr('rx', 8);
  nodes
    .append('text')
    .attr('x', 8)
    .attr('y', 16)
    .attr('class', 'title')
    .text((n) => `${n.name} ${n.ip}`);
  nodes
    .append('text')
    .attr('x', 8)
    .attr('y', 31)
    .text((n) => `${n.ready ? 'Ready' : 'NotReady'} · kube-proxy ${n.kubeProxy}`);
  nodes
    .filter((n) => n.hidden > 0)
    .append('text')
    .attr('x', 8)
    .attr('y', (n) => n.height - 10)
    .text((n) => `+${n.hidden} more`);
}

function drawPods(svg: Svg, layout: TopologyLayout, onRoute: Set<string>): void {
  const pods = svg
    .append('g')
    .selectAll('g')
    .data(layout.nodes.flatMap((n) => n.pods))
    .join('g')
    .attr(
      'class',
      (p) => `rl-topo-pod${p.ready ? '' : ' not-ready'}${onRoute.has(p.name) ? ' on-route' : ''}`,
    )
    .attr('tabindex', 0)
    .attr('role', 'img')
    .attr(
      'aria-label',
      (p) =>
        `Pod ${p.name} ${p.ip}${p.ready ? '' : ', not ready'}${p.labels ? `, ${p.labels}` : ''}`,
    )
    .attr('transform', (p) => `translate(${p.x},${p.y})`);
  pods
    .append('rect')
    .attr('width', podWidth)
    .attr('height', g.podHeight - 6)
    .attr('rx', 4);
  pods
    .append('text')
    .attr('x', 6)
    .attr('y', 12)
    .text((p) => cut(p.name, 27));
  pods
    .append('text')
    .attr('x', 6)
    .attr('y', 24)
    .text((p) => `${p.ip || 'Pending'}${p.ready ? '' : ' · not ready'}`);
  // Labels on demand: in the tooltip, and in the label read on focus.
  pods.append('title').text((p) => (p.labels ? `${p.name}\n${p.labels}` : p.name));
}
