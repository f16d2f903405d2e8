// Placeholders in a check's request, filled from the learner's own cluster:
// the address a NodePort or load balancer really got, a node that does (or
// does not) run a Pod, the way in to the ingress controller.
import {
  gatewayAPIOf,
  gatewayWayIn,
  ingressEntry,
  type Model,
  type Service,
} from '../../engine/index.ts';
import type { Locale } from '../../i18n/locales.ts';

/** A request that cannot be made in this cluster (its reason says why). */
export class Unfillable extends Error {
  /** The reason in each locale; `message` is the English one. */
  readonly reason: Record<Locale, string>;

  constructor(en: string, ja: string) {
    super(en);
    this.reason = { en, ja };
  }
}

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
function otherSelectors(model: Model, app: string): Record<Locale, string> {
  const others = selecting(model, app, ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);
  return others.length === 0
    ? { en: `no Service selects them at all`, ja: 'それらを選ぶ Service はひとつもありません' }
    : {
        en: others.map((s) => `${s.metadata.name} is of type ${s.type}`).join(', '),
        ja: `${others.map((s) => `${s.metadata.name} の type は ${s.type}`).join('、')} です`,
      };
}

/** No Service of these types selects the app: what to say. */
function noneSelecting(model: Model, app: string, types: { en: string; ja: string }): Unfillable {
  const others = otherSelectors(model, app);
  return new Unfillable(
    `no Service of type ${types.en} selects the Pods labelled app=${app} (${others.en})`,
    `app=${app} のラベルの Pod を選ぶ ${types.ja} の Service がありません（${others.ja}）`,
  );
}

/** A Service without a load-balancer address, and its type when that is why. */
function noAddress(name: string, type?: Service['type']): Unfillable {
  if (type === undefined || type === 'LoadBalancer')
    return new Unfillable(
      `Service ${name} has no load-balancer address (${type ? 'its type is LoadBalancer, and ' : ''}its EXTERNAL-IP is <pending>)`,
      `Service ${name} にはロードバランサーのアドレスがありません（${type ? 'type は LoadBalancer で、' : ''}EXTERNAL-IP が <pending> のままです）`,
    );
  return new Unfillable(
    `Service ${name} has no load-balancer address (its type is ${type})`,
    `Service ${name} にはロードバランサーのアドレスがありません（type は ${type} です）`,
  );
}

/** {lbIPSelecting:APP}: a LoadBalancer Service's address, preferring one that has port 80. */
function lbIPSelecting(model: Model, app: string): string {
  const services = selecting(model, app, ['LoadBalancer']);
  if (services.length === 0)
    throw noneSelecting(model, app, { en: 'LoadBalancer', ja: 'LoadBalancer' });
  const withAddress = services.filter((s) => s.loadBalancerIngress[0]);
  const service = withAddress.find((s) => s.ports.some((p) => p.port === 80)) ?? withAddress[0];
  if (!service) throw noAddress(services[0]?.metadata.name ?? '');
  return service.loadBalancerIngress[0] ?? '';
}

/** {nodePortSelecting:APP}: a NodePort of a Service selecting the app, externalTrafficPolicy Local first. */
function nodePortSelecting(model: Model, app: string): string {
  const services = selecting(model, app, ['NodePort', 'LoadBalancer']);
  const service =
    services.find((s) => s.externalTrafficPolicy === 'Local' && s.ports[0]?.nodePort) ??
    services.find((s) => s.ports[0]?.nodePort);
  if (!service)
    throw noneSelecting(model, app, {
      en: 'NodePort or LoadBalancer',
      ja: 'NodePort か LoadBalancer',
    });
  return String(service.ports[0]?.nodePort);
}

/**
 * {gatewayEntry}: the address of the first Gateway Envoy Gateway accepted,
 * with its first HTTP listener's port: the way in a Gateway's DNS record
 * points at.
 */
function gatewayEntry(model: Model): string {
  const wayIn = gatewayWayIn(model);
  if (wayIn) return wayIn;
  const gateways = gatewayAPIOf(model).gateways;
  const accepted = gateways.filter((g) => g.managed);
  if (gateways.length === 0) throw new Unfillable('there is no Gateway', 'Gateway がありません');
  if (accepted.length === 0)
    throw new Unfillable(
      'no Gateway is accepted by Envoy Gateway (its GatewayClass must name controller gateway.envoyproxy.io/gatewayclass-controller)',
      'Envoy Gateway に受け入れられた Gateway がありません（GatewayClass の controllerName は gateway.envoyproxy.io/gatewayclass-controller である必要があります）',
    );
  if (!accepted.some((g) => g.addresses[0]))
    throw new Unfillable(
      'the Gateway has no address (its Envoy Service’s load balancer is <pending>)',
      'Gateway にアドレスがありません（Envoy の Service のロードバランサーが <pending> のままです）',
    );
  throw new Unfillable(
    'no Gateway has a ready HTTP listener',
    'Ready な HTTP リスナーを持つ Gateway がありません',
  );
}

export function fill(text: string, model: Model, nodeIP = ''): string {
  return text.replace(
    /\{(nodeIP|clusterIP|lbIPSelecting|lbIP|nodePortSelecting|nodePort|nodeIPWith|nodeIPWithout|ingressEntry|gatewayEntry)(?::([a-z0-9-/.]+))?\}/g,
    (_, what: string, name = '') => {
      if (what === 'nodeIP') return nodeIP;
      if (what === 'gatewayEntry') return gatewayEntry(model);
      if (what === 'lbIPSelecting') return lbIPSelecting(model, name);
      if (what === 'nodePortSelecting') return nodePortSelecting(model, name);
      if (what === 'ingressEntry') {
        const entry = ingressEntry(model);
        if (!entry)
          throw new Unfillable(
            'no Service exposes the ingress controller’s Pods outside the cluster (a NodePort or LoadBalancer Service in namespace ingress-nginx selecting them)',
            'Ingress コントローラーの Pod をクラスターの外へ公開する Service がありません（Namespace ingress-nginx に、その Pod を選ぶ NodePort か LoadBalancer の Service が要ります）',
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
          throw what === 'nodeIPWith'
            ? new Unfillable(
                `no node runs a ready Pod labelled app=${name}`,
                `app=${name} のラベルの Ready な Pod が動いているノードがありません`,
              )
            : new Unfillable(
                `every node runs a Pod labelled app=${name}`,
                `どのノードでも app=${name} のラベルの Pod が動いています`,
              );
        return node.internalIP;
      }
      const [ns, svc] = name.includes('/') ? name.split('/') : ['default', name];
      const service = model.services.find(
        (s) => s.metadata.name === svc && s.metadata.namespace === ns,
      );
      if (!service)
        throw new Unfillable(`there is no Service ${name}`, `Service ${name} がありません`);
      if (what === 'clusterIP') return service.clusterIP;
      if (what === 'lbIP') {
        const ip = service.loadBalancerIngress[0];
        if (!ip) throw noAddress(svc ?? '', service.type);
        return ip;
      }
      const nodePort = service.ports[0]?.nodePort;
      if (!nodePort)
        throw new Unfillable(
          `Service ${svc} has no NodePort (its type is ${service.type})`,
          `Service ${svc} には NodePort がありません（type は ${service.type} です）`,
        );
      return String(nodePort);
    },
  );
}
