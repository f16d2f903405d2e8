// NetworkPolicy's truth tables, transcribed from upstream's e2e suite:
// kubernetes/kubernetes test/e2e/network/netpol/network_policy.go (each case
// names its ginkgo It), with its world: namespaces x, y, z (every Namespace
// labelled kubernetes.io/metadata.name), Pods a, b, c labelled pod=<name>,
// one container per port and protocol named cont-<port>-<proto> whose port is
// named serve-<port>-<proto> (model.go Container.Name/PortName), and
// reachability.go's expectations (NewReachability(pods, true), Expect,
// ExpectPeer, ExpectAllIngress, ExpectAllEgress; loopback ignored, as the
// suite's ignoreLoopback does). Policies are written as policies.go's
// SetSpecIngressRules/SetSpecEgressRules build them: each sets the policyType
// of the rules it adds, so an egress-only policy says policyTypes: [Egress]
// (left out, SetDefaults_NetworkPolicy would add Ingress). Each table is checked three ways: the
// evaluator on each pair, and for TCP a trace from the client Pod to the
// server's Pod IP and to a Service in front of it (judged after kube-proxy's
// DNAT), delivered where the table says true and timed out where false.
import { describe, expect, it } from 'vitest';
import { buildModel, type Model, trace } from '../../src/engine/index.ts';
import { judgeConnection, podEndpoint } from '../../src/engine/netpol/model.ts';

type Protocol = 'TCP' | 'UDP' | 'SCTP';

interface Case {
  /** The ginkgo It of network_policy.go the case transcribes. */
  name: string;
  pods: string[];
  ports: number[];
  protocols: Protocol[];
  /** The policies as YAML documents (namespace in each); given Pod IPs when they name one. */
  policies: string | ((podIP: (pod: string) => string) => string);
  /** One truth table per probe (port, protocol). */
  probes: { port: number; protocol: Protocol; expect: (r: Reachability) => void }[];
}

interface Peer {
  namespace?: string;
  pod?: string;
}

/** reachability.go's Reachability: every pair, default true, narrowed by the case's calls. */
class Reachability {
  readonly expected = new Map<string, boolean>();
  readonly pods: string[];
  constructor(pods: string[]) {
    this.pods = pods;
    for (const from of pods) for (const to of pods) this.expected.set(`${from}>${to}`, true);
  }
  expect(from: string, to: string, allowed: boolean) {
    this.expected.set(`${from}>${to}`, allowed);
  }
  expectPeer(from: Peer, to: Peer, allowed: boolean) {
    const matches = (peer: Peer, pod: string) => {
      const [ns, name] = pod.split('/');
      return (!peer.namespace || peer.namespace === ns) && (!peer.pod || peer.pod === name);
    };
    for (const a of this.pods)
      for (const b of this.pods) if (matches(from, a) && matches(to, b)) this.expect(a, b, allowed);
  }
  expectAllIngress(pod: string, allowed: boolean) {
    for (const from of this.pods) this.expect(from, pod, allowed);
  }
  expectAllEgress(pod: string, allowed: boolean) {
    for (const to of this.pods) this.expect(pod, to, allowed);
  }
}

const proto = (p: Protocol) => p.toLowerCase();

/** The suite's world for a case's pods, ports and protocols, plus a Service per Pod (s-<ns>-<pod>). */
function world(c: Case, policies: string): string {
  const docs = ['x', 'y', 'z'].map(
    (ns) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}}`,
  );
  for (const pod of c.pods) {
    const [ns, name] = pod.split('/');
    const containers = c.ports.flatMap((port) =>
      c.protocols.map(
        (p) =>
          `  - name: cont-${port}-${proto(p)}\n    image: agnhost\n    ports: [{name: serve-${port}-${proto(p)}, containerPort: ${port}, protocol: ${p}}]`,
      ),
    );
    docs.push(
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}, labels: {pod: ${name}}}\nspec:\n  containers:\n${containers.join('\n')}`,
    );
    docs.push(
      `apiVersion: v1\nkind: Service\nmetadata: {name: s-${ns}-${name}, namespace: ${ns}}\nspec:\n  selector: {pod: ${name}}\n  ports:\n${c.ports.map((port) => `  - {name: service-port-tcp-${port}, port: ${port}, protocol: TCP}`).join('\n')}`,
    );
  }
  return `${docs.join('\n---\n')}\n---\n${policies}`;
}

function podOf(model: Model, ref: string) {
  const [ns, name] = ref.split('/');
  const pod = model.pods.find((p) => p.metadata.namespace === ns && p.metadata.name === name);
  if (!pod) throw new Error(`no pod ${ref}`);
  return pod;
}

function check(c: Case) {
  // The suite reads a Pod's IP from the cluster to write an ipBlock; here, from the same world without policies.
  const policies =
    typeof c.policies === 'string'
      ? c.policies
      : c.policies((pod) => podOf(buildModel([{ file: 'w.yaml', text: world(c, '') }]), pod).podIP);
  const model = buildModel([{ file: 'netpol.yaml', text: world(c, policies) }]);
  expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  for (const probe of c.probes) {
    const reachability = new Reachability(c.pods);
    probe.expect(reachability);
    const got: string[] = [];
    const want: string[] = [];
    for (const from of c.pods)
      for (const to of c.pods) {
        if (from === to) continue;
        const expected = reachability.expected.get(`${from}>${to}`) ?? true;
        want.push(`${from} -> ${to}: ${expected}`);
        const client = podOf(model, from);
        const server = podOf(model, to);
        const evaluated = judgeConnection(model, {
          source: podEndpoint(model, client),
          destination: podEndpoint(model, server),
          port: probe.port,
          protocol: probe.protocol,
        }).allowed;
        let seen = `${evaluated}`;
        if (probe.protocol === 'TCP') {
          const [ns, name] = to.split('/');
          const service = model.services.find((s) => s.metadata.name === `s-${ns}-${name}`);
          const outcomes = [
            `${server.podIP}:${probe.port}`,
            `${service?.clusterIP}:${probe.port}`,
          ].map((target) => trace(model, { from: `pod/${from}`, to: target }).outcome);
          for (const outcome of outcomes)
            if (outcome !== (evaluated ? 'delivered' : 'timeout')) seen += ` (trace: ${outcome})`;
        }
        got.push(`${from} -> ${to}: ${seen}`);
      }
    expect(got, `${c.name}, ${probe.protocol} port ${probe.port}`).toEqual(want);
  }
}

const np = (name: string, ns: string, spec: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${spec.replace(/^/gm, '  ')}\n---\n`;

const tcp80 = { ports: [80], protocols: ['TCP' as Protocol] };

const cases: Case[] = [
  {
    name: "should support a 'default-deny-ingress' policy",
    pods: ['x/a', 'x/b', 'y/a', 'y/b'],
    ...tcp80,
    policies: np('deny-ingress', 'x', 'podSelector: {}\npolicyTypes: [Ingress]'),
    probes: [
      { port: 80, protocol: 'TCP', expect: (r) => r.expectPeer({}, { namespace: 'x' }, false) },
    ],
  },
  {
    name: "should support a 'default-deny-all' policy",
    pods: ['x/a', 'x/b', 'y/a'],
    ...tcp80,
    policies: np('deny-all', 'x', 'podSelector: {}\npolicyTypes: [Ingress, Egress]'),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expectPeer({}, { namespace: 'x' }, false);
          r.expectPeer({ namespace: 'x' }, {}, false);
        },
      },
    ],
  },
  {
    name: 'should enforce policy to allow traffic from pods within server namespace based on PodSelector',
    pods: ['x/a', 'x/b', 'x/c', 'y/a'],
    ...tcp80,
    policies: np(
      'x-a-allows-x-b',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - podSelector: {matchLabels: {pod: b}}',
    ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expectAllIngress('x/a', false);
          r.expect('x/b', 'x/a', true);
        },
      },
    ],
  },
  {
    name: 'should enforce policy to allow ingress traffic for a target',
    pods: ['x/a', 'x/b', 'y/a'],
    ...tcp80,
    policies:
      np('deny-all', 'x', 'podSelector: {}\npolicyTypes: [Ingress]') +
      np(
        'allow-all-to-a',
        'x',
        'podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - podSelector: {}\n    namespaceSelector: {}',
      ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expectAllIngress('x/a', true);
          r.expectAllIngress('x/b', false);
        },
      },
    ],
  },
  {
    name: 'should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector',
    pods: ['x/a', 'x/b', 'y/a', 'z/a'],
    ...tcp80,
    policies: np(
      'allow-client-a-via-ns-selector',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: y}}',
    ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false);
          r.expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false);
        },
      },
    ],
  },
  {
    name: 'should enforce policy based on NamespaceSelector with MatchExpressions',
    pods: ['x/a', 'x/b', 'y/a', 'z/a'],
    ...tcp80,
    policies: np(
      'allow-ns-y-match-selector',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - namespaceSelector:\n      matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [y]}]',
    ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false);
          r.expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false);
        },
      },
    ],
  },
  {
    name: 'should enforce policy based on PodSelector or NamespaceSelector',
    pods: ['x/a', 'x/b', 'x/c', 'y/a'],
    ...tcp80,
    policies: np(
      'allow-ns-y-match-selector',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - namespaceSelector:\n      matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [x]}]\n  - podSelector: {matchLabels: {pod: b}}',
    ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expect('x/a', 'x/a', false);
          r.expect('x/c', 'x/a', false);
        },
      },
    ],
  },
  {
    name: 'should enforce policy based on PodSelector and NamespaceSelector',
    pods: ['x/a', 'x/b', 'y/a', 'y/b', 'z/b'],
    ...tcp80,
    policies: np(
      'allow-ns-y-podselector-and-nsselector',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - namespaceSelector:\n      matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [x]}]\n    podSelector: {matchLabels: {pod: b}}',
    ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expectAllIngress('x/a', false);
          r.expect('y/b', 'x/a', true);
          r.expect('z/b', 'x/a', true);
        },
      },
    ],
  },
  {
    name: 'should enforce policy based on any PodSelectors',
    pods: ['x/a', 'x/b', 'x/c'],
    ...tcp80,
    policies: np(
      'allow-ns-x-pod-b-c',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - podSelector: {matchLabels: {pod: b}}\n  - podSelector: {matchLabels: {pod: c}}',
    ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expectAllIngress('x/a', false);
          r.expect('x/b', 'x/a', true);
          r.expect('x/c', 'x/a', true);
        },
      },
    ],
  },
  {
    name: 'should enforce policy based on Ports',
    pods: ['x/a', 'x/b', 'y/a', 'y/b', 'z/a'],
    ports: [81],
    protocols: ['TCP'],
    policies: np(
      'allow-client-a-via-ns-selector',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: y}}\n  ports:\n  - {port: 81, protocol: TCP}',
    ),
    probes: [
      {
        port: 81,
        protocol: 'TCP',
        expect: (r) => {
          r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false);
          r.expectPeer({ namespace: 'y' }, { namespace: 'x', pod: 'a' }, true);
          r.expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false);
        },
      },
    ],
  },
  {
    name: 'should enforce multiple, stacked policies with overlapping podSelectors (before the port 80 policy)',
    pods: ['x/a', 'x/b', 'y/a', 'y/b', 'z/a'],
    ports: [80, 81],
    protocols: ['TCP'],
    policies: np(
      'allow-client-a-via-ns-selector',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: y}}\n  ports:\n  - {port: 81, protocol: TCP}',
    ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => r.expectAllIngress('x/a', false),
      },
    ],
  },
  {
    name: 'should allow ingress access on one named port',
    pods: ['x/a', 'x/b', 'y/a'],
    ports: [80, 81],
    protocols: ['TCP'],
    policies: np('allow-all', 'x', 'podSelector: {}\ningress:\n- ports:\n  - port: serve-81-tcp'),
    probes: [
      { port: 81, protocol: 'TCP', expect: () => {} },
      { port: 80, protocol: 'TCP', expect: (r) => r.expectPeer({}, { namespace: 'x' }, false) },
    ],
  },
  {
    name: 'should allow egress access on one named port',
    pods: ['x/a', 'y/a'],
    ports: [80, 81],
    protocols: ['TCP'],
    policies: np(
      'allow-egress',
      'x',
      'podSelector: {}\negress:\n- ports:\n  - port: serve-80-tcp\npolicyTypes: [Egress]',
    ),
    probes: [
      { port: 80, protocol: 'TCP', expect: () => {} },
      { port: 81, protocol: 'TCP', expect: (r) => r.expectPeer({ namespace: 'x' }, {}, false) },
    ],
  },
  {
    name: 'should work with Ingress, Egress specified together',
    pods: ['x/a', 'x/b', 'x/c', 'y/a'],
    ports: [80, 81],
    protocols: ['TCP'],
    policies: np(
      'allow-client-a-via-pod-selector',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - podSelector: {matchLabels: {pod: b}}\negress:\n- ports:\n  - port: 80\npolicyTypes: [Egress, Ingress]',
    ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expectAllIngress('x/a', false);
          r.expect('x/b', 'x/a', true);
        },
      },
      {
        port: 81,
        protocol: 'TCP',
        expect: (r) => {
          r.expectAllIngress('x/a', false);
          r.expectAllEgress('x/a', false);
          r.expect('x/b', 'x/a', true);
        },
      },
    ],
  },
  {
    name: 'should support denying of egress traffic on the client side (even if the server explicitly allows this traffic)',
    pods: ['x/a', 'y/a', 'y/b'],
    ...tcp80,
    policies:
      np(
        'allow-to-ns-y-pod-a',
        'x',
        'podSelector: {matchLabels: {pod: a}}\negress:\n- to:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: y}}\n    podSelector: {matchLabels: {pod: a}}\npolicyTypes: [Egress]',
      ) +
      np(
        'allow-from-xa-on-ya-match-selector',
        'y',
        'podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: x}}\n    podSelector: {matchLabels: {pod: a}}',
      ) +
      np(
        'allow-from-xa-on-yb-match-selector',
        'y',
        'podSelector: {matchLabels: {pod: b}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: x}}\n    podSelector: {matchLabels: {pod: a}}',
      ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expectPeer({ namespace: 'x', pod: 'a' }, {}, false);
          r.expectPeer({}, { namespace: 'y', pod: 'a' }, false);
          r.expectPeer({ namespace: 'x', pod: 'a' }, { namespace: 'y', pod: 'a' }, true);
          r.expectPeer({}, { namespace: 'y', pod: 'b' }, false);
        },
      },
    ],
  },
  {
    name: 'should enforce egress policy allowing traffic to a server in a different namespace based on PodSelector and NamespaceSelector',
    pods: ['x/a', 'y/a', 'y/b'],
    ...tcp80,
    policies: np(
      'allow-to-ns-y-pod-a',
      'x',
      'podSelector: {matchLabels: {pod: a}}\negress:\n- to:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: y}}\n    podSelector: {matchLabels: {pod: a}}\npolicyTypes: [Egress]',
    ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expectAllEgress('x/a', false);
          r.expect('x/a', 'y/a', true);
        },
      },
    ],
  },
  {
    name: 'should enforce ingress policy allowing any port traffic to a server on a specific protocol',
    pods: ['x/a', 'y/a'],
    ports: [80],
    protocols: ['TCP', 'UDP'],
    policies: np(
      'allow-ingress-by-proto',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- ports:\n  - protocol: TCP',
    ),
    probes: [
      { port: 80, protocol: 'TCP', expect: () => {} },
      {
        port: 80,
        protocol: 'UDP',
        expect: (r) => r.expectPeer({}, { namespace: 'x', pod: 'a' }, false),
      },
    ],
  },
  {
    name: 'should enforce multiple egress policies with egress allow-all policy taking precedence',
    pods: ['x/a', 'y/a'],
    ports: [81],
    protocols: ['TCP'],
    policies:
      np(
        'allow-egress-port-80',
        'x',
        'podSelector: {}\negress:\n- ports:\n  - port: 80\npolicyTypes: [Egress]',
      ) + np('allow-egress', 'x', 'podSelector: {}\negress:\n- {}\npolicyTypes: [Egress]'),
    probes: [{ port: 81, protocol: 'TCP', expect: () => {} }],
  },
  {
    name: "should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP', even if the plugin doesn't support SCTP",
    pods: ['x/a', 'y/a'],
    ports: [81],
    protocols: ['TCP'],
    policies:
      np('deny-ingress', 'x', 'podSelector: {}\npolicyTypes: [Ingress]') +
      np(
        'allow-only-sctp-ingress-on-port-81',
        'x',
        'podSelector: {matchLabels: {pod: a}}\ningress:\n- ports:\n  - {port: 81, protocol: SCTP}',
      ),
    probes: [
      { port: 81, protocol: 'TCP', expect: (r) => r.expectPeer({}, { namespace: 'x' }, false) },
    ],
  },
  {
    name: 'should enforce policy based on NamespaceSelector with MatchExpressions using default ns label',
    pods: ['x/a', 'x/b', 'y/a', 'z/a'],
    ...tcp80,
    policies: np(
      'allow-ns-y-match-selector-for-immutable-ns-label',
      'x',
      'podSelector: {matchLabels: {pod: a}}\negress:\n- to:\n  - namespaceSelector:\n      matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [y]}]\npolicyTypes: [Egress]',
    ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => r.expectPeer({ namespace: 'x', pod: 'a' }, { namespace: 'y' }, false),
      },
    ],
  },
  {
    name: 'should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector [UDP]',
    pods: ['x/a', 'x/b', 'y/a'],
    ports: [80],
    protocols: ['UDP'],
    policies: np(
      'allow-ns-y-pod-a-via-namespace-pod-selector',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: y}}\n    podSelector: {matchLabels: {pod: a}}',
    ),
    probes: [
      {
        port: 80,
        protocol: 'UDP',
        expect: (r) => {
          r.expectAllIngress('x/a', false);
          r.expect('y/a', 'x/a', true);
        },
      },
    ],
  },
  {
    name: 'should enforce policy to allow ingress traffic from pods in all namespaces',
    pods: ['x/a', 'x/b', 'y/a', 'z/a'],
    ...tcp80,
    policies: np(
      'allow-from-another-ns',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {}}',
    ),
    probes: [{ port: 80, protocol: 'TCP', expect: () => {} }],
  },
  {
    name: 'should enforce policy based on PodSelector with MatchExpressions',
    pods: ['x/a', 'x/b', 'y/a'],
    ...tcp80,
    policies: np(
      'x-a-allows-x-b',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - podSelector:\n      matchExpressions: [{key: pod, operator: In, values: [b]}]',
    ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expectAllIngress('x/a', false);
          r.expect('x/b', 'x/a', true);
        },
      },
    ],
  },
  {
    name: 'should enforce policy based on Multiple PodSelectors and NamespaceSelectors',
    pods: ['x/a', 'x/b', 'y/a', 'y/b', 'y/c'],
    ...tcp80,
    policies: np(
      'allow-ns-y-z-pod-b-c',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - namespaceSelector:\n      matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [x]}]\n    podSelector:\n      matchExpressions: [{key: pod, operator: In, values: [b, c]}]',
    ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false);
          r.expect('y/a', 'x/a', false);
        },
      },
    ],
  },
  {
    name: 'should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector',
    pods: ['x/a', 'x/b', 'y/a', 'y/b', 'z/a'],
    ...tcp80,
    policies: np(
      'allow-ns-y-pod-a-via-namespace-pod-selector',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: y}}\n    podSelector: {matchLabels: {pod: a}}',
    ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expectAllIngress('x/a', false);
          r.expect('y/a', 'x/a', true);
        },
      },
    ],
  },
  {
    name: 'should support allow-all policy',
    pods: ['x/a', 'x/b', 'y/a'],
    ports: [80, 81],
    protocols: ['TCP'],
    policies: np('allow-all', 'x', 'podSelector: {}\ningress:\n- {}'),
    probes: [
      { port: 80, protocol: 'TCP', expect: () => {} },
      { port: 81, protocol: 'TCP', expect: () => {} },
    ],
  },
  {
    name: 'should allow ingress access from namespace on one named port',
    pods: ['x/a', 'x/b', 'y/a', 'z/a'],
    ports: [80, 81],
    protocols: ['TCP'],
    policies: np(
      'allow-client-a-via-ns-selector-80',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: y}}\n  ports:\n  - {port: serve-80-tcp, protocol: TCP}',
    ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false);
          r.expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false);
        },
      },
      { port: 81, protocol: 'TCP', expect: (r) => r.expectAllIngress('x/a', false) },
    ],
  },
  {
    name: 'should deny ingress from pods on other namespaces',
    pods: ['x/a', 'x/b', 'y/a', 'z/a'],
    ...tcp80,
    policies: np(
      'deny-empty-policy',
      'x',
      'podSelector: {}\ningress:\n- from:\n  - podSelector: {matchLabels: {}}',
    ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expectPeer({ namespace: 'y' }, { namespace: 'x' }, false);
          r.expectPeer({ namespace: 'z' }, { namespace: 'x' }, false);
        },
      },
    ],
  },
  {
    name: 'should deny egress from pods based on PodSelector',
    pods: ['x/a', 'x/b', 'y/a'],
    ...tcp80,
    policies: np(
      'deny-egress-pod-a',
      'x',
      'podSelector: {matchLabels: {pod: a}}\npolicyTypes: [Egress]',
    ),
    probes: [{ port: 80, protocol: 'TCP', expect: (r) => r.expectAllEgress('x/a', false) }],
  },
  {
    name: 'should deny egress from all pods in a namespace',
    pods: ['x/a', 'x/b', 'y/a'],
    ...tcp80,
    policies: np('deny-egress-ns-x', 'x', 'podSelector: {}\npolicyTypes: [Egress]'),
    probes: [
      { port: 80, protocol: 'TCP', expect: (r) => r.expectPeer({ namespace: 'x' }, {}, false) },
    ],
  },
  {
    name: 'should enforce policies to check ingress and egress policies can be controlled independently based on PodSelector',
    pods: ['x/a', 'x/b', 'y/a'],
    ...tcp80,
    policies:
      np(
        'allow-egress-for-target',
        'x',
        'podSelector: {matchLabels: {pod: a}}\negress:\n- {}\npolicyTypes: [Egress]',
      ) +
      np(
        'deny-ingress-via-label-selector',
        'x',
        'podSelector: {matchLabels: {pod: a}}\npolicyTypes: [Ingress]',
      ),
    probes: [{ port: 80, protocol: 'TCP', expect: (r) => r.expectAllIngress('x/a', false) }],
  },
  {
    name: 'should enforce multiple ingress policies with ingress allow-all policy taking precedence (before the allow-all policy)',
    pods: ['x/a', 'y/a'],
    ports: [81],
    protocols: ['TCP'],
    policies: np('allow-ingress-port-80', 'x', 'podSelector: {}\ningress:\n- ports:\n  - port: 80'),
    probes: [
      { port: 81, protocol: 'TCP', expect: (r) => r.expectPeer({}, { namespace: 'x' }, false) },
    ],
  },
  {
    name: "should properly isolate pods that are selected by a policy allowing SCTP, even if the plugin doesn't support SCTP",
    pods: ['x/a', 'y/a'],
    ports: [81],
    protocols: ['TCP'],
    policies: np(
      'allow-only-sctp-ingress-on-port-80',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- ports:\n  - {port: 80, protocol: SCTP}',
    ),
    probes: [{ port: 81, protocol: 'TCP', expect: (r) => r.expectAllIngress('x/a', false) }],
  },
  {
    name: 'should not allow access by TCP when a policy specifies only UDP',
    pods: ['x/a', 'y/a'],
    ports: [81],
    protocols: ['TCP'],
    policies: np(
      'allow-only-udp-ingress-on-port-81',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- ports:\n  - {port: 81, protocol: UDP}',
    ),
    probes: [{ port: 81, protocol: 'TCP', expect: (r) => r.expectAllIngress('x/a', false) }],
  },
  {
    name: 'should enforce policy to allow traffic based on NamespaceSelector with MatchLabels using default ns label',
    pods: ['x/a', 'x/b', 'y/a', 'z/a'],
    ...tcp80,
    policies: np(
      'allow-client-a-via-ns-selector-for-immutable-ns-label',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: y}}',
    ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false);
          r.expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false);
        },
      },
    ],
  },
  {
    name: 'should allow egress access to server in CIDR block',
    pods: ['x/a', 'y/a', 'y/b'],
    ...tcp80,
    policies: (podIP) =>
      np(
        'allow-client-a-via-cidr-egress-rule',
        'x',
        `podSelector: {matchLabels: {pod: a}}\negress:\n- to:\n  - ipBlock: {cidr: ${podIP('y/b')}/32}\npolicyTypes: [Egress]`,
      ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expectAllEgress('x/a', false);
          r.expect('x/a', 'y/b', true);
        },
      },
    ],
  },
  {
    // makeLargeCIDRForIP: the Pod's address with a /4 prefix.
    name: 'should enforce except clause while egress access to server in CIDR block',
    pods: ['x/a', 'x/b', 'x/c'],
    ...tcp80,
    policies: (podIP) =>
      np(
        'allow-client-a-via-cidr-egress-rule',
        'x',
        `podSelector: {matchLabels: {pod: a}}\negress:\n- to:\n  - ipBlock: {cidr: ${podIP('x/b')}/4, except: [${podIP('x/b')}/32]}\npolicyTypes: [Egress]`,
      ),
    probes: [{ port: 80, protocol: 'TCP', expect: (r) => r.expect('x/a', 'x/b', false) }],
  },
  {
    name: 'should ensure an IP overlapping both IPBlock.CIDR and IPBlock.Except is allowed (after the second policy)',
    pods: ['x/a', 'x/b', 'x/c'],
    ...tcp80,
    // The suite updates its policy of the same name to the /32 allow; the except no longer applies.
    policies: (podIP) =>
      np(
        'allow-client-a-via-cidr-egress-rule',
        'x',
        `podSelector: {matchLabels: {pod: a}}\negress:\n- to:\n  - ipBlock: {cidr: ${podIP('x/b')}/32}\npolicyTypes: [Egress]`,
      ),
    probes: [
      {
        port: 80,
        protocol: 'TCP',
        expect: (r) => {
          r.expectAllEgress('x/a', false);
          r.expect('x/a', 'x/b', true);
        },
      },
    ],
  },
];

// endPort: the API's NetworkPolicyPort ("endPort indicates that the range of
// ports from port to endPort if set, inclusive, should be allowed"), on the
// suite's world; the e2e suite itself checks endPort's validation only
// (network_policy_api.go "should support creating NetworkPolicy API with endport field").
const endPortCases: Case[] = [
  {
    name: 'endPort: an egress range admits the ports from port to endPort, inclusive',
    pods: ['x/a', 'y/a'],
    ports: [80, 81],
    protocols: ['TCP'],
    policies: np(
      'egress-range',
      'x',
      'podSelector: {matchLabels: {pod: a}}\negress:\n- ports:\n  - {port: 70, endPort: 80}\npolicyTypes: [Egress]',
    ),
    probes: [
      { port: 80, protocol: 'TCP', expect: () => {} },
      { port: 81, protocol: 'TCP', expect: (r) => r.expectAllEgress('x/a', false) },
    ],
  },
  {
    name: 'endPort: an ingress range from 81 leaves 80 closed',
    pods: ['x/a', 'y/a'],
    ports: [80, 81],
    protocols: ['TCP'],
    policies: np(
      'ingress-range',
      'x',
      'podSelector: {matchLabels: {pod: a}}\ningress:\n- ports:\n  - {port: 81, endPort: 9000}',
    ),
    probes: [
      { port: 80, protocol: 'TCP', expect: (r) => r.expectAllIngress('x/a', false) },
      { port: 81, protocol: 'TCP', expect: () => {} },
    ],
  },
];

describe('NetworkPolicy truth tables of the upstream e2e suite (network_policy.go)', () => {
  for (const c of cases) it(c.name, () => check(c));
});

describe('NetworkPolicy endPort ranges on the same world', () => {
  for (const c of endPortCases) it(c.name, () => check(c));
});
