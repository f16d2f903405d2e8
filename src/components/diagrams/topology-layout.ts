// Where the learner's cluster is drawn: Services in a row above the nodes,
// each node a column holding its Pods, and a line from each Service to the
// Pods its EndpointSlices list. Pure and stable: positions follow names
// (Services by namespace/name, nodes in the cluster's order, Pods by name), so
// the same cluster draws the same picture and adding a Pod only moves the Pods
// after it on its own node.
import type { Model } from '../../engine/model/types.ts';

export interface TopoService {
  id: string;
  name: string;
  type: string;
  /** "10.96.0.10", "None", and the load balancer's address or <pending>. */
  addresses: string;
  /** "80:30080/TCP" as kubectl prints it. */
  ports: string;
  x: number;
  y: number;
}

export interface TopoPod {
  id: string;
  name: string;
  ip: string;
  ready: boolean;
  app: string;
  x: number;
  y: number;
}

export interface TopoNode {
  name: string;
  ip: string;
  ready: boolean;
  kubeProxy: 'Running' | 'Stopped';
  x: number;
  y: number;
  height: number;
  pods: TopoPod[];
  /** Pods not drawn on a node that holds more than fit. */
  hidden: number;
}

export interface TopologyLayout {
  width: number;
  height: number;
  services: TopoService[];
  nodes: TopoNode[];
  /** Service id -> Pod id, ready endpoints only. */
  edges: { service: string; pod: string; ready: boolean }[];
}

export const topoGeometry = {
  margin: 16,
  serviceWidth: 170,
  serviceHeight: 54,
  serviceGap: 14,
  nodeWidth: 190,
  nodeGap: 18,
  nodeHeader: 40,
  podHeight: 34,
  podsPerNode: 8,
};

export function layoutTopology(model: Model): TopologyLayout {
  const g = topoGeometry;
  const services = [...model.services]
    .sort((a, b) =>
      `${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}`
        ? -1
        : 1,
    )
    .map((s, i) => ({
      id: `${s.metadata.namespace}/${s.metadata.name}`,
      name:
        s.metadata.namespace === 'default'
          ? s.metadata.name
          : `${s.metadata.namespace}/${s.metadata.name}`,
      type: s.type,
      addresses: [
        s.clusterIP || 'None',
        ...(s.type === 'LoadBalancer' ? [s.loadBalancerIngress[0] ?? '<pending>'] : []),
      ].join(' '),
      ports: s.ports
        .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol}`)
        .join(','),
      x: g.margin + i * (g.serviceWidth + g.serviceGap),
      y: g.margin,
    }));
  const nodeTop = g.margin + g.serviceHeight + 60;
  const nodes = model.nodes.map((node, i) => {
    const all = model.pods
      .filter((p) => p.nodeName === node.name)
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    const x = g.margin + i * (g.nodeWidth + g.nodeGap);
    const pods = all.slice(0, g.podsPerNode).map((p, k) => ({
      id: `${p.metadata.namespace}/${p.metadata.name}`,
      name: p.metadata.name,
      ip: p.podIP,
      ready: p.ready,
      app: p.metadata.labels.app ?? '',
      x: x + 8,
      y: nodeTop + g.nodeHeader + k * g.podHeight,
    }));
    const hidden = all.length - pods.length;
    return {
      name: node.name,
      ip: node.internalIP,
      ready: node.ready,
      kubeProxy: node.kubeProxy,
      x,
      y: nodeTop,
      height: g.nodeHeader + pods.length * g.podHeight + (hidden > 0 ? 20 : 0) + 8,
      pods,
      hidden,
    };
  });
  const drawn = new Set(nodes.flatMap((n) => n.pods.map((p) => p.id)));
  const edges: TopologyLayout['edges'] = [];
  for (const slice of model.endpointSlices) {
    const service = `${slice.metadata.namespace}/${slice.serviceName}`;
    for (const endpoint of slice.endpoints)
      if (drawn.has(endpoint.targetRef))
        edges.push({ service, pod: endpoint.targetRef, ready: endpoint.ready });
  }
  edges.sort((a, b) => (`${a.service} ${a.pod}` < `${b.service} ${b.pod}` ? -1 : 1));
  const width =
    2 * g.margin +
    Math.max(
      services.length * (g.serviceWidth + g.serviceGap),
      nodes.length * (g.nodeWidth + g.nodeGap),
    );
  const height = Math.max(...nodes.map((n) => n.y + n.height), nodeTop) + g.margin;
  return { width, height, services, nodes, edges };
}
