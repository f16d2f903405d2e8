// The ingress controller as a request from outside finds it: which Pod is the
// controller (ingress-nginx's labels in its namespace, as its Helm chart sets
// them), which Services expose it, and the address and port a client uses —
// the address an Ingress host's DNS record points at, and the way in that the
// course's checks send their requests to.
import type { Service, ServicePort } from '../api/types.ts';
import type { ClusterNode } from '../cluster.ts';
import { mapSelectorMatches } from '../labels.ts';
import type { Model, RunningPod } from '../model/types.ts';
import { controllerLabels, controllerNamespace } from './controller.ts';

/** ingress-nginx's controller Pod: in its namespace, picked by its Deployment's selector. */
export function isControllerPod(pod: RunningPod): boolean {
  return (
    pod.metadata.namespace === controllerNamespace &&
    mapSelectorMatches(controllerLabels, pod.metadata.labels)
  );
}

/** The Services in the controller's namespace whose selector picks the controller's Pod. */
export function controllerServices(model: Model): Service[] {
  const controller = model.pods.find(isControllerPod);
  if (!controller) return [];
  return model.services.filter(
    (s) =>
      s.metadata.namespace === controllerNamespace &&
      s.selector !== null &&
      mapSelectorMatches(s.selector, controller.metadata.labels),
  );
}

/** The node a client outside reaches a NodePort on: a ready one whose kube-proxy runs. */
function entryNode(model: Model): ClusterNode | undefined {
  return model.nodes.find((n) => n.ready && n.kubeProxy === 'Running');
}

/**
 * Where a client outside reaches one of the controller's Services: its load
 * balancer's address, else a node's, for its NodePorts (a LoadBalancer Service
 * has them too while its address is <pending>); null when neither.
 */
function outsideAddress(
  model: Model,
  service: Service,
): { ip: string; via: 'load-balancer' | 'node-port' } | null {
  const lb = service.type === 'LoadBalancer' ? service.loadBalancerIngress[0] : undefined;
  if (lb) return { ip: lb, via: 'load-balancer' };
  const node = entryNode(model);
  if (node && (service.type === 'NodePort' || service.type === 'LoadBalancer'))
    return { ip: node.internalIP, via: 'node-port' };
  return null;
}

export interface IngressEntry {
  service: Service;
  servicePort: ServicePort;
  /** "ip:port" as a client outside sends to it. */
  address: string;
  via: 'load-balancer' | 'node-port';
}

/** Where a client outside reaches the controller's HTTP port; null when nothing exposes it. */
export function ingressEntry(model: Model): IngressEntry | null {
  for (const service of controllerServices(model)) {
    // The port meant for HTTP, even when it points at the wrong container port:
    // the request then shows the learner where it goes wrong.
    const port =
      service.ports.find((p) => p.targetPort === 80 || p.targetPort === 'http') ??
      service.ports.find((p) => p.port === 80 || p.name === 'http') ??
      service.ports[0];
    if (!port) continue;
    const at = outsideAddress(model, service);
    if (at?.via === 'load-balancer')
      return { service, servicePort: port, address: `${at.ip}:${port.port}`, via: at.via };
    if (at && port.nodePort)
      return { service, servicePort: port, address: `${at.ip}:${port.nodePort}`, via: at.via };
  }
  return null;
}

export type IngressAddress =
  | { ok: true; ip: string; via: 'load-balancer' | 'node-port' }
  | { ok: false; why: 'pending' | 'no-controller' | 'no-service' };

/**
 * The address an Ingress host's DNS record points at (docs/cli.md): the
 * controller's load balancer, or a node when the controller is exposed by a
 * NodePort Service; a LoadBalancer whose address is <pending> has none.
 */
export function ingressAddress(model: Model): IngressAddress {
  const services = controllerServices(model);
  for (const service of services) {
    const at = outsideAddress(model, service);
    // A pending load balancer puts no address in DNS, though its NodePorts answer.
    if (at && (at.via === 'load-balancer' || service.type === 'NodePort'))
      return { ok: true, ...at };
  }
  if (services.some((s) => s.type === 'LoadBalancer')) return { ok: false, why: 'pending' };
  return {
    ok: false,
    why: model.cluster.ingressController === 'none' ? 'no-controller' : 'no-service',
  };
}
