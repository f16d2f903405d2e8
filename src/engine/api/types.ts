// The objects the engine understands, as the API server holds them after
// decoding and defaulting. Field names follow the Kubernetes API.
import type { SourceDocument } from '../yaml/read.ts';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface ObjectMeta {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** Where an object came from, so every message about it can point there. */
export interface Sourced {
  doc: SourceDocument;
  /** "Kind/namespace/name" (or "Kind/name"), as diagnostics name it. */
  id: string;
}

export interface ContainerPort {
  name: string;
  containerPort: number;
  /**
   * Absent when unset, as the API omits it (the pod-template-hash is taken
   * over this object); a hostNetwork Pod's defaults to its containerPort.
   */
  hostPort?: number;
  protocol: Protocol;
}

export interface Container {
  name: string;
  image: string;
  ports: ContainerPort[];
}

export type DNSPolicy = 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';

export interface PodDNSConfig {
  nameservers: string[];
  searches: string[];
  options: { name: string; value: string | null }[];
}

export interface PodSpec {
  containers: Container[];
  nodeName: string;
  nodeSelector: Record<string, string>;
  hostNetwork: boolean;
  hostname: string;
  subdomain: string;
  // These three are present only when the manifest writes them, so a template without them
  // keeps the pod-template-hash (and the Pod names) it always had. An absent
  // dnsPolicy is ClusterFirst (SetDefaults_PodSpec); an unknown one is kept
  // as written, for validation to name.
  dnsPolicy?: DNSPolicy;
  dnsConfig?: PodDNSConfig;
  hostAliases?: { ip: string; hostnames: string[] }[];
}

export interface PodTemplate {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: PodSpec;
}

export interface PodCondition {
  type: string;
  status: string;
}

export interface Pod extends Sourced {
  kind: 'Pod';
  metadata: ObjectMeta;
  spec: PodSpec;
  /** The conditions the manifest wrote (how a learner marks a Pod not ready). */
  conditions: PodCondition[];
  terminating: boolean;
  /** The workload that created it ("Deployment/my-app"), or "" for a bare Pod. */
  owner: string;
  /** status.podIP as a dump of a real cluster carries it; "" when the manifest has none. */
  statusPodIP: string;
}

export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: { key: string; operator: string; values: string[] }[];
}

export interface Workload extends Sourced {
  kind: 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet';
  metadata: ObjectMeta;
  replicas: number;
  selector: LabelSelector | null;
  template: PodTemplate;
  serviceName: string;
}

export interface ServicePort {
  name: string;
  protocol: Protocol;
  port: number;
  targetPort: number | string;
  /** 0 until allocated. */
  nodePort: number;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface Service extends Sourced {
  kind: 'Service';
  metadata: ObjectMeta;
  type: ServiceType;
  /** null when the Service has no selector (its endpoints are given by hand). */
  selector: Record<string, string> | null;
  ports: ServicePort[];
  /** "" until allocated, "None" when headless. */
  clusterIP: string;
  externalIPs: string[];
  externalName: string;
  sessionAffinity: 'None' | 'ClientIP';
  sessionAffinityTimeoutSeconds: number;
  externalTrafficPolicy: 'Cluster' | 'Local' | '';
  internalTrafficPolicy: 'Cluster' | 'Local';
  healthCheckNodePort: number;
  loadBalancerIP: string;
  loadBalancerSourceRanges: string[];
  /** Unset (null) unless given; SetDefaults_Service sets true on a LoadBalancer only. */
  allocateLoadBalancerNodePorts: boolean | null;
  publishNotReadyAddresses: boolean;
  /** status.loadBalancer.ingress[].ip: written by hand, or by the cloud provider. */
  loadBalancerIngress: string[];
}

export interface Node extends Sourced {
  kind: 'Node';
  name: string;
  internalIP: string;
  podCIDR: string;
  ready: boolean;
  kubeProxy: 'Running' | 'Stopped';
  labels: Record<string, string>;
  zone: string;
}

export interface Endpoint {
  addresses: string[];
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  nodeName: string;
  zone: string;
  /** The Pod behind the address, when there is one ("namespace/name"). */
  targetRef: string;
  /** The name cluster DNS gives this endpoint under its Service ("" when none was set). */
  hostname: string;
}

export interface EndpointPort {
  name: string;
  port: number;
  protocol: Protocol;
}

export interface EndpointSlice extends Sourced {
  kind: 'EndpointSlice';
  metadata: ObjectMeta;
  /** kubernetes.io/service-name */
  serviceName: string;
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints: Endpoint[];
  ports: EndpointPort[];
  /** true when the engine's EndpointSlice controller wrote it. */
  managed: boolean;
}

export interface Secret extends Sourced {
  kind: 'Secret';
  metadata: ObjectMeta;
  type: string;
  keys: string[];
  /** Per key, the types of the PEM blocks its value holds ("CERTIFICATE", "RSA PRIVATE KEY"...). */
  pemBlocks: Record<string, string[]>;
}

export interface Namespace extends Sourced {
  kind: 'Namespace';
  metadata: ObjectMeta;
}
