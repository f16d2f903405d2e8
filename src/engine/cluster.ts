// The machines, the cloud and the state of each kube-proxy: what a real cluster
// keeps outside its manifests, described by the engine's own Cluster document
// (routelab.dev/v1alpha1, docs/cli.md) and defaulted as cli.md says.
import type { Decoder } from './api/decode.ts';
import type { Diagnostic } from './diagnostics.ts';
import { fromFieldError, invalid, locate, notSupported } from './diagnostics.ts';
import { formatIPv4, parseCidr, parseIPv4 } from './net/ip.ts';

export interface ClusterNode {
  name: string;
  internalIP: string;
  /** "" when kube-controller-manager had none left to give (the node is then NotReady). */
  podCIDR: string;
  kubeProxy: 'Running' | 'Stopped';
  ready: boolean;
  zone: string;
}

export interface PodFault {
  /** A Pod's exact name, or a workload ("Deployment/my-app") and the index of its Pod. */
  name: string;
  workload: string;
  index: number;
  ready: boolean;
  terminating: boolean;
}

export interface ClusterSpec {
  nodes: ClusterNode[];
  clusterCIDR: string;
  serviceCIDR: string;
  nodePortRange: [number, number];
  loadBalancer: 'cloud' | 'none';
  ingressController: 'ingress-nginx' | 'none';
  /** How the controller is exposed: its own Service's type, or None for no Service at all. */
  ingressControllerService: 'LoadBalancer' | 'NodePort' | 'None';
  /** Pods made not ready or terminating, as a fault. */
  pods: PodFault[];
  clusterDNS: string;
  clusterDomain: string;
  /** Where the cloud provider takes load-balancer addresses from. */
  loadBalancerCIDR: string;
  externalClient: string;
}

/**
 * cli.md's defaults for the i-th node (0-based): node-1 at 172.18.0.2 with
 * 10.244.1.0/24, ... The podCIDR is what allocatePodCIDRs gives it from the
 * default cluster CIDR; a Cluster document's nodes are allocated again from its own.
 */
export function defaultNode(i: number): ClusterNode {
  return {
    name: `node-${i + 1}`,
    internalIP: `172.18.${Math.floor((i + 2) / 256)}.${(i + 2) % 256}`,
    podCIDR: podCIDRAt(defaultClusterCIDR, i + 1) ?? '',
    kubeProxy: 'Running',
    ready: true,
    zone: '',
  };
}

export function defaultNodes(count = 3): ClusterNode[] {
  return Array.from({ length: count }, (_, i) => defaultNode(i));
}

const defaultClusterCIDR = '10.244.0.0/16';

/** kube-controller-manager's --node-cidr-mask-size for IPv4 (its default). */
export const nodeCIDRMaskSize = 24;

/** The index-th /24 of a cluster CIDR, or null past its end (cidrset's indexToCIDRBlock). */
function podCIDRAt(clusterCIDR: string, index: number): string | null {
  const cidr = parseCidr(clusterCIDR);
  if (!cidr || cidr.bits > nodeCIDRMaskSize) return null;
  if (index >= 2 ** (nodeCIDRMaskSize - cidr.bits)) return null;
  return `${formatIPv4(cidr.base + index * 2 ** (32 - nodeCIDRMaskSize))}/${nodeCIDRMaskSize}`;
}

/**
 * Pod CIDRs as kube-controller-manager's range allocator hands them out
 * (pkg/controller/nodeipam/ipam/range_allocator.go AllocateOrOccupyCIDR, with
 * cidrset.AllocateNext): a node that names its podCIDR occupies it; the others
 * get the next free /24 of the cluster CIDR, in order. The first /24 is the
 * control plane's (kind registers it first: 10.244.0.0/24), so the nodes
 * described here start at the second. When none is left, AllocateNext fails
 * with ErrCIDRRangeNoCIDRsRemaining and the node gets none; its kubelet then
 * reports NetworkReady=false, so it is NotReady and no Pod is placed on it.
 * Returns the nodes that got none.
 */
export function allocatePodCIDRs(
  nodes: ClusterNode[],
  clusterCIDR: string,
  explicit: ReadonlySet<string>,
): ClusterNode[] {
  const taken = new Set<string>([podCIDRAt(clusterCIDR, 0) ?? '']);
  for (const node of nodes) if (explicit.has(node.name)) taken.add(node.podCIDR);
  const starved: ClusterNode[] = [];
  let next = 1;
  for (const node of nodes) {
    if (explicit.has(node.name)) continue;
    let cidr = podCIDRAt(clusterCIDR, next);
    while (cidr !== null && taken.has(cidr)) cidr = podCIDRAt(clusterCIDR, ++next);
    if (cidr === null) {
      node.podCIDR = '';
      node.ready = false;
      starved.push(node);
      continue;
    }
    node.podCIDR = cidr;
    taken.add(cidr);
    next++;
  }
  return starved;
}

/** The event and the node condition a node without a pod CIDR gets, in the components' own words. */
export function cidrNotAvailableText(node: string): string {
  return [
    // nodeipam's RecordNodeStatusChange(..., "CIDRNotAvailable"): a Normal event on the Node.
    `Normal  CIDRNotAvailable  node/${node}: Node ${node} status is now: CIDRNotAvailable`,
    // range_allocator.go's error with cidrset's ErrCIDRRangeNoCIDRsRemaining, in kube-controller-manager's log.
    'kube-controller-manager: failed to allocate cidr from cluster cidr at idx:0: CIDR allocation failed; there are no remaining CIDRs left to allocate in the accepted range',
    // The kubelet's Ready condition while no CNI config can be written without a pod CIDR (kindnet).
    'Ready=False: container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
  ].join('\n');
}

export function defaultCluster(): ClusterSpec {
  return {
    nodes: defaultNodes(),
    clusterCIDR: defaultClusterCIDR,
    serviceCIDR: '10.96.0.0/12',
    nodePortRange: [30000, 32767],
    loadBalancer: 'cloud',
    ingressController: 'ingress-nginx',
    ingressControllerService: 'LoadBalancer',
    pods: [],
    clusterDNS: '10.96.0.10',
    clusterDomain: 'cluster.local',
    loadBalancerCIDR: '198.51.100.0/24',
    externalClient: '203.0.113.10',
  };
}

/** decodeCluster's pod CIDR allocation, with a warning for each node left without one. */
function allocateDeclared(
  d: Decoder,
  spec: ClusterSpec,
  explicit: ReadonlySet<string>,
  report: (error: Parameters<typeof fromFieldError>[2]) => void,
  diagnostics: Diagnostic[],
): void {
  const clusterCIDR = parseCidr(spec.clusterCIDR);
  if (clusterCIDR && clusterCIDR.bits > nodeCIDRMaskSize)
    report(
      invalid(
        ['spec', 'clusterCIDR'],
        spec.clusterCIDR,
        `must hold at least one /${nodeCIDRMaskSize} (kube-controller-manager's --node-cidr-mask-size): New CIDR set failed; the node CIDR size is too big`,
      ),
    );
  for (const node of allocatePodCIDRs(spec.nodes, spec.clusterCIDR, explicit)) {
    const at = spec.nodes.indexOf(node);
    diagnostics.push({
      severity: 'warning',
      code: 'CIDRNotAvailable',
      object: d.object,
      field: `spec.nodes[${at}]`,
      message: `node ${node.name} got no pod CIDR: ${spec.clusterCIDR} has ${2 ** Math.max(0, nodeCIDRMaskSize - (clusterCIDR?.bits ?? nodeCIDRMaskSize))} /${nodeCIDRMaskSize} blocks and the control plane and the nodes before it hold them all, so it is NotReady and runs no Pod\n${cidrNotAvailableText(node.name)}`,
      hint: `A larger clusterCIDR (a /16 holds 256 blocks, a /14 1024), or fewer nodes.`,
      ...locate(d.doc, ['spec', 'nodes', at]),
    });
  }
}

/** Reads a Cluster document over the defaults; unknown values are reported, not guessed. */
// size: one field of the Cluster document after another, each with its own check and message; split, the fields would lose their order.
export function decodeCluster(d: Decoder, diagnostics: Diagnostic[]): ClusterSpec {
  const spec = defaultCluster();
  const report = (error: Parameters<typeof fromFieldError>[2]) =>
    diagnostics.push(fromFieldError(d.doc, d.object, error));

  const explicit = new Set<string>();
  if (d.has(['spec', 'nodes'])) {
    const items = d.list(['spec', 'nodes'], '[]Node');
    spec.nodes = items.map((_, i) => {
      const path = ['spec', 'nodes', i];
      const fallback = defaultNode(i);
      const kubeProxy = d.string([...path, 'kubeProxy']) ?? 'Running';
      if (kubeProxy !== 'Running' && kubeProxy !== 'Stopped')
        report(notSupported([...path, 'kubeProxy'], kubeProxy, ['Running', 'Stopped']));
      const node: ClusterNode = {
        name: d.string([...path, 'name']) ?? fallback.name,
        internalIP: d.string([...path, 'internalIP']) ?? fallback.internalIP,
        podCIDR: d.string([...path, 'podCIDR']) ?? fallback.podCIDR,
        kubeProxy: kubeProxy === 'Stopped' ? 'Stopped' : 'Running',
        ready: d.bool([...path, 'ready']) ?? true,
        zone: d.string([...path, 'zone']) ?? '',
      };
      if (d.string([...path, 'podCIDR']) !== undefined) explicit.add(node.name);
      if (parseIPv4(node.internalIP) === null)
        report(invalid([...path, 'internalIP'], node.internalIP, 'must be a valid IPv4 address'));
      if (explicit.has(node.name) && !parseCidr(node.podCIDR))
        report(invalid([...path, 'podCIDR'], node.podCIDR, 'must be a valid IPv4 CIDR'));
      return node;
    });
  }
  for (const key of ['clusterCIDR', 'serviceCIDR'] as const) {
    const value = d.string(['spec', key]);
    if (value === undefined) continue;
    if (parseCidr(value)) spec[key] = value;
    else report(invalid(['spec', key], value, 'must be a valid IPv4 CIDR'));
  }
  allocateDeclared(d, spec, explicit, report, diagnostics);
  const range = d.string(['spec', 'nodePortRange']);
  if (range !== undefined) {
    const match = /^(\d+)-(\d+)$/.exec(range);
    const lo = Number(match?.[1]);
    const hi = Number(match?.[2]);
    if (match && lo >= 1 && hi <= 65535 && lo <= hi) spec.nodePortRange = [lo, hi];
    else
      report(invalid(['spec', 'nodePortRange'], range, 'must be a port range such as 30000-32767'));
  }
  const lb = d.string(['spec', 'loadBalancer']);
  if (lb !== undefined) {
    if (lb === 'cloud' || lb === 'none') spec.loadBalancer = lb;
    else report(notSupported(['spec', 'loadBalancer'], lb, ['cloud', 'none']));
  }
  const controller = d.string(['spec', 'ingressController']);
  if (controller !== undefined) {
    if (controller === 'ingress-nginx' || controller === 'none')
      spec.ingressController = controller;
    else report(notSupported(['spec', 'ingressController'], controller, ['ingress-nginx', 'none']));
  }
  const exposure = d.string(['spec', 'ingressControllerService']);
  if (exposure !== undefined) {
    if (exposure === 'LoadBalancer' || exposure === 'NodePort' || exposure === 'None')
      spec.ingressControllerService = exposure;
    else
      report(
        notSupported(['spec', 'ingressControllerService'], exposure, [
          'LoadBalancer',
          'NodePort',
          'None',
        ]),
      );
  }
  spec.pods = d.list(['spec', 'pods'], '[]PodFault').map((_, i) => ({
    name: d.string(['spec', 'pods', i, 'name']) ?? '',
    workload: d.string(['spec', 'pods', i, 'workload']) ?? '',
    index: d.int(['spec', 'pods', i, 'index']) ?? 0,
    ready: d.bool(['spec', 'pods', i, 'ready']) ?? true,
    terminating: d.bool(['spec', 'pods', i, 'terminating']) ?? false,
  }));
  const names = new Set<string>();
  spec.nodes.forEach((node, i) => {
    if (names.has(node.name))
      report({
        type: 'FieldValueDuplicate',
        path: ['spec', 'nodes', i, 'name'],
        value: node.name,
        detail: '',
      });
    names.add(node.name);
  });
  return spec;
}

/** The n-th usable address of a CIDR (n = 1 is the first after the network address). */
export function addressInCidr(cidrText: string, n: number): string {
  const cidr = parseCidr(cidrText);
  return cidr ? formatIPv4(cidr.base + n) : '';
}
