// Ingress, IngressClass and Namespace as kube-apiserver returns them (`kubectl
// get -o yaml`), for routelab get -o json|yaml: the fields the engine keeps,
// with spec.ingressClassName as the DefaultIngressClass admission plugin
// stores it and the status ingress-nginx writes.
import {
  type Ingress,
  type IngressBackend,
  type IngressClass,
  ingressStatusAddresses,
  type LabelSelector,
  type Model,
  type NetworkPolicy,
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

/** A Namespace: its labels with the one kube-apiserver sets on every one, the finalizer, Active. */
export function servedNamespace(name: string, labels?: Record<string, string>): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { ...labels, 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

function selector(s: LabelSelector) {
  return {
    ...(Object.keys(s.matchLabels).length ? { matchLabels: { ...s.matchLabels } } : {}),
    ...(s.matchExpressions.length
      ? {
          matchExpressions: s.matchExpressions.map((e) => ({
            key: e.key,
            operator: e.operator,
            ...(e.values.length ? { values: e.values } : {}),
          })),
        }
      : {}),
  };
}

/** A NetworkPolicy with policyTypes and each port's protocol defaulted, as the API server stores it. */
export function servedNetworkPolicy(p: NetworkPolicy): unknown {
  const rules = (list: NetworkPolicy['ingress'], peers: 'from' | 'to') =>
    list.map((rule) => ({
      ...(rule.ports.length
        ? {
            ports: rule.ports.map((port) => ({
              protocol: port.protocol,
              ...(port.port !== undefined ? { port: port.port } : {}),
              ...(port.endPort !== undefined ? { endPort: port.endPort } : {}),
            })),
          }
        : {}),
      ...(rule.peers.length
        ? {
            [peers]: rule.peers.map((peer) => ({
              ...(peer.podSelector ? { podSelector: selector(peer.podSelector) } : {}),
              ...(peer.namespaceSelector
                ? { namespaceSelector: selector(peer.namespaceSelector) }
                : {}),
              ...(peer.ipBlock
                ? {
                    ipBlock: {
                      cidr: peer.ipBlock.cidr,
                      ...(peer.ipBlock.except.length ? { except: peer.ipBlock.except } : {}),
                    },
                  }
                : {}),
            })),
          }
        : {}),
    }));
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta(p.metadata, true),
    spec: {
      podSelector: selector(p.podSelector),
      ...(p.ingress.length ? { ingress: rules(p.ingress, 'from') } : {}),
      ...(p.egress.length ? { egress: rules(p.egress, 'to') } : {}),
      policyTypes: p.policyTypes,
    },
  };
}
