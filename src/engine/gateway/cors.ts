// The CORS filter as Envoy Gateway programs Envoy's CORS policy: a request
// with an Origin is a CORS request; a preflight (OPTIONS with
// Access-Control-Request-Method) is answered by Envoy itself, with the
// allow-headers when the origin is allowed and without them when it is not
// (forward_not_matching_preflights off); an allowed origin's actual request
// goes on, and its answer gains Access-Control-Allow-Origin (the request's
// origin, echoed), -Allow-Credentials and -Expose-Headers. An origin such as
// "https://*.bar.com" matches any characters where the "*" is.
import type { HTTPRouteFilter } from './types.ts';

export type CORSFilter = Extract<HTTPRouteFilter, { type: 'CORS' }>;

function originAllowed(filter: CORSFilter, origin: string): boolean {
  return filter.allowOrigins.some((pattern) => {
    if (pattern === '*') return true;
    const parts = pattern
      .toLowerCase()
      .split('*')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    return new RegExp(`^${parts.join('.*')}$`).test(origin.toLowerCase());
  });
}

export type CORSOutcome =
  | { kind: 'not-cors' }
  /** Envoy answers the preflight: 200 with these headers (none when the origin is not allowed). */
  | { kind: 'preflight'; allowed: boolean; headers: Record<string, string> }
  /** The request goes on; its answer gains these headers (none when the origin is not allowed). */
  | { kind: 'actual'; allowed: boolean; headers: Record<string, string> };

export function cors(
  filter: CORSFilter,
  method: string,
  headers: Record<string, string>,
): CORSOutcome {
  const origin = headers.origin;
  if (origin === undefined) return { kind: 'not-cors' };
  const allowed = originAllowed(filter, origin);
  const preflight = method === 'OPTIONS' && headers['access-control-request-method'] !== undefined;
  const out: Record<string, string> = {};
  if (allowed) {
    out['access-control-allow-origin'] = origin;
    if (filter.allowCredentials) out['access-control-allow-credentials'] = 'true';
    if (filter.exposeHeaders.length > 0)
      out['access-control-expose-headers'] = filter.exposeHeaders.join(', ');
  }
  if (!preflight) return { kind: 'actual', allowed, headers: out };
  if (allowed) {
    const wild = (list: string[]) => list.includes('*');
    const requestedMethod = headers['access-control-request-method'] ?? '';
    const requestedHeaders = headers['access-control-request-headers'];
    if (filter.allowMethods.length > 0)
      out['access-control-allow-methods'] = wild(filter.allowMethods)
        ? requestedMethod
        : filter.allowMethods.join(', ');
    if (filter.allowHeaders.length > 0)
      out['access-control-allow-headers'] = wild(filter.allowHeaders)
        ? (requestedHeaders ?? '*')
        : filter.allowHeaders.join(', ');
    if (filter.maxAge !== null) out['access-control-max-age'] = String(filter.maxAge);
  }
  return { kind: 'preflight', allowed, headers: out };
}
