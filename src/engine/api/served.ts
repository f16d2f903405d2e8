// The objects as kube-apiserver returns them (`kubectl get -o json`): defaults
// filled in, allocations made, status written. One home for both `routelab get
// --json` and the course's `field` checks, so the two cannot disagree.
import type { ClusterNode } from '../cluster.ts';
import type { Model, RunningPod } from '../model/types.ts';
import type { EndpointSlice, PodSpec, Service } from './types.ts';

/** The kinds the engine serves in their API form. */
export const servedKinds = ['Node', 'Pod', 'Deployment', 'Service', 'EndpointSlice'] as const;
export type ServedKind = (typeof servedKinds)[number];

function meta(name: string, namespace: string, labels: Record<string, string>) {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    ...(Object.keys(labels).length ? { labels: { ...labels } } : {}),
  };
}

type Served = Record<string, unknown>;

function servedNode(n: ClusterNode): Served {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(n.name, '', { 'kubernetes.io/hostname': n.name }),
    // A node the allocator gave nothing has the fields unset, as kubectl shows it.
    spec: n.podCIDR ? { podCIDR: n.podCIDR, podCIDRs: [n.podCIDR] } : {},
    status: {
      addresses: [
        { type: 'InternalIP', address: n.internalIP },
        { type: 'Hostname', address: n.name },
      ],
      conditions: [{ type: 'Ready', status: n.ready ? 'True' : 'False' }],
    },
  };
}

function containers(spec: PodSpec): Served[] {
  return spec.containers.map((c) => ({
    name: c.name,
    image: c.image,
    ports: c.ports.map((x) => ({
      ...(x.name ? { name: x.name } : {}),
      containerPort: x.containerPort,
      ...(x.hostPort ? { hostPort: x.hostPort } : {}),
      protocol: x.protocol,
    })),
  }));
}

function servedPod(model: Model, p: RunningPod): Served {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(p.metadata.name, p.metadata.namespace, p.metadata.labels),
    spec: {
      containers: containers(p.spec),
      ...(p.nodeName ? { nodeName: p.nodeName } : {}),
      ...(p.spec.hostNetwork ? { hostNetwork: true } : {}),
    },
    status: {
      phase: p.phase,
      ...(p.podIP
        ? {
            podIP: p.podIP,
            podIPs: [{ ip: p.podIP }],
            hostIP: model.nodes.find((n) => n.name === p.nodeName)?.internalIP,
          }
        : {}),
      conditions: [{ type: 'Ready', status: p.ready && !p.terminating ? 'True' : 'False' }],
    },
  };
}

function servedDeployment(w: Model['workloads'][number]): Served {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(w.metadata.name, w.metadata.namespace, w.metadata.labels),
    spec: {
      replicas: w.replicas,
      selector: { matchLabels: w.selector?.matchLabels ?? {} },
      // The template whole enough to be applied again: kube-apiserver requires its containers.
      template: {
        metadata: { labels: w.template.labels },
        spec: {
          containers: containers(w.template.spec),
          ...(w.template.spec.hostNetwork ? { hostNetwork: true } : {}),
        },
      },
    },
  };
}

function servedService(s: Service): Served {
  const external = s.type === 'NodePort' || s.type === 'LoadBalancer' || s.externalIPs.length > 0;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(s.metadata.name, s.metadata.namespace, s.metadata.labels),
    spec: {
      type: s.type,
      ...(s.selector ? { selector: { ...s.selector } } : {}),
      ...(s.type === 'ExternalName'
        ? { externalName: s.externalName }
        : {
            clusterIP: s.clusterIP,
            clusterIPs: [s.clusterIP],
            ipFamilies: ['IPv4'],
            ipFamilyPolicy: 'SingleStack',
            internalTrafficPolicy: s.internalTrafficPolicy,
          }),
      ports: s.ports.map((p) => ({
        ...(p.name ? { name: p.name } : {}),
        protocol: p.protocol,
        port: p.port,
        targetPort: p.targetPort,
        ...(p.nodePort ? { nodePort: p.nodePort } : {}),
      })),
      sessionAffinity: s.sessionAffinity,
      ...(s.sessionAffinity === 'ClientIP'
        ? {
            sessionAffinityConfig: {
              clientIP: { timeoutSeconds: s.sessionAffinityTimeoutSeconds },
            },
          }
        : {}),
      ...(external ? { externalTrafficPolicy: s.externalTrafficPolicy } : {}),
      ...(s.externalIPs.length ? { externalIPs: s.externalIPs } : {}),
      ...(s.healthCheckNodePort ? { healthCheckNodePort: s.healthCheckNodePort } : {}),
      ...(s.type === 'LoadBalancer'
        ? { allocateLoadBalancerNodePorts: s.allocateLoadBalancerNodePorts }
        : {}),
    },
    status: {
      loadBalancer: s.loadBalancerIngress.length
        ? { ingress: s.loadBalancerIngress.map((ip) => ({ ip, ipMode: 'VIP' })) }
        : {},
    },
  };
}

function servedEndpointSlice(e: EndpointSlice): Served {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta(e.metadata.name, e.metadata.namespace, e.metadata.labels),
    addressType: e.addressType,
    endpoints: e.endpoints.map((x) => ({
      addresses: x.addresses,
      conditions: { ready: x.ready, serving: x.serving, terminating: x.terminating },
      ...(x.hostname ? { hostname: x.hostname } : {}),
      ...(x.nodeName ? { nodeName: x.nodeName } : {}),
      ...(x.targetRef
        ? {
            targetRef: {
              kind: 'Pod',
              namespace: x.targetRef.split('/')[0],
              name: x.targetRef.split('/')[1],
            },
          }
        : {}),
    })),
    ports: e.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
  };
}

const serve: Record<ServedKind, (model: Model) => Served[]> = {
  Node: (model) => model.nodes.map(servedNode),
  Pod: (model) => model.pods.map((p) => servedPod(model, p)),
  Deployment: (model) =>
    model.workloads.filter((w) => w.kind === 'Deployment').map(servedDeployment),
  Service: (model) => model.services.map(servedService),
  EndpointSlice: (model) => model.endpointSlices.map(servedEndpointSlice),
};

/** Every served object of a kind (every kind when none is given), in the model's order. */
export function servedObjects(model: Model, kind?: ServedKind): Served[] {
  return (kind ? [kind] : servedKinds).flatMap((k) => serve[k](model));
}

/**
 * The one object of a kind named so, before it is served: a `field` check asks
 * for one on every keystroke, and serving the whole kind to find it cost a
 * serialization of every object.
 */
const find: Record<
  ServedKind,
  (model: Model, namespace: string, name: string) => Served | undefined
> = {
  Node: (model, _, name) => {
    const node = model.nodes.find((n) => n.name === name);
    return node && servedNode(node);
  },
  Pod: (model, namespace, name) => {
    const pod = model.pods.find((p) => named(p.metadata, namespace, name));
    return pod && servedPod(model, pod);
  },
  Deployment: (model, namespace, name) => {
    const w = model.workloads.find(
      (w) => w.kind === 'Deployment' && named(w.metadata, namespace, name),
    );
    return w && servedDeployment(w);
  },
  Service: (model, namespace, name) => {
    const service = model.services.find((s) => named(s.metadata, namespace, name));
    return service && servedService(service);
  },
  EndpointSlice: (model, namespace, name) => {
    const slice = model.endpointSlices.find((e) => named(e.metadata, namespace, name));
    return slice && servedEndpointSlice(slice);
  },
};

function named(meta: { name: string; namespace: string }, namespace: string, name: string) {
  return meta.name === name && (meta.namespace || 'default') === namespace;
}

/**
 * One object as the API server returns it, by "Kind/name" or "Kind/namespace/name"
 * (namespace default). A kind the engine does not model (an Ingress, a Secret)
 * comes back as it was applied: the engine fills in no defaults for it.
 */
export function servedObject(model: Model, ref: string): unknown {
  const [kind = '', ...rest] = ref.split('/');
  const [namespace = 'default', name] = rest.length === 2 ? rest : ['default', rest[0]];
  if ((servedKinds as readonly string[]).includes(kind))
    return name === undefined ? undefined : find[kind as ServedKind](model, namespace, name);
  const clusterScoped = kind === 'Node';
  const matches = (o: { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } }) =>
    o.kind === kind &&
    o.metadata?.name === name &&
    (clusterScoped || (o.metadata?.namespace ?? 'default') === namespace);
  for (const doc of model.documents) {
    const value = doc.value as Parameters<typeof matches>[0] | null;
    if (value && matches(value)) return value;
  }
  return undefined;
}
