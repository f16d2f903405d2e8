// The machines, the cloud and the state of each kube-proxy: what a real cluster
// keeps outside its manifests, described by the engine's own Cluster document
// (routelab.dev/v1alpha1, docs/cli.md) and defaulted as cli.md says.
import type { Decoder } from './api/decode.ts';
import { nodeCIDRMaskSize, podCIDRAt } from './controllers/nodeipam.ts';
import type { Diagnostic } from './diagnostics.ts';
import { fromFieldError, invalid, notSupported } from './diagnostics.ts';
import { formatIPv4, parseCidr, parseIPv4 } from './net/ip.ts';

export interface ClusterNode {
  name: string;
  internalIP: string;
  /** "" when kube-controller-manager gave it none (the node is then NotReady). */
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
  /** The Gateway API controller: Envoy Gateway, or none (Gateways stay unaccepted). */
  gatewayController: 'envoy-gateway' | 'none';
  /** Pods made not ready or terminating, as a fault. */
  pods: PodFault[];
  clusterDNS: string;
  clusterDomain: string;
  /** Where the cloud provider takes load-balancer addresses from. */
  loadBalancerCIDR: string;
  externalClient: string;
  /** kube-proxy's --proxy-mode on every node (docs/cli.md "kube-proxy modes"). */
  kubeProxyMode: 'iptables' | 'nftables';
  /** Whether the CNI enforces NetworkPolicy (Calico, Cilium) or ignores it (flannel alone). */
  networkPolicy: 'enforced' | 'ignored';
}

/**
 * cli.md's defaults for the i-th node (0-based): node-1 at 172.18.0.2 with
 * 10.244.1.0/24, ... The podCIDR is what allocatePodCIDRs gives it from the
 * default cluster CIDR; buildModel allocates every node again, once the Node
 * manifests are merged in.
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

export function defaultCluster(): ClusterSpec {
  return {
    nodes: defaultNodes(),
    clusterCIDR: defaultClusterCIDR,
    serviceCIDR: '10.96.0.0/12',
    nodePortRange: [30000, 32767],
    loadBalancer: 'cloud',
    ingressController: 'ingress-nginx',
    ingressControllerService: 'LoadBalancer',
    gatewayController: 'envoy-gateway',
    pods: [],
    clusterDNS: '10.96.0.10',
    clusterDomain: 'cluster.local',
    loadBalancerCIDR: '198.51.100.0/24',
    externalClient: '203.0.113.10',
    kubeProxyMode: 'iptables',
    networkPolicy: 'enforced',
  };
}

/** A decoded Cluster document, with the nodes whose entry names its podCIDR. */
export interface DecodedCluster {
  spec: ClusterSpec;
  namedPodCIDR: ReadonlySet<string>;
}

/** Reads a Cluster document over the defaults; unknown values are reported, not guessed. */
// size: one field of the Cluster document after another, each with its own check.
export function decodeCluster(d: Decoder, diagnostics: Diagnostic[]): DecodedCluster {
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
  const clusterCIDR = parseCidr(spec.clusterCIDR);
  if (clusterCIDR && clusterCIDR.bits > nodeCIDRMaskSize)
    report(
      invalid(
        ['spec', 'clusterCIDR'],
        spec.clusterCIDR,
        // pkg/controller/nodeipam/node_ipam_controller.go NewNodeIpamController's
        // refusal: the allocator never starts, so no node is given a pod CIDR.
        `must hold at least one /${nodeCIDRMaskSize} (kube-controller-manager's --node-cidr-mask-size): Controller: Invalid --cluster-cidr, mask size of cluster CIDR must be less than or equal to --node-cidr-mask-size configured for CIDR family`,
      ),
    );
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
  const gateway = d.string(['spec', 'gatewayController']);
  if (gateway !== undefined) {
    if (gateway === 'envoy-gateway' || gateway === 'none') spec.gatewayController = gateway;
    else report(notSupported(['spec', 'gatewayController'], gateway, ['envoy-gateway', 'none']));
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
  const mode = d.string(['spec', 'kubeProxyMode']);
  if (mode !== undefined) {
    if (mode === 'iptables' || mode === 'nftables') spec.kubeProxyMode = mode;
    else report(notSupported(['spec', 'kubeProxyMode'], mode, ['iptables', 'nftables']));
  }
  const policy = d.string(['spec', 'networkPolicy']);
  if (policy !== undefined) {
    if (policy === 'enforced' || policy === 'ignored') spec.networkPolicy = policy;
    else report(notSupported(['spec', 'networkPolicy'], policy, ['enforced', 'ignored']));
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
  return { spec, namedPodCIDR: explicit };
}

/** The n-th usable address of a CIDR (n = 1 is the first after the network address). */
export function addressInCidr(cidrText: string, n: number): string {
  const cidr = parseCidr(cidrText);
  return cidr ? formatIPv4(cidr.base + n) : '';
}
