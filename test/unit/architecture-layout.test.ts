// The architecture view: the control plane, each node's parts, and what a
// request touched — only the data path, never the control plane.
import { describe, expect, it } from 'vitest';
import { layoutArchitecture } from '../../src/components/diagrams/architecture-layout.ts';
import { readScenario } from '../../src/course/read.ts';
import { buildModel, trace } from '../../src/engine/index.ts';

const text = readScenario('service-nodeport.yaml');

describe('layoutArchitecture', () => {
  const m = buildModel([{ file: 'a.yaml', text }]);
  const result = trace(m, { from: 'external', to: 'http://172.18.0.2:30080/' });
  const layout = layoutArchitecture(m, result);
  const part = (id: string) => layout.parts.find((p) => p.id === id);

  it('has the four control-plane components and kubelet, runtime and kube-proxy per node', () => {
    for (const id of ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager'])
      expect(part(id)?.touched).toBe(false);
    for (const n of ['node-1', 'node-2', 'node-3'])
      for (const kind of ['node', 'kubelet', 'container-runtime', 'kube-proxy'])
        expect(part(`${kind}/${n}`)).toBeDefined();
  });

  it('marks the client, the node whose rules ran, and the Pod that answered', () => {
    const touched = layout.parts.filter((p) => p.touched).map((p) => p.id);
    const pod = result.destination;
    expect(touched).toEqual(
      expect.arrayContaining([
        'client',
        'node/node-1',
        'kube-proxy/node-1',
        `node/${pod?.node}`,
        `pod/default/${pod?.pod}`,
      ]),
    );
    expect(touched).not.toContain('kube-proxy/node-2');
    expect(part('kube-proxy/node-1')?.status).toBe('Running');
  });

  it('in nftables mode too, marks the kube-proxy whose table the request walked', () => {
    const nft = buildModel([
      { file: 'a.yaml', text },
      {
        file: 'cluster.yaml',
        text: 'apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  kubeProxyMode: nftables\n',
      },
    ]);
    const walked = trace(nft, { from: 'external', to: 'http://172.18.0.2:30080/' });
    expect(walked.hops.some((h) => h.kind === 'nftables' && h.at === 'node-1')).toBe(true);
    const touched = layoutArchitecture(nft, walked).parts.filter((p) => p.touched);
    expect(touched.map((p) => p.id)).toContain('kube-proxy/node-1');
  });

  it('shows a stopped kube-proxy and a NotReady node as degraded', () => {
    const faulty = buildModel([
      { file: 'a.yaml', text },
      {
        file: 'cluster.yaml',
        text: 'apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  nodes:\n    - name: node-1\n      kubeProxy: Stopped\n    - name: node-2\n      ready: false\n',
      },
    ]);
    const l = layoutArchitecture(faulty);
    expect(l.parts.find((p) => p.id === 'kube-proxy/node-1')?.degraded).toBe(true);
    expect(l.parts.find((p) => p.id === 'node/node-2')?.degraded).toBe(true);
    expect(l.parts.some((p) => p.touched)).toBe(false);
  });

  it('is the same for the same cluster, and parts never overlap outside their container', () => {
    expect(JSON.stringify(layoutArchitecture(m, result))).toBe(JSON.stringify(layout));
    for (const p of layout.parts) {
      expect(p.x + p.width).toBeLessThanOrEqual(layout.width);
      expect(p.y + p.height).toBeLessThanOrEqual(layout.height);
    }
  });
});
