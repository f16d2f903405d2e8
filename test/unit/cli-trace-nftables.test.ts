// `routelab trace` on a cluster whose kube-proxy runs nftables mode
// (spec.kubeProxyMode, docs/cli.md "kube-proxy modes"): the real binary walks
// the `ip kube-proxy` table, and `--json` shows its hops (docs/cli-notes.md:
// kind "nftables" with table, chain, ruleText, element, verdict).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TraceResult } from '../../src/engine/index.ts';
import { root, routelab } from '../support/cli.ts';

const scenario = join(root, 'content', 'scenarios', 'service-nodeport.yaml');
const dir = mkdtempSync(join(tmpdir(), 'routelab-nft-trace-'));
const clusterDoc = join(dir, 'cluster.yaml');
writeFileSync(
  clusterDoc,
  'apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  kubeProxyMode: nftables\n',
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const traceJson = (files: string[], to: string, from = 'external'): TraceResult => {
  const run = routelab(['trace', ...files, '--from', from, '--to', to, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as TraceResult;
};

describe('routelab trace in nftables mode', { timeout: 60_000 }, () => {
  it('shows nftables hops, no iptables ones, from the NodePort to the endpoint’s DNAT', () => {
    const result = traceJson([scenario, clusterDoc], 'http://172.18.0.2:30080/');
    expect(result.outcome).toBe('delivered');
    expect(result.hops.some((h) => h.kind === 'iptables')).toBe(false);
    const nft = result.hops.filter((h) => h.kind === 'nftables');
    expect(nft.length).toBeGreaterThan(3);
    const nodePort = nft.find((h) => h.chain === 'services' && h.element?.includes('tcp . 30080'));
    expect(nodePort).toMatchObject({
      at: 'node-1',
      table: 'kube-proxy',
      ruleText: 'ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports',
      verdict: expect.stringMatching(/^goto external-[A-Z2-7]{8}-default\/my-service\/tcp\/$/),
    });
    const dnat = nft.find((h) => h.rewrite?.type === 'DNAT');
    expect(dnat?.rewrite).toEqual({
      type: 'DNAT',
      from: '172.18.0.2:30080',
      to: `${result.destination?.podIP}:8080`,
    });
    expect(dnat?.ruleText).toBe(`meta l4proto tcp dnat to ${result.destination?.podIP}:8080`);
    // externalTrafficPolicy Cluster: masqueraded as it leaves, in the masquerading chain.
    expect(nft.find((h) => h.rewrite?.type === 'SNAT')).toMatchObject({
      chain: 'masquerading',
      ruleText: 'masquerade fully-random',
    });
  });

  it('walks the iptables chains for the same request without the Cluster document', () => {
    const result = traceJson([scenario], 'http://172.18.0.2:30080/');
    expect(result.outcome).toBe('delivered');
    expect(result.hops.some((h) => h.kind === 'iptables')).toBe(true);
    expect(result.hops.some((h) => h.kind === 'nftables')).toBe(false);
  });

  it('prints nftables hops in the text trace and repeats with the same seed', () => {
    const args = ['trace', scenario, clusterDoc, '--to', 'http://172.18.0.2:30080/', '--count'];
    const one = routelab([...args, '20', '--seed', '3']);
    const two = routelab([...args, '20', '--seed', '3']);
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(two.stdout);
    expect(one.stdout).toMatch(
      /^ +\d+\. nftables @ node-1: ip kube-proxy nat-prerouting: jump services/m,
    );
  });
});
