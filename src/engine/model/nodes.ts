// The cluster's nodes: the Cluster document's (or the defaults), with what
// Node manifests say about them, then given pod CIDRs. Allocation comes after
// the merge so that a podCIDR a Node manifest names is occupied before any
// node is handed one, as NewCIDRRangeAllocator occupies the existing nodes'.
import type { Node } from '../api/types.ts';
import { type ClusterNode, type ClusterSpec, defaultNode } from '../cluster.ts';
import {
  type AllocationProblem,
  allocatePodCIDRs,
  allocationText,
} from '../controllers/nodeipam.ts';
import { type Diagnostic, locate } from '../diagnostics.ts';
import type { SourceDocument } from '../yaml/read.ts';

/** Where the Cluster document came from, and the nodes whose entry names a podCIDR. */
export interface ClusterSource {
  doc: SourceDocument;
  id: string;
  namedPodCIDR: ReadonlySet<string>;
}

export function clusterNodes(
  cluster: ClusterSpec,
  source: ClusterSource | null,
  manifests: Node[],
  diagnostics: Diagnostic[],
): ClusterNode[] {
  const named = new Set(source?.namedPodCIDR);
  // Node objects without a Cluster document are a dump of a real cluster's
  // nodes: they are the cluster's nodes, not three more beside the defaults.
  const base = source === null && manifests.length > 0 ? [] : cluster.nodes;
  const nodes = base.map((node) => {
    const manifest = manifests.find((n) => n.name === node.name);
    if (!manifest) return { ...node };
    if (manifest.podCIDR) named.add(node.name);
    return {
      ...node,
      internalIP: manifest.internalIP || node.internalIP,
      podCIDR: manifest.podCIDR || node.podCIDR,
      ready: node.ready && manifest.ready,
      zone: manifest.zone || node.zone,
    };
  });
  for (const manifest of manifests) {
    if (nodes.some((n) => n.name === manifest.name)) continue;
    const node: ClusterNode = {
      name: manifest.name,
      // A Node without an InternalIP gets the default node address its place would have.
      internalIP: manifest.internalIP || freeNodeIP(nodes, manifests),
      podCIDR: manifest.podCIDR,
      kubeProxy: 'Running',
      ready: manifest.ready,
      zone: manifest.zone,
    };
    if (manifest.podCIDR) named.add(node.name);
    nodes.push(node);
  }

  const problems = allocatePodCIDRs(
    nodes.map((node) => ({ node, named: named.has(node.name) })),
    cluster.clusterCIDR,
  );
  for (const problem of problems) {
    const where = placeOf(problem, nodes.indexOf(problem.node), cluster, source, manifests);
    if (!where) continue;
    diagnostics.push({
      severity: 'warning',
      code: problem.kind === 'none-left' ? 'CIDRNotAvailable' : 'PodCIDRNotOccupied',
      ...where,
      ...allocationText(problem),
    });
  }
  return nodes;
}

/**
 * Where a problem is reported: a podCIDR at the manifest or entry that names
 * it; a node left without one at its Cluster entry, else at its Node manifest.
 */
function placeOf(
  problem: AllocationProblem,
  at: number,
  cluster: ClusterSpec,
  source: ClusterSource | null,
  manifests: Node[],
): Pick<Diagnostic, 'object' | 'field' | 'file' | 'line' | 'column'> | null {
  const manifest = manifests.find((n) => n.name === problem.node.name);
  const fromManifest = problem.kind !== 'none-left' && manifest?.podCIDR;
  if (manifest && (fromManifest || at >= cluster.nodes.length || !source))
    return fromManifest
      ? { object: manifest.id, field: 'spec.podCIDR', ...locate(manifest.doc, ['spec', 'podCIDR']) }
      : { object: manifest.id, field: '', ...locate(manifest.doc, ['metadata', 'name']) };
  if (!source) return null;
  return {
    object: source.id,
    field: `spec.nodes[${at}]`,
    ...locate(source.doc, ['spec', 'nodes', at]),
  };
}

/** The first default node address (172.18.0.2, ...) no node has and no Node manifest names. */
function freeNodeIP(nodes: readonly ClusterNode[], manifests: readonly Node[]): string {
  const taken = new Set([...nodes, ...manifests].map((n) => n.internalIP));
  for (let i = 0; ; i++) {
    const ip = defaultNode(i).internalIP;
    if (!taken.has(ip)) return ip;
  }
}
