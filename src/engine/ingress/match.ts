// Which server and location of ingress-nginx a request lands in.
// Hosts: an exact server name first, then a wildcard covering exactly one
// label (template.go buildServerName turns "*.foo.com" into the regex
// ^[\w-]+\.foo\.com$), else the catch-all "_". Paths, as nginx picks
// locations: "=" exact matches first, then the longest prefix; on a host
// where regex is enforced, the first regex in order (longest path first,
// paths of equal length in descending byte order: nginx.ts).
// Prefix paths match element by element (ingress-nginx writes "= /foo" and
// "/foo/"); ImplementationSpecific ones are stored as Prefix (nginx.ts).
// Matching table: Kubernetes docs, "Ingress" > "Examples" (path types).
import { type Message, message } from '../messages.ts';
import type { Location, NginxConfig, Server } from './nginx.ts';

/** Whether a wildcard host ("*.foo.com") covers `host`: exactly one label in place of the "*". */
export function wildcardCovers(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return false;
  const suffix = pattern.slice(1);
  return host.endsWith(suffix) && /^[\w-]+$/.test(host.slice(0, -suffix.length));
}

/** Whether an Ingress host (exact or wildcard) names `host`. */
export function hostMatches(pattern: string, host: string): boolean {
  return pattern === host || wildcardCovers(pattern, host);
}

export function matchServer(config: NginxConfig, host: string): Server {
  const name = host.toLowerCase();
  const exact = config.servers.find((s) => s.host === name);
  if (exact) return exact;
  const wildcard = config.servers.find((s) => wildcardCovers(s.host, name));
  return wildcard ?? (config.servers.find((s) => s.host === '_') as Server);
}

function regexOf(path: string): RegExp | null {
  try {
    return new RegExp(`^${path}`, 'i');
  } catch {
    return null;
  }
}

/** The location nginx would choose, and why the others did not match. */
export function matchLocation(server: Server, path: string): { location: Location; why: Message } {
  if (server.regex) {
    for (const location of server.locations) {
      const re = regexOf(location.regexPath);
      if (re?.test(path))
        return {
          location,
          why: message('location.regex', { path, nginx: location.nginx }),
        };
    }
  } else {
    // "=" locations first; an Exact path beats the exact half of a Prefix one.
    const exact = server.locations.find((l) => l.pathType === 'Exact' && path === l.path);
    if (exact)
      return { location: exact, why: message('location.exact', { path, exact: exact.path }) };
    for (const location of server.locations) {
      const base = location.path.replace(/\/+$/, '');
      if (location.pathType === 'Prefix' && !location.isDefault && base !== '' && path === base)
        return {
          location,
          why: message('location.prefix-equal', { path, prefix: location.path, base }),
        };
    }
    let best: { location: Location; length: number } | null = null;
    for (const location of server.locations) {
      let prefix: string | null = null;
      if (location.pathType === 'Prefix') {
        const base = location.path.replace(/\/+$/, '');
        prefix = `${base}/`;
      }
      if (prefix !== null && path.startsWith(prefix) && (!best || prefix.length > best.length))
        best = { location, length: prefix.length };
    }
    if (best)
      return {
        location: best.location,
        why: message('location.longest-prefix', {
          path,
          prefix: best.location.nginx === '/' ? '/' : best.location.path,
        }),
      };
  }
  // Every server has a root location; this is only reached for an empty path.
  return {
    location: server.locations.find((l) => l.path === '/' && l.pathType === 'Prefix') as Location,
    why: message('location.root-only', {}),
  };
}

/**
 * nginx's `rewrite "(?i)<path>" <target> break;`: the whole URI becomes the
 * target, with $1.. filled in. A split Prefix location rewrites only in its
 * "/a/" half, the first in order, so only where that half's regex matches.
 */
export function rewrite(location: Location, path: string): string {
  const from = location.rewriteFrom;
  if (from === null) return path;
  let found: RegExpExecArray | null = null;
  try {
    if (!new RegExp(`^${from}`, 'i').test(path)) return path;
    found = new RegExp(from, 'i').exec(path);
  } catch {
    return path;
  }
  if (!found) return path;
  return location.rewriteTarget.replace(/\$(\d)/g, (_, n: string) => found[Number(n)] ?? '');
}
