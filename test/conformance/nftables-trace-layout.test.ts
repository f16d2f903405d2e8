// The route diagram's rows for nftables hops: kube-proxy's per-port chain
// names (pkg/proxy/nftables/proxier.go servicePortChainNameBase,
// servicePortEndpointChainNameBase: "<role>-<HASH>-ns/name/protocol/port",
// endpoints with "__ip/port") are long, so a row shows them without the hash,
// and the row's title keeps the whole name (it is the hop's detail).
import { describe, expect, it } from 'vitest';
import { layoutRoute, nftablesLabel } from '../../src/components/diagrams/route-layout.ts';
import { buildModel, trace } from '../../src/engine/index.ts';
import { myApp } from '../support/engine.ts';

describe('nftables rows of the route diagram', () => {
  it('shortens per-port chains and keeps base chains, all in 25 characters', () => {
    expect(nftablesLabel('service-ULMVA6XW-ns1/svc1/tcp/p80')).toBe('service svc1:p80');
    expect(nftablesLabel('external-4BBKY5IM-default/my-service/tcp/')).toBe('external my-service');
    expect(nftablesLabel('endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80')).toBe(
      'endpoint 10.180.0.1:80',
    );
    expect(nftablesLabel('nat-prerouting')).toBe('nat-prerouting');
    expect(nftablesLabel('service-ULMVA6XW-ns1/a-much-longer-service-name/tcp/http')).toBe(
      'service a-much-longer-se…',
    );
  });

  it('labels a traced nftables hop by its short chain and titles it with the whole one', () => {
    const cluster =
      'apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  kubeProxyMode: nftables\n---\n';
    const service =
      '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  selector:\n    app: my-app\n  ports:\n  - name: http\n    port: 80\n    targetPort: 8080\n';
    const model = buildModel([{ file: 's.yaml', text: cluster + myApp + service }]);
    const result = trace(model, { from: 'deployment/my-app', to: 'http://my-service/' });
    const layout = layoutRoute(result);
    const row = layout.steps.find((s) => s.kind === 'nftables' && s.label.startsWith('service '));
    expect(row?.label).toBe('service my-service:http');
    expect(row?.detail).toMatch(
      /ip kube-proxy service-[A-Z2-7]{8}-default\/my-service\/tcp\/http:/,
    );
  });
});
