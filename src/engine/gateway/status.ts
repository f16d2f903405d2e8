// What Envoy Gateway works out from the Gateway API objects and writes into
// their status: which GatewayClasses it accepts, each Gateway's address and
// listeners, which listeners each HTTPRoute attaches to (parentRefs,
// sectionName, port, allowedRoutes, hostname intersection), and whether the
// route's backends resolve (Services that exist, in reach of a ReferenceGrant).
// Routing (./routing.ts) and `get`/`describe` both read this one result.
import type { Service, ServicePort } from '../api/types.ts';
import type { ClusterSpec } from '../cluster.ts';
import { selectorMatches } from '../labels.ts';
import { serviceNamed } from '../model/lookup.ts';
import type { Model } from '../model/types.ts';
import { memoized } from '../util/memo.ts';
import {
  envoyGatewayControllerName,
  envoyGatewayNamespace,
  proxiedGateway,
  proxyName,
} from './envoy.ts';
import { intersect } from './hostnames.ts';
import { gatewayAccepted, granted, type ListenerState, listenerStates } from './listeners.ts';
import { conditionMessage, text } from './status-text.ts';
import type {
  BackendObjectReference,
  Condition,
  Gateway,
  GatewayClass,
  HTTPRoute,
  Listener,
  ParentReference,
} from './types.ts';
import { gatewayGroup } from './types.ts';

export type { ListenerState } from './listeners.ts';

export interface GatewayState {
  gateway: Gateway;
  gatewayClass: GatewayClass | null;
  /** Whether Envoy Gateway manages it (its class is accepted). */
  managed: boolean;
  proxyService: Service | null;
  addresses: string[];
  conditions: Condition[];
  listeners: ListenerState[];
}

export interface ParentState {
  ref: ParentReference;
  gateway: GatewayState;
  conditions: Condition[];
  /** The listeners the route attached to, each with the hostnames it serves there. */
  attached: { listener: ListenerState; hostnames: string[] }[];
}

/** A backendRef as Envoy Gateway resolved it: its Service port, or why not. */
export interface ResolvedBackend {
  ref: BackendObjectReference;
  namespace: string;
  service: Service | null;
  port: ServicePort | null;
  /** The reason it does not resolve (ResolvedRefs False), or null. */
  problem: { reason: string; message: string } | null;
}

export interface RouteState {
  route: HTTPRoute;
  parents: ParentState[];
  /** Per rule, per backendRef. */
  backends: ResolvedBackend[][];
}

export interface GatewayAPIState {
  classes: { gatewayClass: GatewayClass; conditions: Condition[] }[];
  gateways: GatewayState[];
  routes: RouteState[];
}

/** The CRDs' default status, until a controller writes its own. */
export const pending = (type: string): Condition => ({
  type,
  status: 'Unknown',
  reason: 'Pending',
  message: 'Waiting for controller',
});

export function acceptsClass(cluster: ClusterSpec, gatewayClass: GatewayClass): boolean {
  return (
    cluster.gatewayController === 'envoy-gateway' &&
    gatewayClass.controllerName === envoyGatewayControllerName
  );
}

function gatewayState(model: Model, gateway: Gateway): GatewayState {
  const gatewayClass =
    model.gatewayClasses.find((c) => c.metadata.name === gateway.gatewayClassName) ?? null;
  const managed = gatewayClass !== null && acceptsClass(model.cluster, gatewayClass);
  const listeners = listenerStates(model, gateway);
  const base = { gateway, gatewayClass, managed, listeners };
  if (!managed)
    return {
      ...base,
      proxyService: null,
      addresses: [],
      conditions: [pending('Accepted'), pending('Programmed')],
    };
  const name = proxyName(gateway.metadata.namespace, gateway.metadata.name);
  const proxyService = serviceNamed(model, envoyGatewayNamespace, name) ?? null;
  const addresses = [
    ...(proxyService?.loadBalancerIngress ?? []),
    ...(proxyService?.loadBalancerIngress.length ? [] : (proxyService?.externalIPs ?? [])),
  ];
  const proxies = model.pods.filter((p) => {
    const owner = proxiedGateway(p);
    return owner?.namespace === gateway.metadata.namespace && owner.name === gateway.metadata.name;
  });
  const available = proxies.filter((p) => p.phase === 'Running' && p.ready).length;
  const programmed =
    addresses.length === 0
      ? text.gatewayNoAddress()
      : available === 0
        ? text.gatewayNoReplicas()
        : text.gatewayProgrammed(available, proxies.length);
  return {
    ...base,
    proxyService,
    addresses,
    conditions: [gatewayAccepted(listeners), programmed],
  };
}

function namespaceAllowed(model: Model, gateway: Gateway, listener: Listener, ns: string): boolean {
  const { from, selector } = listener.allowedRoutes;
  if (from === 'All') return true;
  if (from === 'Same') return ns === gateway.metadata.namespace;
  if (from === 'Selector')
    return selector !== null && selectorMatches(selector, model.namespaceLabels.get(ns) ?? {});
  return false;
}

/**
 * computeHosts: the intersection of the route's and the listener's hostnames,
 * less any hostname another listener on the same port names, so that a
 * catch-all listener does not take a host a more specific one serves.
 */
function hostsOn(gateway: Gateway, listener: Listener, route: HTTPRoute): string[] {
  const others = gateway.listeners
    .filter((o) => o !== listener && o.port === listener.port && o.hostname !== null)
    .map((o) => o.hostname);
  return intersect(listener.hostname, route.hostnames).filter(
    (h) => h === listener.hostname || !others.includes(h),
  );
}

function parentState(
  model: Model,
  route: HTTPRoute,
  ref: ParentReference,
  gateway: GatewayState,
): ParentState {
  const ns = route.metadata.namespace;
  const named = gateway.listeners.filter(
    (l) =>
      (ref.sectionName === null || l.listener.name === ref.sectionName) &&
      (ref.port === null || l.listener.port === ref.port),
  );
  const result = (conditions: Condition[], attached: ParentState['attached'] = []) => ({
    ref,
    gateway,
    conditions,
    attached,
  });
  if (named.length === 0) return result([text.routeNoMatchingParent()]);
  const allowed = named.filter(
    (l) =>
      namespaceAllowed(model, gateway.gateway, l.listener, ns) &&
      l.supportedKinds.some((k) => k.group === gatewayGroup && k.kind === 'HTTPRoute'),
  );
  if (allowed.length === 0) return result([text.routeNotAllowed()]);
  const attached = allowed
    .map((l) => ({ listener: l, hostnames: hostsOn(gateway.gateway, l.listener, route) }))
    .filter((a) => a.hostnames.length > 0);
  if (attached.length === 0) return result([text.routeNoHostname()]);
  return result([text.routeAccepted()], attached);
}

function resolveBackend(
  model: Model,
  route: HTTPRoute,
  ref: BackendObjectReference,
): ResolvedBackend {
  const namespace = ref.namespace ?? route.metadata.namespace;
  const base = { ref, namespace, service: null, port: null };
  if (ref.group !== '') return { ...base, problem: text.backendInvalidGroup() };
  if (ref.kind !== 'Service') return { ...base, problem: text.backendInvalidKind() };
  const to = { group: '', kind: 'Service', namespace, name: ref.name };
  if (!granted(model, 'HTTPRoute', route.metadata.namespace, to))
    return { ...base, problem: text.backendNotPermitted(namespace, ref.name) };
  const service = serviceNamed(model, namespace, ref.name);
  if (!service) return { ...base, problem: text.backendNotFound(namespace, ref.name) };
  if (service.type === 'ExternalName')
    return { ...base, service, problem: text.backendExternalName(namespace, ref.name) };
  const port = service.ports.find((p) => p.port === ref.port && p.protocol === 'TCP') ?? null;
  if (!port)
    return { ...base, service, problem: text.backendPortNotFound(namespace, ref.name, ref.port) };
  return { ...base, service, port, problem: null };
}

/** Several errors of a kind: their messages one per line, their reasons sorted and joined (MultiStatusError). */
function combined(errors: { reason: string; message: string }[]): {
  reason: string;
  message: string;
} {
  const reasons = [...new Set(errors.map((e) => e.reason))].sort();
  return {
    reason: reasons.join(', '),
    message: conditionMessage(errors.map((e) => e.message).join('\n')),
  };
}

/** The rules Envoy Gateway drops for a filter it cannot program, with why. */
function ruleErrors(route: HTTPRoute): { rule: number; reason: string; message: string }[] {
  const out: { rule: number; reason: string; message: string }[] = [];
  route.rules.forEach((rule, r) => {
    for (const f of [...rule.filters, ...rule.backendRefs.flatMap((b) => b.filters)])
      if (f.type === 'unsupported') {
        out.push({ rule: r, ...text.unsupportedFilter(f.written) });
        break;
      }
  });
  return out;
}

function routeState(model: Model, route: HTTPRoute, gateways: GatewayState[]): RouteState {
  const backends = route.rules.map((rule) =>
    rule.backendRefs.map((b) => resolveBackend(model, route, b)),
  );
  const backendErrors = backends.flatMap((rule, r) =>
    rule.flatMap((b, i) =>
      b.problem
        ? [
            {
              reason: b.problem.reason,
              message: `failed to process route rule ${r} backendRef ${i}: ${b.problem.message}`,
            },
          ]
        : [],
    ),
  );
  const dropped = ruleErrors(route);
  const parents: ParentState[] = [];
  for (const ref of route.parentRefs) {
    if (ref.group !== gatewayGroup || ref.kind !== 'Gateway') continue;
    const namespace = ref.namespace ?? route.metadata.namespace;
    const gateway = gateways.find(
      (g) => g.gateway.metadata.namespace === namespace && g.gateway.metadata.name === ref.name,
    );
    // Only the controller of the parent's class writes a status for it.
    if (!gateway?.managed) continue;
    const parent = parentState(model, route, ref, gateway);
    const accepted = parent.conditions[0]?.status === 'True';
    if (accepted) for (const a of parent.attached) a.listener.attachedRoutes++;
    if (accepted && dropped.length > 0) {
      const why = combined(dropped);
      if (dropped.length === route.rules.length)
        parent.conditions = [text.routeRuleErrors(why.reason, why.message)];
      else
        parent.conditions.unshift(
          text.routePartiallyInvalid(
            why.reason,
            dropped.map((d) => d.rule),
            why.message,
          ),
        );
    }
    if (backendErrors.length > 0) {
      const why = combined(backendErrors);
      parent.conditions.push(text.routeUnresolved(why.reason, why.message));
    } else parent.conditions.push(text.routeResolved());
    if (!accepted) parent.attached = [];
    parents.push(parent);
  }
  return { route, parents, backends };
}

function compute(model: Model): GatewayAPIState {
  const classes = model.gatewayClasses.map((gatewayClass) => ({
    gatewayClass,
    conditions: acceptsClass(model.cluster, gatewayClass)
      ? [text.classAccepted()]
      : [pending('Accepted')],
  }));
  const gateways = model.gateways.map((g) => gatewayState(model, g));
  const routes = model.httpRoutes.map((r) => routeState(model, r, gateways));
  return { classes, gateways, routes };
}

/** The Gateway API status of a model, worked out once. */
export const gatewayAPIOf = memoized(compute);
