// Placeholders in a check's request, filled from the learner's own cluster:
// the address a NodePort or load balancer really got, a node that does (or
// does not) run a Pod, the way in to the ingress controller.
import type { Model } from '../../engine/index.ts';

/** A request that cannot be made in this cluster (its reason says why). */
export class Unfillable extends Error {}

/** The address and port from which the ingress controller is reached from outside, if any. */
function ingressEntry(model: Model): string | null {
  const controller = model.pods.find(
    (p) =>
      p.metadata.namespace === 'ingress-nginx' &&
      p.metadata.labels['app.kubernetes.io/component'] === 'controller',
  );
  if (!controller) return null;
  for (const service of model.services) {
    if (service.metadata.namespace !== 'ingress-nginx' || !service.selector) continue;
    if (!Object.entries(service.selector).every(([k, v]) => controller.metadata.labels[k] === v))
      continue;
    // The port meant for HTTP, even when it points at the wrong container port:
    // the request then shows the learner where it goes wrong.
    const port =
      service.ports.find((p) => p.targetPort === 80 || p.targetPort === 'http') ??
      service.ports.find((p) => p.port === 80 || p.name === 'http') ??
      service.ports[0];
    if (!port) continue;
    if (service.type === 'LoadBalancer' && service.loadBalancerIngress[0])
      return `${service.loadBalancerIngress[0]}:${port.port}`;
    const node = model.nodes.find((n) => n.ready && n.kubeProxy === 'Running');
    if ((service.type === 'NodePort' || service.type === 'LoadBalancer') && port.nodePort && node)
      return `${node.internalIP}:${port.nodePort}`;
  }
  return null;
}

export function fill(text: string, model: Model, nodeIP = ''): string {
  return text.replace(
    /\{(nodeIP|clusterIP|lbIP|nodePort|nodeIPWith|nodeIPWithout|ingressEntry)(?::([a-z0-9-/.]+))?\}/g,
    (_, what: string, name = '') => {
      if (what === 'nodeIP') return nodeIP;
      if (what === 'ingressEntry') {
        const entry = ingressEntry(model);
        if (!entry)
          throw new Unfillable(
            'no Service exposes the ingress controller’s Pods outside the cluster (a NodePort or LoadBalancer Service in namespace ingress-nginx selecting them)',
          );
        return entry;
      }
      if (what === 'nodeIPWith' || what === 'nodeIPWithout') {
        const hosting = new Set(
          model.pods
            .filter((p) => p.metadata.labels.app === name && p.ready && !p.terminating)
            .map((p) => p.nodeName),
        );
        const node = model.nodes.find(
          (n) => n.ready && (what === 'nodeIPWith') === hosting.has(n.name),
        );
        if (!node)
          throw new Unfillable(
            what === 'nodeIPWith'
              ? `no node runs a ready Pod labelled app=${name}`
              : `every node runs a Pod labelled app=${name}`,
          );
        return node.internalIP;
      }
      const [ns, svc] = name.includes('/') ? name.split('/') : ['default', name];
      const service = model.services.find(
        (s) => s.metadata.name === svc && s.metadata.namespace === ns,
      );
      if (!service) throw new Unfillable(`there is no Service ${name}`);
      if (what === 'clusterIP') return service.clusterIP;
      if (what === 'lbIP') {
        const ip = service.loadBalancerIngress[0];
        if (!ip)
          throw new Unfillable(
            `Service ${svc} has no load-balancer address (its type is ${service.type}${service.type === 'LoadBalancer' ? ', and its EXTERNAL-IP is <pending>' : ''})`,
          );
        return ip;
      }
      const nodePort = service.ports[0]?.nodePort;
      if (!nodePort)
        throw new Unfillable(`Service ${svc} has no NodePort (its type is ${service.type})`);
      return String(nodePort);
    },
  );
}
