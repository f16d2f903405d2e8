// One scene for the chapters, the playground's worker and the bench: the
// trace and the views asked for, a target's placeholders filled in, and a
// target that names nothing said rather than thrown.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutRoute } from '../../src/components/diagrams/route-layout.ts';
import { scene } from '../../src/components/diagrams/scene.ts';
import { layoutTopology } from '../../src/components/diagrams/topology-layout.ts';
import { buildModel, iptables, trace } from '../../src/engine/index.ts';
import { gatewayModel } from './gateway-cluster.ts';

const text = readFileSync(
  join(import.meta.dirname, '..', '..', 'content', 'scenarios', 'service-nodeport.yaml'),
  'utf8',
);
const model = buildModel([{ file: 'a.yaml', text }]);
const request = { from: 'external', to: 'http://172.18.0.2:30080/', count: 1, seed: 1 };

describe('scene', () => {
  it('is the engine’s trace and the layouts the views draw from it', () => {
    const s = scene(model, request);
    const direct = trace(model, { from: 'external', to: request.to }, { seed: 1 });
    expect(s.trace).toEqual(direct);
    expect(s.route).toEqual(layoutRoute(direct));
    expect(s.topology).toEqual(layoutTopology(model));
    expect(s.architecture).not.toBeNull();
    expect(s.onRoute.length).toBeGreaterThan(0);
    // One request: no spread to draw.
    expect(s.spread).toBeNull();
  });

  it('lays out only the views asked for', () => {
    const s = scene(model, request, { views: ['route'] });
    expect(s.route).not.toBeNull();
    expect([s.topology, s.rules, s.architecture, s.spread]).toEqual([null, null, null, null]);
  });

  it('spreads many requests over the Pods', () => {
    const s = scene(model, { ...request, count: 50 }, { views: ['spread'] });
    expect(s.spread?.total).toBe(50);
  });

  it('shows the rules of the node the route met first, or of the node asked for', () => {
    const met = scene(model, request, { views: ['rules'] });
    expect(met.rules?.node).toBe('node-1');
    expect(met.rules?.text).toBe(iptables(model, 'node-1'));
    const asked = scene(model, request, { views: ['rules'], node: 'node-2' });
    expect(asked.rules?.node).toBe('node-2');
  });

  it('cuts a node’s rules past the line limit, saying how many lines were left out', () => {
    const full = (iptables(model, 'node-1') ?? '').split('\n').length;
    const s = scene(model, request, { views: ['rules'], maxRuleLines: 10 });
    const lines = s.rules?.text.split('\n') ?? [];
    expect(lines).toHaveLength(11);
    expect(lines[10]).toBe(`# … ${full - 10} more lines: routelab iptables prints them all`);
  });

  it('fills a target’s placeholders, and says why when one names nothing', () => {
    const filled = scene(model, { ...request, to: 'http://{clusterIP:my-service}/' });
    expect(filled.to).toMatch(/^http:\/\/10\.\d+\.\d+\.\d+\/$/);
    expect(filled.trace?.request.to).toBe(filled.to);
    const missing = scene(model, { ...request, to: 'http://{clusterIP:nothing}/' });
    expect(missing.trace).toBeNull();
    expect(missing.traceError).toMatch(/nothing/);
    expect(missing.topology).not.toBeNull();
    // On a Japanese page, why it was not sent is said in Japanese.
    const ja = scene(model, { ...request, to: 'http://{clusterIP:nothing}/' }, { lang: 'ja' });
    expect(ja.traceError).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(ja.traceError).toContain('nothing');
  });

  it('sends nothing for an empty target, and still lays out the cluster', () => {
    const s = scene(model, { ...request, to: '  ' });
    expect(s.trace).toBeNull();
    expect(s.traceError).toBe('');
    expect(s.route).toBeNull();
    expect(s.topology).not.toBeNull();
    expect(s.rules?.node).toBe(model.nodes[0]?.name);
  });

  it('through a Gateway, draws it in the cluster and marks it on the route', () => {
    const s = scene(gatewayModel(), { ...request, to: 'http://myapp.example.com/a' });
    expect(s.trace?.gateway?.listener).toBe('http');
    expect(s.topology?.outside.map((o) => o.id)).toContain('gateway/default/eg');
    expect(s.onRoute).toContain('gateway/default/eg');
    expect(s.route?.steps.filter((step) => step.notes.length > 0)).toHaveLength(2);
  });
});
