// The cluster after the engine has applied the manifests: what `kubectl get`
// would show, and what kube-proxy and the traces work from.
import type { EndpointSlice, Pod, Secret, Service, Workload } from '../api/types.ts';
import type { ClusterNode, ClusterSpec } from '../cluster.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Gateway, GatewayClass, HTTPRoute, ReferenceGrant } from '../gateway/types.ts';
import type { Ingress, IngressClass } from '../ingress/types.ts';
import type { NetworkPolicy } from '../netpol/types.ts';
import type { SourceDocument } from '../yaml/read.ts';

export interface RunningPod extends Pod {
  /** "" while Pending (no node could take it). */
  nodeName: string;
  podIP: string;
  phase: 'Running' | 'Pending';
  /** The Pod's Ready condition (a terminating Pod may still be Ready). */
  ready: boolean;
  /** The object whose manifest made this Pod (itself, or its workload). */
  source: { doc: SourceDocument; id: string };
}

export interface ReplicaSetInfo {
  name: string;
  namespace: string;
  owner: string;
  podTemplateHash: string;
  replicas: number;
}

export interface Model {
  cluster: ClusterSpec;
  nodes: ClusterNode[];
  namespaces: string[];
  workloads: Workload[];
  replicaSets: ReplicaSetInfo[];
  pods: RunningPod[];
  services: Service[];
  endpointSlices: EndpointSlice[];
  secrets: Secret[];
  ingresses: Ingress[];
  ingressClasses: IngressClass[];
  networkPolicies: NetworkPolicy[];
  gatewayClasses: GatewayClass[];
  gateways: Gateway[];
  httpRoutes: HTTPRoute[];
  referenceGrants: ReferenceGrant[];
  /** Each Namespace's labels, kubernetes.io/metadata.name included. */
  namespaceLabels: Map<string, Record<string, string>>;
  diagnostics: Diagnostic[];
  documents: SourceDocument[];
}
