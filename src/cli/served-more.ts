// Ingress, IngressClass and Namespace as kube-apiserver returns them (`kubectl
// get -o yaml`), for routelab get -o json|yaml: the fields the engine keeps,
// with spec.ingressClassName as the DefaultIngressClass admission plugin
// stores it and the status ingress-nginx writes.
import {
  type Ingress,
  type IngressBackend,
  type IngressClass,
  ingressStatusAddresses,
  type Model,
  storedClassName,
} from '../engine/index.ts';

function meta(m: Ingress['metadata'], namespaced: boolean) {
  return {
    name: m.name,
    ...(namespaced ? { namespace: m.namespace } : {}),
    ...(Object.keys(m.labels).length ? { labels: { ...m.labels } } : {}),
    ...(Object.keys(m.annotations).length ? { annotations: { ...m.annotations } } : {}),
  };
}

function backend(b: IngressBackend) {
  if (b.resource) return { resource: { kind: b.resource.kind, name: b.resource.name } };
  const port = b.service?.port;
  return {
    service: {
      name: b.service?.name ?? '',
      port: port?.name ? { name: port.name } : { number: port?.number ?? 0 },
    },
  };
}

export function servedIngress(model: Model, ing: Ingress): unknown {
  const className = storedClassName(model, ing);
  const addresses = ingressStatusAddresses(model, ing);
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: meta(ing.metadata, true),
    spec: {
      ...(className !== null ? { ingressClassName: className } : {}),
      ...(ing.defaultBackend ? { defaultBackend: backend(ing.defaultBackend) } : {}),
      ...(ing.rules.length
        ? {
            rules: ing.rules.map((r) => ({
              ...(r.host ? { host: r.host } : {}),
              ...(r.paths
                ? {
                    http: {
                      paths: r.paths.map((p) => ({
                        ...(p.path ? { path: p.path } : {}),
                        pathType: p.pathType,
                        backend: backend(p.backend),
                      })),
                    },
                  }
                : {}),
            })),
          }
        : {}),
      ...(ing.tls.length
        ? {
            tls: ing.tls.map((t) => ({
              ...(t.hosts.length ? { hosts: t.hosts } : {}),
              ...(t.secretName ? { secretName: t.secretName } : {}),
            })),
          }
        : {}),
    },
    status: {
      loadBalancer: addresses.length ? { ingress: addresses.map((ip) => ({ ip })) } : {},
    },
  };
}

export function servedIngressClass(c: IngressClass): unknown {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: meta(c.metadata, false),
    spec: { controller: c.controller },
  };
}

/** A Namespace: the label kube-apiserver sets on every one, the finalizer, Active. */
export function servedNamespace(name: string): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}
