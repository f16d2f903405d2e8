// The model's lookups, indexed once per model: a Service's EndpointSlices (by
// the kubernetes.io/service-name label, as kube-proxy's and ingress-nginx's
// slice caches key them), a Service by namespace/name, a Pod by its IP. A
// cluster may hold thousands of each; every caller asks here instead of
// scanning the lists.
import type { EndpointSlice, Service } from '../api/types.ts';
import { memoized } from '../util/memo.ts';
import type { Model, RunningPod } from './types.ts';

interface Index {
  slices: Map<string, EndpointSlice[]>;
  services: Map<string, Service>;
  podsByIP: Map<string, RunningPod>;
}

type Indexed = Pick<Model, 'services' | 'endpointSlices' | 'pods'>;

const key = (namespace: string, name: string) => `${namespace}/${name}`;

function build(model: Indexed): Index {
  const slices = new Map<string, EndpointSlice[]>();
  for (const slice of model.endpointSlices) {
    const k = key(slice.metadata.namespace, slice.serviceName);
    const list = slices.get(k);
    if (list) list.push(slice);
    else slices.set(k, [slice]);
  }
  const services = new Map<string, Service>();
  for (const s of model.services) {
    const k = key(s.metadata.namespace, s.metadata.name);
    if (!services.has(k)) services.set(k, s);
  }
  // A hostNetwork Pod shares its node's address: the address is the node's, not the Pod's.
  const podsByIP = new Map<string, RunningPod>();
  for (const p of model.pods)
    if (p.podIP && !p.spec.hostNetwork && !podsByIP.has(p.podIP)) podsByIP.set(p.podIP, p);
  return { slices, services, podsByIP };
}

/** The model's index, built on the first lookup and kept for the model's life. */
export const indexOf = memoized(build);

/** The EndpointSlices of a Service. */
export function slicesOf(model: Indexed, service: Service): EndpointSlice[] {
  return indexOf(model).slices.get(key(service.metadata.namespace, service.metadata.name)) ?? [];
}

/** The Service namespace/name, if it exists. */
export function serviceNamed(model: Indexed, namespace: string, name: string): Service | undefined {
  return indexOf(model).services.get(key(namespace, name));
}

/** The Pod (not hostNetwork) whose address is `ip`. */
export function podAt(model: Indexed, ip: string): RunningPod | undefined {
  return indexOf(model).podsByIP.get(ip);
}
