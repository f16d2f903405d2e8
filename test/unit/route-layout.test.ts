// The route diagram's layout: deterministic, one lane per place in the order
// the request reaches it, one row per hop, the end below the last hop.

import { describe, expect, it } from 'vitest';
import {
  geometry,
  layoutRoute,
  narrowGeometry,
  narrowRoute,
  noteY,
  rowHeight,
} from '../../src/components/diagrams/route-layout.ts';
import { readScenario } from '../../src/course/read.ts';
import { buildModel, trace } from '../../src/engine/index.ts';
import { loadEngineWords } from '../../src/i18n/engine/index.ts';
import { gatewayModel } from './gateway-cluster.ts';

const scenario = (name: string) => ({
  file: name,
  text: readScenario(name),
});

describe('layoutRoute', () => {
  const model = buildModel([scenario('service-nodeport.yaml')]);
  const result = trace(model, { from: 'external', to: 'http://172.18.0.2:30080/' });

  it('says each hop and the end in the page’s words: Japanese on a Japanese page, the CLI’s English without', async () => {
    const words = await loadEngineWords('ja');
    const ja = layoutRoute(result, words);
    expect(ja.steps.map((s) => s.detail)).toEqual(result.hops.map((h) => words.hop(h)));
    expect(ja.steps.some((s) => /[\u3040-\u30ff]/.test(s.detail))).toBe(true);
    expect(ja.end.reason).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    const plain = layoutRoute(result);
    expect(plain.steps.map((s) => s.detail)).toEqual(result.hops.map((h) => h.detail));
    expect(plain.end.reason).toBe(result.reason);
  });

  it('gives each place a lane, in the order the request first gets there', () => {
    const layout = layoutRoute(result);
    const order = [...new Set(result.hops.map((h) => h.at))];
    expect(layout.places.map((p) => p.id)).toEqual(order);
    expect(layout.places.at(-1)?.id).toBe(result.destination?.pod);
    // Lanes are evenly spaced, left to right.
    const xs = layout.places.map((p) => p.x);
    for (let i = 1; i < xs.length; i++)
      expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBe(geometry.columnWidth);
  });

  it('puts each hop in its place’s lane, one row further down, and the end below them', () => {
    const layout = layoutRoute(result);
    expect(layout.steps).toHaveLength(result.hops.length);
    layout.steps.forEach((step, i) => {
      const place = layout.places.find((p) => p.id === result.hops[i]?.at);
      expect(step.x).toBe(place?.x);
      expect(step.y).toBe(geometry.top + i * geometry.rowHeight);
    });
    expect(layout.end).toMatchObject({ outcome: 'delivered', x: layout.steps.at(-1)?.x });
    expect(layout.end.y).toBeGreaterThan(layout.steps.at(-1)?.y ?? 0);
    expect(layout.height).toBeGreaterThan(layout.end.y);
  });

  it('marks the hops that rewrite the packet: DNAT in the KUBE-SEP rule, SNAT in KUBE-POSTROUTING', () => {
    const layout = layoutRoute(result);
    const rewrites = layout.steps.filter((s) => s.rewrite !== '');
    const podAddress = `${result.destination?.podIP}:${result.destination?.port}`;
    // Only the rules that act: the DNAT of the endpoint's chain, and kube-proxy's MASQUERADE.
    expect(rewrites.map((s) => s.label.replace(/-[A-Z2-7]{16}$/, ''))).toEqual([
      'KUBE-SEP',
      'KUBE-POSTROUTING',
    ]);
    expect(rewrites[0]?.rewrite).toBe(`dst ${podAddress}`);
    expect(rewrites[0]?.detail).toContain('-j DNAT --to-destination');
    expect(rewrites[1]?.rewrite).toMatch(/^src 172\.18\.0\.\d+:\d+$/);
    expect(rewrites[1]?.detail).toContain('-j MASQUERADE');
  });

  it('shows the cloud load balancer sending a request for its address on to a node’s NodePort', () => {
    const lb = buildModel([scenario('service-loadbalancer.yaml')]);
    const address = lb.services.find((s) => s.metadata.name === 'my-service')
      ?.loadBalancerIngress[0];
    expect(address).toMatch(/^198\.51\.100\.\d+$/);
    const sent = trace(lb, { from: 'external', to: `http://${address}/` });
    const [balancer] = layoutRoute(sent).steps;
    expect(balancer?.kind).toBe('load-balancer');
    expect(balancer?.rewrite).toMatch(/^dst 172\.18\.0\.\d+:3\d{4}$/);
    // Sent straight to a node's NodePort, the node changes nothing.
    expect(layoutRoute(result).steps[0]?.rewrite).toBe('');
  });

  it('names each rule row by the chain the rule is in, as kube-proxy wrote it', () => {
    const labels = layoutRoute(result)
      .steps.filter((s) => s.kind === 'iptables')
      .map((s) => s.label.replace(/-[A-Z2-7]{16}$/, ''));
    // KUBE-EXT's two rules (mark for masquerade, then on to KUBE-SVC): the chain
    // named once, the second row saying what its rule did.
    expect(labels.slice(0, 4)).toEqual([
      'KUBE-SERVICES',
      'KUBE-NODEPORTS',
      'KUBE-EXT',
      '└ -j KUBE-SVC-FXIYY6OHUS…',
    ]);
    expect(labels).toContain('KUBE-SEP');
    expect(labels.at(-1)).toBe('KUBE-POSTROUTING');
    const all = layoutRoute(result).steps.map((s) => s.label);
    for (let i = 1; i < all.length; i++) expect(all[i]).not.toBe(all[i - 1]);
  });

  it('lays the same trace out the same way, and a refused request ends where it stopped', () => {
    expect(JSON.stringify(layoutRoute(result))).toBe(JSON.stringify(layoutRoute(result)));
    const refused = trace(model, { from: 'external', to: 'http://172.18.0.2:30081/' });
    const layout = layoutRoute(refused);
    expect(layout.end.outcome).toBe('refused');
    expect(layout.end.reason).toBe(refused.reason);
    expect(layout.end.x).toBe(layout.steps.at(-1)?.x);
  });

  it('labels a rule’s row with the chain the hop names as a field, not one read from its text', () => {
    const layout = layoutRoute(result);
    const rows = result.hops.filter((h) => h.kind === 'iptables');
    expect(rows.length).toBeGreaterThan(0);
    // Each row's chain from the hop's field; a repeat of the chain above is its rule's jump.
    expect(layout.steps.filter((s) => s.kind === 'iptables').map((s) => s.label)).toEqual(
      rows.map((h, i) =>
        h.chain === rows[i - 1]?.chain ? `└ -j ${h.rule?.jump}`.slice(0, 24).concat('…') : h.chain,
      ),
    );
    const blank = layoutRoute({ ...result, hops: result.hops.map((h) => ({ ...h, detail: '' })) });
    expect(blank.steps.map((s) => s.label)).toEqual(layout.steps.map((s) => s.label));
  });
});

describe('narrowRoute: the one-lane form for a phone', () => {
  const model = buildModel([scenario('ingress-article.yaml')]);
  const result = trace(model, { from: 'external', to: 'http://myapp.example.com/a' });
  const wide = layoutRoute(result);
  const narrow = narrowRoute(wide);

  it('is as tall as the wide form (a chapter reserved that box) and fits a 280-unit column', () => {
    expect(narrow.height).toBe(wide.height);
    expect(narrow.width).toBe(narrowGeometry.width);
    expect(narrow.width).toBeLessThan(wide.width);
    expect(new Set(narrow.steps.map((s) => s.x)).size).toBe(1);
    expect(narrow.steps.map((s) => s.y)).toEqual(wide.steps.map((s) => s.y));
  });

  it('names each place once, on the row where the request gets there, in full on focus', () => {
    const arrivals = wide.steps.filter((s, i) => s.place !== wide.steps[i - 1]?.place);
    expect(narrow.marks?.map((m) => m.y)).toEqual(arrivals.map((s) => s.y));
    expect(narrow.marks?.map((m) => m.full)).toEqual(arrivals.map((s) => s.place));
    for (const mark of narrow.marks ?? [])
      expect([...mark.label].length).toBeLessThanOrEqual(narrowGeometry.gutterChars);
    expect(narrow.marks?.some((m) => m.label.endsWith('…'))).toBe(true);
  });

  it('keeps every row’s words within the column, a chain name whole', () => {
    for (const step of narrow.steps) {
      expect([...step.label].length).toBeLessThanOrEqual(narrowGeometry.textChars);
      expect([...step.rewrite].length).toBeLessThanOrEqual(narrowGeometry.textChars);
    }
    expect(narrow.steps.map((s) => s.label)).toContain(
      wide.steps.find((s) => s.label.startsWith('KUBE-SEP-'))?.label,
    );
  });
});

describe('an Envoy hop: its listener, the rule that matched and each filter under its row', () => {
  const model = gatewayModel();
  const result = trace(model, { from: 'external', to: 'http://myapp.example.com/a' });
  const envoy = (l: ReturnType<typeof layoutRoute>) => l.steps.filter((s) => s.kind === 'gateway');
  /** Columns a line takes in the monospace font: a Japanese character two. */
  const columns = (line: string) =>
    [...line].reduce(
      (n, ch) => n + (/[\u3000-\u30ff\u4e00-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1),
      0,
    );

  it('says the matched route in words under the Gateway’s row: its listener, route, rule and match', () => {
    expect(result.gateway?.route).toMatchObject({ name: 'app', rule: 0 });
    const [route, filter] = envoy(layoutRoute(result));
    expect(route?.label).toBe('gateway');
    const said = route?.notes.join(' ');
    expect(said).toBe(result.hops.find((h) => h.message.id === 'gateway.route')?.detail);
    expect(said).toContain('listener http');
    expect(said).toContain('HTTPRoute default/app rule 0 (PathPrefix /a)');
    expect(filter?.notes.join(' ')).toBe('RequestHeaderModifier: set x-team: a');
  });

  it('says them in the page’s words, as the hop list does', async () => {
    const words = await loadEngineWords('ja');
    const hops = result.hops.filter((h) => h.kind === 'gateway');
    const rows = envoy(layoutRoute(result, words));
    // Lines break at spaces (dropped) or between Japanese characters.
    expect(rows.map((r) => r.notes.join('').replace(/\s/g, ''))).toEqual(
      hops.map((h) => words.hop(h).replace(/\s/g, '')),
    );
    expect(rows[0]?.notes.join('')).toContain('リスナー');
    for (const row of rows)
      for (const line of row.notes)
        expect(columns(line)).toBeLessThanOrEqual(narrowGeometry.textChars);
  });

  it('gives a row with notes the room they take, moving the rows after it down', () => {
    const layout = layoutRoute(result);
    layout.steps.forEach((step, i) => {
      const next = layout.steps[i + 1] ?? layout.end;
      expect(next.y - step.y).toBe(rowHeight(step));
      // The last note stands above the next row's label, as far as a note from the line before it.
      if (step.notes.length > 0)
        expect(next.y + 4 - (step.y + noteY(step, step.notes.length - 1))).toBeGreaterThanOrEqual(
          geometry.noteHeight,
        );
    });
    expect(layout.steps.filter((s) => s.notes.length > 0).map((s) => s.message.id)).toEqual([
      'gateway.route',
      'gateway.header-filter',
    ]);
    // Hops that are not Envoy's say their sentence on focus, as before, and keep their height.
    const rule = layout.steps.find((s) => s.kind === 'iptables');
    expect(rule?.notes).toEqual([]);
    expect(rule && rowHeight(rule)).toBe(geometry.rowHeight);
  });

  it('shows a split’s weight and an HTTPS listener’s TLS in words too', () => {
    const split = layoutRoute(trace(model, { from: 'external', to: 'http://myapp.example.com/b' }));
    expect(split.steps.map((s) => s.notes.join(' '))).toContainEqual(
      expect.stringMatching(/^backendRefs weigh (90|10) of 100 for Service default\/my-app-[ab]/),
    );
    const https = layoutRoute(
      trace(model, { from: 'external', to: 'https://myapp.example.com/a' }),
    );
    const tls = https.steps.find((s) => s.kind === 'tls');
    expect(tls?.notes.join(' ')).toBe(
      'Envoy terminates TLS for myapp.example.com on listener https with the certificate in Secret default/myapp-tls',
    );
    expect(https.steps.find((s) => s.kind === 'gateway')?.notes.join(' ')).toContain(
      'listener https',
    );
  });

  it('keeps the narrow form as tall as the wide one, every note within its column', () => {
    const wide = layoutRoute(result);
    const narrow = narrowRoute(wide);
    expect(narrow.height).toBe(wide.height);
    expect(narrow.steps.map((s) => s.notes)).toEqual(wide.steps.map((s) => s.notes));
    for (const step of narrow.steps)
      for (const line of step.notes)
        expect(line.length).toBeLessThanOrEqual(narrowGeometry.textChars);
  });
});
