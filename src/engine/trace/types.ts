// The trace JSON of docs/cli.md ("routelab.dev/trace/v1").
import type { Diagnostic } from '../diagnostics.ts';
import type { Rule, RuleServicePort } from '../kubeproxy/rule.ts';
import type { Message } from '../messages.ts';

export type { Message } from '../messages.ts';

export type Outcome = 'delivered' | 'http-error' | 'refused' | 'timeout' | 'dns-error' | 'invalid';

export interface PacketAddresses {
  src: string;
  dst: string;
}

export type HopKind =
  | 'dns'
  | 'load-balancer'
  | 'node'
  | 'iptables'
  | 'nftables'
  | 'ingress-controller'
  | 'gateway'
  | 'tls'
  | 'pod-network'
  | 'pod';

/** An address rewrite a hop made: kube-proxy's DNAT to an endpoint, or MASQUERADE's SNAT. */
export interface Rewrite {
  type: 'DNAT' | 'SNAT';
  /** "ip:port" before and after. */
  from: string;
  to: string;
}

export interface Hop {
  kind: HopKind;
  /** client, a node name, a pod name, or cloud. */
  at: string;
  /** The hop in English (the message rendered; kept for trace/v1 readers). */
  detail: string;
  packet: PacketAddresses | null;
  /** What the hop says, as data: renderers in src/i18n/engine/ put it in words. */
  message: Message;
  /**
   * An iptables hop: the table and chain the rule is in, and the rule itself,
   * parsed. An nftables hop: kube-proxy's table (`ip kube-proxy`, named
   * "kube-proxy"), the chain, the rule as kube-proxy writes it, the set or map
   * element it matched, and its verdict.
   */
  table?: 'filter' | 'nat' | 'kube-proxy';
  chain?: string;
  rule?: Rule;
  ruleText?: string;
  element?: string;
  verdict?: string;
  /** The Service port this hop acts for (a kube-proxy rule of it, or ingress-nginx's upstream). */
  servicePort?: RuleServicePort;
  rewrite?: Rewrite;
}

export interface Destination {
  pod: string;
  namespace: string;
  node: string;
  podIP: string;
  port: number;
  container: string;
  workload: string;
  labels: Record<string, string>;
  sourceIP: string;
  scheme: string;
  host: string;
  path: string;
  /** The request headers the Pod received, names lower-cased (after any proxy's and filter's changes). */
  headers: Record<string, string>;
  /** The query string the Pod received, without "?". */
  query: string;
}

export interface TraceService {
  name: string;
  namespace: string;
  type: string;
  port: number;
  targetPort: number | string;
}

export interface TraceIngress {
  name: string;
  namespace: string;
  /** The rule's host; "" for a rule without one. */
  host: string;
  path: string;
  pathType: string;
  tls: boolean;
  /** With TLS: "secret" (the Ingress's Secret) or "default" (ingress-nginx's fake certificate). */
  certificate?: 'secret' | 'default';
}

/** The Gateway a request went through, the listener that took it, and the route rule that matched (null for none). */
export interface TraceGateway {
  name: string;
  namespace: string;
  /** "" when no listener took the request. */
  listener: string;
  route: {
    name: string;
    namespace: string;
    rule: number;
    match: Record<string, unknown>;
    /** The rule's backendRefs and their weights: what share of its requests each gets. */
    backendRefs: { name: string; namespace: string; port: number | null; weight: number }[];
  } | null;
}

/** An answer the proxy gave itself (a redirect, 404, 500, 503), or the response headers a filter set. */
export interface TraceResponse {
  status: number;
  headers: Record<string, string>;
}

export interface TraceResult {
  schema: 'routelab.dev/trace/v1';
  request: { from: string; to: string; method: string };
  outcome: Outcome;
  status: number | null;
  /** The outcome's reason in English (reasonMessage rendered; kept for trace/v1 readers). */
  reason: string;
  reasonMessage: Message;
  destination: Destination | null;
  service: TraceService | null;
  ingress: TraceIngress | null;
  /** Only for a request through a Gateway. */
  gateway?: TraceGateway;
  /** Only when the Gateway's proxy answered, or changed the response's headers. */
  response?: TraceResponse;
  hops: Hop[];
  diagnostics: Diagnostic[];
  distribution?: { pod: string; node: string; count: number }[];
  outcomes?: Partial<Record<Outcome, number>>;
}

/** How one request ends, before the result is put together (reason as a message). */
export interface Ending {
  outcome: Outcome;
  reason: Message;
  destination?: Destination;
  /** An HTTP status other than the app's 200 (a redirect, 404, 502, 503). */
  status?: number | null;
  /** The Service that chose the pod when the ending knows it better than the path did; null for none. */
  service?: TraceService | null;
  ingress?: TraceIngress | null;
  gateway?: TraceGateway;
  response?: TraceResponse;
}
