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
import { upstreamEndpoints } from '../ingress/endpoints.ts';
import { externalNamePort, isLocalName } from '../ingress/external-name.ts';
import { matchLocation, matchServer, rewrite } from '../ingress/match.ts';
import { configOf, type Location, type Server } from '../ingress/nginx.ts';
import { missingKeypair } from '../ingress/secret.ts';
import { backendPort } from '../ingress/warnings.ts';
import { type LocationRef, type Message, message } from '../messages.ts';
import { podAt, serviceNamed, slicesOf } from '../model/lookup.ts';
import type { Model, RunningPod } from '../model/types.ts';
import { hop } from './english.ts';
import { clientPort } from './packet.ts';
import type { Target } from './request.ts';
import type { Destination, Hop, Outcome, TraceIngress, TraceService } from './types.ts';
import { proxy, type Request, type Upstream } from './upstream.ts';

export interface IngressEnding {
  outcome: Outcome;
  status: number | null;
  reason: Message;
  destination?: Destination;
  /**
   * docs/cli.md's `service` for a request through an Ingress: the rule's
   * backend Service port, or null when no backend Service port was reached
   * (a redirect, the default backend's 404, a missing Service or port); never
   * the controller's own Service, which the hops show.
   */
  service: TraceService | null;
  ingress: TraceIngress | null;
}

/**
 * The endpoints ingress-nginx proxies a Service port to (ingress/endpoints.ts),
 * those that are Pods. Ordered by address, a simulator convention:
 * ingress-nginx keeps the slices' order and the Lua balancer
 * (rootfs/etc/nginx/lua/balancer/round_robin.lua over resty.roundrobin) walks
 * a table whose order Lua leaves unspecified.
 */
function upstreams(model: Model, service: Service, port: ServicePort): Upstream[] {
  const out: Upstream[] = [];
  for (const ep of upstreamEndpoints(port, slicesOf(model, service))) {
    const pod = podAt(model, ep.ip);
    if (pod) out.push({ pod, ip: pod.podIP, port: ep.port });
  }
  return out.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
}

function locationRef(location: Location): LocationRef {
  if (location.isDefault)
    return location.backend ? { kind: 'ingress-default' } : { kind: 'default-backend' };
  return { kind: 'path', pathType: location.pathType, path: location.path };
}

function certificate(model: Model, server: Server, host: string): { ok: boolean; detail: Message } {
  const no = (detail: Message) => ({ ok: false, detail });
  if (!server.tls) {
    const name = host.toLowerCase();
    const lister = configOf(model).served.find((i) =>
      i.tls.some((t) => t.hosts.some((h) => h.toLowerCase() === name)),
    );
    if (lister)
      return no(message('certificate.tls-without-rule', { host, ingress: lister.metadata.name }));
    return no(message('certificate.no-tls', { host: server.host === '_' ? null : server.host }));
  }
  const { ingress, secretName, listed } = server.tls;
  if (!listed)
    return no(message('certificate.host-not-listed', { host, ingress: ingress.metadata.name }));
  const namespace = ingress.metadata.namespace;
  if (!secretName)
    return no(message('certificate.no-secret-name', { ingress: ingress.metadata.name }));
  const secret = model.secrets.find(
    (s) => s.metadata.name === secretName && s.metadata.namespace === namespace,
  );
  if (!secret) return no(message('certificate.secret-missing', { secret: secretName, namespace }));
  const missing = missingKeypair(secret);
  if (missing.length > 0)
    return no(message('certificate.secret-keys', { secret: secretName, missing }));
  return {
    ok: true,
    detail: message('certificate.from-secret', { namespace, secret: secretName }),
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
  const tls = port === 443;
  const host = target.host;
  const path = (target.path || '/').split('?')[0] || '/';
  const req: Request = { model, controller, node, target, host, path, tls, clientAddress, hops };
  const server = matchServer(configOf(model), host);
  const at = controller.metadata.name;
  const packet = (dst: string) => ({ src: `${clientAddress}:${clientPort}`, dst });

  const cert = tls ? certificate(model, server, host) : null;
  if (cert)
    hops.push(
      hop(
        'tls',
        at,
        cert.ok
          ? message('tls.terminated', { host, certificate: cert.detail })
          : message('tls.fake-certificate', { host, why: cert.detail }),
        packet(`${controller.podIP}:443`),
      ),
    );
  const { location, why } = matchLocation(server, path);
  const ingress = location.ingress;
  const ingressInfo: TraceIngress | null = ingress
    ? {
        name: ingress.metadata.name,
        namespace: ingress.metadata.namespace,
        host: server.host === '_' ? '' : server.host,
        path: location.isDefault ? '' : location.path,
        pathType: location.isDefault ? '' : location.pathType,
        tls,
        ...(cert ? { certificate: cert.ok ? ('secret' as const) : ('default' as const) } : {}),
      }
    : null;
  const route = message('ingress.route', {
    host,
    server: server.host === '_' ? null : server.host,
    why,
    location: locationRef(location),
    ingress: ingress
      ? { namespace: ingress.metadata.namespace, name: ingress.metadata.name }
      : null,
    others: server.locations.filter((l) => l !== location && !l.isDefault).map(locationRef),
    path,
  });
  hops.push(hop('ingress-controller', at, route, packet(`${controller.podIP}:${port}`)));

  return toBackend(req, server, location, ingressInfo, roundRobin);
}

/** What the chosen location does: redirect to HTTPS, 404, 503 for a broken backend, or proxy. */
function toBackend(
  req: Request,
  server: Server,
  location: Location,
  ingressInfo: TraceIngress | null,
  roundRobin: Map<string, number>,
): IngressEnding {
  const { model, host, path, target } = req;
  const fail = (status: number, reason: Message, service?: TraceService): IngressEnding => ({
    outcome: 'http-error',
    status,
    reason,
    service: service ?? null,
    ingress: ingressInfo,
  });
  if (!req.tls && (location.forceSslRedirect || (server.tls && location.sslRedirect)))
    return fail(
      308,
      message('ingress.redirect', {
        host,
        path: target.path || '/',
        force: location.forceSslRedirect,
        tls: Boolean(server.tls),
      }),
    );
  const ref = location.backend?.service;
  if (!ref)
    return fail(
      404,
      message('ingress.no-rule', { host, path, server: server.host !== '_' ? server.host : null }),
    );
  const ns = location.ingress?.metadata.namespace ?? 'default';
  const service = serviceNamed(model, ns, ref.name);
  const servicePort = service && backendPort(service, ref.port);
  const portText = ref.port.name || String(ref.port.number);
  if (!service)
    return fail(503, message('ingress.no-service', { service: { namespace: ns, name: ref.name } }));
  const traceService: TraceService | null = servicePort
    ? {
        name: service.metadata.name,
        namespace: ns,
        type: service.type,
        port: servicePort.port,
        targetPort: servicePort.targetPort,
      }
    : null;
  if (service.type === 'ExternalName')
    return { ...externalNameEnding(service, ref.port, ingressInfo), service: traceService };
  if (!servicePort || !traceService)
    return fail(503, message('ingress.no-port', { service: ref.name, port: portText }));
  const candidates = upstreams(model, service, servicePort);
  if (candidates.length === 0)
    return fail(
      503,
      message('ingress.no-endpoints', { service: ref.name, port: portText }),
      traceService,
    );
  const key = `${ns}/${ref.name}:${portText}`;
  const start = roundRobin.get(key) ?? 0;
  roundRobin.set(key, start + 1);
  const upstreamPath = rewrite(location, target.path || '/');
  const backend = { service, servicePort, portText, traceService, ingressInfo, upstreamPath };
  return proxy(req, backend, candidates, start);
}

/**
 * A backend that is an ExternalName Service: 503 for a local name; otherwise
 * the request leaves for a DNS lookup Routelab does not simulate, an ending
 * docs/cli.md gives the outcome "invalid" with the reason saying so.
 */
function externalNameEnding(
  service: Service,
  port: { number: number; name: string },
  ingress: TraceIngress | null,
): Omit<IngressEnding, 'service'> {
  const ref = { namespace: service.metadata.namespace, name: service.metadata.name };
  const externalName = service.externalName.replace(/\.$/, '');
  if (isLocalName(externalName))
    return {
      outcome: 'http-error',
      status: 503,
      reason: message('ingress.external-name-local', { service: ref, externalName }),
      ingress,
    };
  return {
    outcome: 'invalid',
    status: null,
    reason: message('ingress.external-name', {
      service: ref,
      externalName,
      port: externalNamePort(service, port),
    }),
    ingress,
  };
}
