// The Gateway API hops and endings in English (the trace JSON's `detail` and
// `reason`), beside ./en.ts, which spreads them into its table.
import type {
  GatewayMessageParams,
  MessageTable,
  RuleRef,
  ServiceRef,
} from '../../engine/index.ts';

const ref = (s: ServiceRef) => `${s.namespace}/${s.name}`;
const rule = (r: RuleRef) => `HTTPRoute ${ref(r.route)} rule ${r.rule} (${r.match})`;
const list = (items: string[]) => items.join(', ');

export const gatewayEn: Pick<MessageTable, keyof GatewayMessageParams> = {
  'dns.gateway': (p) =>
    `${p.host} -> ${p.ip} (the DNS record for the host points at Gateway ${ref(p.gateway)}'s address)`,
  'dns.gateway-no-address': (p) =>
    `Gateway ${ref(p.gateway)} serves ${p.host}, but it has no address to point a DNS record at (its Envoy Service's load balancer is <pending>)`,
  'dns.route-not-attached': (p, r) =>
    `${p.host} does not resolve: HTTPRoute ${ref(p.route)} names it, but no Gateway took the route (${p.why ? `Accepted is False: ${p.why}` : 'no Gateway controller wrote its status'}), so no DNS record points at a Gateway for it${r({ id: 'dns.resolve-hint', params: { host: p.host } })}`,
  'gateway.tls': (p) =>
    `Envoy terminates TLS for ${p.host} on listener ${p.listener} with the certificate in Secret ${ref(p.secret)}`,
  'gateway.no-tls-listener': (p) =>
    `no HTTPS listener of Gateway ${ref(p.gateway)} on port ${p.port} serves ${p.host}: Envoy finds no filter chain for that server name and closes the connection`,
  'gateway.plain-to-tls': (p) =>
    `port ${p.port} of Gateway ${ref(p.gateway)} is an HTTPS listener: Envoy expects a TLS handshake and closes a plain HTTP connection`,
  'gateway.tls-to-plain': (p) =>
    `port ${p.port} of Gateway ${ref(p.gateway)} is a plain HTTP listener: the client's TLS handshake fails`,
  'gateway.protocol-not-simulated': (p) =>
    `port ${p.port} of Gateway ${ref(p.gateway)} is a ${p.protocol} listener, whose routes Routelab does not simulate`,
  'gateway.no-route': (p) =>
    p.hostname === null
      ? `Envoy (Gateway ${ref(p.gateway)}${p.listener ? `, listener ${p.listener}` : ''}) has no route for host ${p.host}: 404`
      : `Envoy (Gateway ${ref(p.gateway)}, listener ${p.listener ?? ''}) serves host ${p.host} as ${p.hostname}, but no rule there matches ${p.path}: 404`,
  'gateway.route': (p) =>
    `Envoy (Gateway ${ref(p.gateway)}, listener ${p.listener}): ${p.host}${p.path} matches ${rule(p.rule)}`,
  'gateway.header-filter': (p) =>
    `RequestHeaderModifier: ${[p.set.length ? `set ${list(p.set)}` : '', p.add.length ? `add ${list(p.add)}` : '', p.remove.length ? `remove ${list(p.remove)}` : ''].filter(Boolean).join('; ')}`,
  'gateway.rewrite': (p) =>
    `URLRewrite: ${[p.path !== null ? `path to ${p.path}` : '', p.host !== null ? `Host to ${p.host}` : ''].filter(Boolean).join(', ')}`,
  'gateway.redirect': (p) =>
    `${rule(p.rule)} redirects: Envoy answers ${p.status} with Location ${p.location}`,
  'gateway.mirror': (p) =>
    `RequestMirror: a copy of the request goes to Service ${ref(p.service)} port ${p.port}; its answer is ignored`,
  'gateway.cors-preflight': (p) =>
    p.allowed
      ? `CORS: Envoy answers the preflight from ${p.origin} itself (200), allowing it`
      : `CORS: origin ${p.origin} is not allowed; Envoy answers the preflight itself (200) without the Access-Control-Allow-* headers`,
  'gateway.cors-actual': (p) =>
    p.allowed
      ? `CORS: origin ${p.origin} is allowed; the answer will carry Access-Control-Allow-Origin`
      : `CORS: origin ${p.origin} is not allowed; the request goes on, and its answer carries no Access-Control-Allow-Origin`,
  'gateway.dropped-rule': (p) => `${rule(p.rule)} was not programmed (${p.why}): Envoy answers 500`,
  'gateway.invalid-backend': (p) =>
    `${rule(p.rule)} sends this request to backend ${ref(p.backend)}, which does not resolve (${p.why}): Envoy answers 500`,
  'gateway.no-backends': (p) => `${rule(p.rule)} has no backendRefs: Envoy answers 500`,
  'gateway.zero-weight': (p) =>
    `every backendRef of ${rule(p.rule)} has weight 0: Envoy Gateway answers 500`,
  'gateway.weighted': (p) =>
    `backendRefs weigh ${p.weight} of ${p.total} for Service ${ref(p.service)}: this request goes there`,
  'gateway.no-endpoints': (p) =>
    `Service ${ref(p.service)} port ${p.port} has no endpoints: Envoy Gateway answers 503`,
  'gateway.no-healthy-upstream': (p) =>
    `no endpoint of Service ${ref(p.service)} port ${p.port} is ready: Envoy answers 503 (no healthy upstream)`,
  'gateway.proxy': (p) =>
    `Envoy proxies to ${p.ip}:${p.port}, an endpoint of Service ${p.service}${p.toNode ? `, across the Pod network to ${p.toNode}` : ''}`,
  'gateway.endpoint-refused': (p) =>
    `${p.pod} refuses port ${p.port}: Envoy answers 503 (upstream connect error, connection failure)`,
  'gateway.endpoint-timeout': (p, render) =>
    `Envoy's connection to ${p.pod} port ${p.port} times out (${render(p.why)}): it answers 503`,
  'gateway.endpoint-accepts': (p) =>
    `container ${p.container} accepts port ${p.port}: HTTP request for ${p.host}${p.path} from Envoy, the client being ${p.client}`,
  'gateway.delivered': (p) =>
    `Gateway ${ref(p.gateway)} routed ${p.path} by ${rule(p.rule)} to Service ${ref(p.service)} port ${p.port}, Pod ${p.pod}${p.rewrittenTo ? `, path rewritten to ${p.rewrittenTo}` : ''}`,
  'convert.header': (p) =>
    `Ingress ${p.ingress} converted to Gateway API as ingress2gateway converts it, on Envoy Gateway's class; routelab sent the same requests before and after`,
  'convert.same': () => 'every request checked is answered alike before and after the conversion',
  'convert.differs': (p) =>
    `answered differently: ${p.request}: before ${p.before}, after ${p.after}`,
  'offer.convert-gateway-title': () =>
    'Convert this Ingress to Gateway API (Gateway and HTTPRoute)',
  'offer.convert-gateway': (p) =>
    `Ingress ${p.ingress} can be converted to Gateway API: the quick fix writes the Gateway and HTTPRoutes and says what changes`,
  'convert.annotation': (p) =>
    `Ingress ${p.ingress}: ${p.annotation} is not carried over; Gateway API has no annotations (a rewrite becomes a URLRewrite filter, a redirect a RequestRedirect filter)`,
  'convert.no-class': (p) =>
    `Ingress ${p.ingress} names no class, so its routes get no parentRefs and attach to no Gateway`,
  'convert.resource-backend': (p) =>
    `the backend ${p.kind} ${p.name} is not a Service: it is not carried over`,
  'convert.port-name': (p) =>
    `Service ${p.service} has no port named ${p.port}: that backend is not carried over`,
  'convert.implementation-specific': (p) =>
    `path ${p.path} has pathType ImplementationSpecific; it becomes PathPrefix, which ingress-nginx's reading of it (a prefix, or a regex with use-regex) may not match`,
  'warning.gateway-class-missing': (p) =>
    `Gateway ${p.gateway} names GatewayClass ${p.gatewayClass}, which does not exist: no controller takes the Gateway, so nothing listens for it`,
  'warning.gateway-class-foreign': (p) =>
    `GatewayClass ${p.gatewayClass} is for controller ${p.controller}, which is not installed (Envoy Gateway takes gateway.envoyproxy.io/gatewayclass-controller): its Gateways stay unaccepted`,
  'warning.gateway-no-controller': (p) =>
    `GatewayClass ${p.gatewayClass} waits for Envoy Gateway, but this cluster has no Gateway API controller (spec.gatewayController: none)`,
  'warning.route-condition': (p) =>
    `HTTPRoute ${p.route} on Gateway ${p.gateway}: ${p.type} is False (${p.reason}): ${p.message}`,
  'warning.listener-condition': (p) =>
    `listener ${p.listener} of Gateway ${p.gateway} is not served: ${p.type} ${p.type === 'Conflicted' ? 'is True' : 'is False'} (${p.reason}): ${p.message}`,
  'warning.route-no-parent': (p) =>
    `HTTPRoute ${p.route} names parent Gateway ${p.gateway}, which does not exist: the route is attached nowhere`,
};
