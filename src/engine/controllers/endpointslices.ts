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

export function selectedPods(service: Service, pods: RunningPod[]): RunningPod[] {
  const selector = service.selector;
  if (!selector) return [];
  return pods.filter(
    (pod) =>
      pod.metadata.namespace === service.metadata.namespace &&
      mapSelectorMatches(selector, pod.metadata.labels),
  );
}

export function endpointSlicesFor(service: Service, pods: RunningPod[]): EndpointSlice[] {
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
        zone: '',
        targetRef: `${pod.metadata.namespace}/${pod.metadata.name}`,
      };
    }),
    managed: true,
  }));
}
