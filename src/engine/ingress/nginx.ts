// What ingress-nginx makes of the Ingresses it serves: one server per host
// (rules from several Ingresses merged, the oldest first), each with its
// locations, a root location that falls to the default backend (404) unless
// the Ingress that created the server has a defaultBackend, and a catch-all
// server "_" for host-less rules. Sources: ingress-nginx
// internal/ingress/controller/controller.go (createServers, getBackendServers:
// "use backend specified in Ingress as the default backend for all its
// rules", the catch-all only for an Ingress with no rules) and
// rootfs/etc/nginx/template/nginx.tmpl with template.go (buildLocation,
// buildServerName, enforceRegexModifier). Which Ingresses are served, and the
// warnings about them, are in warnings.ts.

import type { Diagnostic } from '../diagnostics.ts';
import { message } from '../messages.ts';
import type { Model } from '../model/types.ts';
import { memoized } from '../util/memo.ts';
import type { Ingress, IngressBackend, PathType } from './types.ts';
import {
  backendWarnings,
  classWarnings,
  servedIngresses,
  tlsHostWarnings,
  tlsSecretWarnings,
  warn,
} from './warnings.ts';

export const annotation = {
  rewriteTarget: 'nginx.ingress.kubernetes.io/rewrite-target',
  useRegex: 'nginx.ingress.kubernetes.io/use-regex',
  sslRedirect: 'nginx.ingress.kubernetes.io/ssl-redirect',
  forceSslRedirect: 'nginx.ingress.kubernetes.io/force-ssl-redirect',
} as const;

export interface Location {
  /** The path as the rule wrote it ("" for an ImplementationSpecific rule without one). */
  path: string;
  pathType: PathType;
  ingress: Ingress | null;
  /** null: the controller's default backend, which answers 404. */
  backend: IngressBackend | null;
  /** The nginx location this becomes: "= /a", "/a/", "/a" or ~* "^/a". */
  nginx: string;
  rewriteTarget: string;
  useRegex: boolean;
  /**
   * The regex of nginx's `rewrite` in this location, null when it has none:
   * the path, or for a Prefix path ingress-nginx split in two ("/a/" and
   * "= /a"), the "/a/" half's path (see splitPrefix).
   */
  rewriteFrom: string | null;
  /**
   * What its regex begins with where the host enforces regex: the path, but
   * "/a/" for a split Prefix "/a" that gets no "= /a" half because an Exact
   * "/a" exists (updateServerLocations), so "/abc" falls to that Exact one.
   */
  regexPath: string;
  sslRedirect: boolean;
  forceSslRedirect: boolean;
  /** The server's own root location, until a rule claims "/". */
  isDefault: boolean;
}

export interface Server {
  /** The host, "*.example.com", or "_" for the catch-all server. */
  host: string;
  locations: Location[];
  /**
   * Set by the first Ingress whose rules name the host and that has a tls
   * section; listed: whether one of its tls entries lists the host.
   */
  tls: { ingress: Ingress; secretName: string; listed: boolean } | null;
  regex: boolean;
}

export interface NginxConfig {
  servers: Server[];
  /** Ingresses this controller serves, oldest first. */
  served: Ingress[];
  diagnostics: Diagnostic[];
}

function nginxLocation(path: string, pathType: PathType, regex: boolean): string {
  if (regex) return `~* "^${path}"`;
  if (pathType === 'Exact') return `= ${path}`;
  return path;
}

function truthy(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  return value === 'true';
}

// size: one pass over the served Ingresses in the order ingress-nginx merges them, every rule writing into the same servers map.
export function nginxConfig(model: Model): NginxConfig {
  const diagnostics: Diagnostic[] = [];
  const served = servedIngresses(model, diagnostics);
  const servers = new Map<string, Server>();
  const server = (host: string, creator: Ingress | null): Server => {
    let s = servers.get(host);
    if (!s) {
      const backend = creator?.defaultBackend?.service ? creator.defaultBackend : null;
      const root = rootLocation(backend, backend ? creator : null);
      // createServers applies the creating Ingress's annotations to the root
      // location too (locationApplyAnnotations), its rewrite-target included.
      if (creator) Object.assign(root, annotated(creator));
      s = {
        host,
        locations: [root],
        tls: null,
        regex: false,
      };
      servers.set(host, s);
    }
    return s;
  };
  server('_', null);

  for (const ingress of served) {
    const a = ingress.metadata.annotations;
    // An Ingress with only a defaultBackend configures the catch-all server.
    if (ingress.rules.length === 0 && ingress.defaultBackend?.service) {
      const root = servers.get('_')?.locations[0];
      if (root && root.backend === null)
        Object.assign(root, { backend: ingress.defaultBackend, ingress });
    }
    for (const rule of ingress.rules) {
      const s = server(rule.host || '_', ingress);
      for (const p of rule.paths ?? []) {
        // ingress-nginx stores an unset or ImplementationSpecific pathType as
        // Prefix (internal/k8s/main.go SetDefaultNGINXPathType): both match
        // element by element, and as a regex where the host enforces regex.
        const pathType: PathType = p.pathType === 'Exact' ? 'Exact' : 'Prefix';
        const path = p.path || '/';
        // Same path, other type: a location of its own (getBackendServers,
        // "Same paths but different types are allowed"); the root location is
        // Prefix, so an Exact "/" sits beside it as "= /" and claims only "/".
        const existing = s.locations.find((l) => l.path === path && l.pathType === pathType);
        const location: Location = {
          path,
          pathType,
          ingress,
          backend: p.backend.service ? p.backend : null,
          nginx: '',
          ...annotated(ingress),
          rewriteFrom: null,
          regexPath: path,
          isDefault: false,
        };
        if (existing) {
          // The root location is the default backend's until a rule claims "/".
          if (existing.isDefault) Object.assign(existing, location);
          else if (existing.ingress !== ingress)
            diagnostics.push(
              warn(
                ingress,
                ['spec', 'rules'],
                'IngressPathTaken',
                message('warning.ingress-path-taken', {
                  host: rule.host || null,
                  path,
                  ingress: existing.ingress?.metadata.name ?? null,
                }),
              ),
            );
          continue;
        }
        s.locations.push(location);
      }
    }
    // createServers makes servers from rules only and gives each its
    // certificate from the first Ingress, oldest first, whose rules name the
    // host and that has a tls section (extractTLSSecretName picks the entry
    // listing the host). A host only under tls gets no server at all.
    for (const rule of ingress.rules) {
      const s = rule.host ? servers.get(rule.host) : undefined;
      if (!s || s.tls || ingress.tls.length === 0) continue;
      const host = rule.host.toLowerCase();
      const entry = ingress.tls.find((t) => t.hosts.some((h) => h.toLowerCase() === host));
      s.tls = { ingress, secretName: entry?.secretName ?? '', listed: entry !== undefined };
    }
    for (const key of Object.keys(a))
      if (
        key.startsWith('nginx.ingress.kubernetes.io/') &&
        !Object.values(annotation).includes(key as never)
      )
        diagnostics.push(
          warn(
            ingress,
            ['metadata', 'annotations', key],
            'AnnotationNotSimulated',
            message('info.annotation-not-simulated', { annotation: key }),
            'info',
          ),
        );
  }

  diagnostics.push(
    ...backendWarnings(model, served),
    ...tlsSecretWarnings(model, served),
    ...tlsHostWarnings(served),
    ...classWarnings(model),
  );
  for (const s of servers.values()) {
    s.regex = enforcesRegex(s.locations);
    const exact = new Set(s.locations.filter((l) => l.pathType === 'Exact').map((l) => l.path));
    for (const l of s.locations) {
      l.regexPath = splitPrefix(l) && exact.has(l.path) ? prefixHalf(l.path) : l.path;
      l.nginx = nginxLocation(s.regex ? l.regexPath : l.path, l.pathType, s.regex);
      l.rewriteFrom = rewriteFrom(l);
    }
    // controller.go getBackendServers sorts a server's locations twice,
    // stably: by path, descending as Go compares strings (bytewise), then by
    // path length, longest first. nginx tries regex locations in that order.
    s.locations.sort((x, y) => (x.path > y.path ? -1 : x.path < y.path ? 1 : 0));
    s.locations.sort((x, y) => y.path.length - x.path.length);
  }
  return { servers: [...servers.values()], served, diagnostics };
}

/** The annotations ingress-nginx applies to each location an Ingress makes. */
function annotated(
  ingress: Ingress,
): Pick<Location, 'rewriteTarget' | 'useRegex' | 'sslRedirect' | 'forceSslRedirect'> {
  const a = ingress.metadata.annotations;
  return {
    rewriteTarget: a[annotation.rewriteTarget] ?? '',
    useRegex: a[annotation.useRegex] === 'true',
    sslRedirect: truthy(a[annotation.sslRedirect], true),
    forceSslRedirect: truthy(a[annotation.forceSslRedirect], false),
  };
}

/**
 * Whether ingress-nginx splits a Prefix location in two before writing the
 * template (location.go updateServerLocations): "/a" becomes "/a/" and an
 * Exact "/a", unless it is "/", uses regex, or rewrites (needsRewrite: a
 * rewrite-target other than its path).
 */
function splitPrefix(l: Location): boolean {
  return (
    l.pathType === 'Prefix' &&
    l.path !== '/' &&
    !l.useRegex &&
    !(l.rewriteTarget !== '' && l.rewriteTarget !== l.path)
  );
}

/** The "/a/" half's path of a split Prefix location (normalizePrefixPath). */
function prefixHalf(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

/**
 * The regex of the location's `rewrite` directive (template.go
 * buildProxyPass: none when the path equals the target), taken after the
 * split: a Prefix "/a" with rewrite-target "/a" keeps it in its "= /a" half
 * but its "/a/" half rewrites to "/a".
 */
function rewriteFrom(l: Location): string | null {
  const path = splitPrefix(l) ? prefixHalf(l.path) : l.path;
  return l.rewriteTarget !== '' && l.rewriteTarget !== path ? path : null;
}

/**
 * template.go enforceRegexModifier: every location of the server becomes a
 * regex when one of them uses regex or needs a rewrite, as the locations
 * stand after the split.
 */
function enforcesRegex(locations: Location[]): boolean {
  return locations.some((l) => l.useRegex || rewriteFrom(l) !== null);
}

function rootLocation(backend: IngressBackend | null, ingress: Ingress | null): Location {
  return {
    path: '/',
    pathType: 'Prefix',
    ingress,
    backend,
    nginx: '/',
    rewriteTarget: '',
    useRegex: false,
    rewriteFrom: null,
    regexPath: '/',
    sslRedirect: true,
    forceSslRedirect: false,
    isDefault: true,
  };
}

/** The configuration for a model, computed once. */
export const configOf = memoized(nginxConfig);
