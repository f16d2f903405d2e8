// Whether the other end of a connection is one of a rule's peers
// (networking.k8s.io/v1 NetworkPolicyPeer): podSelector alone selects Pods in
// the policy's own namespace, namespaceSelector alone every Pod of the
// selected Namespaces, both together the selected Pods of the selected
// Namespaces (one peer, AND; separate peers are OR'ed by the rule), and
// ipBlock an address range less its exceptions.
import type { ContainerPort } from '../api/types.ts';
import { selectorMatches } from '../labels.ts';
import { inCidr, size, sloppyCidr } from './cidr.ts';
import type { IPBlock, NetworkPolicy, NetworkPolicyPeer } from './types.ts';

/** A Pod as policies see it: where it lives, its labels, the ports it names. */
export interface PolicyPod {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  /** The Namespace's labels (kubernetes.io/metadata.name included). */
  namespaceLabels: Record<string, string>;
  ports: ContainerPort[];
}

/**
 * One end of a connection: a Pod on the Pod network with its address, or an
 * address that is no such Pod (outside the cluster, a node, a hostNetwork
 * Pod). `within` stands for an address known only to lie in that range (the
 * DNS Pods', which the model does not run).
 */
export interface PolicyEndpoint {
  pod: PolicyPod | null;
  address: { ip: string } | { within: string };
}

/** An address range with its exceptions removed, as the CNI programs it (IPv4: the engine's family). */
export function inIPBlock(block: IPBlock, address: PolicyEndpoint['address']): boolean {
  if ('ip' in address)
    return inCidr(block.cidr, address.ip) && !block.except.some((e) => inCidr(e, address.ip));
  // Only a block that holds the whole range, no exception cutting into it, surely holds the address.
  const cidr = sloppyCidr(block.cidr);
  const range = sloppyCidr(address.within);
  if (!cidr || !range || cidr.v6 || range.v6) return false;
  const end = (c: NonNullable<typeof cidr>) => c.base + size(c);
  const overlaps = (e: NonNullable<typeof cidr>) => e.base < end(range) && range.base < end(e);
  return (
    cidr.base <= range.base &&
    end(range) <= end(cidr) &&
    !block.except.some((text) => {
      const e = sloppyCidr(text);
      return e !== null && !e.v6 && overlaps(e);
    })
  );
}

export function peerMatches(
  policy: NetworkPolicy,
  peer: NetworkPolicyPeer,
  other: PolicyEndpoint,
): boolean {
  if (peer.ipBlock) return inIPBlock(peer.ipBlock, other.address);
  const pod = other.pod;
  if (!pod) return false;
  const namespaceOK = peer.namespaceSelector
    ? selectorMatches(peer.namespaceSelector, pod.namespaceLabels)
    : pod.namespace === policy.metadata.namespace;
  const podOK = peer.podSelector ? selectorMatches(peer.podSelector, pod.labels) : true;
  return namespaceOK && podOK;
}
