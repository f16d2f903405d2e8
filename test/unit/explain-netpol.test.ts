// A request a check expects to time out, yet it arrived: the grade says which
// NetworkPolicy rule let it through, or that no policy isolates either end
// (what a deleted default deny looks like), in the learner's language.
import { describe, expect, it } from 'vitest';
import { mismatch } from '../../src/course/exercises/explain.ts';
import { buildModel, trace } from '../../src/engine/index.ts';

const pods = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: example/web:1, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: client, namespace: default}
spec:
  replicas: 1
  selector: {matchLabels: {app: client}}
  template:
    metadata: {labels: {app: client}}
    spec:
      containers: [{name: c, image: example/c:1}]
---
`;
const openToAll = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-open, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - ports: [{port: 8080}]
`;
const elsewhere = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: other-deny, namespace: default}
spec:
  podSelector: {matchLabels: {app: nothing}}
  policyTypes: [Ingress]
`;
const cluster = (mode: string) =>
  `apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec: {networkPolicy: ${mode}}\n---\n`;

function said(yaml: string, outcome: 'timeout' | 'delivered', locale: 'en' | 'ja' = 'en') {
  const model = buildModel([{ file: 'a.yaml', text: yaml }]);
  const result = trace(model, { from: 'deployment/client', to: 'http://web.shop/' });
  expect(result.outcome).toBe('delivered');
  return mismatch(model, { outcome }, result, locale);
}

describe('a request that should have timed out but arrived', () => {
  it('names the policy rule that admitted it', () => {
    const en = said(pods + openToAll, 'timeout');
    expect(en).toContain(
      'should have timed out, but it reached a Pod; NetworkPolicy shop/web-open',
    );
    expect(en).toContain('allows this ingress of Pod web-');
    expect(en).toContain('(spec.ingress[0])');
    const ja = said(pods + openToAll, 'timeout', 'ja');
    expect(ja).toContain('NetworkPolicy shop/web-open のルール（spec.ingress[0]）');
  });

  it('says that no policy isolates either end, when policies exist but select neither', () => {
    expect(said(pods + elsewhere, 'timeout')).toContain(
      'no NetworkPolicy isolates the sender for egress or the receiver for ingress',
    );
    expect(said(pods + elsewhere, 'timeout', 'ja')).toContain(
      'どの NetworkPolicy にも制限されていません',
    );
  });

  it('says nothing of policies where none exist, none are enforced, or arriving was expected', () => {
    expect(said(pods, 'timeout')).not.toContain('NetworkPolicy');
    expect(said(cluster('ignored') + pods + openToAll, 'timeout')).not.toContain('NetworkPolicy');
    expect(said(pods + openToAll, 'delivered')).toBe('');
  });
});
