// Each Gateway as the topology draws it beside the Ingresses: its listeners
// with the routes Envoy Gateway attached to each, then every attached
// HTTPRoute's rules as "host/path → service:port" lines, each with a link to
// the Services it sends to, and one to the Envoy Service that serves the
// Gateway. Read from the status Envoy Gateway works out (gatewayAPIOf), not
// from the routes' own parentRefs, so a route that did not attach draws no
// line: the picture says what Envoy serves. Pure, as topology-layout.ts.
import {
  type GatewayState,
  gatewayAPIOf,
  type Model,
  type RouteState,
} from '../../engine/index.ts';
import { charsIn, wrap } from './cut.ts';

type Rule = RouteState['route']['rules'][number];
type Match = Rule['matches'][number];

export interface GatewayBox {
  id: string;
  title: string;
  lines: string[];
  width: number;
  /** The Services its rules send to, and its Envoy Service (`proxy`). */
  links: { service: string; proxy?: boolean }[];
}

/** Lines of routes drawn before the rest are counted ("+3 more"). */
const routeLines = 8;
/** Box widths: an Ingress's at the least, then as its longest line needs (6.1 units a character). */
const width = { least: 230, most: 300 };

export const gatewayId = (namespace: string, name: string) => `gateway/${namespace}/${name}`;

/** An object's name, with its namespace when it is not the one it is seen from. */
const named = (namespace: string, name: string, from: string) =>
  namespace === from ? name : `${namespace}/${name}`;

/** "listener http HTTP:80 * (2 routes)": a listener and its status, as `kubectl describe gateway` has them. */
function listenerLine(state: GatewayState['listeners'][number]): string {
  const l = state.listener;
  const n = state.attachedRoutes;
  const status = state.ready ? `${n} route${n === 1 ? '' : 's'}` : 'not ready';
  return `listener ${l.name} ${l.protocol}:${l.port} ${l.hostname ?? '*'} (${status})`;
}

/** The path a match takes, with what else it asks of a request in brackets. */
function matchText(m: Match): string {
  const path =
    m.path.type === 'Exact'
      ? `${m.path.value} (Exact)`
      : m.path.type === 'RegularExpression'
        ? `~${m.path.value}`
        : m.path.value;
  const also = [
    ...(m.method ? [m.method] : []),
    ...m.headers.map((h) => `${h.name}=${h.value}`),
    ...m.queryParams.map((q) => `?${q.name}=${q.value}`),
  ];
  return also.length > 0 ? `${path} [${also.join(', ')}]` : path;
}

/** Where a rule sends: its backends with their shares when several, or its redirect. */
function targetText(rule: Rule, from: string): string {
  const redirect = rule.filters.find((f) => f.type === 'RequestRedirect');
  if (redirect?.type === 'RequestRedirect') return `redirect ${redirect.statusCode}`;
  const refs = rule.backendRefs;
  if (refs.length === 0) return '500 (no backendRefs)';
  const total = refs.reduce((sum, b) => sum + b.weight, 0);
  return refs
    .map((b) => {
      const to = `${named(b.namespace ?? from, b.name, from)}:${b.port ?? '?'}`;
      return refs.length > 1
        ? `${to} ${total > 0 ? Math.round((100 * b.weight) / total) : 0}%`
        : to;
    })
    .join(', ');
}

/** The Services a rule's requests (and their mirrored copies) go to. */
function servicesOf(state: RouteState, r: number): string[] {
  const ns = state.route.metadata.namespace;
  const mirrors = (state.route.rules[r]?.filters ?? []).flatMap((f) =>
    f.type === 'RequestMirror' && f.backendRef.kind === 'Service'
      ? [`${f.backendRef.namespace ?? ns}/${f.backendRef.name}`]
      : [],
  );
  const backends = (state.backends[r] ?? []).flatMap((b) =>
    b.service ? [`${b.namespace}/${b.ref.name}`] : [],
  );
  return [...backends, ...mirrors];
}

/** A route's lines on one Gateway: its name, then a line per host and match of each rule. */
function routeLinesOn(gateway: GatewayState, state: RouteState): string[] {
  const hosts = [
    ...new Set(
      state.parents
        .filter((p) => p.gateway === gateway)
        .flatMap((p) => p.attached.flatMap((a) => a.hostnames)),
    ),
  ];
  if (hosts.length === 0) return [];
  const { namespace, name } = state.route.metadata;
  const lines = [`HTTPRoute ${named(namespace, name, gateway.gateway.metadata.namespace)}`];
  for (const rule of state.route.rules) {
    const target = targetText(rule, namespace);
    for (const host of hosts)
      for (const match of rule.matches) lines.push(`${host}${matchText(match)} → ${target}`);
  }
  return lines;
}

/** Why Envoy does not serve a Gateway yet, as its status says; null when it does. */
function notServed(state: GatewayState): string | null {
  if (!state.managed) return `GatewayClass ${state.gateway.gatewayClassName}: not accepted`;
  const programmed = state.conditions.find((c) => c.type === 'Programmed');
  return programmed && programmed.status !== 'True'
    ? `not programmed (${programmed.reason})`
    : null;
}

function boxOf(model: Model, gateway: GatewayState): GatewayBox {
  const { namespace, name } = gateway.gateway.metadata;
  const routes = gatewayAPIOf(model).routes.filter((r) =>
    r.parents.some((p) => p.gateway === gateway && p.attached.length > 0),
  );
  const rules = routes.flatMap((r) => routeLinesOn(gateway, r));
  const shown = rules.slice(0, routeLines);
  if (rules.length > shown.length) shown.push(`+${rules.length - shown.length} more`);
  const why = notServed(gateway);
  const lines = [...(why ? [why] : []), ...gateway.listeners.map(listenerLine), ...shown];
  const proxy = gateway.proxyService;
  const links = [
    ...routes.flatMap((r) =>
      r.route.rules.flatMap((_, i) => servicesOf(r, i).map((service) => ({ service }))),
    ),
    ...(proxy
      ? [{ service: `${proxy.metadata.namespace}/${proxy.metadata.name}`, proxy: true }]
      : []),
  ];
  const title = `Gateway ${named(namespace, name, 'default')}`;
  const longest = Math.max(title.length, ...lines.map((l) => l.length));
  const wide = Math.min(width.most, Math.max(width.least, Math.ceil(longest * 6.1) + 14));
  return {
    id: gatewayId(namespace, name),
    title,
    lines: lines.flatMap((line) => wrap(line, charsIn(wide))),
    width: wide,
    links,
  };
}

/** Every Gateway, by namespace and name. */
export function gatewayBoxes(model: Model): GatewayBox[] {
  return [...gatewayAPIOf(model).gateways]
    .sort((a, b) => {
      const key = (g: GatewayState) => `${g.gateway.metadata.namespace}/${g.gateway.metadata.name}`;
      return key(a) < key(b) ? -1 : 1;
    })
    .map((g) => boxOf(model, g));
}
