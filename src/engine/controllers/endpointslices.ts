// The EndpointSlice controller: for every Service with a selector, the Pods it
// selects, grouped into slices by the ports their named targetPorts resolve to
// (two Deployments may give one name two numbers). Conditions follow
// discovery.k8s.io/v1: ready (serving and not terminating), serving, terminating.
// Source: kubernetes/kubernetes pkg/controller/endpointslice (reconciler.go,
// utils.go podToEndpoint/getEndpointPorts) and pkg/api/v1/pod FindPort.
import type { EndpointPort, EndpointSlice, Protocol, Service, ServicePort } from '../api/types.ts';
import { mapSelectorMatches } from '../labels.ts';
import type { RunningPod } from '../model/types.ts';
import { suffix } from '../util/hash.ts';

/** podutil.FindPort: a number is itself; a name is looked up in the Pod's containers. */
export function findPort(pod: RunningPod, port: ServicePort): number | null {
  if (typeof port.targetPort === 'number') return port.targetPort;
  for (const container of pod.spec.containers)
    for (const p of container.ports)
      if (p.name === port.targetPort && p.protocol === port.protocol) return p.containerPort;
  return null;
}

/** Pods by namespace and by "key=value" label, built once per Pod list. */
type PodIndex = Map<string, { all: RunningPod[]; byLabel: Map<string, RunningPod[]> }>;
const podIndexes = new WeakMap<RunningPod[], PodIndex>();

function indexOf(pods: RunningPod[]): PodIndex {
  const cached = podIndexes.get(pods);
  if (cached) return cached;
  const index: PodIndex = new Map();
  for (const pod of pods) {
    const ns = pod.metadata.namespace;
    const entry = index.get(ns) ?? { all: [], byLabel: new Map<string, RunningPod[]>() };
    index.set(ns, entry);
    entry.all.push(pod);
    for (const [key, value] of Object.entries(pod.metadata.labels)) {
      const pair = `${key}=${value}`;
      const list = entry.byLabel.get(pair);
      if (list) list.push(pod);
      else entry.byLabel.set(pair, [pod]);
    }
  }
  podIndexes.set(pods, index);
  return index;
}

/** The Pods a Service's selector picks, in its own namespace (an empty selector picks all). */
export function selectedPods(service: Service, pods: RunningPod[]): RunningPod[] {
  const selector = service.selector;
  if (!selector) return [];
  const entry = indexOf(pods).get(service.metadata.namespace);
  if (!entry) return [];
  const pairs = Object.entries(selector);
  if (pairs.length === 0) return entry.all;
  let smallest: RunningPod[] = entry.all;
  for (const [key, value] of pairs) {
    const list = entry.byLabel.get(`${key}=${value}`);
    if (!list) return [];
    if (list.length < smallest.length) smallest = list;
  }
  return smallest.filter((pod) => mapSelectorMatches(selector, pod.metadata.labels));
}

export function endpointSlicesFor(
  service: Service,
  pods: RunningPod[],
  zones: Map<string, string> = new Map(),
): EndpointSlice[] {
  if (!service.selector || service.type === 'ExternalName') return [];
  const groups = new Map<string, { ports: EndpointPort[]; pods: RunningPod[] }>();
  for (const pod of selectedPods(service, pods)) {
    // A Pod without an address has nothing to offer yet.
    if (!pod.podIP) continue;
    const ports: EndpointPort[] = service.ports.flatMap((sp) => {
      const number = findPort(pod, sp);
      return number === null
        ? []
        : [{ name: sp.name, port: number, protocol: sp.protocol as Protocol }];
    });
    const key = JSON.stringify(ports);
    const group = groups.get(key) ?? { ports, pods: [] };
    group.pods.push(pod);
    groups.set(key, group);
  }
  const ns = service.metadata.namespace;
  const name = service.metadata.name;
  return [...groups.values()].map((group, i) => ({
    kind: 'EndpointSlice' as const,
    doc: service.doc,
    id: `EndpointSlice/${ns}/${name}-${suffix(`${ns}/${name}/slice/${i}`)}`,
    metadata: {
      name: `${name}-${suffix(`${ns}/${name}/slice/${i}`)}`,
      namespace: ns,
      labels: {
        'kubernetes.io/service-name': name,
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      },
      annotations: {},
    },
    serviceName: name,
    addressType: 'IPv4' as const,
    ports: group.ports,
    endpoints: group.pods.map((pod) => {
      // utils.go podToEndpoint: "ready" is never true for a terminating Pod
      // unless publishNotReadyAddresses is set.
      const serving = pod.ready;
      return {
        addresses: [pod.podIP],
        ready: service.publishNotReadyAddresses || (serving && !pod.terminating),
        serving,
        terminating: pod.terminating,
        nodeName: pod.nodeName,
        zone: zones.get(pod.nodeName) ?? '',
        targetRef: `${pod.metadata.namespace}/${pod.metadata.name}`,
        // controller_utils.go ShouldSetHostname: the Pod's hostname, when its
        // subdomain names this Service in its namespace.
        hostname:
          pod.spec.hostname !== '' && pod.spec.subdomain === name && pod.metadata.namespace === ns
            ? pod.spec.hostname
            : '',
      };
    }),
    managed: true,
  }));
}
