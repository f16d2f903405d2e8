// Draws the learner's cluster (see topology-layout.ts) as SVG with d3: Services
// above, nodes with their Pods below, a line from each Service to each Pod it
// sends to. Everything a request's route passed through is highlighted. Each
// box is focusable and labelled in words, for keyboard and screen readers.

import { select } from 'd3-selection';
import { appendSvg, cut } from './svg.ts';
import { topoGeometry as g, type TopologyLayout } from './topology-layout.ts';

type Svg = ReturnType<typeof appendSvg>;
type Places = Map<string, { x: number; y: number }>;

export function drawTopology(
  container: HTMLElement,
  layout: TopologyLayout,
  label: string,
  /** Names of places on the route (nodes, Pods) and the Services it used. */
  onRoute: Set<string> = new Set(),
  /** The page's words for the client and the cloud load balancer. */
  names: Partial<Record<string, string>> = {},
): void {
  for (const old of container.querySelectorAll(':scope > svg')) old.remove();
  const svg = appendSvg(container, 'rl-topology-svg', layout.width, layout.height, label);

  // Drawn in this order so that lines lie under the boxes they join.
  const serviceAt = new Map(layout.services.map((s) => [s.id, s]));
  const podAt = new Map(layout.nodes.flatMap((n) => n.pods.map((p) => [p.id, p] as const)));
  drawOutside(svg, layout, serviceAt, onRoute, names);
  drawEdges(svg, layout, serviceAt, podAt);
  drawServices(svg, layout, onRoute);
  drawNodes(svg, layout, onRoute);
  drawPods(svg, layout, onRoute);
}

const podWidth = g.nodeWidth - 16;

/** What sends from outside the cluster, with a line to each Service it reaches. */
function drawOutside(
  svg: Svg,
  layout: TopologyLayout,
  serviceAt: Places,
  onRoute: Set<string>,
  names: Partial<Record<string, string>>,
): void {
  const title = (o: TopologyLayout['outside'][number]) => names[o.kind] ?? o.title;
  const outsideAt = new Map(layout.outside.map((o) => [o.id, o]));
  svg
    .append('g')
    .attr('class', 'rl-topo-links')
    .selectAll('line')
    .data(layout.links.filter((l) => outsideAt.has(l.from) && serviceAt.has(l.service)))
    .join('line')
    .attr('class', (l) => (onRoute.has(l.from) && onRoute.has(l.service) ? 'on-route' : ''))
    .attr('x1', (l) => {
      const o = outsideAt.get(l.from);
      return (o?.x ?? 0) + (o?.width ?? 0) / 2;
    })
    .attr('y1', (l) => {
      const o = outsideAt.get(l.from);
      return (o?.y ?? 0) + (o?.height ?? 0);
    })
    .attr('x2', (l) => (serviceAt.get(l.service)?.x ?? 0) + g.serviceWidth / 2)
    .attr('y2', (l) => serviceAt.get(l.service)?.y ?? 0);
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
    .text((o) => cut(title(o), Math.floor((o.width - 14) / 6.1)));
  outside.each(function (o) {
    const box = select(this);
    o.lines.forEach((line, i) => {
      box
        .append('text')
        .attr('x', 8)
        .attr('y', 28 + i * g.lineHeight)
        .text(cut(line, Math.floor((o.width - 14) / 6.1)));
    });
  });
}

/** A line from each Service to each Pod it sends to, dashed while the Pod is not ready. */
function drawEdges(svg: Svg, layout: TopologyLayout, serviceAt: Places, podAt: Places): void {
  svg
    .append('g')
    .attr('class', 'rl-topo-edges')
    .selectAll('line')
    .data(layout.edges.filter((e) => serviceAt.has(e.service) && podAt.has(e.pod)))
    .join('line')
    .attr('class', (e) => (e.ready ? 'ready' : 'not-ready'))
    .attr('x1', (e) => (serviceAt.get(e.service)?.x ?? 0) + g.serviceWidth / 2)
    .attr('y1', (e) => (serviceAt.get(e.service)?.y ?? 0) + g.serviceHeight)
    .attr('x2', (e) => (podAt.get(e.pod)?.x ?? 0) + podWidth / 2)
    .attr('y2', (e) => podAt.get(e.pod)?.y ?? 0);
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
  services
    .append('text')
    .attr('x', 8)
    .attr('y', 16)
    .attr('class', 'title')
    .text((s) => cut(`${s.name} · ${s.type}`, 26));
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
