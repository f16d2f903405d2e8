// Whether the other end of a connection is one of a rule's peers
// (networking.k8s.io/v1 NetworkPolicyPeer): podSelector alone selects Pods in
// the policy's own namespace, namespaceSelector alone every Pod of the
// selected Namespaces, both together the selected Pods of the selected
// Namespaces (one peer, AND; separate peers are OR'ed by the rule), and
// ipBlock an address range less its exceptions.
import type { ContainerPort } from '../api/types.ts';
import { selectorMatches } from '../labels.ts';
import { cidrContains, cidrSize, parseCidr } from '../net/ip.ts';
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

/** An address range with its exceptions removed, as the CNI programs it. */
export function inIPBlock(block: IPBlock, address: PolicyEndpoint['address']): boolean {
  const cidr = parseCidr(block.cidr);
  if (!cidr) return false;
  const excepts = block.except.flatMap((e) => parseCidr(e) ?? []);
  if ('ip' in address)
    return cidrContains(cidr, address.ip) && !excepts.some((e) => cidrContains(e, address.ip));
  // Only a block that holds the whole range, no exception cutting into it, surely holds the address.
  const range = parseCidr(address.within);
  if (!range) return false;
  const end = (c: { base: number } & Parameters<typeof cidrSize>[0]) => c.base + cidrSize(c);
  const overlaps = (e: typeof range) => e.base < end(range) && range.base < end(e);
  return cidr.base <= range.base && end(range) <= end(cidr) && !excepts.some((e) => overlaps(e));
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
