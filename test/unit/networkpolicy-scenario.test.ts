// Chapter 8's NetworkPolicy figure: its scenario's request must end where the
// chapter says it does, in default-deny's drop of ingress-nginx's connection
// (a 504), said in both locales; and the policy is what ends it.
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/course/read.ts';
import { buildModel, trace } from '../../src/engine/index.ts';
import { loadEngineWords } from '../../src/i18n/engine/index.ts';

const name = 'networkpolicy-default-deny.yaml';
const request = { from: 'external', to: 'http://shop.example.com/' };

describe(`the scenario ${name}`, () => {
  it('ends in default-deny dropping ingress-nginx’s connection to frontend: HTTP 504', () => {
    const result = trace(buildModel([{ file: name, text: readScenario(name) }]), request);
    expect(result.outcome).toBe('http-error');
    expect(result.status).toBe(504);
    const last = result.hops.at(-1);
    expect(last?.message.id).toBe('netpol.dropped');
    expect(last?.message.params).toMatchObject({
      direction: 'Ingress',
      namespace: 'shop',
      policies: ['default-deny'],
      peerPod: expect.stringMatching(/^ingress-nginx\/ingress-nginx-controller-/),
      port: 8080,
    });
  });

  it('is delivered once the CNI ignores policies, as flannel alone would', () => {
    const ignored = `apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec: {networkPolicy: ignored}\n---\n${readScenario(name)}`;
    const result = trace(buildModel([{ file: name, text: ignored }]), request);
    expect(result.outcome).toBe('delivered');
    expect(result.hops.some((h) => h.message.id.startsWith('netpol.'))).toBe(false);
  });

  it('has every hop and the ending in Japanese, and in English as the CLI prints them', async () => {
    const result = trace(buildModel([{ file: name, text: readScenario(name) }]), request);
    const ja = await loadEngineWords('ja');
    const en = await loadEngineWords('en');
    for (const hop of result.hops) expect(en.hop(hop)).toBe(hop.detail);
    expect(ja.hop(result.hops.at(-1) as (typeof result.hops)[number])).toContain(
      '受信（ingress）を制限',
    );
    expect(ja.reason(result)).toContain('504 Gateway Time-out');
  });
});
