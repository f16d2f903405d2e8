// Gateway API objects as the API server returns them (`kubectl get -o yaml`):
// the spec as applied, with the defaults its CRD's schema fills in, and the
// status Envoy Gateway writes (./status.ts). A condition's
// lastTransitionTime is the CRD's default time, 1970-01-01T00:00:00Z: the
// engine keeps no clock, and so it is for every condition, the controller's
// included. Every object is at its first generation.
import type { Model } from '../model/types.ts';
import { envoyGatewayControllerName } from './envoy.ts';
import { type GatewayState, gatewayAPIOf, type RouteState } from './status.ts';
import type { Condition, Gateway, GatewayClass, HTTPRoute, ReferenceGrant } from './types.ts';
import { gatewayGroup } from './types.ts';

type Served = Record<string, unknown>;

const epoch = '1970-01-01T00:00:00Z';

function conditions(list: readonly Condition[]): Served[] {
  return list.map((c) => ({
    type: c.type,
    status: c.status,
    reason: c.reason,
    message: c.message,
    lastTransitionTime: epoch,
    observedGeneration: 1,
  }));
}

function metadata(o: {
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
}): Served {
  const { name, namespace, labels, annotations } = o.metadata;
  return {
    name,
    ...(namespace ? { namespace } : {}),
    ...(Object.keys(labels).length ? { labels: { ...labels } } : {}),
    ...(Object.keys(annotations).length ? { annotations: { ...annotations } } : {}),
    generation: 1,
  };
}

/** The applied document's spec, a deep copy to fill defaults into. */
function specOf(o: { doc: { value: unknown } }): Served {
  const spec = (o.doc.value as { spec?: unknown } | null)?.spec;
  return spec && typeof spec === 'object' ? (JSON.parse(JSON.stringify(spec)) as Served) : {};
}

const list = (v: unknown): Served[] =>
  Array.isArray(v) ? v.filter((x): x is Served => x !== null && typeof x === 'object') : [];

function objectRefDefaults(ref: Served, group: string, kind: string): void {
  ref.group ??= group;
  ref.kind ??= kind;
}

function filterDefaults(filters: unknown): void {
  for (const f of list(filters)) {
    const redirect = f.requestRedirect as Served | undefined;
    if (redirect) redirect.statusCode ??= 302;
    const mirror = f.requestMirror as Served | undefined;
    if (mirror?.backendRef) objectRefDefaults(mirror.backendRef as Served, '', 'Service');
  }
}

export function servedGatewayClass(model: Model, gc: GatewayClass): Served {
  const state = gatewayAPIOf(model).classes.find((c) => c.gatewayClass === gc);
  return {
    apiVersion: `${gatewayGroup}/v1`,
    kind: 'GatewayClass',
    metadata: metadata(gc),
    spec: specOf(gc),
    status: { conditions: conditions(state?.conditions ?? []) },
  };
}

function gatewayStatus(g: GatewayState): Served {
  return {
    ...(g.addresses.length
      ? { addresses: g.addresses.map((value) => ({ type: 'IPAddress', value })) }
      : {}),
    conditions: conditions(g.conditions),
    ...(g.managed
      ? {
          listeners: g.listeners.map((l) => ({
            name: l.listener.name,
            supportedKinds: l.supportedKinds.map((k) => ({ ...k })),
            attachedRoutes: l.attachedRoutes,
            conditions: conditions(l.conditions),
          })),
        }
      : {}),
  };
}

export function servedGateway(model: Model, gateway: Gateway): Served {
  const state = gatewayAPIOf(model).gateways.find((g) => g.gateway === gateway);
  const spec = specOf(gateway);
  for (const l of list(spec.listeners)) {
    l.allowedRoutes ??= {};
    const routes = l.allowedRoutes as Served;
    routes.namespaces ??= {};
    (routes.namespaces as Served).from ??= 'Same';
    const tls = l.tls as Served | undefined;
    if (tls) {
      tls.mode ??= 'Terminate';
      for (const ref of list(tls.certificateRefs)) objectRefDefaults(ref, '', 'Secret');
    }
  }
  return {
    apiVersion: `${gatewayGroup}/v1`,
    kind: 'Gateway',
    metadata: metadata(gateway),
    spec,
    status: state ? gatewayStatus(state) : {},
  };
}

function routeStatus(state: RouteState | undefined): Served {
  return {
    parents: (state?.parents ?? []).map((p) => ({
      parentRef: {
        group: p.ref.group,
        kind: p.ref.kind,
        name: p.ref.name,
        ...(p.ref.namespace !== null ? { namespace: p.ref.namespace } : {}),
        ...(p.ref.sectionName !== null ? { sectionName: p.ref.sectionName } : {}),
        ...(p.ref.port !== null ? { port: p.ref.port } : {}),
      },
      controllerName: envoyGatewayControllerName,
      conditions: conditions(p.conditions),
    })),
  };
}

export function servedHTTPRoute(model: Model, route: HTTPRoute): Served {
  const state = gatewayAPIOf(model).routes.find((r) => r.route === route);
  const spec = specOf(route);
  for (const ref of list(spec.parentRefs)) objectRefDefaults(ref, gatewayGroup, 'Gateway');
  spec.rules ??= [{}];
  for (const rule of list(spec.rules)) {
    rule.matches ??= [{ path: { type: 'PathPrefix', value: '/' } }];
    for (const m of list(rule.matches)) {
      m.path ??= {};
      const path = m.path as Served;
      path.type ??= 'PathPrefix';
      path.value ??= '/';
      for (const h of [...list(m.headers), ...list(m.queryParams)]) h.type ??= 'Exact';
    }
    filterDefaults(rule.filters);
    for (const b of list(rule.backendRefs)) {
      objectRefDefaults(b, '', 'Service');
      b.weight ??= 1;
      filterDefaults(b.filters);
    }
  }
  return {
    apiVersion: `${gatewayGroup}/v1`,
    kind: 'HTTPRoute',
    metadata: metadata(route),
    spec,
    status: routeStatus(state),
  };
}

/** ReferenceGrant has no status; v1 and v1beta1 serve the same fields. */
export function servedReferenceGrant(grant: ReferenceGrant): Served {
  const apiVersion =
    (grant.doc.value as { apiVersion?: string }).apiVersion ?? `${gatewayGroup}/v1`;
  return { apiVersion, kind: 'ReferenceGrant', metadata: metadata(grant), spec: specOf(grant) };
}
