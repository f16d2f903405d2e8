// "Convert this Ingress to Gateway API", as ingress2gateway's common
// converter does it (pkg/i2gw/providers/common converter.go, utils.go): the
// Ingresses' rules grouped by namespace, class and host; one Gateway per
// namespace and class, named after the class, with an HTTP listener per host
// (and an HTTPS one where the group has TLS); one HTTPRoute per group named
// "<ingress>-<host>" ("all-hosts" for a rule without one), a rule per
// distinct path and pathType; a defaultBackend as a route of its own. Where
// ingress2gateway names the Gateway's class after the IngressClass, the
// class here is the cluster's Envoy Gateway class (made if there is none), so
// that the result runs. What does not carry over (annotations, named ports no
// Service defines) is listed, for the learner to see.
import yaml from 'js-yaml';
import { envoyGatewayControllerName } from '../gateway/envoy.ts';
import { type Message, message } from '../messages.ts';
import type { Model } from '../model/types.ts';
import type { Ingress, IngressBackend } from './types.ts';

type Obj = Record<string, unknown>;

export interface GatewayConversion {
  /** The GatewayClass (when one is made), Gateways and HTTPRoutes, as YAML documents. */
  text: string;
  /** What was not carried over, and why. */
  notes: Message[];
}

/** NameFromHost: runs of other characters as "-", none leading; "all-hosts" for no host. */
function nameFromHost(host: string): string {
  if (host === '' || host === '*') return 'all-hosts';
  return host.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^[^a-zA-Z0-9]+/, '');
}

function classOf(ingress: Ingress): string {
  return (
    ingress.ingressClassName ?? ingress.metadata.annotations['kubernetes.io/ingress.class'] ?? ''
  );
}

interface Group {
  namespace: string;
  /** The first Ingress's name: the route is named after it. */
  name: string;
  ingressClass: string;
  host: string;
  tls: { hosts: string[]; secretName: string }[];
  paths: { path: string; pathType: string; backend: IngressBackend; ingress: Ingress }[];
}

function backendRef(model: Model, ns: string, b: IngressBackend, notes: Message[]): Obj | null {
  if (!b.service) {
    notes.push(
      message('convert.resource-backend', {
        kind: b.resource?.kind ?? '',
        name: b.resource?.name ?? '',
      }),
    );
    return null;
  }
  if (!b.service.port.name) return { name: b.service.name, port: b.service.port.number };
  const service = model.services.find(
    (s) => s.metadata.namespace === ns && s.metadata.name === b.service?.name,
  );
  const port = service?.ports.find((p) => p.name === b.service?.port.name);
  if (!port) {
    notes.push(
      message('convert.port-name', { service: b.service.name, port: b.service.port.name }),
    );
    return null;
  }
  return { name: b.service.name, port: port.port };
}

function groups(ingresses: readonly Ingress[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const ingress of ingresses)
    for (const rule of ingress.rules) {
      const key = `${ingress.metadata.namespace}/${classOf(ingress)}/${rule.host}`;
      let group = byKey.get(key);
      if (!group) {
        group = {
          namespace: ingress.metadata.namespace,
          name: ingress.metadata.name,
          ingressClass: classOf(ingress),
          host: rule.host,
          tls: [],
          paths: [],
        };
        byKey.set(key, group);
      }
      group.tls.push(...ingress.tls);
      for (const p of rule.paths ?? [])
        group.paths.push({
          path: p.path || '/',
          pathType: p.pathType || 'ImplementationSpecific',
          backend: p.backend,
          ingress,
        });
    }
  return [...byKey.keys()].sort().map((k) => byKey.get(k) as Group);
}

function route(model: Model, group: Group, notes: Message[]): Obj {
  const rules: Obj[] = [];
  const seen = new Map<string, Obj>();
  for (const p of group.paths) {
    const type = p.pathType === 'Exact' ? 'Exact' : 'PathPrefix';
    if (p.pathType === 'ImplementationSpecific')
      notes.push(message('convert.implementation-specific', { path: p.path }));
    const key = `${p.pathType}/${p.path}`;
    let rule = seen.get(key);
    if (!rule) {
      rule = { matches: [{ path: { type, value: p.path } }], backendRefs: [] };
      seen.set(key, rule);
      rules.push(rule);
    }
    const ref = backendRef(model, group.namespace, p.backend, notes);
    if (ref) (rule.backendRefs as Obj[]).push(ref);
  }
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: `${group.name}-${nameFromHost(group.host)}`, namespace: group.namespace },
    spec: {
      ...(group.ingressClass ? { parentRefs: [{ name: group.ingressClass }] } : {}),
      ...(group.host ? { hostnames: [group.host] } : {}),
      rules,
    },
  };
}

function listeners(group: Group): Obj[] {
  const hostname =
    group.host ||
    (group.tls.length === 1 && group.tls[0]?.hosts.length === 1 ? group.tls[0].hosts[0] : '');
  const prefix = hostname ? `${nameFromHost(hostname)}-` : '';
  const out: Obj[] = [
    { name: `${prefix}http`, ...(hostname ? { hostname } : {}), port: 80, protocol: 'HTTP' },
  ];
  if (group.tls.length > 0)
    out.push({
      name: `${prefix}https`,
      ...(hostname ? { hostname } : {}),
      port: 443,
      protocol: 'HTTPS',
      tls: { certificateRefs: group.tls.map((t) => ({ name: t.secretName })) },
    });
  return out;
}

/** The model's Ingresses in Gateway API, with notes on what did not carry over. */
export function convertToGateway(
  model: Model,
  ingresses: readonly Ingress[] = model.ingresses,
): GatewayConversion {
  const notes: Message[] = [];
  const docs: Obj[] = [];
  const existing = model.gatewayClasses.find(
    (c) => c.controllerName === envoyGatewayControllerName,
  );
  const className = existing?.metadata.name ?? 'eg';
  if (!existing)
    docs.push({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'GatewayClass',
      metadata: { name: className },
      spec: { controllerName: envoyGatewayControllerName },
    });
  for (const ingress of ingresses) {
    for (const annotation of Object.keys(ingress.metadata.annotations).sort())
      if (annotation.startsWith('nginx.ingress.kubernetes.io/'))
        notes.push(message('convert.annotation', { ingress: ingress.metadata.name, annotation }));
    if (!classOf(ingress))
      notes.push(message('convert.no-class', { ingress: ingress.metadata.name }));
  }
  const all = groups(ingresses);
  const gateways = new Map<string, Obj>();
  for (const group of all) {
    if (!group.ingressClass) continue;
    const key = `${group.namespace}/${group.ingressClass}`;
    let gateway = gateways.get(key);
    if (!gateway) {
      gateway = {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        metadata: { name: group.ingressClass, namespace: group.namespace },
        spec: { gatewayClassName: className, listeners: [] },
      };
      gateways.set(key, gateway);
    }
    ((gateway.spec as Obj).listeners as Obj[]).push(...listeners(group));
  }
  docs.push(...gateways.values(), ...all.map((g) => route(model, g, notes)));
  for (const ingress of ingresses) {
    const b = ingress.defaultBackend;
    const ref = b && backendRef(model, ingress.metadata.namespace, b, notes);
    if (!ref) continue;
    docs.push({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: {
        name: `${ingress.metadata.name}-default-backend`,
        namespace: ingress.metadata.namespace,
      },
      spec: { parentRefs: [{ name: classOf(ingress) }], rules: [{ backendRefs: [ref] }] },
    });
  }
  const text = docs.map((d) => yaml.dump(d, { lineWidth: -1, noRefs: true })).join('---\n');
  return { text, notes: [...new Map(notes.map((n) => [JSON.stringify(n), n])).values()] };
}
