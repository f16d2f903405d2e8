// HTTPRoute filters as the Gateway API specification defines them
// (apis/v1/httproute_types.go): header modifiers, URL rewrites and
// redirects, with HTTPPathModifier's ReplacePrefixMatch table.
import type { HeaderModifier, HTTPRouteFilter, HTTPRouteMatch, PathModifier } from './types.ts';

/** Header names lower-cased (HTTP header names are case-insensitive); a repeated header's values joined with ",". */
export type Headers = Record<string, string>;

/** set replaces, add appends to what is there, remove removes (all by name, any case). */
export function modifyHeaders(headers: Headers, modifier: HeaderModifier): Headers {
  const out: Headers = { ...headers };
  for (const { name, value } of modifier.set) out[name.toLowerCase()] = value;
  for (const { name, value } of modifier.add) {
    const key = name.toLowerCase();
    out[key] = out[key] !== undefined ? `${out[key]},${value}` : value;
  }
  for (const name of modifier.remove) delete out[name.toLowerCase()];
  return out;
}

/**
 * ReplacePrefixMatch: the matched prefix, taken element by element, is
 * replaced; a trailing "/" on either side does not double up, and an empty
 * result is "/" (the specification's table: /foo/bar with prefix /foo and
 * replacement /xyz/ becomes /xyz/bar; /foo with replacement "" becomes /).
 */
export function replacePrefix(path: string, prefix: string, replacement: string): string {
  const matched = prefix.replace(/\/+$/, '');
  const rest = path.slice(matched.length);
  const result = replacement.replace(/\/+$/, '') + rest;
  return result === '' ? '/' : result.startsWith('/') ? result : `/${result}`;
}

/** The path after a path modifier, given the match that chose the rule. */
export function modifiedPath(path: string, modifier: PathModifier, match: HTTPRouteMatch): string {
  if (modifier.type === 'ReplaceFullPath') return modifier.replaceFullPath ?? path;
  if (match.path.type !== 'PathPrefix') return path;
  return replacePrefix(path, match.path.value, modifier.replacePrefixMatch ?? '');
}

export interface RedirectFacts {
  scheme: 'http' | 'https';
  host: string;
  path: string;
  query: string;
  listenerPort: number;
}

/**
 * The Location of a RequestRedirect. Without a port, the scheme's well-known
 * port when the filter names a scheme, else the listener's port; the port is
 * left out of the Location where it is the scheme's own (http 80, https 443).
 */
export function redirectLocation(
  filter: Extract<HTTPRouteFilter, { type: 'RequestRedirect' }>,
  match: HTTPRouteMatch,
  req: RedirectFacts,
): string {
  const scheme = filter.scheme ?? req.scheme;
  const wellKnown: Record<string, number> = { http: 80, https: 443 };
  const port =
    filter.port ?? (filter.scheme ? (wellKnown[scheme] ?? req.listenerPort) : req.listenerPort);
  const host = filter.hostname ?? req.host;
  const path = filter.path ? modifiedPath(req.path, filter.path, match) : req.path;
  const portText = wellKnown[scheme] === port ? '' : `:${port}`;
  return `${scheme}://${host}${portText}${path}${req.query ? `?${req.query}` : ''}`;
}
