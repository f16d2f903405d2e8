// The trace JSON of docs/cli.md ("routelab.dev/trace/v1").
import type { Diagnostic } from '../diagnostics.ts';

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
  | 'ingress-controller'
  | 'tls'
  | 'pod-network'
  | 'pod';

export interface Hop {
  kind: HopKind;
  /** client, a node name, a pod name, or cloud. */
  at: string;
  detail: string;
  packet: PacketAddresses | null;
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

export interface TraceResult {
  schema: 'routelab.dev/trace/v1';
  request: { from: string; to: string; method: string };
  outcome: Outcome;
  status: number | null;
  reason: string;
  destination: Destination | null;
  service: TraceService | null;
  ingress: TraceIngress | null;
  hops: Hop[];
  diagnostics: Diagnostic[];
  distribution?: { pod: string; node: string; count: number }[];
  outcomes?: Partial<Record<Outcome, number>>;
}
