// Where the learner's cluster is drawn: the outside (the client, the cloud's
// load balancer, each Ingress with its rules, each Gateway with its listeners
// and routes) on top, Services in a row below, then each node a column holding
// its Pods; lines from each Ingress and Gateway to the Services it sends to
// (and a Gateway's to its Envoy Service), from the load balancer to
// LoadBalancer Services, and from each Service to the Pods its EndpointSlices
// list. Pure and stable: positions follow names (Services by namespace/name,
// nodes in the cluster's order, Pods by name), so the same cluster draws the
// same picture and adding a Pod only moves the Pods after it on its own node.
import type { IngressPath, Model, TraceResult } from '../../engine/index.ts';
import { cut } from './cut.ts';
import { gatewayBoxes, gatewayId } from './topology-gateway.ts';

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
  /** "app=my-app, tier=web": shown on focus and in the tooltip. */
  labels: string;
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

/** Something outside the nodes: the client, the cloud load balancer, an Ingress, a Gateway. */
export interface TopoOutside {
  id: string;
  kind: 'client' | 'load-balancer' | 'ingress' | 'gateway';
  title: string;
  /**
   * One line each: an address, an Ingress rule "host/path → service:port", a
   * Gateway's listener or one of its routes' rules.
   */
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface TopologyLayout {
  width: number;
  height: number;
  outside: TopoOutside[];
  /**
   * Ingress, Gateway or load balancer id -> Service id, drawn through its
   * points; `proxy`: a Gateway's line to the Envoy Service that serves it.
   */
  links: { from: string; service: string; proxy?: boolean; points: Point[] }[];
  services: TopoService[];
  nodes: TopoNode[];
  /** Service id -> Pod id, from its EndpointSlices, drawn through its points. */
  edges: { service: string; pod: string; ready: boolean; points: Point[] }[];
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
  outsideWidth: 170,
  lineHeight: 13,
  rulesPerIngress: 5,
};

/**
 * A Service's name and type as its box has room for them: a long name
 * (Envoy Gateway's "envoy-gateway-system/envoy-default-eg-e41e7b31") loses
 * its namespace, then its type, before it is cut, so that two Services of one
 * namespace never read the same. The tooltip and label say it all.
 */
export function serviceTitle(s: Pick<TopoService, 'id' | 'name' | 'type'>): string {
  const room = 26;
  const bare = s.id.slice(s.id.indexOf('/') + 1);
  const fits = [`${s.name} · ${s.type}`, `${bare} · ${s.type}`, s.name, bare].find(
    (t) => t.length <= room,
  );
  return fits ?? cut(bare, room);
}

/** A Pod's box, inside its node's. */
export const podWidth = topoGeometry.nodeWidth - 16;

/**
 * The ids a trace marks on the topology: places it passed, its Service, and
 * its Ingress or its Gateway with the Envoy Service it came in by.
 */
export function routeMarks(
  trace: Pick<TraceResult, 'hops' | 'service' | 'ingress' | 'gateway'>,
): string[] {
  const { gateway } = trace;
  // The Services whose rules and load balancer took the request to Envoy.
  const envoy = gateway
    ? trace.hops.flatMap((h) =>
        h.servicePort ? [`${h.servicePort.namespace}/${h.servicePort.name}`] : [],
      )
    : [];
  return [
    ...trace.hops.map((h) => h.at),
    ...(trace.service ? [`${trace.service.namespace}/${trace.service.name}`] : []),
    ...(trace.ingress ? [`ingress/${trace.ingress.namespace}/${trace.ingress.name}`] : []),
    ...(gateway ? [gatewayId(gateway.namespace, gateway.name), ...new Set(envoy)] : []),
  ];
}

type Link = Omit<TopologyLayout['links'][number], 'points'>;
type Edge = Omit<TopologyLayout['edges'][number], 'points'>;

/** The space between the outside row and the Services, where lines run across. */
const bandHeight = 40;

function outsideOf(model: Model): { outside: TopoOutside[]; links: Link[] } {
  const g = topoGeometry;
  const boxes: Omit<TopoOutside, 'x' | 'y' | 'height'>[] = [
    {
      id: 'client',
      kind: 'client',
      title: 'client',
      lines: [model.cluster.externalClient],
      width: 130,
    },
  ];
  const links: Link[] = [];
  if (model.cluster.loadBalancer === 'cloud') {
    boxes.push({
      id: 'cloud',
      kind: 'load-balancer',
      title: 'cloud load balancer',
      lines: [model.cluster.loadBalancerCIDR],
      width: 150,
    });
    for (const s of model.services)
      if (s.type === 'LoadBalancer' && s.loadBalancerIngress.length > 0)
        links.push({ from: 'cloud', service: `${s.metadata.namespace}/${s.metadata.name}` });
  }
  const ingresses = [...model.ingresses].sort((a, b) =>
    `${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}`
      ? -1
      : 1,
  );
  for (const ing of ingresses) {
    const id = `ingress/${ing.metadata.namespace}/${ing.metadata.name}`;
    const ns = ing.metadata.namespace;
    const lines: string[] = [];
    const target = (p: IngressPath) =>
      p.backend.service
        ? `${p.backend.service.name}:${p.backend.service.port.number || p.backend.service.port.name}`
        : '?';
    for (const rule of ing.rules)
      for (const path of rule.paths ?? []) {
        lines.push(`${rule.host || '*'}${path.path || '/'} → ${target(path)}`);
        if (path.backend.service)
          links.push({ from: id, service: `${ns}/${path.backend.service.name}` });
      }
    if (ing.defaultBackend?.service) {
      lines.push(`default → ${ing.defaultBackend.service.name}`);
      links.push({ from: id, service: `${ns}/${ing.defaultBackend.service.name}` });
    }
    const shown = lines.slice(0, g.rulesPerIngress);
    if (lines.length > shown.length) shown.push(`+${lines.length - shown.length} more`);
    boxes.push({
      id,
      kind: 'ingress',
      title: `Ingress ${ing.metadata.name}`,
      lines: shown,
      width: 230,
    });
  }
  for (const { links: sends, ...box } of gatewayBoxes(model)) {
    boxes.push({ ...box, kind: 'gateway' });
    for (const l of sends) links.push({ from: box.id, ...l });
  }
  let x = g.margin;
  const outside = boxes.map((b) => {
    const box = { ...b, x, y: g.margin, height: 20 + b.lines.length * g.lineHeight };
    x += b.width + g.serviceGap;
    return box;
  });
  const seen = new Set<string>();
  return {
    outside,
    links: links.filter((l) => {
      const key = `${l.from} ${l.service}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  };
}

export function layoutTopology(model: Model): TopologyLayout {
  const g = topoGeometry;
  const { outside, links } = outsideOf(model);
  const serviceTop = Math.max(...outside.map((o) => o.y + o.height)) + bandHeight;
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
      y: serviceTop,
    }));
  const nodeTop = serviceTop + g.serviceHeight + 60;
  const nodes = model.nodes.map((node, i) => nodeAt(model, node, i, nodeTop));
  const drawn = new Set(nodes.flatMap((n) => n.pods.map((p) => p.id)));
  const serviceAt = new Map(services.map((s) => [s.id, s]));
  const podAt = new Map(nodes.flatMap((n) => n.pods.map((p) => [p.id, p] as const)));
  const outsideAt = new Map(outside.map((o) => [o.id, o]));
  // Straight down: from under a box above to the top of the box below.
  const edges = endpointEdges(model, drawn).flatMap((e) => {
    const [s, p] = [serviceAt.get(e.service), podAt.get(e.pod)];
    if (!s || !p) return [];
    const points = [
      { x: s.x + g.serviceWidth / 2, y: s.y + g.serviceHeight },
      { x: p.x + podWidth / 2, y: p.y },
    ];
    return [{ ...e, points }];
  });
  const width =
    2 * g.margin +
    Math.max(
      services.length * (g.serviceWidth + g.serviceGap),
      nodes.length * (g.nodeWidth + g.nodeGap),
      outside.reduce((w, o) => w + o.width + g.serviceGap, 0),
    );
  const height = Math.max(...nodes.map((n) => n.y + n.height), nodeTop) + g.margin;
  return {
    width,
    height,
    outside,
    links: outsideLinks(links, outsideAt, serviceAt, serviceTop),
    services,
    nodes,
    edges,
  };
}

/**
 * Each line from outside down to its Service: down from under its box, across
 * on a track of its own in the band above the Services, and down into the
 * Service, so that no line passes under another box of the outside row (the
 * cloud's to the Envoy Service would seem to go into the Gateway beside it).
 */
function outsideLinks(
  links: Link[],
  outsideAt: Map<string, TopoOutside>,
  serviceAt: Map<string, TopoService>,
  serviceTop: number,
): TopologyLayout['links'] {
  const g = topoGeometry;
  const senders = [...new Set(links.map((l) => l.from))];
  const track = (from: string) =>
    serviceTop - bandHeight + ((senders.indexOf(from) + 1) * bandHeight) / (senders.length + 1);
  return links.flatMap((l) => {
    const [o, s] = [outsideAt.get(l.from), serviceAt.get(l.service)];
    if (!o || !s) return [];
    const [x, to] = [o.x + o.width / 2, s.x + g.serviceWidth / 2];
    const y = track(l.from);
    const points = [
      { x, y: o.y + o.height },
      { x, y },
      { x: to, y },
      { x: to, y: s.y },
    ];
    return [{ ...l, points }];
  });
}

/** A node's column: its box, and its Pods by name (as many as fit; the rest counted). */
function nodeAt(model: Model, node: Model['nodes'][number], i: number, nodeTop: number): TopoNode {
  const g = topoGeometry;
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
    labels: Object.entries(p.metadata.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(', '),
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
}

/** A line from a Service to each drawn Pod its EndpointSlices list, in a stable order. */
function endpointEdges(model: Model, drawn: Set<string>): Edge[] {
  const edges: Edge[] = [];
  for (const slice of model.endpointSlices) {
    const service = `${slice.metadata.namespace}/${slice.serviceName}`;
    for (const endpoint of slice.endpoints)
      if (drawn.has(endpoint.targetRef))
        edges.push({ service, pod: endpoint.targetRef, ready: endpoint.ready });
  }
  edges.sort((a, b) => (`${a.service} ${a.pod}` < `${b.service} ${b.pod}` ? -1 : 1));
  return edges;
}
