// What ingress-nginx tells the learner before any request: which Ingresses
// it serves (by IngressClass, the DefaultIngressClass admission plugin filling
// in the default), which backends it would answer 503 for or serve with its
// fake certificate, and IngressClasses no installed controller serves.
import type { Service, ServicePort } from '../api/types.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { formatPath, locate } from '../diagnostics.ts';
import { type Message, message } from '../messages.ts';
import { serviceNamed } from '../model/lookup.ts';
import type { Model } from '../model/types.ts';
import { explained } from '../trace/english.ts';
import { controllerName } from './controller.ts';
import { missingKeypair } from './secret.ts';
import type { Ingress, IngressBackend } from './types.ts';

export function warn(
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
    field: formatPath(field),
    ...explained(explanation),
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

/**
 * The Service port an Ingress backend resolves to, as ingress-nginx's
 * serviceEndpoints (internal/ingress/controller/controller.go) finds it: the
 * first port, in the Service's order, whose port number, targetPort or name
 * equals the backend's port (its number as text, or its name). So a number
 * can pick a port by its targetPort, and a name a port whose targetPort is
 * that name.
 */
export function backendPort(
  service: Service,
  port: { number: number; name: string },
): ServicePort | undefined {
  const wanted = port.number > 0 ? String(port.number) : port.name;
  return service.ports.find(
    (p) => String(p.port) === wanted || String(p.targetPort) === wanted || p.name === wanted,
  );
}

/** The backends ingress-nginx would answer 503 for, or cannot be followed to. */
export function backendWarnings(model: Model, served: Ingress[]): Diagnostic[] {
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
      else if (service.type === 'ExternalName')
        out.push(
          warn(
            ingress,
            [...field, 'service', 'name'],
            'IngressExternalNameNotSimulated',
            message('info.ingress-external-name', {
              ingress: ingress.metadata.name,
              service: ref.name,
              externalName: service.externalName,
            }),
            'info',
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
  }
  return out;
}

/** The Secrets ingress-nginx would serve its fake certificate for instead. */
export function tlsSecretWarnings(model: Model, served: Ingress[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ingress of served) {
    const ns = ingress.metadata.namespace;
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

/**
 * A tls host that none of the Ingress's own rules names: ingress-nginx makes
 * servers from rules only (controller.go createServers), so the host gets
 * neither a server nor this certificate.
 */
export function tlsHostWarnings(served: Ingress[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ingress of served) {
    const ruled = new Set(ingress.rules.map((r) => r.host.toLowerCase()));
    ingress.tls.forEach((tls, t) => {
      tls.hosts.forEach((host, h) => {
        if (!ruled.has(host.toLowerCase()))
          out.push(
            warn(
              ingress,
              ['spec', 'tls', t, 'hosts', h],
              'IngressTLSHostNoRule',
              message('warning.ingress-tls-host-no-rule', { ingress: ingress.metadata.name, host }),
            ),
          );
      });
    });
  }
  return out;
}

export function classWarnings(model: Model): Diagnostic[] {
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
        ...explained(explanation),
        ...locate(c.doc, ['spec', 'controller']),
      };
    });
}
