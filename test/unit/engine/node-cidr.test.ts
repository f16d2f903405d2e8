// Pod CIDRs as kube-controller-manager's range allocator gives them
// (pkg/controller/nodeipam/ipam/range_allocator.go AllocateOrOccupyCIDR and
// cidrset.AllocateNext): /24s of the cluster CIDR in order, a node's own
// podCIDR occupied, and a node past the last one left without: its event is
// CIDRNotAvailable (controllerutil.RecordNodeStatusChange) and it is NotReady.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/engine/index.ts';

function cluster(spec: string) {
  return buildModel([
    {
      file: 'cluster.yaml',
      text: `apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n${spec}`,
    },
  ]);
}

const nodes = (count: number) =>
  `  nodes:\n${Array.from({ length: count }, (_, i) => `  - name: n${i + 1}`).join('\n')}\n`;

describe('node pod CIDRs', () => {
  it('gives 255 nodes a /24 each of 10.244.0.0/16 and the 256th none: NotReady, with the event', () => {
    const model = cluster(nodes(256));
    expect(model.nodes[0]).toMatchObject({ podCIDR: '10.244.1.0/24', ready: true });
    expect(model.nodes[254]).toMatchObject({
      name: 'n255',
      podCIDR: '10.244.255.0/24',
      ready: true,
    });
    expect(model.nodes[255]).toMatchObject({ name: 'n256', podCIDR: '', ready: false });
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [warning, ...others] = model.diagnostics.filter((d) => d.code === 'CIDRNotAvailable');
    expect(others).toEqual([]);
    expect(warning).toMatchObject({ severity: 'warning', field: 'spec.nodes[255]', line: 260 });
    expect(warning?.message).toContain('Node n256 status is now: CIDRNotAvailable');
    expect(warning?.message).toContain(
      'CIDR allocation failed; there are no remaining CIDRs left to allocate in the accepted range',
    );
  });

  it('allocates from the Cluster’s own clusterCIDR, around a podCIDR a node names', () => {
    const model = cluster(
      `  clusterCIDR: 10.100.0.0/22\n  nodes:\n  - name: a\n  - name: b\n    podCIDR: 10.100.1.0/24\n  - name: c\n  - name: d\n`,
    );
    expect(model.nodes.map((n) => [n.name, n.podCIDR, n.ready])).toEqual([
      ['a', '10.100.2.0/24', true],
      ['b', '10.100.1.0/24', true],
      ['c', '10.100.3.0/24', true],
      ['d', '', false],
    ]);
  });

  it('schedules no Pod on a node without a pod CIDR', () => {
    const model = buildModel([
      {
        file: 'c.yaml',
        text: `apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  clusterCIDR: 10.100.0.0/23\n  nodes:\n  - name: a\n  - name: b\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 4\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: web\n`,
      },
    ]);
    expect(model.nodes.map((n) => n.ready)).toEqual([true, false]);
    expect(new Set(model.pods.map((p) => p.nodeName))).toEqual(new Set(['a']));
  });
});
