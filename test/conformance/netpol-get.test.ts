// `routelab get networkpolicies` as kubectl prints it. Sources:
// kubernetes/kubernetes pkg/printers/internalversion/printers.go
// (networkPolicyColumnDefinitions: Name, Pod-Selector, Age; printNetworkPolicy:
// metav1.FormatLabelSelector of spec.podSelector), apimachinery
// pkg/apis/meta/v1/helpers.go FormatLabelSelector and pkg/labels/selector.go
// (Requirement.String, requirements sorted by key, "<none>" when empty);
// pkg/apis/networking/v1/defaults.go for the stored form.
import { describe, expect, it } from 'vitest';
import { getOutput, lookUp, type Scope } from '../../src/cli/get.ts';
import { readRequest } from '../../src/cli/kinds.ts';
import { buildModel } from '../../src/engine/index.ts';

const text = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny}
spec:
  podSelector: {}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db}
spec:
  podSelector:
    matchLabels: {tier: db}
    matchExpressions:
    - {key: env, operator: In, values: [prod, dev]}
    - {key: app, operator: Exists}
    - {key: legacy, operator: DoesNotExist}
    - {key: zone, operator: NotIn, values: [b, a]}
  egress:
  - ports: [{port: 53}]
`;
const model = buildModel([{ file: 'np.yaml', text }]);
const scope: Scope = { all: false, namespace: 'default' };
const get = (args: string[], output: 'wide' | 'yaml' = 'wide') =>
  getOutput(lookUp(model, readRequest(args), scope), output, scope);

describe('kubectl get networkpolicies', () => {
  it('prints NAME, POD-SELECTOR and AGE, by the kind’s short name too', () => {
    const table = [
      'NAME           POD-SELECTOR                                             AGE',
      'db             app,env in (dev,prod),!legacy,tier=db,zone notin (a,b)   <unknown>',
      'default-deny   <none>                                                   <unknown>',
    ].join('\n');
    expect(get(['networkpolicies'])).toBe(table);
    expect(get(['netpol'])).toBe(table);
  });

  it('serves the policy with policyTypes and protocol defaulted', () => {
    const yaml = get(['netpol/db'], 'yaml');
    expect(yaml).toContain('policyTypes:\n  - Ingress\n  - Egress');
    expect(yaml).toContain('- port: 53\n      protocol: TCP');
  });
});
