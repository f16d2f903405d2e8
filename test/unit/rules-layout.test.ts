// The kube-proxy rule view: the nat chains as a graph with the trace's path
// marked. The path must be the chains the engine's netfilter walk really went
// through (service-nodeport.yaml: KUBE-SERVICES → KUBE-NODEPORTS → KUBE-EXT →
// KUBE-SVC → KUBE-SEP, as in proxier_test.go's NodePort cases).
import { describe, expect, it } from 'vitest';
import {
  firstRuleNode,
  layoutRules,
  narrowRules,
  rulesGeometry,
} from '../../src/components/diagrams/rules-layout.ts';
import { readScenario } from '../../src/course/read.ts';
import { buildModel, kubeProxyRules, trace } from '../../src/engine/index.ts';

const scenario = (name: string) => readScenario(name);
const model = (text: string) => buildModel([{ file: 'a.yaml', text }]);
const node = (m: ReturnType<typeof model>, name: string) => {
  const found = m.nodes.find((n) => n.name === name);
  if (!found) throw new Error(name);
  return found;
};

describe('layoutRules', () => {
  const m = model(scenario('service-nodeport.yaml'));
  const result = trace(m, { from: 'external', to: 'http://172.18.0.2:30080/' });
  const layout = layoutRules(kubeProxyRules(m, node(m, 'node-1')), result.hops);

  it('marks the chains a NodePort request walked, in kube-proxy order', () => {
    expect(firstRuleNode(result.hops)).toBe('node-1');
    const path = layout.chains.filter((c) => c.onPath);
    expect(path.map((c) => c.id.replace(/-[A-Z2-7]{16}$/, ''))).toEqual([
      'KUBE-SERVICES',
      'KUBE-NODEPORTS',
      'KUBE-EXT',
      'KUBE-SVC',
      'KUBE-SEP',
    ]);
    const sep = path.find((c) => c.id.startsWith('KUBE-SEP-'));
    expect(sep?.label).toBe(`${result.destination?.podIP}:8080`);
    const svc = path.find((c) => c.id.startsWith('KUBE-SVC-'));
    expect(svc?.label).toBe('default/my-service');
    expect(layout.edges.filter((e) => e.onPath)).toHaveLength(4);
    expect(layout.pathRules.some((r) => r.includes('DNAT --to-destination'))).toBe(true);
  });

  it('draws one KUBE-SEP per endpoint with the spread probability on the first', () => {
    const svc = layout.chains.find((c) => c.label === 'default/my-service' && c.column === 2);
    const out = layout.edges.filter((e) => e.from === svc?.id);
    expect(out).toHaveLength(2);
    expect(out.map((e) => e.probability)).toEqual(['0.5000000000', '']);
    // Endpoints sit under their Service's chain, in columns left to right.
    for (const e of out) {
      const to = layout.chains.find((c) => c.id === e.to);
      expect(to?.column).toBe(3);
    }
  });

  it('is the same for the same cluster and trace', () => {
    const again = layoutRules(kubeProxyRules(m, node(m, 'node-1')), result.hops);
    expect(JSON.stringify(again)).toBe(JSON.stringify(layout));
  });

  it('marks nothing on a node the request did not pass', () => {
    const other = layoutRules(kubeProxyRules(m, node(m, 'node-2')), result.hops);
    expect(other.chains.some((c) => c.onPath)).toBe(false);
    expect(other.pathRules).toEqual([]);
  });

  it('is empty on a node whose kube-proxy is stopped', () => {
    const stopped = model(
      `${scenario('service-nodeport.yaml')}\n---\napiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  nodes:\n    - name: node-1\n      kubeProxy: Stopped\n`,
    );
    const empty = layoutRules(kubeProxyRules(stopped, node(stopped, 'node-1')));
    expect(empty.chains).toEqual([]);
  });

  it('keeps the route and leaves the rest out when there are too many chains to read', () => {
    const services = Array.from(
      { length: 40 },
      (_, i) =>
        `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${String(i).padStart(2, '0')}\nspec:\n  selector:\n    app: my-app\n  ports:\n    - port: 80\n      targetPort: 8080\n`,
    ).join('');
    const big = model(`${scenario('service-nodeport.yaml')}\n${services}`);
    const r = trace(big, { from: 'external', to: 'http://172.18.0.2:30080/' });
    const l = layoutRules(kubeProxyRules(big, node(big, 'node-1')), r.hops);
    expect(l.chains.length).toBe(rulesGeometry.maxChains);
    expect(l.hidden).toBeGreaterThan(0);
    expect(l.chains.filter((c) => c.onPath)).toHaveLength(5);
  });

  it('reads the path from the hops’ parsed rules, not from their English text', () => {
    const blank = result.hops.map((h) => ({ ...h, detail: '' }));
    const again = layoutRules(kubeProxyRules(m, node(m, 'node-1')), blank);
    expect(again).toEqual(layout);
    expect(layout.pathRules.length).toBeGreaterThan(0);
  });

  it('narrow: the walked chains one under another, each jump a line down, the rest counted', () => {
    const narrow = narrowRules(layout);
    expect(narrow.chains.map((c) => c.id)).toEqual(
      layout.chains.filter((c) => c.onPath).map((c) => c.id),
    );
    expect(narrow.chains.map((c) => c.id.replace(/-[A-Z2-7]{16}$/, ''))).toEqual([
      'KUBE-SERVICES',
      'KUBE-NODEPORTS',
      'KUBE-EXT',
      'KUBE-SVC',
      'KUBE-SEP',
    ]);
    expect(narrow.width).toBe(2 * rulesGeometry.margin + rulesGeometry.chainWidth);
    expect(new Set(narrow.chains.map((c) => c.x)).size).toBe(1);
    const ys = narrow.chains.map((c) => c.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(narrow.height).toBeGreaterThanOrEqual(
      (ys.at(-1) ?? 0) + rulesGeometry.chainHeight + rulesGeometry.margin,
    );
    // Every jump drawn joins two consecutive chains: a line down never crosses a third.
    const row = new Map(narrow.chains.map((c, i) => [c.id, i]));
    expect(narrow.edges).toHaveLength(4);
    for (const e of narrow.edges) expect((row.get(e.to) ?? 0) - (row.get(e.from) ?? 0)).toBe(1);
    expect(narrow.hidden).toBe(layout.chains.length - 5);
  });

  it('narrow, on a node the request did not pass: the entry points', () => {
    const other = narrowRules(layoutRules(kubeProxyRules(m, node(m, 'node-2')), result.hops));
    expect(other.chains.map((c) => c.id)).toEqual(['KUBE-SERVICES', 'KUBE-NODEPORTS']);
    expect(other.edges.map((e) => `${e.from} ${e.to}`)).toEqual(['KUBE-SERVICES KUBE-NODEPORTS']);
  });
});
