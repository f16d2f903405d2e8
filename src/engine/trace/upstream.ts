// ingress-nginx's connection to a backend Service's endpoints: nginx's
// proxy_next_upstream (up to 3 endpoints from the round-robin position, the
// next one tried on an error or a timeout), straight to Pod IP:targetPort.
// NetworkPolicy judges that connection like any Pod's: the controller's Pod is
// its source. nginx answers for the last failure: 502 Bad Gateway for a
// refusal, 504 Gateway Time-out for a connect timeout (a dropped packet).
import type { Service, ServicePort } from '../api/types.ts';
import type { ClusterNode } from '../cluster.ts';
import { type Message, message } from '../messages.ts';
import type { Model, RunningPod } from '../model/types.ts';
import { hop } from './english.ts';
import type { IngressEnding } from './ingress.ts';
import { judgePodToPod } from './netpol.ts';
import { clientPort } from './packet.ts';
import { destinationAt, listenerOn } from './pod.ts';
import { sentHeaders, type Target } from './request.ts';
import type { Hop, TraceIngress, TraceService } from './types.ts';

export interface Upstream {
  pod: RunningPod;
  ip: string;
  port: number;
}

export interface Request {
  model: Model;
  controller: RunningPod;
  node: ClusterNode;
  target: Target;
  host: string;
  /** The path without its query. */
  path: string;
  tls: boolean;
  clientAddress: string;
  hops: Hop[];
}

export interface Backend {
  service: Service;
  servicePort: ServicePort;
  portText: string;
  traceService: TraceService;
  ingressInfo: TraceIngress | null;
  upstreamPath: string;
}

/** How one endpoint answers: it accepts (the ending), refuses, or its packets are dropped. */
type Attempt =
  | { kind: 'accepted'; ending: IngressEnding }
  | { kind: 'refused' }
  | { kind: 'dropped'; why: Message };

function attempt(req: Request, backend: Backend, upstream: Upstream, tryNext: boolean): Attempt {
  const { controller, node, hops } = req;
  const pod = upstream.pod;
  const srcAddr = {
    src: `${controller.podIP}:${clientPort}`,
    dst: `${upstream.ip}:${upstream.port}`,
  };
  const toNode = pod.nodeName !== node.name ? pod.nodeName : null;
  const service = backend.service.metadata.name;
  hops.push(
    hop(
      'pod-network',
      node.name,
      message('ingress.proxy', { ip: upstream.ip, port: upstream.port, service, toNode }),
      srcAddr,
      {
        servicePort: {
          namespace: backend.service.metadata.namespace,
          name: service,
          port: backend.servicePort.name,
        },
      },
    ),
  );
  const packet = { src: controller.podIP, dst: upstream.ip, dport: upstream.port, protocol: 'tcp' };
  const dropped = judgePodToPod(req.model, controller, pod, packet, hops);
  if (dropped) return { kind: 'dropped', why: dropped.reason };
  const container = listenerOn(pod, upstream.port);
  if (!container) {
    hops.push(
      hop(
        'pod',
        pod.metadata.name,
        message('ingress.endpoint-refused', { port: upstream.port, tryNext }),
        srcAddr,
      ),
    );
    return { kind: 'refused' };
  }
  const accepts = message('ingress.endpoint-accepts', {
    container: container.name,
    port: upstream.port,
    path: backend.upstreamPath,
    client: req.clientAddress,
    proto: req.tls ? 'https' : 'http',
  });
  hops.push(hop('pod', pod.metadata.name, accepts, srcAddr));
  return { kind: 'accepted', ending: delivered(req, backend, upstream, container.name) };
}

/** nginx's proxy_next_upstream: up to 3 endpoints, from the round-robin position, until one accepts. */
export function proxy(
  req: Request,
  backend: Backend,
  candidates: Upstream[],
  start: number,
): IngressEnding {
  const tries = Math.min(3, candidates.length);
  const refused: string[] = [];
  const timedOut: string[] = [];
  let lastDrop: Message | null = null;
  for (let i = 0; i < tries; i++) {
    const upstream = candidates[(start + i) % candidates.length] as Upstream;
    const tried = attempt(req, backend, upstream, i + 1 < tries);
    if (tried.kind === 'accepted') return tried.ending;
    const where = `${upstream.pod.metadata.name} (${upstream.ip}:${upstream.port})`;
    if (tried.kind === 'dropped') timedOut.push(where);
    else refused.push(where);
    lastDrop = tried.kind === 'dropped' ? tried.why : null;
  }
  const answer = { service: backend.traceService, ingress: backend.ingressInfo };
  if (lastDrop)
    return {
      outcome: 'http-error',
      status: 504,
      reason: message('netpol.gateway-timeout', { timedOut, why: lastDrop }),
      ...answer,
    };
  return {
    outcome: 'http-error',
    status: 502,
    reason: message('ingress.bad-gateway', { refused }),
    ...answer,
  };
}

/**
 * The headers ingress-nginx sends upstream, as its template sets them
 * (rootfs/etc/nginx/template/nginx.tmpl, the location's proxy_set_header
 * lines): the Host it received, X-Real-IP and X-Forwarded-For the client's
 * address (use-forwarded-headers off, its default), X-Forwarded-Host, -Port,
 * -Proto, -Scheme and X-Scheme, and a client's own X-Forwarded-For kept as
 * X-Original-Forwarded-For. X-Request-ID, a random value per request, is left out.
 */
function nginxHeaders(req: Request): Record<string, string> {
  const sent = sentHeaders(req.target);
  const scheme = req.tls ? 'https' : 'http';
  const { 'x-forwarded-for': original, ...rest } = sent;
  return {
    ...rest,
    host: sent.host ?? req.host,
    'x-real-ip': req.clientAddress,
    'x-forwarded-for': req.clientAddress,
    'x-forwarded-host': sent.host ?? req.host,
    'x-forwarded-port': String(req.tls ? 443 : 80),
    'x-forwarded-proto': scheme,
    'x-forwarded-scheme': scheme,
    'x-scheme': scheme,
    ...(original !== undefined ? { 'x-original-forwarded-for': original } : {}),
  };
}

function delivered(
  req: Request,
  backend: Backend,
  upstream: Upstream,
  container: string,
): IngressEnding {
  const pod = upstream.pod;
  const sent = req.target.path || '/';
  return {
    outcome: 'delivered',
    status: 200,
    reason: message('ingress.delivered', {
      ingress: backend.ingressInfo?.name ?? '',
      host: req.host,
      path: req.path,
      service: backend.service.metadata.name,
      port: backend.portText,
      pod: pod.metadata.name,
      rewrittenTo: backend.upstreamPath !== sent ? backend.upstreamPath : null,
    }),
    service: backend.traceService,
    ingress: backend.ingressInfo,
    destination: destinationAt(pod, {
      podIP: upstream.ip,
      port: upstream.port,
      container,
      sourceIP: req.controller.podIP,
      scheme: 'http',
      host: req.host,
      path: backend.upstreamPath,
      headers: nginxHeaders(req),
      query: req.target.query,
    }),
  };
}
