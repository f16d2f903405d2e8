// Which listener, route, rule and match a request meets on a Gateway's Envoy
// proxy. Envoy Gateway gives each listener its own virtual hosts (a request
// for a host goes to the listener whose hostname fits it best, HTTP listener
// isolation), one virtual host per hostname its routes serve there (exact
// names before wildcards, longer wildcards before shorter, "*" last), and,
// inside one, orders the routes' matches as internal/gatewayapi/sort.go does:
// Exact, then RegularExpression, then PathPrefix; then longer paths; then more
// header matches (a method match is one, ":method"), more of them exact; then
// more query matches, more of them exact; ties keep the routes' creation order.

import type { Model } from '../model/types.ts';
import { memoized } from '../util/memo.ts';
import { specificity } from './hostnames.ts';
import type { GatewayState, ListenerState, RouteState } from './status.ts';
import { type GatewayAPIState, gatewayAPIOf } from './status.ts';
import type { HTTPRouteMatch, HTTPRouteRule, ValueMatch } from './types.ts';

export interface GatewayRequest {
  /** The port the client connected to on the Gateway (a listener port). */
  port: number;
  tls: boolean;
  /** The Host the request carries (no port). */
  host: string;
  /** The path, without the query. */
  path: string;
  /** The query string, without "?". */
  query: string;
  method: string;
  /** Request headers, names lower-cased; repeated ones joined with ",". */
  headers: Record<string, string>;
}

export interface Entry {
  route: RouteState;
  ruleIndex: number;
  rule: HTTPRouteRule;
  matchIndex: number;
  match: HTTPRouteMatch;
  hostname: string;
}

export type Routed =
  | { kind: 'no-listener'; listeners: ListenerState[] }
  | { kind: 'no-route'; listener: ListenerState; hostname: string | null }
  | { kind: 'matched'; listener: ListenerState; entry: Entry };

/** The listeners serving a port and protocol, best hostname fit for `host` first; none that fit left out. */
function listenersFor(
  gateway: GatewayState,
  port: number,
  tls: boolean,
  host: string,
): ListenerState[] {
  return gateway.listeners
    .filter(
      (l) =>
        l.ready &&
        l.listener.port === port &&
        l.listener.protocol === (tls ? 'HTTPS' : 'HTTP') &&
        specificity(l.listener.hostname ?? '*', host) >= 0,
    )
    .sort(
      (a, b) =>
        specificity(b.listener.hostname ?? '*', host) -
        specificity(a.listener.hostname ?? '*', host),
    );
}

const safeRegex = (pattern: string): RegExp | null => {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return null;
  }
};

function pathMatches(match: HTTPRouteMatch, path: string): boolean {
  const { type, value } = match.path;
  if (type === 'Exact') return path === value;
  if (type === 'RegularExpression') return safeRegex(value)?.test(path) ?? false;
  const prefix = value.replace(/\/+$/, '');
  return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
}

function valueMatches(m: ValueMatch, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  return m.type === 'Exact' ? actual === m.value : (safeRegex(m.value)?.test(actual) ?? false);
}

function queryValues(query: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of query.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
    if (!out.has(name)) out.set(name, value);
  }
  return out;
}

function matchesRequest(match: HTTPRouteMatch, req: GatewayRequest): boolean {
  if (!pathMatches(match, req.path)) return false;
  if (match.method !== null && match.method !== req.method) return false;
  if (!match.headers.every((h) => valueMatches(h, req.headers[h.name.toLowerCase()]))) return false;
  let query: Map<string, string>;
  try {
    query = queryValues(req.query);
  } catch {
    return match.queryParams.length === 0;
  }
  // Of repeated names in the match, only the first counts (HTTPQueryParamMatch).
  const seen = new Set<string>();
  return match.queryParams.every((q) => {
    if (seen.has(q.name)) return true;
    seen.add(q.name);
    return valueMatches(q, query.get(q.name));
  });
}

const typeRank = { Exact: 3, RegularExpression: 2, PathPrefix: 1 } as const;

function pathCount(match: HTTPRouteMatch): number {
  const v = match.path.value;
  return match.path.type === 'PathPrefix' && v !== '/' ? v.replace(/\/+$/, '').length : v.length;
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Envoy Gateway's order of routes before its stable precedence sort (the
 * provider's resource Sort(): creationTimestamp, then namespace, then name),
 * then each route's rules and matches as written. Manifests applied together
 * are created in the same second, so without a written creationTimestamp
 * (a dump's) namespace and name decide, as the specification says.
 */
function creationOrder(a: Entry, b: Entry): number {
  const ra = a.route.route.metadata;
  const rb = b.route.route.metadata;
  return (
    order(ra.creationTimestamp, rb.creationTimestamp) ||
    order(ra.namespace, rb.namespace) ||
    order(ra.name, rb.name) ||
    a.ruleIndex - b.ruleIndex ||
    a.matchIndex - b.matchIndex
  );
}

/** Negative when `a` is tried before `b`. */
export function precedence(a: Entry, b: Entry): number {
  const headers = (e: Entry) => e.match.headers.length + (e.match.method !== null ? 1 : 0);
  const exact = (list: ValueMatch[]) => list.filter((m) => m.type === 'Exact').length;
  const exactHeaders = (e: Entry) => exact(e.match.headers) + (e.match.method !== null ? 1 : 0);
  const keys = [
    typeRank[b.match.path.type] - typeRank[a.match.path.type],
    pathCount(b.match) - pathCount(a.match),
    headers(b) - headers(a),
    exactHeaders(b) - exactHeaders(a),
    b.match.queryParams.length - a.match.queryParams.length,
    exact(b.match.queryParams) - exact(a.match.queryParams),
  ];
  const first = keys.find((k) => k !== 0);
  return first ?? creationOrder(a, b);
}

/** Every route match served on a listener, with the hostname it is served under. */
function entriesOf(routes: readonly RouteState[], listener: ListenerState): Entry[] {
  const out: Entry[] = [];
  const seen = new Set<string>();
  for (const route of routes)
    for (const parent of route.parents)
      for (const a of parent.attached) {
        if (a.listener !== listener) continue;
        for (const hostname of a.hostnames)
          for (const [ruleIndex, rule] of route.route.rules.entries())
            for (const [matchIndex, match] of rule.matches.entries()) {
              // Two parentRefs to one listener (by name and by port) attach the route once.
              const key = `${route.route.id}|${ruleIndex}|${matchIndex}|${hostname}`;
              if (seen.has(key)) continue;
              seen.add(key);
              out.push({ route, ruleIndex, rule, matchIndex, match, hostname });
            }
      }
  return out;
}

/** Each listener's entries, worked out once per model: a trace with --count asks on every request. */
const entriesByListener = memoized(
  (state: GatewayAPIState) =>
    new Map(state.gateways.flatMap((g) => g.listeners).map((l) => [l, entriesOf(state.routes, l)])),
);

function servedOn(model: Model, listener: ListenerState): Entry[] {
  return entriesByListener(gatewayAPIOf(model)).get(listener) ?? [];
}

/** Where a request meets the Gateway: no listener, a listener with no route for it, or a route's match. */
export function routeRequest(model: Model, gateway: GatewayState, req: GatewayRequest): Routed {
  const listeners = listenersFor(gateway, req.port, req.tls, req.host);
  const listener = listeners[0];
  if (!listener) return { kind: 'no-listener', listeners: gateway.listeners };
  const entries = servedOn(model, listener);
  // Envoy's virtual host: the most specific hostname that covers the host.
  let best: string | null = null;
  for (const e of entries)
    if (
      specificity(e.hostname, req.host) >= 0 &&
      (best === null || specificity(e.hostname, req.host) > specificity(best, req.host))
    )
      best = e.hostname;
  if (best === null) return { kind: 'no-route', listener, hostname: null };
  const entry = entries
    .filter((e) => e.hostname === best)
    .sort(precedence)
    .find((e) => matchesRequest(e.match, req));
  return entry
    ? { kind: 'matched', listener, entry }
    : { kind: 'no-route', listener, hostname: best };
}
