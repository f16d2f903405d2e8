// Which Gateway serves a hostname outside the cluster: one with a listener
// for it, or with an attached route that names it.
import type { Model } from '../model/types.ts';
import { hostMatches } from './hostnames.ts';
import { type GatewayState, gatewayAPIOf } from './status.ts';

export function gatewayServing(model: Model, host: string): GatewayState | null {
  const state = gatewayAPIOf(model);
  const names = (pattern: string | null) =>
    pattern !== null && pattern !== '*' && hostMatches(pattern, host);
  for (const gateway of state.gateways) {
    if (!gateway.managed) continue;
    if (gateway.listeners.some((l) => names(l.listener.hostname))) return gateway;
    const routed = state.routes.some((r) =>
      r.parents.some(
        (p) => p.gateway === gateway && p.attached.some((a) => a.hostnames.some(names)),
      ),
    );
    if (routed) return gateway;
  }
  return null;
}

/**
 * An HTTPRoute that names the host but is served by no Gateway, and the reason
 * its controller gave (null when no controller wrote one): why a host a
 * route names has no DNS record here.
 */
export function unattachedRouteNaming(
  model: Model,
  host: string,
): { namespace: string; name: string; why: string | null } | null {
  const state = gatewayAPIOf(model);
  for (const r of state.routes) {
    if (!r.route.hostnames.some((h) => hostMatches(h, host))) continue;
    if (r.parents.some((p) => p.attached.length > 0)) continue;
    const refused = r.parents
      .flatMap((p) => p.conditions)
      .find((c) => c.type === 'Accepted' && c.status === 'False');
    return {
      namespace: r.route.metadata.namespace,
      name: r.route.metadata.name,
      why: refused?.reason ?? null,
    };
  }
  return null;
}

/**
 * Where a client outside reaches the Gateways: the first accepted one with an
 * address and a ready HTTP listener, as "address:port"; null when none.
 */
export function gatewayWayIn(model: Model): string | null {
  for (const g of gatewayAPIOf(model).gateways) {
    const address = g.addresses[0];
    const http = g.listeners.find((l) => l.ready && l.listener.protocol === 'HTTP');
    if (g.managed && address && http) return `${address}:${http.listener.port}`;
  }
  return null;
}
