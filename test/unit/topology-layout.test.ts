// The cluster diagram's layout: positions follow names, so it is the same for
// the same cluster and a small edit moves only what it must.
import { describe, expect, it } from 'vitest';
import { topologyForm } from '../../src/components/diagrams/svg.ts';
import {
  layoutTopology,
  type Point,
  routeMarks,
  topoGeometry,
} from '../../src/components/diagrams/topology-layout.ts';
import {
  charsIn,
  columnsTopology,
  mostColumns,
  narrowTopology,
} from '../../src/components/diagrams/topology-narrow.ts';
import { readScenario } from '../../src/course/read.ts';
import { buildModel, trace } from '../../src/engine/index.ts';

const text = readScenario('service-nodeport.yaml');
const layout = (source: string) => layoutTopology(buildModel([{ file: 'a.yaml', text: source }]));

describe('layoutTopology', () => {
  const base = layout(text);

  it('draws every node with its Pods, and a line from each Service to each of its Pods', () => {
    expect(base.nodes.map((n) => n.name)).toEqual(['node-1', 'node-2', 'node-3']);
    const pods = base.nodes.flatMap((n) => n.pods.map((p) => p.name));
    expect(pods.filter((name) => name.startsWith('my-app-'))).toHaveLength(2);
    const toMyApp = base.edges.filter((e) => e.service === 'default/my-service');
    expect(toMyApp).toHaveLength(2);
    expect(toMyApp.every((e) => e.ready)).toBe(true);
    const service = base.services.find((s) => s.id === 'default/my-service');
    expect(service).toMatchObject({ type: 'NodePort', ports: '80:30080/TCP' });
  });

  it('is the same for the same cluster', () => {
    expect(JSON.stringify(layout(text))).toBe(JSON.stringify(base));
  });

  it('moves nothing else when a Pod is added', () => {
    const more = layout(text.replace('replicas: 2', 'replicas: 3'));
    for (const node of base.nodes) {
      const after = more.nodes.find((n) => n.name === node.name);
      expect(after?.x).toBe(node.x);
      // Pods that were there keep their place unless a new name sorts before them.
      for (const pod of node.pods) {
        const moved = after?.pods.find((p) => p.id === pod.id);
        if (moved && moved.y !== pod.y) expect(moved.y - pod.y).toBe(topoGeometry.podHeight);
      }
    }
    expect(more.services.map((s) => [s.id, s.x])).toEqual(base.services.map((s) => [s.id, s.x]));
  });

  it('shows a node with too many Pods by count, not by drawing them all', () => {
    const source = text.replace('replicas: 2', 'replicas: 60');
    const model = buildModel([{ file: 'a.yaml', text: source }]);
    const big = layoutTopology(model);
    const scheduled = model.pods.filter((p) => p.nodeName !== '').length;
    expect(big.nodes.reduce((n, node) => n + node.pods.length + node.hidden, 0)).toBe(scheduled);
    expect(Math.max(...big.nodes.map((n) => n.pods.length))).toBe(topoGeometry.podsPerNode);
    expect(big.nodes.some((n) => n.hidden > 0)).toBe(true);
  });
});

describe('layoutTopology: outside the nodes', () => {
  const article = readScenario('ingress-article.yaml');
  const model = buildModel([{ file: 'a.yaml', text: article }]);
  const layout = layoutTopology(model);

  it('draws the client, the cloud load balancer and each Ingress with its rules', () => {
    expect(layout.outside.map((o) => o.kind)).toEqual(['client', 'load-balancer', 'ingress']);
    const ingress = layout.outside.find((o) => o.kind === 'ingress');
    expect(ingress?.lines).toContain('myapp.example.com/a → my-app-a:4200');
    expect(ingress?.lines).toContain('myapp.example.com/b → my-app-b:8080');
    // Lines from the Ingress to each Service it names, from the cloud to the controller's.
    expect(layout.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: ingress?.id, service: 'default/my-app-a' }),
        expect.objectContaining({ from: ingress?.id, service: 'default/my-app-b' }),
        expect.objectContaining({
          from: 'cloud',
          service: 'ingress-nginx/ingress-nginx-controller',
        }),
      ]),
    );
    // Services sit below the tallest box outside.
    const bottom = Math.max(...layout.outside.map((o) => o.y + o.height));
    expect(Math.min(...layout.services.map((s) => s.y))).toBeGreaterThan(bottom);
  });

  it('marks the Ingress, the Service and the places a request passed', () => {
    const r = trace(model, { from: 'external', to: 'http://myapp.example.com/a' });
    const marks = routeMarks(r);
    expect(marks).toContain('client');
    expect(marks).toContain('cloud');
    expect(marks).toContain(`ingress/default/${r.ingress?.name}`);
    expect(marks).toContain('default/my-app-a');
    expect(layout.outside.map((o) => o.id)).toContain(`ingress/default/${r.ingress?.name}`);
  });

  it('shows each Pod’s labels on demand', () => {
    const pod = layout.nodes.flatMap((n) => n.pods).find((p) => p.app === 'my-app-a');
    expect(pod?.labels).toContain('app=my-app-a');
  });
});

describe('the cluster in a grid: one column on a phone, as many as fit in a wider column', () => {
  type Box = { id: string; x: number; y: number; width: number; height: number };
  const boxesOf = (l: ReturnType<typeof layoutTopology>): Box[] => [
    ...l.outside,
    ...l.services.map((s) => ({
      ...s,
      width: topoGeometry.serviceWidth,
      height: topoGeometry.serviceHeight,
    })),
    ...l.nodes.map((n) => ({ ...n, id: n.name, width: topoGeometry.nodeWidth })),
  ];
  const scenarios = [
    'ingress-article.yaml',
    'service-nodeport.yaml',
    'troubleshoot.yaml',
    'networkpolicy-default-deny.yaml',
  ];
  /** Whether an axis-aligned segment passes through a box's inside. */
  const crosses = (a: Point, b: Point, box: Box) =>
    Math.max(a.x, b.x) > box.x + 0.5 &&
    Math.min(a.x, b.x) < box.x + box.width - 0.5 &&
    Math.max(a.y, b.y) > box.y + 0.5 &&
    Math.min(a.y, b.y) < box.y + box.height - 0.5;

  for (const file of scenarios) {
    const wide = layoutTopology(buildModel([{ file, text: readScenario(file) }]));
    const narrow = narrowTopology(wide);
    const grids = Array.from({ length: mostColumns(wide) }, (_, k) => columnsTopology(wide, k + 1));

    it(`${file}: one column is as wide as a node and its lanes, whatever the wide form's width`, () => {
      expect(wide.width).toBeGreaterThan(narrow.width);
      expect(narrow.width).toBeLessThanOrEqual(topoGeometry.nodeWidth + 52);
      expect(new Set(boxesOf(narrow).map((b) => b.x)).size).toBe(1);
    });

    it(`${file}: every grid draws every box, Pod, line and count of the wide form, inside its size`, () => {
      const pods = (l: typeof wide) => l.nodes.map((n) => [n.pods.map((p) => p.id), n.hidden]);
      const ends = (l: typeof wide) => [
        l.links.map((k) => `${k.from} ${k.service}`),
        l.edges.map((e) => `${e.service} ${e.pod} ${e.ready}`),
      ];
      for (const grid of grids) {
        expect(boxesOf(grid).map((b) => b.id)).toEqual(boxesOf(wide).map((b) => b.id));
        expect(pods(grid)).toEqual(pods(wide));
        expect(ends(grid)).toEqual(ends(wide));
        for (const b of boxesOf(grid)) {
          expect(b.x + b.width).toBeLessThanOrEqual(grid.width);
          expect(b.y + b.height).toBeLessThanOrEqual(grid.height);
        }
      }
      // More columns, never taller.
      for (const [k, grid] of grids.entries())
        if (k > 0) expect(grid.height).toBeLessThanOrEqual(grids[k - 1]?.height ?? 0);
    });

    it(`${file}: writes an Ingress rule too long for its box on two lines, not cut`, () => {
      for (const o of narrow.outside.filter((b) => b.kind === 'ingress'))
        for (const line of o.lines) expect(line.length).toBeLessThanOrEqual(charsIn(o.width));
    });

    it(`${file}: no box over another, each Pod inside its node`, () => {
      for (const grid of grids) {
        const boxes = boxesOf(grid);
        for (const [i, a] of boxes.entries())
          for (const b of boxes.slice(i + 1))
            expect(crosses(a, { x: a.x + a.width, y: a.y + a.height }, b)).toBe(false);
        for (const n of grid.nodes)
          for (const p of n.pods) {
            expect(p.x).toBeGreaterThan(n.x);
            expect(p.y).toBeGreaterThan(n.y);
            expect(p.y + topoGeometry.podHeight).toBeLessThanOrEqual(n.y + n.height);
          }
      }
    });

    it(`${file}: every line runs across and down, through no box but its own two, into their left sides`, () => {
      for (const grid of grids) {
        const boxes = boxesOf(grid);
        const byId = new Map(boxes.map((b) => [b.id, b]));
        const podAt = new Map(grid.nodes.flatMap((n) => n.pods.map((p) => [p.id, { p, n }])));
        for (const line of [...grid.links, ...grid.edges]) {
          const [first] = line.points;
          const last = line.points.at(-1);
          const pairs = line.points.slice(1).map((p, i) => [line.points[i] as Point, p] as const);
          for (const [a, b] of pairs) expect(a.x === b.x || a.y === b.y).toBe(true);
          const from = 'pod' in line ? byId.get(line.service) : byId.get(line.from);
          const pod = 'pod' in line ? podAt.get(line.pod) : undefined;
          const to = pod ? { ...pod.p, width: 0, height: 0 } : byId.get(line.service);
          expect(first?.x).toBe(from?.x);
          expect(last?.x).toBe(to?.x);
          const own = new Set([from, to, pod && byId.get(pod.n.name)]);
          for (const box of boxes.filter((b) => !own.has(b)))
            for (const [a, b] of pairs) expect(crosses(a, b, box), `${box.id}`).toBe(false);
        }
      }
    });
  }

  it('picks the wide rows where they fit, else the most columns that fit, else one', () => {
    const wide = layoutTopology(
      buildModel([{ file: 'a', text: readScenario('ingress-article.yaml') }]),
    );
    expect(topologyForm(wide, 4000)).toEqual({ layout: wide, grid: false });
    expect(topologyForm(wide, 0)).toEqual({ layout: wide, grid: false });
    const laptop = topologyForm(wide, 632);
    expect(laptop.grid).toBe(true);
    expect(Math.ceil(laptop.layout.width * 1.2)).toBeLessThanOrEqual(632);
    expect(laptop.layout.width).toBe(columnsTopology(wide, 2).width);
    expect(topologyForm(wide, 330).layout).toEqual(narrowTopology(wide));
    expect(topologyForm(wide, 100).layout).toEqual(narrowTopology(wide));
  });
});
