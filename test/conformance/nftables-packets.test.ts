// Packets through kube-proxy's nftables table, as its own packet-flow tests
// send them (kubernetes/kubernetes pkg/proxy/nftables/proxier_test.go, each
// test's runPacketFlowTests cases; helpers_test.go tracePacket): a source, a
// destination and port, and the expected outcome: the endpoints the packet may
// be DNATed to ("ip:port, ip:port", every choice of the random vmap), DROP or
// REJECT, or "" when kube-proxy's rules leave it alone; and whether it is
// masqueraded. The clusters are the tests' Services and EndpointSlices as
// manifests (fixtures/nftables/*.yaml).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, kubeProxyNFTables, walkPacket } from '../../src/engine/index.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'nftables');

/** proxier_test.go testNodeIPs: the fake node's addresses (its IPv6 ones never match an IPv4 packet). */
const testNodeIPs = ['192.168.0.2', '192.168.1.2', '192.168.99.11', '2001:db8::1', '2001:db8:1::2'];
const testNodeIP = '192.168.0.2';
const testExternalClient = '203.0.113.2';
const testExternalClientBlocked = '203.0.113.130';

interface Case {
  name: string;
  sourceIP: string;
  protocol?: 'tcp' | 'udp' | 'sctp';
  destIP: string;
  destPort: number;
  output: string;
  masq?: boolean;
}

function run(fixture: string, cases: Case[], text?: string): void {
  const file = `${fixture}.yaml`;
  const model = buildModel([{ file, text: text ?? readFileSync(join(fixtures, file), 'utf8') }]);
  const node = model.nodes.find((n) => n.name === 'test-node');
  const table = node ? kubeProxyNFTables(model, node) : null;
  it('builds the cluster without errors', () => {
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(table).not.toBeNull();
  });
  for (const c of cases)
    it(c.name, () => {
      if (!table) throw new Error('no table');
      const walk = walkPacket(
        table,
        {
          source: c.sourceIP,
          protocol: c.protocol ?? 'tcp',
          destination: c.destIP,
          port: c.destPort,
        },
        { localIPs: testNodeIPs },
      );
      expect({ output: walk.outputs.join(', '), masq: walk.masquerade }).toEqual({
        output: c.output,
        masq: c.masq ?? false,
      });
    });
}

describe('TestNoEndpointsReject', () => {
  const [svcIP, svcPort, svcNodePort, svcExternalIPs, svcLBIP] = [
    '172.30.0.41',
    80,
    3001,
    '192.168.99.11',
    '1.2.3.4',
  ] as const;
  run('no-endpoints-reject', [
    {
      name: 'pod to cluster IP with no endpoints',
      sourceIP: '10.0.0.2',
      destIP: svcIP,
      destPort: svcPort,
      output: 'REJECT',
    },
    {
      name: 'external to external IP with no endpoints',
      sourceIP: testExternalClient,
      destIP: svcExternalIPs,
      destPort: svcPort,
      output: 'REJECT',
    },
    {
      name: 'pod to NodePort with no endpoints',
      sourceIP: '10.0.0.2',
      destIP: testNodeIP,
      destPort: svcNodePort,
      output: 'REJECT',
    },
    {
      name: 'external to NodePort with no endpoints',
      sourceIP: testExternalClient,
      destIP: testNodeIP,
      destPort: svcNodePort,
      output: 'REJECT',
    },
    {
      name: 'pod to LoadBalancer IP with no endpoints',
      sourceIP: '10.0.0.2',
      destIP: svcLBIP,
      destPort: svcPort,
      output: 'REJECT',
    },
    {
      name: 'external to LoadBalancer IP with no endpoints',
      sourceIP: testExternalClient,
      destIP: svcLBIP,
      destPort: svcPort,
      output: 'REJECT',
    },
  ]);
});

describe('TestClusterIPGeneral', () => {
  const both = (port: number) => `10.180.0.1:${port}, 10.180.2.1:${port}`;
  run('cluster-ip-general', [
    {
      name: 'simple clusterIP',
      sourceIP: '10.180.0.2',
      destIP: '172.30.0.41',
      destPort: 80,
      output: '10.180.0.1:80',
    },
    {
      name: 'hairpin to cluster IP',
      sourceIP: '10.180.0.1',
      destIP: '172.30.0.41',
      destPort: 80,
      output: '10.180.0.1:80',
      masq: true,
    },
    {
      name: 'clusterIP with multiple endpoints',
      sourceIP: '10.180.0.2',
      destIP: '172.30.0.42',
      destPort: 80,
      output: both(80),
    },
    {
      name: 'clusterIP with TargetPort',
      sourceIP: '10.180.0.2',
      destIP: '172.30.0.42',
      destPort: 443,
      output: both(8443),
    },
    {
      name: 'clusterIP with TCP, UDP, and SCTP on same port (TCP)',
      sourceIP: '10.180.0.2',
      protocol: 'tcp',
      destIP: '172.30.0.42',
      destPort: 53,
      output: both(5353),
    },
    // Upstream names this UDP case "(TCP)" as well; named for its protocol here.
    {
      name: 'clusterIP with TCP, UDP, and SCTP on same port (UDP)',
      sourceIP: '10.180.0.2',
      protocol: 'udp',
      destIP: '172.30.0.42',
      destPort: 53,
      output: both(53),
    },
    {
      name: 'clusterIP with TCP, UDP, and SCTP on same port (SCTP)',
      sourceIP: '10.180.0.2',
      protocol: 'sctp',
      destIP: '172.30.0.42',
      destPort: 53,
      output: both(53),
    },
    {
      name: 'TCP-only port does not match UDP traffic',
      sourceIP: '10.180.0.2',
      protocol: 'udp',
      destIP: '172.30.0.42',
      destPort: 80,
      output: 'REJECT',
    },
    {
      name: "svc1 does not accept svc2's ports",
      sourceIP: '10.180.0.2',
      destIP: '172.30.0.41',
      destPort: 443,
      output: 'REJECT',
    },
    {
      name: 'packet to unallocated cluster ip',
      sourceIP: '10.180.0.2',
      destIP: '172.30.0.50',
      destPort: 80,
      output: 'DROP',
    },
  ]);
});

describe('TestLoadBalancer', () => {
  const [svcIP, svcPort, svcNodePort, svcLBIP1, svcLBIP2, ep] = [
    '172.30.0.41',
    80,
    3001,
    '1.2.3.4',
    '5.6.7.8',
    '10.180.0.1:80',
  ] as const;
  run('load-balancer', [
    {
      name: 'pod to cluster IP',
      sourceIP: '10.0.0.2',
      destIP: svcIP,
      destPort: svcPort,
      output: ep,
    },
    {
      name: 'external to nodePort',
      sourceIP: testExternalClient,
      destIP: testNodeIP,
      destPort: svcNodePort,
      output: ep,
      masq: true,
    },
    {
      name: 'nodePort bypasses LoadBalancerSourceRanges',
      sourceIP: testExternalClientBlocked,
      destIP: testNodeIP,
      destPort: svcNodePort,
      output: ep,
      masq: true,
    },
    {
      name: 'accepted external to LB1',
      sourceIP: testExternalClient,
      destIP: svcLBIP1,
      destPort: svcPort,
      output: ep,
      masq: true,
    },
    {
      name: 'accepted external to LB2',
      sourceIP: testExternalClient,
      destIP: svcLBIP2,
      destPort: svcPort,
      output: ep,
      masq: true,
    },
    {
      name: 'blocked external to LB1',
      sourceIP: testExternalClientBlocked,
      destIP: svcLBIP1,
      destPort: svcPort,
      output: 'DROP',
    },
    {
      name: 'blocked external to LB2',
      sourceIP: testExternalClientBlocked,
      destIP: svcLBIP2,
      destPort: svcPort,
      output: 'DROP',
    },
    {
      name: 'pod to LB1 (blocked by LoadBalancerSourceRanges)',
      sourceIP: '10.0.0.2',
      destIP: svcLBIP1,
      destPort: svcPort,
      output: 'DROP',
    },
    {
      name: 'pod to LB2 (blocked by LoadBalancerSourceRanges)',
      sourceIP: '10.0.0.2',
      destIP: svcLBIP2,
      destPort: svcPort,
      output: 'DROP',
    },
    {
      name: 'node to LB1 (allowed by LoadBalancerSourceRanges)',
      sourceIP: testNodeIP,
      destIP: svcLBIP1,
      destPort: svcPort,
      output: ep,
      masq: true,
    },
    {
      name: 'node to LB2 (allowed by LoadBalancerSourceRanges)',
      sourceIP: testNodeIP,
      destIP: svcLBIP2,
      destPort: svcPort,
      output: ep,
      masq: true,
    },
    {
      name: 'same node to LB1, SNATted to LB1 (implicitly allowed)',
      sourceIP: svcLBIP1,
      destIP: svcLBIP1,
      destPort: svcPort,
      output: ep,
      masq: true,
    },
    {
      name: 'same node to LB2, SNATted to LB2 (implicitly allowed)',
      sourceIP: svcLBIP2,
      destIP: svcLBIP2,
      destPort: svcPort,
      output: ep,
      masq: true,
    },
  ]);
});

describe('TestNodePorts, "ipv4"', () => {
  const output = '10.180.0.1:80, 10.180.2.1:80';
  run('node-ports', [
    {
      name: 'pod to cluster IP',
      sourceIP: '10.0.0.2',
      destIP: '172.30.0.41',
      destPort: 80,
      output,
    },
    {
      name: 'external to nodePort',
      sourceIP: testExternalClient,
      destIP: testNodeIP,
      destPort: 3001,
      output,
      masq: true,
    },
    {
      name: 'node to nodePort',
      sourceIP: testNodeIP,
      destIP: testNodeIP,
      destPort: 3001,
      output,
      masq: true,
    },
    {
      name: 'secondary nodeIP ignores NodePorts',
      sourceIP: testExternalClient,
      destIP: '192.168.1.2',
      destPort: 3001,
      output: '',
    },
  ]);
});

describe('TestExternalTrafficPolicyLocal', () => {
  const [both, local] = ['10.180.0.1:80, 10.180.2.1:80', '10.180.2.1:80'];
  const [svcIP, svcExternalIPs, svcLBIP] = ['172.30.0.41', '192.168.99.11', '1.2.3.4'];
  run('external-traffic-policy-local', [
    {
      name: 'pod to cluster IP hits both endpoints, unmasqueraded',
      sourceIP: '10.0.0.2',
      destIP: svcIP,
      destPort: 80,
      output: both,
    },
    {
      name: 'pod to external IP hits both endpoints, unmasqueraded',
      sourceIP: '10.0.0.2',
      destIP: svcExternalIPs,
      destPort: 80,
      output: both,
    },
    {
      name: 'external to external IP hits only local endpoint, unmasqueraded',
      sourceIP: testExternalClient,
      destIP: svcExternalIPs,
      destPort: 80,
      output: local,
    },
    {
      name: 'pod to LB IP hits only both endpoints, unmasqueraded',
      sourceIP: '10.0.0.2',
      destIP: svcLBIP,
      destPort: 80,
      output: both,
    },
    {
      name: 'external to LB IP hits only local endpoint, unmasqueraded',
      sourceIP: testExternalClient,
      destIP: svcLBIP,
      destPort: 80,
      output: local,
    },
    {
      name: 'pod to NodePort hits both endpoints, unmasqueraded',
      sourceIP: '10.0.0.2',
      destIP: testNodeIP,
      destPort: 3001,
      output: both,
    },
    {
      name: 'external to NodePort hits only local endpoint, unmasqueraded',
      sourceIP: testExternalClient,
      destIP: testNodeIP,
      destPort: 3001,
      output: local,
    },
  ]);
});

describe('TestExternalTrafficPolicyCluster', () => {
  const both = '10.180.0.1:80, 10.180.2.1:80';
  const [svcIP, svcExternalIPs, svcLBIP] = ['172.30.0.41', '192.168.99.11', '1.2.3.4'];
  run('external-traffic-policy-cluster', [
    {
      name: 'pod to cluster IP hits both endpoints, unmasqueraded',
      sourceIP: '10.0.0.2',
      destIP: svcIP,
      destPort: 80,
      output: both,
    },
    {
      name: 'pod to external IP hits both endpoints, masqueraded',
      sourceIP: '10.0.0.2',
      destIP: svcExternalIPs,
      destPort: 80,
      output: both,
      masq: true,
    },
    {
      name: 'external to external IP hits both endpoints, masqueraded',
      sourceIP: testExternalClient,
      destIP: svcExternalIPs,
      destPort: 80,
      output: both,
      masq: true,
    },
    {
      name: 'pod to LB IP hits both endpoints, masqueraded',
      sourceIP: '10.0.0.2',
      destIP: svcLBIP,
      destPort: 80,
      output: both,
      masq: true,
    },
    {
      name: 'external to LB IP hits both endpoints, masqueraded',
      sourceIP: testExternalClient,
      destIP: svcLBIP,
      destPort: 80,
      output: both,
      masq: true,
    },
    {
      name: 'pod to NodePort hits both endpoints, masqueraded',
      sourceIP: '10.0.0.2',
      destIP: testNodeIP,
      destPort: 3001,
      output: both,
      masq: true,
    },
    {
      name: 'external to NodePort hits both endpoints, masqueraded',
      sourceIP: testExternalClient,
      destIP: testNodeIP,
      destPort: 3001,
      output: both,
      masq: true,
    },
  ]);
});

describe('each step names the rule and the map element that matched', () => {
  const file = 'cluster-ip-general.yaml';
  const model = buildModel([{ file, text: readFileSync(join(fixtures, file), 'utf8') }]);
  const node = model.nodes.find((n) => n.name === 'test-node');
  const table = node ? kubeProxyNFTables(model, node) : null;

  it('walks services, the Service chain, one endpoint chosen by numgen, its DNAT', () => {
    if (!table) throw new Error('no table');
    const walk = walkPacket(
      table,
      { source: '10.180.0.2', protocol: 'tcp', destination: '172.30.0.42', port: 80 },
      { localIPs: testNodeIPs, pick: (n) => n - 1 },
    );
    expect(walk.outputs).toEqual(['10.180.2.1:80']);
    // Every jump taken is a step, even into a check that lets the packet on.
    expect(walk.steps.map((s) => s.chain)).toEqual([
      'filter-prerouting-pre-dnat',
      'nat-prerouting',
      'services',
      expect.stringMatching(/^service-[A-Z2-7]{8}-ns2\/svc2\/tcp\/http$/),
      expect.stringMatching(/^endpoint-[A-Z2-7]{8}-ns2\/svc2\/tcp\/http__10\.180\.2\.1\/80$/),
      'filter-forward',
      'filter-forward',
      'filter-input',
      'filter-input',
    ]);
    expect(walk.steps[2]?.element).toMatch(
      /^\{ 172\.30\.0\.42 \. tcp \. 80 : goto service-[A-Z2-7]{8}-ns2\/svc2\/tcp\/http \}$/,
    );
    expect(walk.steps[4]?.rule).toBe('meta l4proto tcp dnat to 10.180.2.1:80');
  });

  it('names the cluster-ips element that rejects a port the ClusterIP does not serve', () => {
    if (!table) throw new Error('no table');
    const walk = walkPacket(
      table,
      { source: '10.180.0.2', protocol: 'tcp', destination: '172.30.0.41', port: 443 },
      { localIPs: testNodeIPs },
    );
    expect(walk.steps.at(-1)).toEqual({
      chain: 'cluster-ips-check',
      rule: 'ip daddr @cluster-ips reject',
      element: '{ 172.30.0.41 }',
    });
  });
});

/** The fake proxier's node and ns1, as the fixtures' Cluster document gives them. */
const clusterPart = readFileSync(join(fixtures, 'no-endpoints-reject.yaml'), 'utf8').split(
  /^---\napiVersion: v1\nkind: Service/m,
)[0];

interface Endpoint {
  ip: string;
  nodeName: string;
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

/** svc1 (172.30.1.1, an unnamed TCP port 80) and, unless deleted, its one EndpointSlice. */
function svc1(spec: string, endpoints: Endpoint[] | null): string {
  const slice =
    endpoints === null
      ? ''
      : `---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: svc1-1, namespace: ns1, labels: { kubernetes.io/service-name: svc1 } }
addressType: IPv4
ports: [{ name: "", port: 80, protocol: TCP }]
endpoints:
${endpoints
  .map(
    (e) =>
      `  - addresses: [${e.ip}]\n    nodeName: ${e.nodeName}\n    conditions: { ready: ${e.ready ?? true}, serving: ${e.serving ?? e.ready ?? true}, terminating: ${e.terminating ?? false} }`,
  )
  .join('\n')}
`;
  return `${clusterPart}---
apiVersion: v1
kind: Service
metadata: { name: svc1, namespace: ns1 }
spec:
  clusterIP: 172.30.1.1
  ports: [{ port: 80, protocol: TCP, targetPort: 80 }]
${spec}${slice}`;
}

describe('TestInternalTrafficPolicy', () => {
  const toClusterIP = { sourceIP: '10.0.0.2', destIP: '172.30.1.1', destPort: 80 };
  const cases: [string, string, Endpoint[], Case][] = [
    [
      'internalTrafficPolicy is cluster',
      'Cluster',
      [
        { ip: '10.0.1.1', nodeName: 'test-node' },
        { ip: '10.0.1.2', nodeName: 'node1' },
        { ip: '10.0.1.3', nodeName: 'node2' },
      ],
      {
        name: 'pod to ClusterIP hits all endpoints',
        ...toClusterIP,
        output: '10.0.1.1:80, 10.0.1.2:80, 10.0.1.3:80',
      },
    ],
    [
      'internalTrafficPolicy is local and there is one local endpoint',
      'Local',
      [
        { ip: '10.0.1.1', nodeName: 'test-node' },
        { ip: '10.0.1.2', nodeName: 'node1' },
        { ip: '10.0.1.3', nodeName: 'node2' },
      ],
      { name: 'pod to ClusterIP hits only local endpoint', ...toClusterIP, output: '10.0.1.1:80' },
    ],
    [
      'internalTrafficPolicy is local and there are multiple local endpoints',
      'Local',
      [
        { ip: '10.0.1.1', nodeName: 'test-node' },
        { ip: '10.0.1.2', nodeName: 'test-node' },
        { ip: '10.0.1.3', nodeName: 'node2' },
      ],
      {
        name: 'pod to ClusterIP hits all local endpoints',
        ...toClusterIP,
        output: '10.0.1.1:80, 10.0.1.2:80',
      },
    ],
    [
      'internalTrafficPolicy is local and there are no local endpoints',
      'Local',
      [
        { ip: '10.0.1.1', nodeName: 'node0' },
        { ip: '10.0.1.2', nodeName: 'node1' },
        { ip: '10.0.1.3', nodeName: 'node2' },
      ],
      { name: 'no endpoints', ...toClusterIP, output: 'DROP' },
    ],
  ];
  for (const [name, policy, endpoints, flow] of cases)
    describe(name, () => {
      const spec = `  internalTrafficPolicy: ${policy}\n`;
      run('internal-traffic-policy', [flow], svc1(spec, endpoints));
      describe('after the EndpointSlice is deleted', () => {
        run(
          'internal-traffic-policy',
          [{ name: 'endpoints deleted', ...toClusterIP, output: 'REJECT' }],
          svc1(spec, null),
        );
      });
    });
});

describe('TestTerminatingEndpointsTrafficPolicyLocal', () => {
  // The fake proxier allocates no NodePort; allocateLoadBalancerNodePorts: false gives the same input.
  const spec = `  type: LoadBalancer
  externalTrafficPolicy: Local
  allocateLoadBalancerNodePorts: false
  healthCheckNodePort: 30000
status:
  loadBalancer:
    ingress: [{ ip: 1.2.3.4 }]
`;
  const pod = {
    name: 'pod to clusterIP',
    sourceIP: '10.0.0.2',
    destIP: '172.30.1.1',
    destPort: 80,
  };
  const external = {
    name: 'external to LB',
    sourceIP: testExternalClient,
    destIP: '1.2.3.4',
    destPort: 80,
  };
  const cases: [string, Endpoint[], Case[]][] = [
    [
      'ready endpoints exist',
      [
        { ip: '10.0.1.1', nodeName: 'test-node' },
        { ip: '10.0.1.2', nodeName: 'test-node' },
        { ip: '10.0.1.3', nodeName: 'test-node', ready: false, serving: true, terminating: true },
        { ip: '10.0.1.4', nodeName: 'test-node', ready: false, serving: false, terminating: true },
        { ip: '10.0.1.5', nodeName: 'node-1' },
      ],
      [
        { ...pod, output: '10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80' },
        { ...external, output: '10.0.1.1:80, 10.0.1.2:80' },
      ],
    ],
    [
      'only terminating endpoints exist',
      [
        { ip: '10.0.1.2', nodeName: 'test-node', ready: false, serving: true, terminating: true },
        { ip: '10.0.1.3', nodeName: 'test-node', ready: false, serving: true, terminating: true },
        { ip: '10.0.1.4', nodeName: 'test-node', ready: false, serving: false, terminating: true },
        { ip: '10.0.1.5', nodeName: 'node-1' },
      ],
      [
        { ...pod, output: '10.0.1.5:80' },
        { ...external, output: '10.0.1.2:80, 10.0.1.3:80' },
      ],
    ],
    [
      'terminating endpoints on remote node',
      [{ ip: '10.0.1.5', nodeName: 'node-1', ready: false, serving: true, terminating: true }],
      [
        { ...pod, output: '10.0.1.5:80' },
        { ...external, name: 'external to LB, no locally-usable endpoints', output: 'DROP' },
      ],
    ],
    [
      'no usable endpoints on any node',
      [
        { ip: '10.0.1.5', nodeName: 'test-node', ready: false, serving: false, terminating: true },
        { ip: '10.0.1.5', nodeName: 'node-1', ready: false, serving: false, terminating: true },
      ],
      [
        { ...pod, name: 'pod to clusterIP, no usable endpoints', output: 'REJECT' },
        { ...external, name: 'external to LB, no usable endpoints', output: 'REJECT' },
      ],
    ],
  ];
  for (const [name, endpoints, flows] of cases)
    describe(name, () => {
      run('terminating-local', flows, svc1(spec, endpoints));
      describe('after the EndpointSlice is deleted', () => {
        run(
          'terminating-local',
          [
            { ...pod, name: 'pod to clusterIP after endpoints deleted', output: 'REJECT' },
            { ...external, name: 'external to LB after endpoints deleted', output: 'REJECT' },
          ],
          svc1(spec, null),
        );
      });
    });
});

describe('TestInternalExternalMasquerade, "base" (a local detector, no --masquerade-all)', () => {
  const all = (i: number) => `10.180.0.${i}:80, 10.180.1.${i}:80`;
  const [pod, node, external] = ['10.0.0.2', testNodeIP, testExternalClient];
  const flow = (
    name: string,
    sourceIP: string,
    destIP: string,
    destPort: number,
    output: string,
    masq: boolean,
  ): Case => ({ name, sourceIP, destIP, destPort, output, masq });
  run('internal-external-masquerade', [
    flow('pod to ClusterIP', pod, '172.30.0.41', 80, all(1), false),
    flow('pod to NodePort', pod, testNodeIP, 3001, all(1), true),
    flow('pod to LB', pod, '1.2.3.4', 80, all(1), true),
    flow('node to ClusterIP', node, '172.30.0.41', 80, all(1), true),
    flow('node to NodePort', node, testNodeIP, 3001, all(1), true),
    flow('node to LB', node, '1.2.3.4', 80, all(1), true),
    flow('external to ClusterIP', external, '172.30.0.41', 80, all(1), true),
    flow('external to NodePort', external, testNodeIP, 3001, all(1), true),
    flow('external to LB', external, '1.2.3.4', 80, all(1), true),
    flow('pod to ClusterIP with eTP:Local', pod, '172.30.0.42', 80, all(2), false),
    flow('pod to NodePort with eTP:Local', pod, testNodeIP, 3002, all(2), false),
    flow('pod to LB with eTP:Local', pod, '5.6.7.8', 80, all(2), false),
    flow('node to ClusterIP with eTP:Local', node, '172.30.0.42', 80, all(2), true),
    // Upstream sends this one to svc1's NodePort (3001), as written here.
    flow('node to NodePort with eTP:Local', node, testNodeIP, 3001, all(1), true),
    flow('node to LB with eTP:Local', node, '5.6.7.8', 80, all(2), true),
    flow('external to ClusterIP with eTP:Local', external, '172.30.0.42', 80, all(2), true),
    flow('external to NodePort with eTP:Local', external, testNodeIP, 3002, '10.180.0.2:80', false),
    flow('external to LB with eTP:Local', external, '5.6.7.8', 80, '10.180.0.2:80', false),
    flow('pod to ClusterIP with iTP:Local', pod, '172.30.0.43', 80, '10.180.0.3:80', false),
    flow('pod to NodePort with iTP:Local', pod, testNodeIP, 3003, all(3), true),
    flow('pod to LB with iTP:Local', pod, '9.10.11.12', 80, all(3), true),
    flow('node to ClusterIP with iTP:Local', node, '172.30.0.43', 80, '10.180.0.3:80', true),
    flow('node to NodePort with iTP:Local', node, testNodeIP, 3003, all(3), true),
    flow('node to LB with iTP:Local', node, '9.10.11.12', 80, all(3), true),
    flow(
      'external to ClusterIP with iTP:Local',
      external,
      '172.30.0.43',
      80,
      '10.180.0.3:80',
      true,
    ),
    flow('external to NodePort with iTP:Local', external, testNodeIP, 3003, all(3), true),
    flow('external to LB with iTP:Local', external, '9.10.11.12', 80, all(3), true),
  ]);
});

describe('TestTerminatingEndpointsTrafficPolicyCluster', () => {
  // The fake proxier allocates no NodePort; allocateLoadBalancerNodePorts: false gives the same input.
  // The test's healthCheckNodePort is left out: kube-apiserver refuses it with the Cluster policy.
  const spec = `  type: LoadBalancer
  externalTrafficPolicy: Cluster
  allocateLoadBalancerNodePorts: false
status:
  loadBalancer:
    ingress: [{ ip: 1.2.3.4 }]
`;
  const pod = {
    name: 'pod to clusterIP',
    sourceIP: '10.0.0.2',
    destIP: '172.30.1.1',
    destPort: 80,
  };
  const external = {
    name: 'external to LB',
    sourceIP: testExternalClient,
    destIP: '1.2.3.4',
    destPort: 80,
  };
  const terminating = { ready: false, serving: true, terminating: true };
  const gone = { ready: false, serving: false, terminating: true };
  const cases: [string, Endpoint[], string][] = [
    [
      'ready endpoints exist',
      [
        { ip: '10.0.1.1', nodeName: 'test-node' },
        { ip: '10.0.1.2', nodeName: 'test-node' },
        { ip: '10.0.1.3', nodeName: 'another-node', ...terminating },
        { ip: '10.0.1.4', nodeName: 'another-node', ...gone },
        { ip: '10.0.1.5', nodeName: 'another-node' },
      ],
      '10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80',
    ],
    [
      'only terminating endpoints exist',
      [
        { ip: '10.0.1.2', nodeName: 'test-node', ...terminating },
        { ip: '10.0.1.3', nodeName: 'test-node', ...terminating },
        { ip: '10.0.1.4', nodeName: 'another-node', ...gone },
        { ip: '10.0.1.5', nodeName: 'another-node', ...terminating },
      ],
      '10.0.1.2:80, 10.0.1.3:80, 10.0.1.5:80',
    ],
    [
      'terminating endpoints on remote node',
      [{ ip: '10.0.1.5', nodeName: 'node-1', ...terminating }],
      '10.0.1.5:80',
    ],
    [
      'no usable endpoints on any node',
      [
        { ip: '10.0.1.5', nodeName: 'test-node', ...gone },
        { ip: '10.0.1.5', nodeName: 'node-1', ...gone },
      ],
      'REJECT',
    ],
  ];
  for (const [name, endpoints, output] of cases)
    describe(name, () => {
      const rejected = output === 'REJECT';
      run(
        'terminating-cluster',
        [
          { ...pod, output },
          { ...external, output, masq: !rejected },
        ],
        svc1(spec, endpoints),
      );
      describe('after the EndpointSlice is deleted', () => {
        run(
          'terminating-cluster',
          [
            { ...pod, name: 'pod to clusterIP after endpoints deleted', output: 'REJECT' },
            { ...external, name: 'external to LB after endpoints deleted', output: 'REJECT' },
          ],
          svc1(spec, null),
        );
      });
    });
});
