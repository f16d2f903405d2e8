// What ingress-nginx makes of the Ingresses it serves: one server per host
// (rules from several Ingresses merged, the oldest first), each with its
// locations, a root location that falls to the default backend (404) unless
// the Ingress that created the server has a defaultBackend, and a catch-all
// server "_" for host-less rules. Sources: ingress-nginx
// internal/ingress/controller/controller.go (createServers, getBackendServers:
// "use backend specified in Ingress as the default backend for all its
// rules", the catch-all only for an Ingress with no rules) and
// rootfs/etc/nginx/template/nginx.tmpl with template.go (buildLocation,
// buildServerName, regex enforced on a host when any of its Ingresses uses
// use-regex or rewrite-target).

import type { Service, ServicePort } from '../api/types.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { locate } from '../diagnostics.ts';
import { type Message, message } from '../messages.ts';
import { serviceNamed } from '../model/lookup.ts';
import type { Model } from '../model/types.ts';
import { english } from '../trace/english.ts';
import { memoized } from '../util/memo.ts';
import { controllerName } from './controller.ts';
import { missingKeypair } from './secret.ts';
import type { Ingress, IngressBackend, PathType } from './types.ts';

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
  sslRedirect: boolean;
  forceSslRedirect: boolean;
  /** The server's own root location, until a rule claims "/". */
  isDefault: boolean;
}

export interface Server {
  /** The host, "*.example.com", or "_" for the catch-all server. */
  host: string;
  locations: Location[];
  /** Set when an Ingress lists the host under tls. */
  tls: { ingress: Ingress; secretName: string } | null;
  regex: boolean;
}

export interface NginxConfig {
  servers: Server[];
  /** Ingresses this controller serves, oldest first. */
  served: Ingress[];
  diagnostics: Diagnostic[];
}

function warn(
  ingress: Ingress,
  field: (string | number)[],
  code: string,
  explanation: Message,
  severity: Diagnostic['severity'] = 'warning',
): Diagnostic {
  return {
    severity,
    code,
    object: ingress.id,
    field: field.join('.'),
    message: english(explanation),
    explanation,
    ...locate(ingress.doc, field),
  };
}

/** Which Ingresses ingress-nginx serves, and a warning for each it does not. */
export function servedIngresses(model: Model, diagnostics: Diagnostic[]): Ingress[] {
  const installed = model.cluster.ingressController === 'ingress-nginx';
  const defaults = model.ingressClasses.filter((c) => c.isDefault);
  const served: Ingress[] = [];
  for (const ingress of model.ingresses) {
    const annotated = ingress.metadata.annotations['kubernetes.io/ingress.class'];
    let className = ingress.ingressClassName;
    // The DefaultIngressClass admission plugin fills in the default class at creation.
    if (className === null && annotated === undefined && defaults.length === 1)
      className = defaults[0]?.metadata.name ?? null;
    if (className === null && annotated !== undefined) {
      if (installed && annotated === 'nginx') served.push(ingress);
      else
        diagnostics.push(
          warn(
            ingress,
            ['metadata', 'annotations'],
            'IngressNotServed',
            message('warning.ingress-class-annotation', { ingressClass: annotated }),
          ),
        );
      continue;
    }
    if (className === null) {
      diagnostics.push(
        warn(ingress, ['spec'], 'IngressNotServed', message('warning.ingress-no-class', {})),
      );
      continue;
    }
    const ingressClass = model.ingressClasses.find((c) => c.metadata.name === className);
    const field = ingress.ingressClassName === null ? ['spec'] : ['spec', 'ingressClassName'];
    if (!ingressClass) {
      diagnostics.push(
        warn(
          ingress,
          field,
          'IngressNotServed',
          message('warning.ingress-class-missing', { ingressClass: className }),
        ),
      );
      continue;
    }
    if (ingressClass.controller !== controllerName || !installed) {
      diagnostics.push(
        warn(
          ingress,
          field,
          'IngressNotServed',
          message('warning.ingress-class-foreign', {
            ingressClass: className,
            controller: ingressClass.controller,
          }),
        ),
      );
      continue;
    }
    served.push(ingress);
  }
  return served;
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
      s = {
        host,
        locations: [rootLocation(backend, backend ? creator : null)],
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
      if (a[annotation.useRegex] === 'true' || a[annotation.rewriteTarget] !== undefined)
        s.regex = true;
      for (const p of rule.paths ?? []) {
        // ingress-nginx stores an unset or ImplementationSpecific pathType as
        // Prefix (internal/k8s/main.go SetDefaultNGINXPathType): both match
        // element by element, and as a regex where the host enforces regex.
        const pathType: PathType = p.pathType === 'Exact' ? 'Exact' : 'Prefix';
        const path = p.path || '/';
        const existing = s.locations.find(
          (l) => l.path === path && (l.pathType === pathType || (path === '/' && l.isDefault)),
        );
        const location: Location = {
          path,
          pathType,
          ingress,
          backend: p.backend.service ? p.backend : null,
          nginx: '',
          rewriteTarget: a[annotation.rewriteTarget] ?? '',
          sslRedirect: truthy(a[annotation.sslRedirect], true),
          forceSslRedirect: truthy(a[annotation.forceSslRedirect], false),
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
    for (const tls of ingress.tls)
      for (const host of tls.hosts) {
        const s = server(host, ingress);
        if (!s.tls) s.tls = { ingress, secretName: tls.secretName };
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

  diagnostics.push(...backendWarnings(model, served), ...classWarnings(model));
  for (const s of servers.values()) {
    for (const l of s.locations) l.nginx = nginxLocation(l.path, l.pathType, s.regex);
    // template.go sorts a server's locations by path length, longest first.
    s.locations.sort((x, y) => y.path.length - x.path.length);
  }
  return { servers: [...servers.values()], served, diagnostics };
}

function rootLocation(backend: IngressBackend | null, ingress: Ingress | null): Location {
  return {
    path: '/',
    pathType: 'Prefix',
    ingress,
    backend,
    nginx: '/',
    rewriteTarget: '',
    sslRedirect: true,
    forceSslRedirect: false,
    isDefault: true,
  };
}

/** The configuration for a model, computed once. */
export const configOf = memoized(nginxConfig);

/** The port of `service` an Ingress backend names: by name, or by number when it has no name. */
export function backendPort(
  service: Service,
  port: { number: number; name: string },
): ServicePort | undefined {
  return service.ports.find((p) => (port.name ? p.name === port.name : p.port === port.number));
}

/** What ingress-nginx would answer 503 for, or serve with its fake certificate. */
function backendWarnings(model: Model, served: Ingress[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ingress of served) {
    const ns = ingress.metadata.namespace;
    const check = (backend: IngressBackend | null, field: (string | number)[]) => {
      const ref = backend?.service;
      if (!ref) return;
      const service = serviceNamed(model, ns, ref.name);
      const portText = ref.port.name || String(ref.port.number);
      if (!service)
        out.push(
          warn(
            ingress,
            [...field, 'service', 'name'],
            'IngressServiceMissing',
            message('warning.ingress-service-missing', {
              ingress: ingress.metadata.name,
              service: ref.name,
              namespace: ns,
            }),
          ),
        );
      else if (!backendPort(service, ref.port))
        out.push(
          warn(
            ingress,
            [...field, 'service', 'port'],
            'IngressServicePortMissing',
            message('warning.ingress-service-port-missing', {
              ingress: ingress.metadata.name,
              service: ref.name,
              port: portText,
              byName: Boolean(ref.port.name),
              ports: service.ports.map((p) => ({ name: p.name || null, port: p.port })),
            }),
          ),
        );
    };
    check(ingress.defaultBackend, ['spec', 'defaultBackend']);
    ingress.rules.forEach((rule, r) => {
      rule.paths?.forEach((p, i) => {
        check(p.backend, ['spec', 'rules', r, 'http', 'paths', i, 'backend']);
      });
    });
    ingress.tls.forEach((tls, t) => {
      if (!tls.secretName) return;
      const secret = model.secrets.find(
        (s) => s.metadata.name === tls.secretName && s.metadata.namespace === ns,
      );
      const missing = secret ? missingKeypair(secret) : [];
      if (!secret || missing.length > 0)
        out.push(
          warn(
            ingress,
            ['spec', 'tls', t, 'secretName'],
            'IngressTLSSecret',
            secret
              ? message('warning.ingress-tls-secret-keys', {
                  secret: tls.secretName,
                  missing,
                  hosts: tls.hosts,
                })
              : message('warning.ingress-tls-secret-missing', {
                  secret: tls.secretName,
                  namespace: ns,
                  hosts: tls.hosts,
                }),
          ),
        );
    });
  }
  return out;
}

function classWarnings(model: Model): Diagnostic[] {
  const installed = model.cluster.ingressController === 'ingress-nginx';
  return model.ingressClasses
    .filter((c) => c.controller !== controllerName || !installed)
    .map((c) => {
      const explanation = message('warning.ingress-class-no-controller', {
        ingressClass: c.metadata.name,
        controller: c.controller,
      });
      return {
        severity: 'warning' as const,
        code: 'IngressClassNoController',
        object: c.id,
        field: 'spec.controller',
        message: english(explanation),
        explanation,
        ...locate(c.doc, ['spec', 'controller']),
      };
    });
}
