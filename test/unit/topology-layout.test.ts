// The cluster diagram's layout: positions follow names, so it is the same for
// the same cluster and a small edit moves only what it must.
import { describe, expect, it } from 'vitest';
import { topologyForm } from '../../src/components/diagrams/svg.ts';
import {
  layoutTopology,
  type Point,
  routeMarks,
  serviceTitle,
  topoGeometry,
} from '../../src/components/diagrams/topology-layout.ts';
import {
  charsIn,
  columnsTopology,
  mostColumns,
  narrowGeometry,
  narrowTopology,
} from '../../src/components/diagrams/topology-narrow.ts';
import { readScenario } from '../../src/course/read.ts';
import { buildModel, trace } from '../../src/engine/index.ts';
import { gatewayModel, gatewayYaml } from './gateway-cluster.ts';

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

describe('layoutTopology: a Gateway', () => {
  const model = gatewayModel();
  const layout = layoutTopology(model);
  const gateway = layout.outside.find((o) => o.kind === 'gateway');
  const envoy = layout.services.find((s) =>
    s.id.startsWith('envoy-gateway-system/envoy-default-eg-'),
  );

  it('draws the Gateway beside the client and the cloud, with its listener and the routes attached to it', () => {
    expect(layout.outside.map((o) => o.kind)).toEqual(['client', 'load-balancer', 'gateway']);
    expect(gateway?.title).toBe('Gateway eg');
    // Two routes attached to each: the stray one names a listener the Gateway does not have.
    expect(gateway?.lines.slice(0, 3)).toEqual([
      'listener http HTTP:80 * (2 routes)',
      'listener https HTTPS:443 myapp.example.com',
      '  (2 routes)',
    ]);
    const text = gateway?.lines.join('\n') ?? '';
    expect(text).toContain('HTTPRoute app\nmyapp.example.com/a → my-app-a:4200');
    // Several backendRefs: each with its share of the requests, on a line of their own when long.
    expect(text).toMatch(/myapp\.example\.com\/b\s+→ my-app-a:4200 90%, my-app-b:8080 10%/);
    // A route without hostnames serves any host on a listener without one.
    // One without hostnames serves any host on the listener without one, and the other's host.
    expect(text).toContain(
      'HTTPRoute fallback\n*/ → default-app:80\nmyapp.example.com/ → default-app:80',
    );
    expect(text).not.toContain('stray');
    for (const line of gateway?.lines ?? [])
      expect(line.length).toBeLessThanOrEqual(charsIn(gateway?.width ?? 0));
  });

  it('links the Gateway to the Services its rules send to, and to the Envoy Service that serves it', () => {
    const from = layout.links.filter((l) => l.from === gateway?.id);
    expect(from.filter((l) => !l.proxy).map((l) => l.service)).toEqual([
      'default/my-app-a',
      'default/my-app-b',
      'default/default-app',
    ]);
    expect(from.filter((l) => l.proxy).map((l) => l.service)).toEqual([envoy?.id]);
    expect(envoy?.type).toBe('LoadBalancer');
    // The cloud's load balancer is the Envoy Service's.
    expect(layout.links).toContainEqual(
      expect.objectContaining({ from: 'cloud', service: envoy?.id }),
    );
    // Every link ends at a Service drawn.
    for (const l of layout.links) expect(layout.services.map((s) => s.id)).toContain(l.service);
  });

  it('marks the Gateway, its Envoy Service and Pod, and the Service a request through it reached', () => {
    const r = trace(model, { from: 'external', to: 'http://myapp.example.com/a' });
    const marks = new Set(routeMarks(r));
    expect(marks.has(gateway?.id ?? '')).toBe(true);
    expect(marks.has(envoy?.id ?? '')).toBe(true);
    expect(marks.has('default/my-app-a')).toBe(true);
    const envoyPod = layout.nodes.flatMap((n) => n.pods).find((p) => p.name.startsWith('envoy-'));
    expect(marks.has(envoyPod?.name ?? '')).toBe(true);
    // The lines drawn on the route: the cloud's to Envoy, the Gateway's to Envoy and to my-app-a.
    const onRoute = layout.links.filter((l) => marks.has(l.from) && marks.has(l.service));
    expect(onRoute.map((l) => `${l.from} ${l.service}`).sort()).toEqual(
      [
        `cloud ${envoy?.id}`,
        `${gateway?.id} ${envoy?.id}`,
        `${gateway?.id} default/my-app-a`,
      ].sort(),
    );
    // Not through a Gateway, no Gateway is marked.
    const ip = model.services.find((s) => s.metadata.name === 'my-app-a')?.clusterIP;
    const direct = trace(model, { from: 'deployment/my-app-b', to: `http://${ip}:4200/` });
    expect(direct.outcome).toBe('delivered');
    expect(routeMarks(direct).some((m) => m.startsWith('gateway/'))).toBe(false);
  });

  it('runs every line from outside across the band above the Services, under no other box', () => {
    const inside = (a: Point, b: Point, o: (typeof layout.outside)[number]) =>
      Math.max(a.x, b.x) > o.x &&
      Math.min(a.x, b.x) < o.x + o.width &&
      Math.max(a.y, b.y) > o.y &&
      Math.min(a.y, b.y) < o.y + o.height;
    const bottom = Math.max(...layout.outside.map((o) => o.y + o.height));
    for (const link of layout.links) {
      const pairs = link.points.slice(1).map((p, i) => [link.points[i] as Point, p] as const);
      for (const [a, b] of pairs) expect(a.x === b.x || a.y === b.y).toBe(true);
      for (const o of layout.outside.filter((o) => o.id !== link.from))
        for (const [a, b] of pairs)
          expect(inside(a, b, o), `${link.from} over ${o.id}`).toBe(false);
      const across = link.points.filter((p, i) => i > 0 && p.y === link.points[i - 1]?.y);
      for (const p of across) expect(p.y).toBeGreaterThan(bottom);
    }
  });

  it('names the Envoy Service apart from the Envoy Gateway controller’s, in the room a Service box has', () => {
    const titles = layout.services
      .filter((s) => s.id.startsWith('envoy-gateway-system/'))
      .map(serviceTitle);
    expect(titles).toEqual([envoy?.id.split('/')[1], 'envoy-gateway · ClusterIP']);
    expect(serviceTitle({ id: 'default/my-app-a', name: 'my-app-a', type: 'ClusterIP' })).toBe(
      'my-app-a · ClusterIP',
    );
  });

  it('says why Envoy does not serve a Gateway whose class no controller accepts', () => {
    const foreign = gatewayYaml.replace(
      'gateway.envoyproxy.io/gatewayclass-controller',
      'example.com/other-controller',
    );
    const box = layout2(foreign).outside.find((o) => o.kind === 'gateway');
    expect(box?.lines[0]).toBe('GatewayClass eg: not accepted');
    expect(box?.lines.join('\n')).not.toContain('HTTPRoute');
  });
});

const layout2 = (source: string) => layoutTopology(buildModel([{ file: 'g.yaml', text: source }]));

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
  const scenarios: [string, string][] = [
    ...[
      'ingress-article.yaml',
      'service-nodeport.yaml',
      'troubleshoot.yaml',
      'networkpolicy-default-deny.yaml',
    ].map((file): [string, string] => [file, readScenario(file)]),
    ['a Gateway', gatewayYaml],
  ];
  /** Whether an axis-aligned segment passes through a box's inside. */
  const crosses = (a: Point, b: Point, box: Box) =>
    Math.max(a.x, b.x) > box.x + 0.5 &&
    Math.min(a.x, b.x) < box.x + box.width - 0.5 &&
    Math.max(a.y, b.y) > box.y + 0.5 &&
    Math.min(a.y, b.y) < box.y + box.height - 0.5;

  for (const [file, text] of scenarios) {
    const wide = layoutTopology(buildModel([{ file, text }]));
    const narrow = narrowTopology(wide);
    const grids = Array.from({ length: mostColumns(wide) }, (_, k) => columnsTopology(wide, k + 1));

    it(`${file}: one column is as wide as a node and its lanes, whatever the wide form's width`, () => {
      expect(wide.width).toBeGreaterThan(narrow.width);
      // The gutter's lanes stop at maxGutter, however many boxes send lines.
      const g = narrowGeometry;
      expect(narrow.width).toBeLessThanOrEqual(
        topoGeometry.nodeWidth + 2 * g.margin + g.maxGutter + g.laneGap,
      );
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

    it(`${file}: writes an Ingress or Gateway line too long for its box on two, not cut`, () => {
      for (const grid of grids)
        for (const o of grid.outside)
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

  it('draws a Gateway’s cluster on a phone in one column that fits it, never wider', () => {
    const wide = layoutTopology(gatewayModel());
    // A 390 px phone's chapter column, less its padding.
    const phone = topologyForm(wide, 358);
    expect(phone.layout).toEqual(narrowTopology(wide));
    expect(Math.ceil(phone.layout.width * 1.2)).toBeLessThanOrEqual(358);
    const box = phone.layout.outside.find((o) => o.kind === 'gateway');
    expect(box?.width).toBe(topoGeometry.nodeWidth);
    expect(box?.lines).toContain('  (2 routes)');
    expect(box?.lines).toContain('  → my-app-a:4200');
    // A laptop's: the wide rows, or the grid of most columns that fits.
    const laptop = topologyForm(wide, 632);
    expect(Math.ceil(laptop.layout.width * 1.2)).toBeLessThanOrEqual(632);
  });

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
