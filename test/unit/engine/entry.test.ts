// One home for the ingress controller's identity and its way in from outside:
// the DNS record of an Ingress host and the course's {ingressEntry} both ask
// src/engine/ingress/entry.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingressEntry, trace } from '../../../src/engine/index.ts';
import { ingressAddress, isControllerPod } from '../../../src/engine/ingress/entry.ts';
import { model } from '../../support/engine.ts';

const article = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'content', 'scenarios', 'ingress-article.yaml'),
  'utf8',
);
const cluster = (spec: string) =>
  `apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n${spec}\n---\n`;

describe('the ingress controller’s entry', () => {
  it('is the controller Service’s load balancer, for DNS and for checks alike', () => {
    const m = model(article);
    const lb = m.services.find((s) => s.metadata.name === 'ingress-nginx-controller')
      ?.loadBalancerIngress[0];
    expect(lb).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(ingressAddress(m)).toEqual({ ok: true, ip: lb, via: 'load-balancer' });
    expect(ingressEntry(m)?.address).toBe(`${lb}:80`);
    expect(m.pods.filter(isControllerPod).map((p) => p.metadata.namespace)).toEqual([
      'ingress-nginx',
    ]);
    const result = trace(m, { from: 'external', to: 'http://myapp.example.com/a' });
    expect(result.hops[0]?.detail).toContain(`-> ${lb} `);
  });

  it('is a node’s NodePort when the controller is exposed by NodePort', () => {
    const m = model(cluster('  ingressControllerService: NodePort') + article);
    const address = ingressAddress(m);
    expect(address).toMatchObject({ ok: true, via: 'node-port' });
    const node = m.nodes.find((n) => n.internalIP === (address.ok ? address.ip : ''));
    expect(node?.ready).toBe(true);
    const entry = ingressEntry(m);
    expect(entry?.via).toBe('node-port');
    expect(entry?.address).toBe(`${node?.internalIP}:${entry?.servicePort.nodePort}`);
  });

  it('does not exist without a controller, or while its load balancer is pending', () => {
    const none = model(cluster('  ingressController: none') + article);
    expect(ingressAddress(none)).toEqual({ ok: false, why: 'no-controller' });
    expect(ingressEntry(none)).toBeNull();
    const hidden = model(cluster('  ingressControllerService: None') + article);
    expect(ingressAddress(hidden)).toEqual({ ok: false, why: 'no-service' });
    const pending = model(cluster('  loadBalancer: none') + article);
    expect(ingressAddress(pending)).toEqual({ ok: false, why: 'pending' });
    // A check still reaches it through the pending Service's NodePort.
    expect(ingressEntry(pending)?.via).toBe('node-port');
  });
});
