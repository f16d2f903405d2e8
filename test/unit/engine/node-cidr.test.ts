// Pod CIDRs as kube-controller-manager's range allocator gives them
// (pkg/controller/nodeipam/ipam/range_allocator.go AllocateOrOccupyCIDR and
// cidrset.AllocateNext): /24s of the cluster CIDR in order, a node's own
// podCIDR occupied, and a node past the last one left without: its event is
// CIDRNotAvailable (controllerutil.RecordNodeStatusChange) and it is NotReady.
import { describe, expect, it } from 'vitest';
import { podCIDRBlocks } from '../../../src/engine/controllers/nodeipam.ts';
import { buildModel, servedObject } from '../../../src/engine/index.ts';
import { parseCidr } from '../../../src/engine/net/ip.ts';

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

const node = (name: string, podCIDR?: string) =>
  `apiVersion: v1\nkind: Node\nmetadata:\n  name: ${name}\n${podCIDR ? `spec:\n  podCIDR: ${podCIDR}\n` : ''}`;

// With a Cluster document, Node manifests say more about its nodes; alone, they
// are a dump's nodes and replace the defaults (docs/cli.md, "Input as kubectl reads it").
const threeNodes = {
  file: 'c.yaml',
  text: 'apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  nodes: [{name: node-1}, {name: node-2}, {name: node-3}]\n',
};

describe('pod CIDRs with Node manifests', () => {
  it('takes Node manifests without a Cluster document as the whole cluster (a dump)', () => {
    const model = buildModel([{ file: 'n.yaml', text: node('kind-worker', '10.244.7.0/24') }]);
    expect(model.nodes.map((n) => [n.name, n.podCIDR, n.internalIP])).toEqual([
      ['kind-worker', '10.244.7.0/24', '172.18.0.2'],
    ]);
  });

  it('allocates after the Node manifests are merged: a podCIDR one names is occupied first', () => {
    const model = buildModel([
      threeNodes,
      { file: 'n.yaml', text: node('node-1', '10.244.2.0/24') },
    ]);
    expect(model.nodes.map((n) => [n.name, n.podCIDR])).toEqual([
      ['node-1', '10.244.2.0/24'],
      ['node-2', '10.244.1.0/24'],
      ['node-3', '10.244.3.0/24'],
    ]);
  });

  it('gives a node only a Node manifest describes a pod CIDR too', () => {
    const model = buildModel([threeNodes, { file: 'n.yaml', text: node('node-4') }]);
    expect(model.nodes.at(-1)).toMatchObject({
      name: 'node-4',
      podCIDR: '10.244.4.0/24',
      ready: true,
    });
  });

  it('reports a podCIDR outside the cluster CIDR as occupyCIDRs logs it, where it is named', () => {
    const model = buildModel([
      threeNodes,
      { file: 'n.yaml', text: node('node-2', '192.168.7.0/24') },
    ]);
    const [warning, ...others] = model.diagnostics.filter((d) => d.code === 'PodCIDRNotOccupied');
    expect(others).toEqual([]);
    expect(warning).toMatchObject({
      severity: 'warning',
      object: 'Node/node-2',
      field: 'spec.podCIDR',
      line: 6,
    });
    expect(warning?.message).toContain(
      'failed to mark cidr[192.168.7.0/24] at idx [0] as occupied for node: node-2: cidr 192.168.7.0/24 is out the range of cluster cidr 10.244.0.0/16',
    );
    expect(model.nodes.map((n) => n.podCIDR)).toEqual([
      '10.244.1.0/24',
      '192.168.7.0/24',
      '10.244.2.0/24',
    ]);
  });

  it('reports a podCIDR two nodes name, at the Cluster entry that names it second', () => {
    const model = cluster(
      '  nodes:\n  - name: a\n    podCIDR: 10.244.5.0/24\n  - name: b\n    podCIDR: 10.244.5.0/24\n',
    );
    const shared = model.diagnostics.filter((d) => d.code === 'PodCIDRNotOccupied');
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ field: 'spec.nodes[1]' });
    expect(shared[0]?.message).toContain('which a holds too');
  });
});

describe('a cluster CIDR smaller than a node’s /24', () => {
  it('holds no /24 at all (getMaxCIDRs)', () => {
    const blocks = (text: string) => podCIDRBlocks(parseCidr(text) ?? { base: 0, bits: 0, text });
    expect([blocks('10.0.0.0/25'), blocks('10.0.0.0/24'), blocks('10.0.0.0/22')]).toEqual([
      0, 1, 4,
    ]);
  });

  it('is refused as NewNodeIpamController refuses it, once: no node gets a pod CIDR', () => {
    const model = cluster('  clusterCIDR: 10.100.0.0/25\n  nodes:\n  - name: a\n  - name: b\n');
    const errors = model.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: 'spec.clusterCIDR' });
    expect(errors[0]?.message).toContain(
      'Controller: Invalid --cluster-cidr, mask size of cluster CIDR must be less than or equal to --node-cidr-mask-size configured for CIDR family',
    );
    expect(errors[0]?.message).not.toContain('the node CIDR size is too big');
    expect(model.diagnostics.filter((d) => d.code === 'CIDRNotAvailable')).toEqual([]);
    expect(model.nodes.map((n) => [n.podCIDR, n.ready])).toEqual([
      ['', false],
      ['', false],
    ]);
  });
});

describe('a node without a pod CIDR, served', () => {
  it('has no podCIDR or podCIDRs, rather than empty ones', () => {
    const model = cluster('  clusterCIDR: 10.100.0.0/24\n  nodes:\n  - name: a\n');
    const served = servedObject(model, 'Node/a') as { spec: Record<string, unknown> };
    expect(served.spec).not.toHaveProperty('podCIDR');
    expect(served.spec).not.toHaveProperty('podCIDRs');
    const ok = servedObject(cluster(nodes(1)), 'Node/n1') as { spec: Record<string, unknown> };
    expect(ok.spec).toEqual({ podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] });
  });
});
