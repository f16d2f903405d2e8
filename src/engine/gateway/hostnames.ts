// Hostnames as Gateway API compares them (apis/v1/shared_types.go Hostname,
// gateway_types.go Listener.Hostname, httproute_types.go HTTPRouteSpec.Hostnames):
// a wildcard "*.example.com" stands for one or more labels before
// ".example.com" (foo.example.com, foo.bar.example.com), never example.com
// itself. A route attaches to a listener where their hostnames intersect.

/** Whether `host` (a concrete name) is covered by `pattern` (a name or a wildcard). */
export function hostMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase();
  if (!pattern.startsWith('*.')) return pattern === h;
  const suffix = pattern.slice(1);
  return h.endsWith(suffix) && h.length > suffix.length;
}

/** Whether wildcard or name `inner` is covered by wildcard or name `outer`. */
function covers(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  if (!outer.startsWith('*.')) return false;
  if (inner.startsWith('*.')) return inner.slice(1).endsWith(outer.slice(1));
  return hostMatches(outer, inner);
}

/**
 * The hostnames a route serves on a listener: a listener without a hostname
 * takes the route's (all of them, or any host when the route names none); a
 * route without hostnames takes the listener's; otherwise each pair's
 * intersection, the more specific of the two. "*" stands for any host.
 */
export function intersect(
  listenerHostname: string | null,
  routeHostnames: readonly string[],
): string[] {
  if (listenerHostname === null) return routeHostnames.length > 0 ? [...routeHostnames] : ['*'];
  if (routeHostnames.length === 0) return [listenerHostname];
  const out: string[] = [];
  for (const h of routeHostnames) {
    const both = covers(listenerHostname, h)
      ? h
      : covers(h, listenerHostname)
        ? listenerHostname
        : null;
    if (both !== null && !out.includes(both)) out.push(both);
  }
  return out;
}

/**
 * How specifically `pattern` matches `host`, or -1 when it does not: an exact
 * name beats any wildcard, a longer wildcard a shorter one, and "*" comes last
 * (Envoy's virtual host domain order, which Envoy Gateway relies on).
 */
export function specificity(pattern: string, host: string): number {
  if (pattern === '*') return 0;
  if (!pattern.startsWith('*.')) return pattern === host.toLowerCase() ? 100000 : -1;
  return hostMatches(pattern, host) ? pattern.length : -1;
}
