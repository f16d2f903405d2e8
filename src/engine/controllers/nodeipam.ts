// Pod CIDRs as kube-controller-manager's range allocator hands them out, over
// the nodes as they are once the Cluster document and the Node manifests are
// merged. Source: kubernetes/kubernetes pkg/controller/nodeipam/ipam/
// range_allocator.go (NewCIDRRangeAllocator, occupyCIDRs, AllocateOrOccupyCIDR)
// and cidrset/cidr_set.go (NewCIDRSet, AllocateNext, Occupy,
// getBeginningAndEndIndices).
import type { ClusterNode } from '../cluster.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { type Message, message } from '../messages.ts';
import { type Cidr, formatIPv4, parseCidr } from '../net/ip.ts';
import { explained, hinted } from '../trace/english.ts';

/** kube-controller-manager's --node-cidr-mask-size for IPv4 (its default). */
export const nodeCIDRMaskSize = 24;

const blockSize = 2 ** (32 - nodeCIDRMaskSize);

/**
 * How many /24s a cluster CIDR holds: cidr_set.go getMaxCIDRs,
 * 1 << (subNetMaskSize - clusterMaskSize), which is 0 for a cluster CIDR
 * smaller than a /24 (Go shifts by a huge unsigned count).
 */
export function podCIDRBlocks(clusterCIDR: Cidr): number {
  return clusterCIDR.bits > nodeCIDRMaskSize ? 0 : 2 ** (nodeCIDRMaskSize - clusterCIDR.bits);
}

/** The index-th /24 of a cluster CIDR, or null past its end (cidrset's indexToCIDRBlock). */
export function podCIDRAt(clusterCIDR: string, index: number): string | null {
  const cidr = parseCidr(clusterCIDR);
  if (!cidr || index >= podCIDRBlocks(cidr)) return null;
  return `${formatIPv4(cidr.base + index * blockSize)}/${nodeCIDRMaskSize}`;
}

/** A node as the allocator sees it: the podCIDR it names, if it names one. */
export interface AllocatedNode {
  node: ClusterNode;
  /** The node's spec names its podCIDR (its Cluster entry or its Node manifest). */
  named: boolean;
}

/** What the allocator reports about one node. */
export type AllocationProblem =
  | { node: ClusterNode; kind: 'none-left'; clusterCIDR: string; blocks: number }
  | { node: ClusterNode; kind: 'out-of-range'; clusterCIDR: string }
  | { node: ClusterNode; kind: 'shared'; holder: string };

/** cidr_set.go getBeginningAndEndIndices: the /24 indexes a named CIDR covers; null outside. */
function indexesOf(cluster: Cidr, blocks: number, cidr: Cidr): [number, number] | null {
  const size = (c: Cidr) => 2 ** (32 - c.bits);
  const inside = (outer: Cidr, ip: number) => ip >= outer.base && ip < outer.base + size(outer);
  if (!inside(cluster, cidr.base) && !inside(cidr, cluster.base)) return null;
  if (cluster.bits >= cidr.bits) return [0, blocks - 1];
  const index = (ip: number) => Math.floor((ip - cluster.base) / blockSize);
  return [index(cidr.base), index(cidr.base + size(cidr) - 1)];
}

/**
 * Gives each node that names no podCIDR the next free /24, in order, and sets
 * it NotReady when none is left. As NewCIDRRangeAllocator does at start, the
 * podCIDRs nodes already name are occupied first (occupyCIDRs → Occupy), so no
 * node is handed one. The first /24 is the control plane's (kind registers it
 * first: 10.244.0.0/24), so the nodes described here start at the second.
 * When none is left, AllocateNext fails with ErrCIDRRangeNoCIDRsRemaining and
 * the node gets none; its kubelet then reports NetworkReady=false, so it is
 * NotReady and no Pod is placed on it. A cluster CIDR smaller than a /24 never
 * gets here: NewNodeIpamController refuses it (decodeCluster reports that), so
 * the nodes that name no podCIDR are left without one, unreported twice.
 */
export function allocatePodCIDRs(nodes: AllocatedNode[], clusterCIDR: string): AllocationProblem[] {
  const cluster = parseCidr(clusterCIDR);
  const blocks = cluster ? podCIDRBlocks(cluster) : 0;
  const problems: AllocationProblem[] = [];
  // The /24 index -> who holds it, for the report of a podCIDR two nodes name.
  const holders = new Map<number, string>();
  if (blocks > 0) holders.set(0, 'the control plane');
  for (const { node, named } of nodes) {
    if (!named || !cluster || blocks === 0) continue;
    const cidr = parseCidr(node.podCIDR);
    // Not a CIDR at all: refused where it was written (decodeCluster), not twice.
    if (!cidr) continue;
    const span = indexesOf(cluster, blocks, cidr);
    if (!span) {
      problems.push({ node, kind: 'out-of-range', clusterCIDR });
      continue;
    }
    const [begin, end] = span;
    const holder = holders.get(begin);
    // Occupy itself accepts a range already in use; two nodes on one range is reported here.
    if (holder) problems.push({ node, kind: 'shared', holder });
    for (let i = begin; i <= end; i++) if (!holders.has(i)) holders.set(i, node.name);
  }
  let next = 1 % Math.max(blocks, 1);
  for (const { node, named } of nodes) {
    if (named) continue;
    if (holders.size >= blocks) {
      node.podCIDR = '';
      node.ready = false;
      if (blocks > 0) problems.push({ node, kind: 'none-left', clusterCIDR, blocks });
      continue;
    }
    while (holders.has(next)) next = (next + 1) % blocks;
    holders.set(next, node.name);
    node.podCIDR = podCIDRAt(clusterCIDR, next) ?? '';
    next = (next + 1) % blocks;
  }
  return problems;
}

/** The event and the node condition a node without a pod CIDR gets, in the components' own words. */
export function cidrNotAvailableText(node: string): string {
  return [
    // nodeipam's RecordNodeStatusChange(..., "CIDRNotAvailable"): an event on the Node.
    `Normal  CIDRNotAvailable  node/${node}: Node ${node} status is now: CIDRNotAvailable`,
    // range_allocator.go's error with cidrset's ErrCIDRRangeNoCIDRsRemaining, in kube-controller-manager's log.
    'kube-controller-manager: failed to allocate cidr from cluster cidr at idx:0: CIDR allocation failed; there are no remaining CIDRs left to allocate in the accepted range',
    // The kubelet's Ready condition while no CNI config can be written without a pod CIDR (kindnet).
    'Ready=False: container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
  ].join('\n');
}

/** A problem as its diagnostic says it: the explanation and the hint, as data and in English. */
export function allocationText(
  problem: AllocationProblem,
): Pick<Diagnostic, 'message' | 'explanation' | 'hint' | 'hintMessage'> {
  const { explanation, hintMessage } = allocationMessages(problem);
  return { ...explained(explanation), ...hinted(hintMessage) };
}

function allocationMessages(problem: AllocationProblem): {
  explanation: Message;
  hintMessage: Message;
} {
  const { node } = problem;
  const podCIDR = node.podCIDR ?? '';
  switch (problem.kind) {
    case 'none-left':
      return {
        explanation: message('warning.pod-cidr-none-left', {
          node: node.name,
          clusterCIDR: problem.clusterCIDR,
          blocks: problem.blocks,
          maskSize: nodeCIDRMaskSize,
          log: cidrNotAvailableText(node.name),
        }),
        hintMessage: message('hint.pod-cidr-larger', {}),
      };
    case 'out-of-range':
      return {
        explanation: message('warning.pod-cidr-out-of-range', {
          node: node.name,
          podCIDR,
          // occupyCIDRs wrapping Occupy's error, in kube-controller-manager's log.
          log: `kube-controller-manager: failed to mark cidr[${podCIDR}] at idx [0] as occupied for node: ${node.name}: cidr ${podCIDR} is out the range of cluster cidr ${problem.clusterCIDR}`,
        }),
        hintMessage: message('hint.pod-cidr-inside', { clusterCIDR: problem.clusterCIDR }),
      };
    case 'shared':
      return {
        explanation: message('warning.pod-cidr-shared', {
          node: node.name,
          podCIDR,
          holder: problem.holder,
        }),
        hintMessage: message('hint.pod-cidr-unique', {}),
      };
  }
}
