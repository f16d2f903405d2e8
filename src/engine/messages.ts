// What a trace says, as data: a message id and its parameters, for every hop
// and every outcome, and what a warning explains. The engine never chooses the words: renderers outside it
// (src/i18n/engine/<locale>.ts) turn a message into a sentence, each a typed
// table id -> (params) => string, so a message without a sentence in some
// locale does not compile. A parameter may itself be a message (the cause
// inside a reason), rendered by the same table.

export interface ServiceRef {
  namespace: string;
  name: string;
}

/** A Service's port as a warning names it: "port http (80)", or "port 80" when it has no name. */
export interface PortRef {
  name: string | null;
  port: number;
}

/** Which location of ingress-nginx's server answered or did not match. */
export type LocationRef =
  | { kind: 'path'; pathType: string; path: string }
  /** The Ingress's own spec.defaultBackend. */
  | { kind: 'ingress-default' }
  /** ingress-nginx's default backend (404). */
  | { kind: 'default-backend' };

import type { GatewayMessageParams } from './gateway/messages.ts';

export interface MessageParams extends GatewayMessageParams {
  // How a request ended, as a word (the trace's outcome field).
  'outcome.delivered': Record<string, never>;
  'outcome.http-error': Record<string, never>;
  'outcome.refused': Record<string, never>;
  'outcome.timeout': Record<string, never>;
  'outcome.dns-error': Record<string, never>;
  'outcome.invalid': Record<string, never>;
  // The request itself (request.ts) and the manifests.
  'request.invalid-manifests': Record<string, never>;
  'request.bad-port': { to: string };
  'request.bad-target': { to: string };
  'request.no-node': { name: string };
  'request.unknown-source': { from: string };
  'request.no-pod': { from: string };
  'request.pod-pending': { pod: string };

  // Name resolution (dns.ts).
  'dns.failed': { host: string; reason: Message };
  'dns.forced': { host: string; ip: string };
  'dns.hosts-file': { host: string; ip: string };
  'dns.hosts-own': { host: string; ip: string };
  'dns.hosts-alias': { host: string; ip: string };
  'dns.cname-loop': { host: string };
  'dns.cname-failed': { fqdn: string; externalName: string; inner: Message };
  'dns.cname': { host: string; externalName: string; ip: string };
  'dns.cname-in-zone': { host: string; externalName: string; ip: string; service: string };
  'dns.zone-no-record': { fqdn: string };
  'dns.headless-empty': { fqdn: string };
  'dns.headless': { host: string; ip: string; fqdn: string; count: number };
  'dns.cluster-ip': { host: string; ip: string; fqdn: string };
  'dns.endpoint': { host: string; ip: string; fqdn: string; service: string; endpoint: string };
  'dns.pod-not-found': { host: string };
  'dns.cluster-name-outside': { host: string; clusterDNS: string; from: 'node' | 'external' };
  'dns.not-found': { host: string };
  /**
   * How to give a name an address anyway, inside the two above: the CLI's
   * --resolve, or (-page) the playground's field; a page says the second.
   */
  'dns.resolve-hint': { host: string };
  'dns.resolve-hint-page': { host: string };
  'dns.node-resolver': { host: string; because: 'Default' | 'hostNetwork'; clusterDNS: string };
  'dns.nameserver-not-simulated': { host: string; nameserver: string };
  'dns.ingress-lb': { host: string; ip: string };
  'dns.ingress-nodeport': { host: string; ip: string };
  'dns.ingress-no-address': {
    host: string;
    why: 'pending' | 'no-controller' | 'no-service';
  };

  // The cloud load balancer and the way into a node (trace.ts).
  'lb.no-healthy-node': { ip: string; port: number };
  'lb.no-nodeport': { service: string };
  'lb.no-healthy-reason': { service: string; local: boolean };
  'lb.forward': { service: ServiceRef; node: string; nodePort: number; local: boolean };
  /** The provider's firewall, programmed from loadBalancerSourceRanges, drops a client outside them. */
  'lb.source-range-hop': { ip: string; port: number; client: string; ranges: string[] };
  'lb.source-range-reason': { service: ServiceRef; client: string; ranges: string[] };
  'unrouted.cluster-ip': { ip: string };
  'unrouted.pod-ip': { ip: string };
  'unrouted.lb-port': { ip: string; port: number };
  'unrouted.foreign': { ip: string };
  'unrouted.reason': { what: Message };
  'node.arrive': { node: string; ip: string; kubeProxyRunning: boolean };
  'node.from-pod': { pod: string; node: string; kubeProxyRunning: boolean };
  'node.self': { node: string; kubeProxyRunning: boolean };
  'node.routed-in': {
    from: string;
    /** Whether `from` DNATed the packet to this node's address (an endpoint here), or left it as sent. */
    natted: boolean;
    node: string;
    ip: string;
    kubeProxyRunning: boolean;
  };

  // kube-proxy's rules (netfilter.ts).
  /** `rule` is kube-proxy's own rule text, shown as written. */
  'iptables.rule': { table: string; chain: string; rule: string; markedForSnat: boolean };
  'iptables.rejected': { node: string; service: ServiceRef | null };
  /** A filter-table DROP, named by its chain and its rule's comment (what kube-proxy says it is for). */
  'iptables.dropped-no-local': {
    node: string;
    service: string | null;
    policy: 'internalTrafficPolicy' | 'externalTrafficPolicy';
    chain: string;
    comment: string;
  };
  'iptables.dropped-source-range': {
    node: string;
    service: ServiceRef;
    source: string;
    ranges: string[];
    chain: string;
    comment: string;
  };
  'iptables.dropped': { node: string; chain: string; rule: string; comment: string | null };
  // kube-proxy's nftables table (nftables.ts): one hop per rule the packet met.
  /**
   * `rule` as kube-proxy writes it; `element` the set or map element it
   * matched, as nft prints it; `verdict` what the rule did when the rule's own
   * text does not say it (a verdict map's element, the endpoint numgen chose).
   */
  'nftables.rule': {
    chain: string;
    rule: string;
    element: string | null;
    verdict: string | null;
  };
  /** A "no endpoints" element's `goto reject-chain`; `comment` is the element's (ServicePortName). */
  'nftables.rejected': { node: string; service: ServiceRef | null; comment: string | null };
  /** cluster-ips-check: a ClusterIP on a port no Service port has. */
  'nftables.rejected-port': { node: string; ip: string; port: number };
  /** A "no endpoints" element's `drop`: endpoints exist, none this node may use under a Local policy. */
  'nftables.dropped-no-local': {
    node: string;
    service: ServiceRef | null;
    policy: 'internalTrafficPolicy' | 'externalTrafficPolicy';
    comment: string | null;
  };
  'nftables.dropped-source-range': {
    node: string;
    service: ServiceRef;
    source: string;
    ranges: string[];
    chain: string;
  };
  /** cluster-ips-check: an address in the Service CIDR that no Service has. */
  'nftables.dropped-unallocated': { node: string; ip: string };
  'nftables.dropped': { node: string; chain: string; rule: string; rejected: boolean };
  /** A NodePort asked for on localhost, which nftables mode does not serve. */
  'nftables.no-localhost-nodeport': { node: string; port: number };
  /** The CNI portmap plugin's DNAT of a hostPort to its Pod (CNI-HOSTPORT-DNAT, CNI-DN-...). */
  'cni.hostport-dnat': {
    node: string;
    hostPort: number;
    pod: string;
    podIP: string;
    containerPort: number;
    /** Marked for masquerade: a client in the Pod's own subnet (hairpin) or 127.0.0.1. */
    masquerade: boolean;
  };
  'node.refused-stopped': { node: string; port: number };
  'node.refused-closed': { node: string; port: number };
  'nowhere.kube-proxy-stopped': { node: string; ip: string };
  'nowhere.no-such-port': { node: string; ip: string; port: number };
  'nowhere.not-a-pod': { ip: string };
  'nowhere.hop': { why: Message };
  'nowhere.reason': { why: Message };

  // The Pod network and the Pod (trace.ts).
  'pod-network.to-node': { from: string; to: string; podIP: string };
  'pod-network.within-node': { node: string; podIP: string };
  'pod.nothing-listens': { port: number; declared: number[] };
  'pod.refused-reason': { pod: string; port: number; declared: number[] };
  'pod.accepts': { container: string; port: number; http: boolean };
  'pod.loopback': { pod: string; ip: string };
  'pod.delivered-reason': { pod: string; node: string; port: number; source: string };

  // NetworkPolicy, judged where a policy-enforcing CNI judges (trace/netpol.ts).
  /**
   * The CNI drops the packet: `policies` (in the Pod's namespace) isolate Pod
   * `namespace`/`pod` for `direction` and none of their rules admits the
   * other end (`peer`, with `peerPod` "namespace/name" when it is a Pod).
   */
  'netpol.dropped': {
    direction: 'Ingress' | 'Egress';
    pod: string;
    namespace: string;
    policies: string[];
    peer: string;
    peerPod: string | null;
    port: number;
    protocol: string;
  };
  'netpol.dropped-reason': {
    direction: 'Ingress' | 'Egress';
    pod: string;
    namespace: string;
    policies: string[];
  };
  /** An isolated Pod's connection that a rule admits: `rule` indexes the policy's ingress or egress. */
  'netpol.allowed': {
    direction: 'Ingress' | 'Egress';
    pod: string;
    namespace: string;
    policy: string;
    rule: number;
  };
  /** A Pod's query to cluster DNS, dropped by its egress policies. */
  'netpol.dns-dropped': { pod: string; namespace: string; policies: string[]; clusterDNS: string };
  /** ingress-nginx's connections to the endpoints it tried were dropped (the last failure a timeout). */
  'netpol.gateway-timeout': { timedOut: string[]; why: Message };

  // Inside ingress-nginx (ingress.ts, ingress/match.ts).
  'certificate.no-tls': { host: string | null };
  'certificate.no-secret-name': { ingress: string };
  'certificate.tls-without-rule': { host: string; ingress: string };
  'certificate.host-not-listed': { host: string; ingress: string };
  'certificate.secret-missing': { secret: string; namespace: string };
  'certificate.secret-keys': { secret: string; missing: string[] };
  'certificate.from-secret': { namespace: string; secret: string };
  'tls.terminated': { host: string; certificate: Message };
  'tls.fake-certificate': { host: string; why: Message };
  'location.regex': { path: string; nginx: string };
  'location.exact': { path: string; exact: string };
  'location.prefix-equal': { path: string; prefix: string; base: string };
  'location.longest-prefix': { path: string; prefix: string };
  'location.root-only': Record<string, never>;
  'ingress.route': {
    host: string;
    /** null: the catch-all server "_" (no rule names the host). */
    server: string | null;
    why: Message;
    location: LocationRef;
    ingress: ServiceRef | null;
    others: LocationRef[];
    path: string;
  };
  /** `tls`: whether a tls section names the host; force-ssl-redirect redirects without one. */
  'ingress.redirect': { host: string; path: string; force: boolean; tls: boolean };
  'ingress.no-rule': { host: string; path: string; server: string | null };
  'ingress.no-service': { service: ServiceRef };
  'ingress.external-name': { service: ServiceRef; externalName: string; port: number };
  'ingress.external-name-local': { service: ServiceRef; externalName: string };
  'ingress.no-port': { service: string; port: string };
  'ingress.no-endpoints': { service: string; port: string };
  'ingress.proxy': { ip: string; port: number; service: string; toNode: string | null };
  'ingress.endpoint-refused': { port: number; tryNext: boolean };
  'ingress.endpoint-accepts': {
    container: string;
    port: number;
    path: string;
    client: string;
    proto: 'http' | 'https';
  };
  'ingress.delivered': {
    ingress: string;
    host: string;
    path: string;
    service: string;
    port: string;
    pod: string;
    rewrittenTo: string | null;
  };
  'ingress.bad-gateway': { refused: string[] };

  // Diagnostics' hints and quick fixes: what would fix it.
  'hint.create-namespace': { namespace: string };
  /** A kind asked for at a removed version: where it is served now, and since when. */
  'hint.kind-moved': { kind: string; from: string; to: string; removedIn: string };
  /** `text` is the converted Ingress as YAML. */
  'hint.ingress-v1': { apiVersion: string; text: string };
  'fix.convert-ingress': Record<string, never>;
  'hint.pod-cidr-larger': Record<string, never>;
  'hint.pod-cidr-inside': { clusterCIDR: string };
  'hint.pod-cidr-unique': Record<string, never>;
  /**
   * Pod CIDR allocation (controllers/nodeipam.ts); `log` is what
   * kube-controller-manager and the kubelet print, quoted as they print it.
   */
  'warning.pod-cidr-none-left': {
    node: string;
    clusterCIDR: string;
    blocks: number;
    maskSize: number;
    log: string;
  };
  'warning.pod-cidr-out-of-range': { node: string; podCIDR: string; log: string };
  'warning.pod-cidr-shared': { node: string; podCIDR: string; holder: string };
  'info.not-simulated': { kind: string; apiVersion: string };
  'info.custom-not-simulated': { kind: string; apiVersion: string };
  // Routelab's own refusals (not kube-apiserver's).
  'error.cluster-twice': Record<string, never>;
  'error.pod-limit': { limit: number; kind: string; name: string; total: number };

  // Diagnostics' explanations: mistakes Kubernetes accepts but that break
  // routing (model/warnings.ts, ingress/nginx.ts, model/declare.ts).
  'warning.selector-other-namespace': {
    service: string;
    namespace: string;
    selector: string;
    podNamespaces: string[];
  };
  'warning.no-endpoints': { service: string; namespace: string; selector: string };
  'warning.none-ready': { service: string; pods: number };
  'warning.kube-proxy-stopped': { node: string; service: string; nodePorts: number[] };
  'warning.named-port-missing': {
    service: string;
    port: PortRef;
    targetPort: string;
    protocol: string;
  };
  /** `pods`: those of the selected Pods that do not declare the port. */
  'warning.named-port-partly': {
    service: string;
    port: PortRef;
    targetPort: string;
    pods: string[];
  };
  'warning.target-port-not-listening': {
    service: string;
    port: PortRef;
    targetPort: number;
    protocol: string;
    containerPorts: number[];
  };
  'warning.ingress-class-annotation': { ingressClass: string };
  'warning.ingress-no-class': Record<string, never>;
  'warning.ingress-class-missing': { ingressClass: string };
  'warning.ingress-class-foreign': { ingressClass: string; controller: string };
  'warning.ingress-class-no-controller': { ingressClass: string; controller: string };
  /** `host` null: the rule names no host; `ingress` null: the older Ingress is unknown. */
  'warning.ingress-path-taken': { host: string | null; path: string; ingress: string | null };
  'warning.ingress-service-missing': { ingress: string; service: string; namespace: string };
  /** `port`: the backend's port name, or its number when it names none (`byName` false). */
  'warning.ingress-service-port-missing': {
    ingress: string;
    service: string;
    port: string;
    byName: boolean;
    ports: PortRef[];
  };
  'warning.ingress-tls-secret-missing': { secret: string; namespace: string; hosts: string[] };
  'warning.ingress-tls-secret-keys': { secret: string; missing: string[]; hosts: string[] };
  'warning.ingress-tls-host-no-rule': { ingress: string; host: string };
  'warning.duplicate': { object: string; file: string; document: number };
  'info.annotation-not-simulated': { annotation: string };
  'info.ingress-external-name': { ingress: string; service: string; externalName: string };
}

export type MessageId = keyof MessageParams;

export type Message = { [K in MessageId]: { id: K; params: MessageParams[K] } }[MessageId];

export function message<K extends MessageId>(id: K, params: MessageParams[K]): Message {
  return { id, params } as Message;
}

export type Render = (m: Message) => string;

/** A locale's sentences: one function per message id (a missing one does not compile). */
export type MessageTable = {
  [K in MessageId]: (params: MessageParams[K], render: Render) => string;
};

/** The function that renders any message, nested ones included, with one locale's table. */
export function renderer(table: MessageTable): Render {
  const render: Render = (m) =>
    (table[m.id] as (params: Message['params'], render: Render) => string)(m.params, render);
  return render;
}
