// The NetworkPolicy evaluator on its own: two ends described by hand, the
// policies decoded from YAML, the verdict per direction. Semantics from the
// networking.k8s.io/v1 API reference (NetworkPolicySpec, NetworkPolicyPeer,
// NetworkPolicyPort, IPBlock) and the Kubernetes docs "Network Policies".
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/engine/index.ts';
import { evaluate } from '../../../src/engine/netpol/evaluate.ts';
import type { PolicyEndpoint } from '../../../src/engine/netpol/peers.ts';
import type { NetworkPolicy } from '../../../src/engine/netpol/types.ts';

const policies = (yaml: string): NetworkPolicy[] => {
  const model = buildModel([
    {
      file: 'np.yaml',
      text: `apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: y, labels: {team: blue}}\n---\n${yaml}`,
    },
  ]);
  expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model.networkPolicies;
};

const pod = (
  namespace: string,
  name: string,
  ip: string,
  nsLabels: Record<string, string> = {},
  ports: { name: string; containerPort: number; protocol: 'TCP' | 'UDP' | 'SCTP' }[] = [],
): PolicyEndpoint => ({
  pod: {
    namespace,
    name,
    labels: { pod: name },
    namespaceLabels: { ...nsLabels, 'kubernetes.io/metadata.name': namespace },
    ports,
  },
  address: { ip },
});
const outside = (ip: string): PolicyEndpoint => ({ pod: null, address: { ip } });

const xa = pod('x', 'a', '10.244.1.10', {}, [
  { name: 'serve-80-tcp', containerPort: 80, protocol: 'TCP' },
]);
const xb = pod('x', 'b', '10.244.2.11');
const ya = pod('y', 'a', '10.244.3.12', { team: 'blue' });
const noNode = () => [];

const policy = (name: string, spec: string, ns = 'x') =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${spec.replace(/^/gm, '  ')}\n---\n`;

const judge = (
  list: NetworkPolicy[],
  source: PolicyEndpoint,
  destination: PolicyEndpoint,
  port = 80,
  protocol: 'TCP' | 'UDP' | 'SCTP' = 'TCP',
  nodeAddresses: () => string[] = noNode,
) => evaluate(list, { source, destination, port, protocol }, nodeAddresses);

describe('NetworkPolicy evaluation', () => {
  it('leaves a Pod no policy selects open, and isolates it once one does', () => {
    expect(judge([], xb, xa).allowed).toBe(true);
    const deny = policies(policy('deny', 'podSelector: {matchLabels: {pod: a}}'));
    const verdict = judge(deny, xb, xa);
    expect(verdict.allowed).toBe(false);
    expect(verdict.ingress).toMatchObject({
      direction: 'Ingress',
      selecting: [{ namespace: 'x', name: 'deny' }],
      allowed: false,
      allowedBy: null,
    });
    // Ingress only: x/a's own egress is not isolated.
    expect(judge(deny, xa, xb).allowed).toBe(true);
  });

  it('adds policies up: any rule of any selecting policy allows', () => {
    const list = policies(
      policy('deny', 'podSelector: {}') +
        policy(
          'allow-b',
          'podSelector: {}\ningress:\n- from:\n  - podSelector: {matchLabels: {pod: b}}',
        ),
    );
    expect(judge(list, xb, xa).ingress?.allowedBy).toEqual({
      policy: { namespace: 'x', name: 'allow-b' },
      rule: 0,
    });
    expect(judge(list, ya, xa).allowed).toBe(false);
  });

  it('reads podSelector in the policy’s namespace, namespaceSelector across, both in one peer as AND', () => {
    const podOnly = policies(
      policy('p', 'podSelector: {}\ningress:\n- from:\n  - podSelector: {matchLabels: {pod: a}}'),
    );
    // y/a has the label, but a bare podSelector means Pods of x.
    expect(judge(podOnly, ya, xb).allowed).toBe(false);
    const and = policies(
      policy(
        'and',
        'podSelector: {}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {team: blue}}\n    podSelector: {matchLabels: {pod: b}}',
      ),
    );
    expect(judge(and, ya, xb).allowed).toBe(false);
    const or = policies(
      policy(
        'or',
        'podSelector: {}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {team: blue}}\n  - podSelector: {matchLabels: {pod: b}}',
      ),
    );
    expect(judge(or, ya, xb).allowed).toBe(true);
    expect(judge(or, xb, xa).allowed).toBe(true);
  });

  it('matches ipBlock less its exceptions, Pod addresses included (as Calico and Cilium do)', () => {
    const list = policies(
      policy(
        'cidr',
        'podSelector: {}\ningress:\n- from:\n  - ipBlock: {cidr: 10.244.0.0/16, except: [10.244.3.0/24]}',
      ),
    );
    expect(judge(list, xb, xa).allowed).toBe(true);
    expect(judge(list, ya, xa).allowed).toBe(false);
    expect(judge(list, outside('203.0.113.10'), xa).allowed).toBe(false);
    // Read as ParseCIDRSloppy reads it, as validation accepted it: leading zeros, host bits.
    const sloppy = policies(
      policy(
        'sloppy',
        'podSelector: {}\ningress:\n- from:\n  - ipBlock: {cidr: 010.244.2.77/24, except: [10.244.2.011/32]}',
      ),
    );
    expect(judge(sloppy, pod('x', 'd', '10.244.2.12'), xa).allowed).toBe(true);
    expect(judge(sloppy, xb, xa).allowed).toBe(false);
    // A selector never matches an address that is no Pod.
    const anyPod = policies(
      policy('all-pods', 'podSelector: {}\ningress:\n- from:\n  - namespaceSelector: {}'),
    );
    expect(judge(anyPod, outside('203.0.113.10'), xa).allowed).toBe(false);
  });

  it('checks protocol, port ranges up to endPort, and named ports against the destination Pod', () => {
    const list = policies(
      policy(
        'ports',
        'podSelector: {}\ningress:\n- ports:\n  - {port: 8000, endPort: 8010}\n  - {protocol: UDP, port: 53}\n  - {port: serve-80-tcp}',
      ),
    );
    expect(judge(list, ya, xa, 8005).allowed).toBe(true);
    expect(judge(list, ya, xa, 8011).allowed).toBe(false);
    expect(judge(list, ya, xa, 53, 'UDP').allowed).toBe(true);
    expect(judge(list, ya, xa, 53, 'TCP').allowed).toBe(false);
    expect(judge(list, ya, xa, 80).allowed).toBe(true);
    // x/b names no port serve-80-tcp.
    expect(judge(list, ya, xb, 80).allowed).toBe(false);
  });

  it('judges egress on the source Pod, and both directions must allow', () => {
    const list = policies(
      policy('no-egress', 'podSelector: {matchLabels: {pod: a}}\npolicyTypes: [Egress]'),
    );
    const verdict = judge(list, xa, ya);
    expect(verdict.egress?.allowed).toBe(false);
    expect(verdict.ingress).toMatchObject({ allowed: true, selecting: [] });
    expect(verdict.allowed).toBe(false);
  });

  it('never blocks a Pod from itself or from its own node', () => {
    const deny = policies(policy('deny', 'podSelector: {}\npolicyTypes: [Ingress, Egress]'));
    expect(judge(deny, xa, xa).allowed).toBe(true);
    const node = () => ['172.18.0.2', '10.244.1.1'];
    expect(judge(deny, outside('10.244.1.1'), xa, 80, 'TCP', node).allowed).toBe(true);
    expect(judge(deny, outside('172.18.0.3'), xa, 80, 'TCP', node).allowed).toBe(false);
  });

  it('judges an address known only by its range (the DNS Pods) by blocks that hold the whole range', () => {
    const dns: PolicyEndpoint = { ...xb, address: { within: '10.244.0.0/16' } };
    const wide = policies(
      policy(
        'wide',
        'podSelector: {}\npolicyTypes: [Egress]\negress:\n- to:\n  - ipBlock: {cidr: 0.0.0.0/0}',
      ),
    );
    expect(judge(wide, xa, dns).allowed).toBe(true);
    const cut = policies(
      policy(
        'cut',
        'podSelector: {}\npolicyTypes: [Egress]\negress:\n- to:\n  - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}',
      ),
    );
    expect(judge(cut, xa, dns).allowed).toBe(false);
  });

  it('allows everything when the CNI does not enforce policy', () => {
    const deny = policies(policy('deny', 'podSelector: {}'));
    expect(
      evaluate(deny, { source: xb, destination: xa, port: 80, protocol: 'TCP' }, noNode, false),
    ).toEqual({
      egress: null,
      ingress: null,
      allowed: true,
    });
  });
});
