// The cluster diagram's layout: positions follow names, so it is the same for
// the same cluster and a small edit moves only what it must.
import { describe, expect, it } from 'vitest';
import {
  layoutTopology,
  routeMarks,
  topoGeometry,
} from '../../src/components/diagrams/topology-layout.ts';
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
        { from: ingress?.id, service: 'default/my-app-a' },
        { from: ingress?.id, service: 'default/my-app-b' },
        { from: 'cloud', service: 'ingress-nginx/ingress-nginx-controller' },
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
