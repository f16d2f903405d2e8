// Where the parts of a cluster are drawn for chapter 1: the client and the
// cloud's load balancer outside, the control plane (kube-apiserver, etcd,
// kube-scheduler, kube-controller-manager), and each node of the learner's
// cluster with its kubelet, container runtime, kube-proxy and Pods. A request's
// route marks what it touched: only the data path (client, load balancer,
// nodes, their kube-proxy rules, Pods) — the control plane is never on it.
import type { Model, TraceResult } from '../../engine/index.ts';

export type Route = Pick<TraceResult, 'hops' | 'request' | 'destination'>;

export type PartKind =
  | 'client'
  | 'load-balancer'
  | 'control-plane'
  | 'kube-apiserver'
  | 'etcd'
  | 'kube-scheduler'
  | 'kube-controller-manager'
  | 'node'
  | 'kubelet'
  | 'container-runtime'
  | 'kube-proxy'
  | 'pod';

export interface Part {
  id: string;
  kind: PartKind;
  /** What is written in the box: a component's name, a node's or Pod's name. */
  name: string;
  /** State in kubectl's words ("Ready", "Stopped", "10.244.1.2") or "". */
  status: string;
  /** The node a part runs on; "" for the control plane and the outside. */
  node: string;
  x: number;
  y: number;
  width: number;
  height: number;
  touched: boolean;
  /** A part that stops requests (kube-proxy stopped, node or Pod not ready). */
  degraded: boolean;
}

export interface ArchitectureLayout {
  width: number;
  height: number;
  parts: Part[];
}

export const archGeometry = {
  margin: 12,
  gap: 12,
  outsideWidth: 150,
  outsideHeight: 36,
  componentWidth: 160,
  rowHeight: 28,
  header: 40,
  nodeWidth: 180,
  podsPerNode: 4,
};

const controlPlane: PartKind[] = [
  'kube-apiserver',
  'etcd',
  'kube-scheduler',
  'kube-controller-manager',
];

export function layoutArchitecture(model: Model, route?: Route): ArchitectureLayout {
  const g = archGeometry;
  const hops = route?.hops ?? [];
  // The Pod's node took the packet in even when no hop is written there.
  const at = new Set([
    ...hops.map((h) => h.at),
    ...(route?.destination ? [route.destination.node] : []),
    ...(route?.request.from === 'external' ? ['client'] : []),
  ]);
  const rulesOn = new Set(
    hops.filter((h) => h.kind === 'iptables' || h.kind === 'nftables').map((h) => h.at),
  );
  const parts: Part[] = [];
  const box: Box = (part) => parts.push({ touched: false, degraded: false, ...part });

  const topWidth = layoutOutsideAndControlPlane(model, at, box);
  const nodeTop = g.margin + 28 + 2 * (g.rowHeight + 6) + 4 + 24;
  let bottom = nodeTop;
  model.nodes.forEach((node, i) => {
    const nx = g.margin + i * (g.nodeWidth + g.gap);
    const height = layoutNode(model, node, nx, nodeTop, at, rulesOn, box);
    bottom = Math.max(bottom, nodeTop + height);
  });
  const nodesWidth = 2 * g.margin + model.nodes.length * (g.nodeWidth + g.gap) - g.gap;
  return { width: Math.max(topWidth, nodesWidth), height: bottom + g.margin, parts };
}

type Box = (part: Omit<Part, 'touched' | 'degraded'> & Partial<Part>) => void;

/** The top row: the client and the load balancer outside, then the control plane. Returns its width. */
function layoutOutsideAndControlPlane(model: Model, at: Set<string>, box: Box): number {
  const g = archGeometry;
  const x = g.margin;
  const top = g.margin;
  box({
    id: 'client',
    kind: 'client',
    name: 'client',
    status: model.cluster.externalClient,
    node: '',
    x,
    y: top,
    width: g.outsideWidth,
    height: g.outsideHeight,
    touched: at.has('client'),
  });
  if (model.cluster.loadBalancer === 'cloud')
    box({
      id: 'load-balancer',
      kind: 'load-balancer',
      name: 'cloud load balancer',
      status: model.cluster.loadBalancerCIDR,
      node: '',
      x,
      y: top + g.outsideHeight + 10,
      width: g.outsideWidth,
      height: g.outsideHeight,
      touched: at.has('cloud'),
    });
  const planeWidth = 2 * g.componentWidth + 3 * 8;
  const planeX = x + g.outsideWidth + g.gap;
  box({
    id: 'control-plane',
    kind: 'control-plane',
    name: 'control plane',
    status: '',
    node: '',
    x: planeX,
    y: top,
    width: planeWidth,
    height: 28 + 2 * (g.rowHeight + 6) + 4,
  });
  controlPlane.forEach((kind, i) => {
    box({
      id: kind,
      kind,
      name: kind,
      status: '',
      node: '',
      x: planeX + 8 + (i % 2) * (g.componentWidth + 8),
      y: top + 28 + Math.floor(i / 2) * (g.rowHeight + 6),
      width: g.componentWidth,
      height: g.rowHeight,
    });
  });
  return planeX + planeWidth + g.margin;
}

/** A node with its kubelet, container runtime, kube-proxy and Pods. Returns its height. */
function layoutNode(
  model: Model,
  node: Model['nodes'][number],
  nx: number,
  nodeTop: number,
  at: Set<string>,
  rulesOn: Set<string>,
  box: Box,
): number {
  const g = archGeometry;
  const inner = g.nodeWidth - 16;
  const pods = model.pods
    .filter((p) => p.nodeName === node.name)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  const shown = pods.slice(0, g.podsPerNode);
  // A Pod the route reached is always drawn, in place of the last one.
  const reached = pods.find((p) => at.has(p.metadata.name));
  if (reached && !shown.includes(reached)) shown[shown.length - 1] = reached;
  const rows = 3 + shown.length + (pods.length > shown.length ? 1 : 0);
  const height = g.header + rows * g.rowHeight + 6;
  box({
    id: `node/${node.name}`,
    kind: 'node',
    name: node.name,
    status: `${node.internalIP} ${node.ready ? 'Ready' : 'NotReady'}`,
    node: node.name,
    x: nx,
    y: nodeTop,
    width: g.nodeWidth,
    height,
    touched: at.has(node.name),
    degraded: !node.ready,
  });
  const row = (k: number) => nodeTop + g.header + k * g.rowHeight;
  layoutComponents(node, nx + 8, row, inner, rulesOn, box);
  for (const [k, pod] of shown.entries())
    box({
      id: `pod/${pod.metadata.namespace}/${pod.metadata.name}`,
      kind: 'pod',
      name: pod.metadata.name,
      status: `${pod.podIP}${pod.ready ? '' : ' not ready'}`,
      node: node.name,
      x: nx + 8,
      y: row(3 + k),
      width: inner,
      height: g.rowHeight - 4,
      touched: at.has(pod.metadata.name),
      degraded: !pod.ready,
    });
  if (pods.length > shown.length)
    box({
      id: `pod/more/${node.name}`,
      kind: 'pod',
      name: `+${pods.length - shown.length}`,
      status: '',
      node: node.name,
      x: nx + 8,
      y: row(3 + shown.length),
      width: inner,
      height: g.rowHeight - 4,
    });
  return height;
}

/** The node's kubelet, container runtime and kube-proxy, one per row. */
function layoutComponents(
  node: Model['nodes'][number],
  x: number,
  row: (k: number) => number,
  inner: number,
  rulesOn: Set<string>,
  box: Box,
): void {
  const g = archGeometry;
  box({
    id: `kubelet/${node.name}`,
    kind: 'kubelet',
    name: 'kubelet',
    status: node.ready ? 'Ready' : 'NotReady',
    node: node.name,
    x,
    y: row(0),
    width: inner,
    height: g.rowHeight - 4,
    degraded: !node.ready,
  });
  box({
    id: `container-runtime/${node.name}`,
    kind: 'container-runtime',
    name: 'container runtime',
    status: '',
    node: node.name,
    x,
    y: row(1),
    width: inner,
    height: g.rowHeight - 4,
  });
  box({
    id: `kube-proxy/${node.name}`,
    kind: 'kube-proxy',
    name: 'kube-proxy',
    status: node.kubeProxy,
    node: node.name,
    x,
    y: row(2),
    width: inner,
    height: g.rowHeight - 4,
    touched: rulesOn.has(node.name),
    degraded: node.kubeProxy === 'Stopped',
  });
}
