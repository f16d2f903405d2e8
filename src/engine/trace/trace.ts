// Follows one request through the cluster: DNS, the cloud load balancer, the
// node it enters, that node's own kube-proxy rules chain by chain, SNAT, the
// Pod network, and the container that should accept it. Each failure ends the
// way it really does: timeouts where packets are dropped or unrouted, refusals
// where something answers with a reset or kube-proxy's REJECT.
import type { Service, ServicePort } from '../api/types.ts';
import type { ClusterNode } from '../cluster.ts';
import type { Packet } from '../kubeproxy/match.ts';
import { message } from '../messages.ts';
import type { Model } from '../model/types.ts';
import { resolveHost } from './dns.ts';
import { english, hop } from './english.ts';
import { localAddressesOf, throughNode } from './node.ts';
import { enterFromOutside } from './outside.ts';
import { addresses } from './packet.ts';
import { arrive } from './pod.ts';
import {
  headerMap,
  isMessage,
  parseTarget,
  resolveSource,
  type Source,
  type Target,
} from './request.ts';
import type { Ending, Hop, TraceResult, TraceService } from './types.ts';

export interface TraceRequest {
  from: string;
  to: string;
  method?: string;
  resolve?: Map<string, string>;
  /** Request headers, as "Name: value"; a Host header sets the HTTP host, as with curl. */
  headers?: string[];
  /**
   * The headers the app's answer carries, as "Name: value" (what an echo
   * server would add): a Gateway's ResponseHeaderModifier works on them.
   */
  answerHeaders?: string[];
}

/** State shared by the requests of one run: the seeded draws and conntrack-like memories. */
export interface TraceSession {
  random: () => number;
  recent: Map<string, Set<string>>;
  /** ingress-nginx's round-robin position per upstream. */
  roundRobin: Map<string, number>;
}

export function traceRequest(
  model: Model,
  request: TraceRequest,
  session: TraceSession,
): TraceResult {
  const hops: Hop[] = [];
  const requestEcho = { from: request.from, to: request.to, method: request.method ?? 'GET' };
  const pick = (n: number) => Math.min(n - 1, Math.floor(session.random() * n));
  // Keys in the order docs/cli.md shows them.
  const finish = (
    ending: Ending,
    service: TraceService | null,
    target: Target | null,
  ): TraceResult => ({
    schema: 'routelab.dev/trace/v1',
    request: requestEcho,
    outcome: ending.outcome,
    status:
      ending.status !== undefined
        ? ending.status
        : ending.outcome === 'delivered' && target && target.scheme !== 'tcp'
          ? 200
          : null,
    reason: english(ending.reason),
    reasonMessage: ending.reason,
    destination: ending.destination ?? null,
    service: ending.service !== undefined ? ending.service : service,
    ingress: ending.ingress ?? null,
    ...(ending.gateway ? { gateway: ending.gateway } : {}),
    ...(ending.response ? { response: ending.response } : {}),
    hops,
    diagnostics: model.diagnostics,
  });

  if (model.diagnostics.some((d) => d.severity === 'error'))
    return finish(
      { outcome: 'invalid', reason: message('request.invalid-manifests', {}) },
      null,
      null,
    );
  const parsed = parseTarget(request.to);
  if (isMessage(parsed)) return finish({ outcome: 'invalid', reason: parsed }, null, null);
  const { target, httpHost } = withHeaders(parsed, request);
  const source = resolveSource(model, request.from, pick);
  if (isMessage(source)) return finish({ outcome: 'invalid', reason: source }, null, target);

  const dns = resolveHost(model, source, target.host, request.resolve ?? new Map(), pick);
  const at =
    source.kind === 'pod'
      ? source.pod.metadata.name
      : source.kind === 'node'
        ? source.node.name
        : 'client';
  if (!dns.ok) {
    hops.push(
      hop('dns', at, message('dns.failed', { host: target.host, reason: dns.reason }), null),
    );
    return finish(
      { outcome: dns.timeout ? 'timeout' : 'dns-error', reason: dns.reason },
      null,
      target,
    );
  }
  // A connection to a loopback address leaves from the loopback interface's 127.0.0.1.
  const src = source.kind !== 'external' && isLoopback(dns.ip) ? '127.0.0.1' : source.ip;
  const packet: Packet = { src, dst: dns.ip, dport: target.port, protocol: 'tcp' };
  if (dns.detail) hops.push(hop('dns', at, dns.detail, addresses(packet)));

  const tracker = { service: null as TraceService | null };
  const ending = walk(model, session, source, target, httpHost, packet, hops, tracker);
  return finish(ending, tracker.service, target);
}

/**
 * The target with the request's method and headers. DNS and the connection use
 * the URL's host; the Host header, when given, is what HTTP servers route on.
 */
function withHeaders(parsed: Target, request: TraceRequest): { target: Target; httpHost: string } {
  const headers = headerMap(request.headers ?? []);
  const target = {
    ...parsed,
    method: request.method ?? 'GET',
    headers,
    answerHeaders: headerMap(request.answerHeaders ?? []),
  };
  const httpHost = headers.host ? headers.host.toLowerCase().replace(/:\d+$/, '') : parsed.host;
  return { target, httpHost };
}

function walk(
  model: Model,
  session: TraceSession,
  source: Source,
  target: Target,
  httpHost: string,
  packet: Packet,
  hops: Hop[],
  tracker: { service: TraceService | null },
): Ending {
  const serviceNamed = (service: Service, port: ServicePort) => {
    tracker.service = {
      name: service.metadata.name,
      namespace: service.metadata.namespace,
      type: service.type,
      port: port.port,
      targetPort: port.targetPort,
    };
  };
  // A Pod's loopback is its own network namespace's (shared by its
  // containers), not the node's: the packet never reaches the node's rules.
  if (source.kind === 'pod' && !source.pod.spec.hostNetwork && isLoopback(packet.dst)) {
    const pod = source.pod.metadata.name;
    hops.push(hop('pod', pod, message('pod.loopback', { pod, ip: packet.dst }), addresses(packet)));
    return arrive(source.pod, source.node, { ...target, host: httpHost }, packet, hops);
  }
  let entry: ClusterNode;
  if (source.kind === 'external') {
    const entered = enterFromOutside(model, session.random, packet, hops, serviceNamed);
    if ('ending' in entered) return entered.ending;
    entry = entered.node;
  } else entry = source.node;
  return throughNode({
    model,
    source,
    entry,
    hook: source.kind === 'node' ? 'OUTPUT' : 'PREROUTING',
    target,
    httpHost,
    packet,
    hops,
    ctx: {
      localAddresses: localAddressesOf(entry),
      mark: 0,
      random: session.random,
      recent: session.recent,
    },
    roundRobin: session.roundRobin,
    tracker,
    serviceNamed,
  });
}

/** 127.0.0.0/8. */
export function isLoopback(ip: string): boolean {
  return ip.startsWith('127.');
}

export function newSession(seed: number, random: (seed: number) => () => number): TraceSession {
  return { random: random(seed), recent: new Map(), roundRobin: new Map() };
}
