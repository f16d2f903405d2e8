// The rules view in nftables mode: the chains of ip kube-proxy the request
// walked on the node, in order, each jump a line down, and the matched rules
// found in the table's text; on a node it did not cross, the hooked chains.
import { describe, expect, it } from 'vitest';
import { layoutNFTablesRules } from '../../src/components/diagrams/nft-rules-layout.ts';
import { readScenario } from '../../src/course/read.ts';
import { buildModel, nftables, trace } from '../../src/engine/index.ts';

const model = buildModel([
  { file: 'a.yaml', text: readScenario('service-nodeport.yaml') },
  {
    file: 'cluster.yaml',
    text: 'apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  kubeProxyMode: nftables\n',
  },
]);
const result = trace(model, { from: 'external', to: 'http://172.18.0.2:30080/' });

describe('layoutNFTablesRules', () => {
  const text = nftables(model, 'node-1') ?? '';
  const layout = layoutNFTablesRules('node-1', text, result.hops);

  it('draws the walked chains in order, from the hook to the endpoint that DNATs', () => {
    const ids = layout.chains.map((c) => c.id.replace(/-[A-Z2-7]{8}-.*$/, ''));
    expect(ids.slice(0, 5)).toEqual([
      'filter-prerouting-pre-dnat',
      'nat-prerouting',
      'services',
      'external',
      'service',
    ]);
    expect(ids).toContain('endpoint');
    const endpoint = layout.chains.find((c) => c.id.startsWith('endpoint-'));
    expect(endpoint?.label).toBe(`endpoint ${result.destination?.podIP}:8080`);
    expect(layout.chains.every((c) => c.onPath && c.x === layout.chains[0]?.x)).toBe(true);
  });

  it('joins a chain to the one it jumped or went to, and finds each matched rule in the text', () => {
    const row = new Map(layout.chains.map((c, i) => [c.id, i]));
    expect(layout.edges.length).toBeGreaterThan(3);
    for (const e of layout.edges)
      expect((row.get(e.to) ?? 0) - (row.get(e.from) ?? 0)).toBeGreaterThan(0);
    const lines = text.split('\n');
    expect(layout.pathRules.length).toBeGreaterThan(5);
    for (const rule of layout.pathRules) expect(lines).toContain(rule);
    expect(layout.pathRules.some((r) => r.includes('dnat to'))).toBe(true);
    expect(layout.hidden).toBeGreaterThan(0);
  });

  it('on a node the request did not cross: the hooked chains, none on the path', () => {
    const other = layoutNFTablesRules('node-2', nftables(model, 'node-2') ?? '', result.hops);
    expect(other.chains.map((c) => c.id)).toContain('nat-prerouting');
    expect(other.chains.some((c) => c.onPath)).toBe(false);
    expect(other.pathRules).toEqual([]);
  });
});
