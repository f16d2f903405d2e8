// The playground's NetworkPolicy switches: "default deny in namespace" adds or
// removes a NetworkPolicy default-deny document in the learner's YAML (no
// other line changes), and "a CNI that enforces NetworkPolicy" writes
// spec.networkPolicy into the Cluster document; the engine then drops, or no
// longer drops, what the chapter says it does.
import { describe, expect, it } from 'vitest';
import { choicesOf } from '../../src/components/playground/choices.ts';
import { applyFault, type Fault } from '../../src/components/playground/cluster-doc.ts';
import {
  defaultDenyManifest,
  switchDefaultDeny,
} from '../../src/components/playground/policy-doc.ts';
import { readScenario } from '../../src/course/read.ts';
import { buildModel, trace } from '../../src/engine/index.ts';

const model = (text: string) => buildModel([{ file: 'playground.yaml', text }]);
const switched = (text: string, fault: Fault) => {
  const result = applyFault(text, fault, ['node-1', 'node-2', 'node-3']);
  if ('error' in result) throw new Error(result.error);
  return result.text;
};
const errors = (text: string) =>
  model(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.message);

describe('the default deny switch', () => {
  const clusterIP = readScenario('service-clusterip.yaml');

  it('adds default-deny to namespace default after every line as it was, and takes it away again', () => {
    expect(choicesOf(model(clusterIP)).namespaces).toContainEqual({
      name: 'default',
      defaultDeny: false,
    });
    const denied = switched(clusterIP, { kind: 'defaultDeny', namespace: 'default', on: true });
    expect(denied.startsWith(clusterIP)).toBe(true);
    expect(denied.endsWith(`${defaultDenyManifest('default')}\n`)).toBe(true);
    expect(errors(denied)).toEqual([]);
    expect(choicesOf(model(denied)).namespaces).toContainEqual({
      name: 'default',
      defaultDeny: true,
    });
    // The Pod's name lookup is the first thing dropped: a timeout, not a refusal.
    const dropped = trace(model(denied), { from: 'deployment/my-app', to: 'http://my-service/' });
    expect(dropped.outcome).toBe('timeout');
    expect(dropped.reasonMessage.id).toBe('netpol.dns-dropped');
    // Switching it on twice adds nothing more; off restores the text to the byte.
    expect(switched(denied, { kind: 'defaultDeny', namespace: 'default', on: true })).toBe(denied);
    const back = switched(denied, { kind: 'defaultDeny', namespace: 'default', on: false });
    expect(back).toBe(clusterIP);
    expect(
      trace(model(back), { from: 'deployment/my-app', to: 'http://my-service/' }).outcome,
    ).toBe('delivered');
  });

  it('removes the chapter 8 scenario’s default-deny from the middle, keeping allow-dns and the rest', () => {
    const shop = readScenario('networkpolicy-default-deny.yaml');
    expect(choicesOf(model(shop)).namespaces.find((n) => n.name === 'shop')?.defaultDeny).toBe(
      true,
    );
    const opened = switched(shop, { kind: 'defaultDeny', namespace: 'shop', on: false });
    expect(choicesOf(model(opened)).namespaces.find((n) => n.name === 'shop')?.defaultDeny).toBe(
      false,
    );
    expect(opened).toBe(shop.replace(`${defaultDenyManifest('shop')}\n---\n`, ''));
    const m = model(opened);
    expect(m.networkPolicies.map((p) => p.metadata.name)).toEqual(['allow-dns']);
    // allow-dns isolates egress only: ingress-nginx reaches frontend again.
    expect(trace(m, { from: 'external', to: 'http://shop.example.com/' }).outcome).toBe(
      'delivered',
    );
  });

  it('touches only its own namespace, and finds its document wherever the text has it', () => {
    const shop = readScenario('networkpolicy-default-deny.yaml');
    expect(switched(shop, { kind: 'defaultDeny', namespace: 'default', on: false })).toBe(shop);
    const first = `${defaultDenyManifest('default')}\n---\n${clusterIP}`;
    expect(switchDefaultDeny(first, 'default', false)).toBe(clusterIP);
    const unended = `${clusterIP}---\n${defaultDenyManifest('default')}`;
    expect(switchDefaultDeny(unended, 'default', false)).toBe(clusterIP.replace(/\n$/, ''));
    // A document with no namespace is in default; one that is not YAML is left alone.
    const bare = `${clusterIP}---\n${defaultDenyManifest('default').replace('  namespace: default\n', '')}\n`;
    expect(switchDefaultDeny(bare, 'default', false)).toBe(clusterIP);
    const broken = `${clusterIP}---\nkind: NetworkPolicy\nmetadata: [oops\n`;
    expect(switchDefaultDeny(broken, 'default', false)).toBe(broken);
    expect(switchDefaultDeny('', 'shop', true)).toBe(`${defaultDenyManifest('shop')}\n`);
  });

  it('offers the learner’s namespaces and ingress-nginx’s, not the control plane’s', () => {
    const names = choicesOf(model(readScenario('networkpolicy-default-deny.yaml'))).namespaces.map(
      (n) => n.name,
    );
    expect(names).toEqual(['default', 'ingress-nginx', 'shop']);
  });
});

describe('the NetworkPolicy enforcement switch', () => {
  it('writes spec.networkPolicy: ignored, and every connection passes; back on, the field goes', () => {
    const shop = readScenario('networkpolicy-default-deny.yaml');
    const request = { from: 'external', to: 'http://shop.example.com/' };
    expect(choicesOf(model(shop)).cluster.networkPolicy).toBe('enforced');
    const flannel = switched(shop, { kind: 'networkPolicy', enforced: false });
    expect(flannel.endsWith(shop)).toBe(true);
    expect(flannel).toContain('networkPolicy: ignored');
    expect(choicesOf(model(flannel)).cluster.networkPolicy).toBe('ignored');
    expect(trace(model(flannel), request).outcome).toBe('delivered');
    const calico = switched(flannel, { kind: 'networkPolicy', enforced: true });
    expect(calico).not.toContain('networkPolicy');
    expect(trace(model(calico), request).status).toBe(504);
  });
});
