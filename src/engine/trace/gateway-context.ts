// What the steps of a request inside a Gateway's Envoy proxy share: where it
// is, the request as the filters have changed it so far, and how a step says
// a hop or ends with Envoy's own answer.
import type { ClusterNode } from '../cluster.ts';
import { modifyHeaders } from '../gateway/filters.ts';
import type { RuleRef } from '../gateway/messages.ts';
import type { Entry, GatewayRequest } from '../gateway/routing.ts';
import type { GatewayState } from '../gateway/status.ts';
import type { HeaderModifier } from '../gateway/types.ts';
import type { Message } from '../messages.ts';
import type { Model, RunningPod } from '../model/types.ts';
import { hop } from './english.ts';
import type { Target } from './request.ts';
import type { Ending, Hop, TraceResponse } from './types.ts';

export interface AtGateway {
  model: Model;
  proxy: RunningPod;
  node: ClusterNode;
  gateway: GatewayState;
  /** The listener port the client connected to. */
  port: number;
  /** The request, its host the Host it carries. */
  target: Target;
  /** The TLS server name: the URL's host. */
  sni: string;
  /** The address Envoy sees the client at. */
  client: string;
  hops: Hop[];
  random: () => number;
}

/** The request as the rule's filters leave it. */
export interface Filtered {
  headers: Record<string, string>;
  path: string;
  host: string;
  /** What a ResponseHeaderModifier (or CORS) does to the answer, in order. */
  responseFilters: HeaderModifier[];
}

/** An ending before the trace's `gateway` object is added to it. */
export type Answer = Omit<Ending, 'gateway'>;

export interface InRule {
  g: AtGateway;
  entry: Entry;
  rule: RuleRef;
  req: GatewayRequest;
  state: Filtered;
  /** The packet as the proxy received it. */
  packet: { src: string; dst: string };
}

/** An answer with the response filters applied to its headers. */
export function filteredResponse(
  status: number,
  filters: readonly HeaderModifier[],
  base: Record<string, string> = {},
): TraceResponse {
  return { status, headers: filters.reduce(modifyHeaders, base) };
}

/** A hop at the proxy. */
export function say(r: Pick<InRule, 'g' | 'packet'>, what: Message): void {
  r.g.hops.push(hop('gateway', r.g.proxy.metadata.name, what, r.packet));
}

/** Envoy answers itself with `status`, saying why. */
export function answer(
  r: InRule,
  status: number,
  reason: Message,
  service: Ending['service'] = null,
  base: Record<string, string> = {},
): Answer {
  say(r, reason);
  return {
    outcome: 'http-error',
    status,
    reason,
    service,
    response: filteredResponse(status, r.state.responseFilters, base),
  };
}
