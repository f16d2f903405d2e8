// NetworkPolicy as the engine holds it (networking.k8s.io/v1), after
// SetDefaults_NetworkPolicy and SetDefaults_NetworkPolicyPort
// (pkg/apis/networking/v1/defaults.go).
import type { LabelSelector, ObjectMeta, Protocol, Sourced } from '../api/types.ts';

export type PolicyType = 'Ingress' | 'Egress';

export interface NetworkPolicyPort {
  /** Defaulted to TCP; an unknown protocol is kept as written, for validation to name. */
  protocol: Protocol;
  /** A number or a named port; undefined when unset (every port). */
  port?: number | string;
  endPort?: number;
}

export interface IPBlock {
  cidr: string;
  except: string[];
}

/** One entry of `from` or `to`: null where the field is unset, as the API's pointers are. */
export interface NetworkPolicyPeer {
  podSelector: LabelSelector | null;
  namespaceSelector: LabelSelector | null;
  ipBlock: IPBlock | null;
}

/** An ingress rule (its `from`) or an egress rule (its `to`), as `peers`. */
export interface NetworkPolicyRule {
  ports: NetworkPolicyPort[];
  peers: NetworkPolicyPeer[];
}

export interface NetworkPolicy extends Sourced {
  kind: 'NetworkPolicy';
  metadata: ObjectMeta;
  podSelector: LabelSelector;
  ingress: NetworkPolicyRule[];
  egress: NetworkPolicyRule[];
  /** Defaulted: Ingress always, Egress when the policy has egress rules. */
  policyTypes: string[];
}
