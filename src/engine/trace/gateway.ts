// The request inside a Gateway's Envoy proxy: TLS (SNI picks the HTTPS
// listener), the listener and virtual host for the Host, the route rule
// (gateway/routing.ts), its filters in order (./gateway-filters.ts), then the
// backend (./gateway-backend.ts). Envoy answers 404 itself when no rule
// matches, and 500 for a rule Envoy Gateway could not program.
import { containerPortFor, proxiedGateway } from '../gateway/envoy.ts';
import type { RuleRef } from '../gateway/messages.ts';
import { type GatewayRequest, routeRequest } from '../gateway/routing.ts';
import { type GatewayState, gatewayAPIOf } from '../gateway/status.ts';
import type { HTTPRouteMatch } from '../gateway/types.ts';
import { type Message, message } from '../messages.ts';
import type { Model, RunningPod } from '../model/types.ts';
import { hop } from './english.ts';
import { toBackend } from './gateway-backend.ts';
import { type Answer, type AtGateway, answer, type InRule } from './gateway-context.ts';
import { applyFilter } from './gateway-filters.ts';
import { clientPort } from './packet.ts';
import { sentHeaders } from './request.ts';
import type { Ending, TraceGateway } from './types.ts';

export type { AtGateway } from './gateway-context.ts';

/** The Gateway a proxy Pod serves, and the listener port behind its container port; null when it is not one. */
export function gatewayBehind(
  model: Model,
  pod: RunningPod,
  containerPort: number,
): { gateway: GatewayState; port: number } | null {
  const owner = proxiedGateway(pod);
  if (!owner) return null;
  const gateway = gatewayAPIOf(model).gateways.find(
    (g) =>
      g.managed &&
      g.gateway.metadata.namespace === owner.namespace &&
      g.gateway.metadata.name === owner.name,
  );
  const listener = gateway?.listeners.find(
    (l) => l.ready && containerPortFor(l.listener.port) === containerPort,
  );
  return gateway && listener ? { gateway, port: listener.listener.port } : null;
}

function describeMatch(match: HTTPRouteMatch): string {
  const parts = [`${match.path.type} ${match.path.value}`];
  if (match.method) parts.push(`method ${match.method}`);
  for (const h of match.headers)
    parts.push(`header ${h.name}${h.type === 'Exact' ? '=' : '~'}${h.value}`);
  for (const q of match.queryParams)
    parts.push(`query ${q.name}${q.type === 'Exact' ? '=' : '~'}${q.value}`);
  return parts.join(', ');
}

/** The match as trace JSON shows it: its fields as the HTTPRoute writes them. */
function matchJson(match: HTTPRouteMatch): Record<string, unknown> {
  return {
    path: { ...match.path },
    ...(match.headers.length ? { headers: match.headers.map((h) => ({ ...h })) } : {}),
    ...(match.queryParams.length ? { queryParams: match.queryParams.map((q) => ({ ...q })) } : {}),
    ...(match.method ? { method: match.method } : {}),
  };
}

const ref = (meta: { namespace: string; name: string }) => ({
  namespace: meta.namespace,
  name: meta.name,
});

interface Entered {
  g: AtGateway;
  info: TraceGateway;
  packet: { src: string; dst: string };
  say: (kind: 'gateway' | 'tls', m: Message) => void;
}

/** The connection: a listener protocol Routelab follows, and TLS where the port's listeners want it. */
function connection(e: Entered): { req: GatewayRequest } | { end: Answer } {
  const { g } = e;
  const gw = ref(g.gateway.gateway.metadata);
  const protocols = new Set(
    g.gateway.listeners
      .filter((l) => l.ready && l.listener.port === g.port)
      .map((l) => l.listener.protocol),
  );
  const tls = g.target.scheme === 'https';
  const stop = (
    outcome: 'invalid' | 'refused',
    why: Message,
    kind: 'gateway' | 'tls' = 'gateway',
  ) => {
    e.say(kind, why);
    return { end: { outcome, status: null, reason: why, service: null } };
  };
  const other = [...protocols].find((p) => p !== 'HTTP' && p !== 'HTTPS');
  if (other)
    return stop(
      'invalid',
      message('gateway.protocol-not-simulated', { port: g.port, protocol: other, gateway: gw }),
    );
  if (tls !== protocols.has('HTTPS'))
    return stop(
      'refused',
      message(tls ? 'gateway.tls-to-plain' : 'gateway.plain-to-tls', { port: g.port, gateway: gw }),
    );
  const t = g.target;
  const req = {
    port: g.port,
    tls,
    host: t.host,
    path: t.path || '/',
    query: t.query,
    method: t.method,
    headers: { ...t.headers },
  };
  if (!tls) return { req };
  const byName = routeRequest(g.model, g.gateway, { ...req, host: g.sni });
  if (byName.kind === 'no-listener')
    return stop(
      'refused',
      message('gateway.no-tls-listener', { host: g.sni, port: g.port, gateway: gw }),
      'tls',
    );
  e.info.listener = byName.listener.listener.name;
  const secret = byName.listener.certificate;
  if (secret)
    e.say(
      'tls',
      message('gateway.tls', {
        host: g.sni,
        listener: e.info.listener,
        secret: ref(secret.metadata),
      }),
    );
  return { req };
}

export function throughGateway(g: AtGateway): Ending {
  const gw = g.gateway.gateway.metadata;
  const packet = {
    src: `${g.client}:${clientPort}`,
    dst: `${g.proxy.podIP}:${containerPortFor(g.port)}`,
  };
  const info: TraceGateway = { name: gw.name, namespace: gw.namespace, listener: '', route: null };
  const say = (kind: 'gateway' | 'tls', m: Message) =>
    g.hops.push(hop(kind, g.proxy.metadata.name, m, packet));
  const ending = (a: Answer): Ending => ({ ...a, gateway: info });
  const opened = connection({ g, info, packet, say });
  if ('end' in opened) return ending(opened.end);
  const { req } = opened;
  const routed = routeRequest(g.model, g.gateway, req);
  if (routed.kind !== 'matched') {
    const listener = routed.kind === 'no-route' ? routed.listener.listener.name : null;
    if (listener) info.listener = listener;
    const hostname = routed.kind === 'no-route' ? routed.hostname : null;
    const why = message('gateway.no-route', {
      gateway: ref(gw),
      listener,
      host: req.host,
      path: req.path,
      hostname,
    });
    say('gateway', why);
    return ending({
      outcome: 'http-error',
      status: 404,
      reason: why,
      service: null,
      response: { status: 404, headers: {} },
    });
  }
  const { entry } = routed;
  info.listener = routed.listener.listener.name;
  const route = entry.route.route.metadata;
  info.route = {
    name: route.name,
    namespace: route.namespace,
    rule: entry.ruleIndex,
    match: matchJson(entry.match),
    backendRefs: entry.rule.backendRefs.map((b) => ({
      name: b.name,
      namespace: b.namespace ?? route.namespace,
      port: b.port,
      weight: b.weight,
    })),
  };
  const rule: RuleRef = {
    route: ref(route),
    rule: entry.ruleIndex,
    match: describeMatch(entry.match),
  };
  say(
    'gateway',
    message('gateway.route', {
      gateway: ref(gw),
      listener: info.listener,
      host: req.host,
      path: req.path,
      rule,
      hostname: entry.hostname,
    }),
  );
  const state = {
    headers: sentHeaders(g.target),
    path: req.path,
    host: req.host,
    responseFilters: [],
  };
  return ending(applyRule({ g, entry, rule, req, state, packet }));
}

/** A rule's filters in order, then its backends: Envoy's answer, or the request delivered. */
function applyRule(r: InRule): Answer {
  const all = [...r.entry.rule.filters, ...r.entry.rule.backendRefs.flatMap((b) => b.filters)];
  for (const f of all)
    if (f.type === 'unsupported')
      return answer(
        r,
        500,
        message('gateway.dropped-rule', {
          rule: r.rule,
          why: `unsupported filter type: ${f.written}`,
        }),
      );
  for (const filter of r.entry.rule.filters) {
    const answered = applyFilter(r, filter);
    if (answered) return answered;
  }
  return toBackend(r);
}
