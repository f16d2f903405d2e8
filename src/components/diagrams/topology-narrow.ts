// The cluster drawn for a column too narrow for its rows side by side (a
// phone; a laptop's chapter column beside a cluster of three nodes and four
// Services): the same boxes in a grid of as many columns as fit — what sends
// from outside, then the Services, then the nodes with their Pods, each group
// in rows — with every line run in channels no box stands in: down a lane in
// the gutter left of its box's column, across in the band between two groups,
// down the lane in the gutter of its target's column, and into the target's
// left side. One column is a list one box under another, never wider than a
// node. Pure: a function of the wide layout, in the same order, so every form
// says the same thing about the same cluster.
import { charsIn, wrap } from './cut.ts';
import { type Point, type TopologyLayout, topoGeometry as w } from './topology-layout.ts';

export const narrowGeometry = {
  margin: 8,
  /** Vertical space between boxes of a group, and the least between two groups. */
  gap: 10,
  groupGap: 22,
  /** Lanes (and a band's tracks) are this far apart, closer when many (a gutter stops at maxGutter). */
  laneGap: 5,
  maxGutter: 36,
  columnGap: 8,
};

export { charsIn } from './cut.ts';

/** The one-column form: every box under the one before. */
export function narrowTopology(wide: TopologyLayout): TopologyLayout {
  return columnsTopology(wide, 1);
}

/** The most columns a grid of this cluster can use: its largest group's count. */
export function mostColumns(wide: TopologyLayout): number {
  return Math.max(1, wide.outside.length, wide.services.length, wide.nodes.length);
}

type Box = { x: number; y: number; width: number; height: number };

// size: one pass that places the three groups and then routes both kinds of line; split, each half would need the other's coordinates.
export function columnsTopology(wide: TopologyLayout, columns: number): TopologyLayout {
  const g = narrowGeometry;
  const k = Math.max(1, Math.min(columns, mostColumns(wide)));
  // One lane per box a line leaves from: the outside boxes with links, then
  // the Services with endpoints, in their drawing order.
  const senders = [
    ...wide.outside.filter((o) => wide.links.some((l) => l.from === o.id)).map((o) => o.id),
    ...wide.services.filter((s) => wide.edges.some((e) => e.service === s.id)).map((s) => s.id),
  ];
  const laneGap = Math.min(g.laneGap, g.maxGutter / Math.max(1, senders.length));
  const gutter = Math.max(2, senders.length) * laneGap + laneGap;
  const boxWidth = w.nodeWidth;
  const columnX = (j: number) => g.margin + gutter + j * (gutter + boxWidth + g.columnGap);
  const senderIndex = new Map(senders.map((id, i) => [id, i]));
  const laneX = (column: number, sender: number) =>
    columnX(column) - gutter + laneGap / 2 + sender * laneGap;

  let y = g.margin;
  /** Places a group's boxes in rows of k; returns each box's column. */
  function rows<T extends { width: number; height: number }>(
    items: T[],
  ): (T & Box & { column: number })[] {
    const placed: (T & Box & { column: number })[] = [];
    for (let start = 0; start < items.length; start += k) {
      const row = items.slice(start, start + k);
      for (const [j, item] of row.entries()) placed.push({ ...item, x: columnX(j), y, column: j });
      y += Math.max(...row.map((item) => item.height)) + g.gap;
    }
    y -= items.length > 0 ? g.gap : 0;
    return placed;
  }
  /** The band between two groups: a track for each sender whose lines cross it. */
  function band(count: number): (i: number) => number {
    const top = y;
    const height = Math.max(g.groupGap, (count + 1) * laneGap);
    y += height;
    return (i) => top + (height - (count - 1) * laneGap) / 2 + i * laneGap;
  }

  const outsideSenders = senders.filter((id) => wide.outside.some((o) => o.id === id)).length;
  const outside = rows(
    wide.outside.map((o) => {
      const width = Math.min(o.width, boxWidth);
      const lines = o.lines.flatMap((line) => wrap(line, charsIn(width)));
      const height = o.height + (lines.length - o.lines.length) * w.lineHeight;
      return { ...o, lines, width, height };
    }),
  );
  const trackA = band(outsideSenders);
  const services = rows(
    wide.services.map((s) => ({ ...s, width: w.serviceWidth, height: w.serviceHeight })),
  );
  const trackB = band(senders.length - outsideSenders);
  // Each Pod moves with its node (rows keeps the nodes' order).
  const nodes = rows(wide.nodes.map((n) => ({ ...n, width: boxWidth }))).map((n, i) => {
    const [dx, dy] = [n.x - (wide.nodes[i]?.x ?? 0), n.y - (wide.nodes[i]?.y ?? 0)];
    return { ...n, pods: n.pods.map((p) => ({ ...p, x: p.x + dx, y: p.y + dy })) };
  });

  const serviceAt = new Map(services.map((s) => [s.id, s]));
  const podAt = new Map(
    nodes.flatMap((n) => n.pods.map((p) => [p.id, { ...p, column: n.column }] as const)),
  );
  const outsideAt = new Map(outside.map((o) => [o.id, o]));
  /** Out of a box's left side, down its lane, across the band, down the target's lane, in. */
  const route = (
    sender: number,
    track: number,
    from: Point & { column: number },
    to: Point & { column: number },
  ): Point[] =>
    tidy([
      from,
      { x: laneX(from.column, sender), y: from.y },
      { x: laneX(from.column, sender), y: track },
      { x: laneX(to.column, sender), y: track },
      { x: laneX(to.column, sender), y: to.y },
      to,
    ]);
  return {
    width: columnX(k - 1) + boxWidth + g.margin,
    height: y + g.margin,
    outside: outside.map(({ column: _, ...o }) => o),
    services: services.map(({ column: _, width: __, height: ___, ...s }) => s),
    nodes: nodes.map(({ column: _, width: __, ...n }) => n),
    links: wide.links.flatMap((l) => {
      const [o, s, i] = [outsideAt.get(l.from), serviceAt.get(l.service), senderIndex.get(l.from)];
      if (!o || !s || i === undefined) return [];
      // Lines come into a Service beside its title, and leave it beside its ports.
      const from = { x: o.x, y: o.y + o.height / 2, column: o.column };
      const to = { x: s.x, y: s.y + 12, column: s.column };
      return [{ ...l, points: route(i, trackA(i), from, to) }];
    }),
    edges: wide.edges.flatMap((e) => {
      const [s, p, i] = [serviceAt.get(e.service), podAt.get(e.pod), senderIndex.get(e.service)];
      if (!s || !p || i === undefined) return [];
      const from = { x: s.x, y: s.y + w.serviceHeight - 12, column: s.column };
      const to = { x: p.x, y: p.y + (w.podHeight - 6) / 2, column: p.column };
      return [{ ...e, points: route(i, trackB(i - outsideSenders), from, to) }];
    }),
  };
}

/** Without repeated points or a point in the middle of a straight run. */
function tidy(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out.at(-1);
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out.at(-2);
    const straight =
      last &&
      before &&
      ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y));
    if (straight) out.pop();
    out.push(p);
  }
  return out.map(({ x, y }) => ({ x, y }));
}
