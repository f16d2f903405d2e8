// What a trace through a Gateway says, as data (see ../messages.ts): the
// parameters of each message id; src/i18n/engine/gateway-*.ts put them in words.
import type { Message, ServiceRef } from '../messages.ts';

/** A route's rule as a hop names it, with the match that chose it in YAML-like words. */
export interface RuleRef {
  route: ServiceRef;
  rule: number;
  /** "PathPrefix /a", "Exact /", plus "method GET", "header x-v=2"... */
  match: string;
}

export interface GatewayMessageParams {
  'dns.gateway': { host: string; ip: string; gateway: ServiceRef };
  'dns.gateway-no-address': { host: string; gateway: ServiceRef };
  /** `why`: the reason of the route's Accepted False, or null when no controller wrote one. */
  'dns.route-not-attached': { host: string; route: ServiceRef; why: string | null };
  /** Envoy terminated TLS: the SNI name, the listener, its certificate's Secret. */
  'gateway.tls': { host: string; listener: string; secret: ServiceRef };
  /** No HTTPS listener on that port serves the SNI name: Envoy closes the connection. */
  'gateway.no-tls-listener': { host: string; port: number; gateway: ServiceRef };
  'gateway.plain-to-tls': { port: number; gateway: ServiceRef };
  'gateway.tls-to-plain': { port: number; gateway: ServiceRef };
  'gateway.protocol-not-simulated': { port: number; protocol: string; gateway: ServiceRef };
  /** `hostname`: the virtual host the request fell in, or null when no route serves the host. */
  'gateway.no-route': {
    gateway: ServiceRef;
    listener: string | null;
    host: string;
    path: string;
    hostname: string | null;
  };
  'gateway.route': {
    gateway: ServiceRef;
    listener: string;
    host: string;
    path: string;
    rule: RuleRef;
    hostname: string;
  };
  'gateway.header-filter': { set: string[]; add: string[]; remove: string[] };
  'gateway.rewrite': { path: string | null; host: string | null };
  'gateway.redirect': { status: number; location: string; rule: RuleRef };
  'gateway.mirror': { service: ServiceRef; port: number };
  /** The CORS filter: Envoy answers a preflight itself; an actual request goes on. */
  'gateway.cors-preflight': { origin: string; allowed: boolean };
  'gateway.cors-actual': { origin: string; allowed: boolean };
  'gateway.dropped-rule': { rule: RuleRef; why: string };
  'gateway.invalid-backend': { rule: RuleRef; backend: ServiceRef; why: string };
  'gateway.no-backends': { rule: RuleRef };
  'gateway.zero-weight': { rule: RuleRef };
  'gateway.weighted': { service: ServiceRef; weight: number; total: number };
  'gateway.no-endpoints': { service: ServiceRef; port: number };
  'gateway.no-healthy-upstream': { service: ServiceRef; port: number };
  'gateway.proxy': { ip: string; port: number; service: string; toNode: string | null };
  'gateway.endpoint-refused': { pod: string; port: number };
  'gateway.endpoint-timeout': { pod: string; port: number; why: Message };
  'gateway.endpoint-accepts': {
    container: string;
    port: number;
    path: string;
    host: string;
    client: string;
  };
  'gateway.delivered': {
    gateway: ServiceRef;
    rule: RuleRef;
    service: ServiceRef;
    port: number;
    pod: string;
    path: string;
    rewrittenTo: string | null;
  };
  'convert.header': { ingress: string };
  'convert.same': Record<string, never>;
  'convert.differs': { request: string; before: string; after: string };
  'offer.convert-gateway-title': Record<string, never>;
  'offer.convert-gateway': { ingress: string };
  'convert.annotation': { ingress: string; annotation: string };
  'convert.no-class': { ingress: string };
  'convert.resource-backend': { kind: string; name: string };
  'convert.port-name': { service: string; port: string };
  'convert.implementation-specific': { path: string };
  'warning.gateway-class-missing': { gateway: string; gatewayClass: string };
  'warning.gateway-class-foreign': { gatewayClass: string; controller: string };
  'warning.gateway-no-controller': { gatewayClass: string };
  'warning.route-condition': {
    route: string;
    gateway: string;
    type: string;
    reason: string;
    message: string;
  };
  'warning.route-no-parent': { route: string; gateway: string };
  'warning.listener-condition': {
    gateway: string;
    listener: string;
    type: string;
    reason: string;
    message: string;
  };
}
