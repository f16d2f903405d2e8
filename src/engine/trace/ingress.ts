// The request inside the ingress-nginx Pod: TLS termination (SNI picks the
// certificate), the HTTP->HTTPS redirect, the choice of server and location,
// the rewrite, and the proxying straight to the backend Service's endpoints
// (Pod IP:targetPort, not the ClusterIP), trying the next endpoint when one
// refuses. Sources: ingress-nginx docs "TLS/HTTPS" (default fake certificate,
// 308 redirect when TLS is configured, ssl-redirect/force-ssl-redirect
// annotations), "Rewrite" (rewrite-target with capture groups), the default
// backend's 404, and nginx's proxy_next_upstream (3 tries; 502 when all fail,
// 503 when an upstream has no endpoints).
import type { Service, ServicePort } from '../api/types.ts';
import type { ClusterNode } from '../cluster.ts';
import { matchLocation, matchServer, rewrite } from '../ingress/match.ts';
import { configOf, type Location, type Server } from '../ingress/nginx.ts';
import type { Model, RunningPod } from '../model/types.ts';
import { clientPort } from './packet.ts';
import type { Target } from './request.ts';
import type { Destination, Hop, Outcome, TraceIngress, TraceService } from './types.ts';

export interface IngressEnding {
  outcome: Outcome;
  status: number | null;
  reason: string;
  destination?: Destination;
  service?: TraceService;
  ingress: TraceIngress | null;
}

export function isControllerPod(pod: RunningPod): boolean {
  return (
    pod.metadata.namespace === 'ingress-nginx' &&
    pod.metadata.labels['app.kubernetes.io/component'] === 'controller' &&
    pod.metadata.labels['app.kubernetes.io/name'] === 'ingress-nginx'
  );
}

interface Upstream {
  pod: RunningPod;
  ip: string;
  port: number;
}

function upstreams(model: Model, service: Service, port: ServicePort): Upstream[] {
  const out: Upstream[] = [];
  for (const slice of model.endpointSlices) {
    if (
      slice.serviceName !== service.metadata.name ||
      slice.metadata.namespace !== service.metadata.namespace
    )
      continue;
    const slicePort = slice.ports.find((p) => p.name === port.name && p.protocol === 'TCP');
    if (!slicePort) continue;
    for (const e of slice.endpoints) {
      if (!e.ready) continue;
      const pod = model.pods.find((p) => p.podIP === e.addresses[0] && !p.spec.hostNetwork);
      if (pod) out.push({ pod, ip: pod.podIP, port: slicePort.port });
    }
  }
  return out.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
}

function locationText(location: Location): string {
  if (location.isDefault)
    return location.backend ? 'the Ingress’s defaultBackend' : 'the default backend';
  return `${location.pathType} ${location.path}`;
}

function certificate(model: Model, server: Server): { ok: boolean; detail: string } {
  if (!server.tls)
    return {
      ok: false,
      detail: `no Ingress lists ${server.host === '_' ? 'this host' : server.host} under tls`,
    };
  const { ingress, secretName } = server.tls;
  if (!secretName)
    return {
      ok: false,
      detail: `Ingress ${ingress.metadata.name} lists the host under tls without a secretName`,
    };
  const secret = model.secrets.find(
    (s) => s.metadata.name === secretName && s.metadata.namespace === ingress.metadata.namespace,
  );
  if (!secret)
    return {
      ok: false,
      detail: `Secret ${secretName} does not exist in namespace ${ingress.metadata.namespace}`,
    };
  if (secret.type !== 'kubernetes.io/tls')
    return {
      ok: false,
      detail: `Secret ${secretName} is of type ${secret.type}, not kubernetes.io/tls`,
    };
  return {
    ok: true,
    detail: `the certificate from Secret ${ingress.metadata.namespace}/${secretName}`,
  };
}

export function throughController(
  model: Model,
  controller: RunningPod,
  node: ClusterNode,
  target: Target,
  port: number,
  clientAddress: string,
  hops: Hop[],
  roundRobin: Map<string, number>,
): IngressEnding {
  const config = configOf(model);
  const tls = port === 443;
  const host = target.host;
  const server = matchServer(config, host);
  const path = (target.path || '/').split('?')[0] || '/';
  const at = controller.metadata.name;
  const packet = (dst: string) => ({ src: `${clientAddress}:${clientPort}`, dst });

  const cert = tls ? certificate(model, server) : null;
  if (cert) {
    hops.push({
      kind: 'tls',
      at,
      detail: cert.ok
        ? `TLS for ${host} terminated with ${cert.detail} (chosen by SNI)`
        : `TLS for ${host} terminated with ingress-nginx's self-signed "Kubernetes Ingress Controller Fake Certificate", because ${cert.detail}: the client sees a certificate warning`,
      packet: packet(`${controller.podIP}:443`),
    });
  }
  const { location, why } = matchLocation(server, path);
  const others = server.locations.filter((l) => l !== location && !l.isDefault).map(locationText);
  const notMatched =
    others.length > 0
      ? `; ${others.join(', ')} ${others.length === 1 ? 'does' : 'do'} not match ${path}`
      : '';
  const ingressInfo: TraceIngress | null = location.ingress
    ? {
        name: location.ingress.metadata.name,
        namespace: location.ingress.metadata.namespace,
        host: server.host === '_' ? '' : server.host,
        path: location.isDefault ? '' : location.path,
        pathType: location.isDefault ? '' : location.pathType,
        tls,
        ...(cert ? { certificate: cert.ok ? ('secret' as const) : ('default' as const) } : {}),
      }
    : null;
  hops.push({
    kind: 'ingress-controller',
    at,
    detail: `Host ${host} -> server ${server.host === '_' ? '_ (catch-all: no rule names this host)' : server.host}; ${why}, so ${locationText(location)}${location.ingress ? ` of Ingress ${location.ingress.metadata.namespace}/${location.ingress.metadata.name}` : ''} answers${notMatched}`,
    packet: packet(`${controller.podIP}:${port}`),
  });

  if (!tls && (location.forceSslRedirect || (server.tls && location.sslRedirect))) {
    return {
      outcome: 'http-error',
      status: 308,
      reason: `ingress-nginx answers 308 Permanent Redirect to https://${host}${target.path || '/'}: TLS is configured for ${host}${location.forceSslRedirect ? ' (force-ssl-redirect)' : ' and ssl-redirect is on by default'}`,
      ingress: ingressInfo,
    };
  }
  if (!location.backend?.service) {
    return {
      outcome: 'http-error',
      status: 404,
      reason: `no Ingress rule matches host ${host} and path ${path}${server.host !== '_' ? ` (server ${server.host} has no location for it)` : ''}, so ingress-nginx's default backend answers 404 Not Found`,
      ingress: ingressInfo,
    };
  }
  const ref = location.backend.service;
  const ns = location.ingress?.metadata.namespace ?? 'default';
  const service = model.services.find(
    (s) => s.metadata.name === ref.name && s.metadata.namespace === ns,
  );
  const servicePort = service?.ports.find((p) =>
    ref.port.name ? p.name === ref.port.name : p.port === ref.port.number,
  );
  const portText = ref.port.name || String(ref.port.number);
  if (!service || !servicePort) {
    return {
      outcome: 'http-error',
      status: 503,
      reason: !service
        ? `the rule routes to Service ${ns}/${ref.name}, which does not exist, so ingress-nginx has no upstream and answers 503 Service Temporarily Unavailable`
        : `the rule routes to port ${portText} of Service ${ref.name}, which has no such port, so ingress-nginx answers 503 Service Temporarily Unavailable`,
      ingress: ingressInfo,
    };
  }
  const traceService: TraceService = {
    name: service.metadata.name,
    namespace: ns,
    type: service.type,
    port: servicePort.port,
    targetPort: servicePort.targetPort,
  };
  const candidates = upstreams(model, service, servicePort);
  if (candidates.length === 0) {
    return {
      outcome: 'http-error',
      status: 503,
      reason: `Service ${ref.name} has no ready endpoint for port ${portText}, so ingress-nginx answers 503 Service Temporarily Unavailable`,
      service: traceService,
      ingress: ingressInfo,
    };
  }
  const upstreamPath = rewrite(location, target.path || '/');
  const key = `${ns}/${ref.name}:${portText}`;
  const start = roundRobin.get(key) ?? 0;
  roundRobin.set(key, start + 1);
  const tries = Math.min(3, candidates.length);
  const refused: string[] = [];
  for (let i = 0; i < tries; i++) {
    const upstream = candidates[(start + i) % candidates.length] as Upstream;
    const container = upstream.pod.spec.containers.find((c) =>
      c.ports.some((p) => p.containerPort === upstream.port && p.protocol === 'TCP'),
    );
    const srcAddr = {
      src: `${controller.podIP}:${clientPort}`,
      dst: `${upstream.ip}:${upstream.port}`,
    };
    hops.push({
      kind: 'pod-network',
      at: node.name,
      detail: `ingress-nginx proxies to the endpoint ${upstream.ip}:${upstream.port} of Service ${ref.name} directly (not through its ClusterIP)${upstream.pod.nodeName !== node.name ? `, over the Pod network to ${upstream.pod.nodeName}` : ''}`,
      packet: srcAddr,
    });
    if (!container) {
      refused.push(`${upstream.pod.metadata.name} (${upstream.ip}:${upstream.port})`);
      hops.push({
        kind: 'pod',
        at: upstream.pod.metadata.name,
        detail: `nothing listens on ${upstream.port}: connection refused${i + 1 < tries ? '; ingress-nginx tries the next endpoint' : ''}`,
        packet: srcAddr,
      });
      continue;
    }
    hops.push({
      kind: 'pod',
      at: upstream.pod.metadata.name,
      detail: `container ${container.name} accepts on ${upstream.port} and answers 200 (path ${upstreamPath}, X-Forwarded-For ${clientAddress}, X-Forwarded-Proto ${tls ? 'https' : 'http'})`,
      packet: srcAddr,
    });
    return {
      outcome: 'delivered',
      status: 200,
      reason: `Ingress ${location.ingress?.metadata.name} sends ${host}${path} to Service ${ref.name} port ${portText}; Pod ${upstream.pod.metadata.name} answered${upstreamPath !== (target.path || '/') ? ` (path rewritten to ${upstreamPath})` : ''}`,
      service: traceService,
      ingress: ingressInfo,
      destination: {
        pod: upstream.pod.metadata.name,
        namespace: upstream.pod.metadata.namespace,
        node: upstream.pod.nodeName,
        podIP: upstream.ip,
        port: upstream.port,
        container: container.name,
        workload: upstream.pod.owner || `Pod/${upstream.pod.metadata.name}`,
        labels: { ...upstream.pod.metadata.labels },
        sourceIP: controller.podIP,
        scheme: 'http',
        host,
        path: upstreamPath,
      },
    };
  }
  return {
    outcome: 'http-error',
    status: 502,
    reason: `every endpoint ingress-nginx tried refused the connection (${refused.join(', ')}): nothing listens on the Service's targetPort, so it answers 502 Bad Gateway`,
    service: traceService,
    ingress: ingressInfo,
  };
}
