// A matched rule's filters, in the order the HTTPRoute lists them: header
// modifiers and rewrites change the request on its way, a redirect or a CORS
// preflight is answered by Envoy itself, a mirror sends a copy elsewhere.
import { cors } from '../gateway/cors.ts';
import { modifiedPath, modifyHeaders, redirectLocation } from '../gateway/filters.ts';
import type { HTTPRouteFilter } from '../gateway/types.ts';
import { message } from '../messages.ts';
import { type Answer, answer, type InRule, say } from './gateway-context.ts';

type Of<T extends HTTPRouteFilter['type']> = Extract<HTTPRouteFilter, { type: T }>;

function redirect(r: InRule, filter: Of<'RequestRedirect'>): Answer {
  const location = redirectLocation(filter, r.entry.match, {
    scheme: r.req.tls ? 'https' : 'http',
    host: r.req.host,
    path: r.state.path,
    query: r.req.query,
    listenerPort: r.req.port,
  });
  const reason = message('gateway.redirect', { status: filter.statusCode, location, rule: r.rule });
  return answer(r, filter.statusCode, reason, null, { location });
}

function corsFilter(r: InRule, filter: Of<'CORS'>): Answer | null {
  const outcome = cors(filter, r.req.method, r.state.headers);
  if (outcome.kind === 'not-cors') return null;
  const origin = r.state.headers.origin ?? '';
  const allowed = outcome.allowed;
  if (outcome.kind === 'preflight')
    return answer(
      r,
      200,
      message('gateway.cors-preflight', { origin, allowed }),
      null,
      outcome.headers,
    );
  const set = Object.entries(outcome.headers).map(([name, value]) => ({ name, value }));
  r.state.responseFilters.push({ set, add: [], remove: [] });
  say(r, message('gateway.cors-actual', { origin, allowed }));
  return null;
}

function rewrite(r: InRule, filter: Of<'URLRewrite'>): void {
  const path = filter.path ? modifiedPath(r.state.path, filter.path, r.entry.match) : null;
  if (path !== null) r.state.path = path;
  if (filter.hostname !== null) {
    r.state.host = filter.hostname;
    r.state.headers.host = filter.hostname;
  }
  say(r, message('gateway.rewrite', { path, host: filter.hostname }));
}

/** One filter: null when the request goes on, else Envoy's answer. */
export function applyFilter(r: InRule, filter: HTTPRouteFilter): Answer | null {
  switch (filter.type) {
    case 'RequestHeaderModifier': {
      const m = filter.modifier;
      r.state.headers = modifyHeaders(r.state.headers, m);
      const pairs = (list: { name: string; value: string }[]) =>
        list.map((h) => `${h.name}: ${h.value}`);
      say(
        r,
        message('gateway.header-filter', {
          set: pairs(m.set),
          add: pairs(m.add),
          remove: m.remove,
        }),
      );
      return null;
    }
    case 'ResponseHeaderModifier':
      r.state.responseFilters.push(filter.modifier);
      return null;
    case 'URLRewrite':
      rewrite(r, filter);
      return null;
    case 'RequestRedirect':
      return redirect(r, filter);
    case 'CORS':
      return corsFilter(r, filter);
    case 'RequestMirror': {
      const ref = filter.backendRef;
      const service = {
        namespace: ref.namespace ?? r.entry.route.route.metadata.namespace,
        name: ref.name,
      };
      if (r.g.random() * 100 < filter.percent)
        say(r, message('gateway.mirror', { service, port: ref.port ?? 0 }));
      return null;
    }
    default:
      return null;
  }
}
