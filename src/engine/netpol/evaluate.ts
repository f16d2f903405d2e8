// NetworkPolicy's verdict on one connection, per direction, as the API
// documents it (networking.k8s.io/v1 NetworkPolicySpec; Kubernetes docs
// "Network Policies"): a Pod is isolated for ingress (egress) once any policy
// whose policyTypes include Ingress (Egress) selects it; an isolated Pod's
// connection is allowed when some rule of some selecting policy allows it,
// the policies adding up. A Pod is never blocked from itself, and traffic
// to and from the node a Pod runs on is always allowed. What is passed in is
// a plain description of the two ends, so the trace and tests ask alike.
import type { Protocol } from '../api/types.ts';
import { selectorMatches } from '../labels.ts';
import { type PolicyEndpoint, peerMatches } from './peers.ts';
import { portsMatch } from './ports.ts';
import type { NetworkPolicy, PolicyType } from './types.ts';

export interface Connection {
  source: PolicyEndpoint;
  /** After any DNAT: the endpoint Pod's address and target port. */
  destination: PolicyEndpoint;
  port: number;
  protocol: Protocol;
}

/** A policy as the trace names it. */
export interface PolicyRef {
  namespace: string;
  name: string;
}

export interface DirectionVerdict {
  direction: PolicyType;
  /** The policies that select the Pod for this direction; empty when it is not isolated. */
  selecting: PolicyRef[];
  allowed: boolean;
  /** The first policy and rule (index into its ingress or egress) that allows the connection. */
  allowedBy: { policy: PolicyRef; rule: number } | null;
}

export interface Verdict {
  /** null when the source is no Pod on the Pod network (nothing to isolate). */
  egress: DirectionVerdict | null;
  /** null when the destination is no Pod on the Pod network. */
  ingress: DirectionVerdict | null;
  allowed: boolean;
}

const ref = (p: NetworkPolicy): PolicyRef => ({
  namespace: p.metadata.namespace,
  name: p.metadata.name,
});

/** The policies of a Pod's namespace that select it for a direction. */
export function selectingPolicies(
  policies: readonly NetworkPolicy[],
  pod: NonNullable<PolicyEndpoint['pod']>,
  direction: PolicyType,
): NetworkPolicy[] {
  return policies.filter(
    (p) =>
      p.metadata.namespace === pod.namespace &&
      p.policyTypes.includes(direction) &&
      selectorMatches(p.podSelector, pod.labels),
  );
}

function judge(
  policies: readonly NetworkPolicy[],
  direction: PolicyType,
  self: PolicyEndpoint,
  other: PolicyEndpoint,
  connection: Connection,
  exempt: boolean,
): DirectionVerdict | null {
  if (!self.pod) return null;
  const selecting = selectingPolicies(policies, self.pod, direction);
  const verdict = (allowedBy: DirectionVerdict['allowedBy']): DirectionVerdict => ({
    direction,
    selecting: selecting.map(ref),
    allowed: selecting.length === 0 || exempt || allowedBy !== null,
    allowedBy,
  });
  for (const policy of selecting) {
    const rules = direction === 'Ingress' ? policy.ingress : policy.egress;
    const rule = rules.findIndex(
      (r) =>
        (r.peers.length === 0 || r.peers.some((peer) => peerMatches(policy, peer, other))) &&
        portsMatch(r.ports, connection.port, connection.protocol, connection.destination),
    );
    if (rule >= 0) return verdict({ policy: ref(policy), rule });
  }
  return verdict(null);
}

const sameEndpoint = (a: PolicyEndpoint, b: PolicyEndpoint) =>
  a.pod !== null &&
  b.pod !== null &&
  a.pod.namespace === b.pod.namespace &&
  a.pod.name === b.pod.name;

const addressIn = (endpoint: PolicyEndpoint, addresses: readonly string[]) =>
  'ip' in endpoint.address && addresses.includes(endpoint.address.ip);

/**
 * The verdict on a connection. `nodeAddresses` are the addresses of the node
 * each Pod end runs on (exempt traffic); `enforced` false is a CNI without
 * policy support, for which every connection is allowed and nothing selects.
 */
export function evaluate(
  policies: readonly NetworkPolicy[],
  connection: Connection,
  nodeAddresses: (pod: NonNullable<PolicyEndpoint['pod']>) => readonly string[],
  enforced = true,
): Verdict {
  if (!enforced) return { egress: null, ingress: null, allowed: true };
  const { source, destination } = connection;
  const itself = sameEndpoint(source, destination);
  const egress = judge(
    policies,
    'Egress',
    source,
    destination,
    connection,
    itself || (source.pod !== null && addressIn(destination, nodeAddresses(source.pod))),
  );
  const ingress = judge(
    policies,
    'Ingress',
    destination,
    source,
    connection,
    itself || (destination.pod !== null && addressIn(source, nodeAddresses(destination.pod))),
  );
  return {
    egress,
    ingress,
    allowed: (egress?.allowed ?? true) && (ingress?.allowed ?? true),
  };
}
