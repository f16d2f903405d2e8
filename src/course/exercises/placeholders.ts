// Placeholders in a check's request, filled from the learner's own cluster:
// the address a NodePort or load balancer really got, a node that does (or
// does not) run a Pod, the way in to the ingress controller.
import { ingressEntry, type Model, type Service } from '../../engine/index.ts';

/** A request that cannot be made in this cluster (its reason says why). */
export class Unfillable extends Error {}

/**
 * The Services of these types that select Pods labelled app=APP: for a task
 * that asks for "a Service" and names the app, not the Service.
 */
function selecting(model: Model, app: string, types: Service['type'][]): Service[] {
  const pods = model.pods.filter((p) => p.metadata.labels.app === app);
  return model.services.filter((s) => {
    const selector = s.selector;
    if (!selector || Object.keys(selector).length === 0 || !types.includes(s.type)) return false;
    return pods.some(
      (p) =>
        p.metadata.namespace === s.metadata.namespace &&
        Object.entries(selector).every(([k, v]) => p.metadata.labels[k] === v),
    );
  });
}

/** What selects the app instead, for a message that shows why no Service fits. */
function otherSelectors(model: Model, app: string): string {
  const others = selecting(model, app, ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);
  return others.length === 0
    ? `no Service selects them at all`
    : others.map((s) => `${s.metadata.name} is of type ${s.type}`).join(', ');
}

/** {lbIPSelecting:APP}: a LoadBalancer Service's address, preferring one that has port 80. */
function lbIPSelecting(model: Model, app: string): string {
  const services = selecting(model, app, ['LoadBalancer']);
  if (services.length === 0)
    throw new Unfillable(
      `no Service of type LoadBalancer selects the Pods labelled app=${app} (${otherSelectors(model, app)})`,
    );
  const withAddress = services.filter((s) => s.loadBalancerIngress[0]);
  const service = withAddress.find((s) => s.ports.some((p) => p.port === 80)) ?? withAddress[0];
  if (!service)
    throw new Unfillable(
      `Service ${services[0]?.metadata.name} has no load-balancer address (its EXTERNAL-IP is <pending>)`,
    );
  return service.loadBalancerIngress[0] ?? '';
}

/** {nodePortSelecting:APP}: a NodePort of a Service selecting the app, externalTrafficPolicy Local first. */
function nodePortSelecting(model: Model, app: string): string {
  const services = selecting(model, app, ['NodePort', 'LoadBalancer']);
  const service =
    services.find((s) => s.externalTrafficPolicy === 'Local' && s.ports[0]?.nodePort) ??
    services.find((s) => s.ports[0]?.nodePort);
  if (!service)
    throw new Unfillable(
      `no Service of type NodePort or LoadBalancer selects the Pods labelled app=${app} (${otherSelectors(model, app)})`,
    );
  return String(service.ports[0]?.nodePort);
}

export function fill(text: string, model: Model, nodeIP = ''): string {
  return text.replace(
    /\{(nodeIP|clusterIP|lbIPSelecting|lbIP|nodePortSelecting|nodePort|nodeIPWith|nodeIPWithout|ingressEntry)(?::([a-z0-9-/.]+))?\}/g,
    (_, what: string, name = '') => {
      if (what === 'nodeIP') return nodeIP;
      if (what === 'lbIPSelecting') return lbIPSelecting(model, name);
      if (what === 'nodePortSelecting') return nodePortSelecting(model, name);
      if (what === 'ingressEntry') {
        const entry = ingressEntry(model);
        if (!entry)
          throw new Unfillable(
            'no Service exposes the ingress controller’s Pods outside the cluster (a NodePort or LoadBalancer Service in namespace ingress-nginx selecting them)',
          );
        return entry.address;
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
