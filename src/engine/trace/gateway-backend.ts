// After the filters: the weighted choice of a backendRef and the connection
// to one of its Service's endpoints (Pod IP:targetPort, as Envoy Gateway
// programs EndpointSlices; no ClusterIP). Envoy Gateway answers 500 for a
// backend that does not resolve (its share of the traffic when others do), or
// 503 instead when some backend of the rule has no endpoints (Envoy's
// cluster_not_found_response_code then); Envoy answers 503 when an endpoint
// refuses or does not answer, no retries being configured by default.
import type { ServicePort } from '../api/types.ts';
import { modifyHeaders } from '../gateway/filters.ts';
import type { ResolvedBackend } from '../gateway/status.ts';
import { upstreamEndpoints } from '../ingress/endpoints.ts';
import { message } from '../messages.ts';
import { podAt, slicesOf } from '../model/lookup.ts';
import type { RunningPod } from '../model/types.ts';
import { cidrContains, parseCidr } from '../net/ip.ts';
import { hop } from './english.ts';
import { type Answer, answer, filteredResponse, type InRule, say } from './gateway-context.ts';
import { judgePodToPod } from './netpol.ts';
import { clientPort } from './packet.ts';
import { destinationAt, listenerOn } from './pod.ts';
import type { TraceService } from './types.ts';

/** Envoy's weighted_clusters: a draw over the backendRefs' weights, invalid ones included. */
function draw(weights: readonly number[], random: () => number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let left = random() * total;
  for (const [i, w] of weights.entries()) {
    if (left < w) return i;
    left -= w;
  }
  return weights.length - 1;
}

function endpointsOf(r: InRule, b: ResolvedBackend, readyOnly: boolean) {
  if (!b.service || !b.port) return [];
  return upstreamEndpoints(b.port, slicesOf(r.g.model, b.service), readyOnly);
}

function traceServiceOf(b: ResolvedBackend & { port: ServicePort }): TraceService | null {
  if (!b.service) return null;
  return {
    name: b.service.metadata.name,
    namespace: b.service.metadata.namespace,
    type: b.service.type,
    port: b.port.port,
    targetPort: b.port.targetPort,
  };
}

export function toBackend(r: InRule): Answer {
  const { entry, rule } = r;
  const backends = r.entry.route.backends[entry.ruleIndex] ?? [];
  if (backends.length === 0) return answer(r, 500, message('gateway.no-backends', { rule }));
  const weights = entry.rule.backendRefs.map((b) => b.weight);
  const total = weights.reduce((a, b) => a + b, 0);
  const invalid = (b: ResolvedBackend) =>
    message('gateway.invalid-backend', {
      rule,
      backend: { namespace: b.namespace, name: b.ref.name },
      why: b.problem?.message ?? '',
    });
  if (backends.every((b) => b.problem))
    return answer(r, 500, invalid(backends[0] as ResolvedBackend));
  if (total === 0) return answer(r, 500, message('gateway.zero-weight', { rule }));
  const index = draw(weights, r.g.random);
  const chosen = backends[index] as ResolvedBackend;
  const ref = { namespace: chosen.namespace, name: chosen.ref.name };
  if (backends.length > 1)
    say(r, message('gateway.weighted', { service: ref, weight: weights[index] ?? 0, total }));
  const someEmpty = backends.some((b) => !b.problem && endpointsOf(r, b, false).length === 0);
  if (chosen.problem || !chosen.port) return answer(r, someEmpty ? 503 : 500, invalid(chosen));
  for (const f of entry.rule.backendRefs[index]?.filters ?? []) {
    if (f.type === 'RequestHeaderModifier')
      r.state.headers = modifyHeaders(r.state.headers, f.modifier);
    if (f.type === 'ResponseHeaderModifier') r.state.responseFilters.push(f.modifier);
  }
  const service = traceServiceOf({ ...chosen, port: chosen.port });
  const port = chosen.port.port;
  if (endpointsOf(r, chosen, false).length === 0)
    return answer(r, 503, message('gateway.no-endpoints', { service: ref, port }), service);
  const ready = endpointsOf(r, chosen, true).flatMap((ep) => {
    const pod = podAt(r.g.model, ep.ip);
    return pod ? [{ pod, port: ep.port }] : [];
  });
  const upstream = ready[Math.min(ready.length - 1, Math.floor(r.g.random() * ready.length))];
  if (!upstream)
    return answer(r, 503, message('gateway.no-healthy-upstream', { service: ref, port }), service);
  return connect(r, chosen, service, upstream);
}

/** Envoy's connection to the endpoint, and what the Pod receives. */
function connect(
  r: InRule,
  chosen: ResolvedBackend,
  service: TraceService | null,
  upstream: { pod: RunningPod; port: number },
): Answer {
  const { g, state } = r;
  const { pod, port } = upstream;
  const addr = { src: `${g.proxy.podIP}:${clientPort}`, dst: `${pod.podIP}:${port}` };
  const name = chosen.ref.name;
  const toNode = pod.nodeName !== g.node.name ? pod.nodeName : null;
  g.hops.push(
    hop(
      'pod-network',
      g.node.name,
      message('gateway.proxy', { ip: pod.podIP, port, service: name, toNode }),
      addr,
      {
        servicePort: { namespace: chosen.namespace, name, port: chosen.port?.name ?? '' },
      },
    ),
  );
  const failed = (reason: ReturnType<typeof message>): Answer => ({
    outcome: 'http-error',
    status: 503,
    reason,
    service,
    response: filteredResponse(503, state.responseFilters),
  });
  const packet = { src: g.proxy.podIP, dst: pod.podIP, dport: port, protocol: 'tcp' };
  const dropped = judgePodToPod(g.model, g.proxy, pod, packet, g.hops);
  if (dropped)
    return failed(
      message('gateway.endpoint-timeout', { pod: pod.metadata.name, port, why: dropped.reason }),
    );
  const container = listenerOn(pod, port);
  if (!container) {
    const why = message('gateway.endpoint-refused', { pod: pod.metadata.name, port });
    g.hops.push(hop('pod', pod.metadata.name, why, addr));
    return failed(why);
  }
  const client = g.client;
  g.hops.push(
    hop(
      'pod',
      pod.metadata.name,
      message('gateway.endpoint-accepts', {
        container: container.name,
        port,
        path: state.path,
        host: state.host,
        client,
      }),
      addr,
    ),
  );
  return delivered(r, chosen, service, upstream, container.name);
}

/**
 * An address Envoy counts as internal (its docs, "HTTP header manipulation",
 * x-envoy-internal: RFC 1918 and loopback), for which it sets no
 * x-envoy-external-address. Envoy Gateway's listeners use the remote address.
 */
const internalRanges = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '127.0.0.0/8'].flatMap(
  (c) => parseCidr(c) ?? [],
);
function internal(ip: string): boolean {
  return internalRanges.some((c) => cidrContains(c, ip));
}

/** What the Pod received, and the answer that goes back through Envoy. */
function delivered(
  r: InRule,
  chosen: ResolvedBackend,
  service: TraceService | null,
  upstream: { pod: RunningPod; port: number },
  containerName: string,
): Answer {
  const { g, state } = r;
  const { pod, port } = upstream;
  const name = chosen.ref.name;
  const client = g.client;
  const { host, ...rest } = state.headers;
  const gw = g.gateway.gateway.metadata;
  return {
    outcome: 'delivered',
    status: 200,
    reason: message('gateway.delivered', {
      gateway: { namespace: gw.namespace, name: gw.name },
      rule: r.rule,
      service: { namespace: chosen.namespace, name },
      port: chosen.port?.port ?? 0,
      pod: pod.metadata.name,
      path: r.req.path,
      rewrittenTo: state.path !== r.req.path ? state.path : null,
    }),
    service,
    ...(state.responseFilters.length > 0
      ? { response: filteredResponse(200, state.responseFilters, { ...g.target.answerHeaders }) }
      : {}),
    destination: destinationAt(pod, {
      port,
      container: containerName,
      sourceIP: g.proxy.podIP,
      scheme: 'http',
      host: state.host,
      path: state.path,
      // Envoy's own request headers (x-request-id, random per request, left out).
      headers: {
        host: host ?? state.host,
        ...rest,
        'x-forwarded-for': client,
        'x-forwarded-proto': r.req.tls ? 'https' : 'http',
        ...(internal(client) ? {} : { 'x-envoy-external-address': client }),
      },
      query: r.req.query,
    }),
  };
}
