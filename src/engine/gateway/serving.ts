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
