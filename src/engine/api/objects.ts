// Decodes manifests into the engine's objects, applying Kubernetes' defaults
// (pkg/apis/core/v1/defaults.go, pkg/apis/apps/v1/defaults.go) so that later
// stages see what the API server would have stored.
import type { PathStep } from '../diagnostics.ts';
import type { Decoder } from './decode.ts';
import type {
  Container,
  ContainerPort,
  DNSPolicy,
  EndpointSlice,
  LabelSelector,
  Namespace,
  Node,
  ObjectMeta,
  Pod,
  PodSpec,
  PodTemplate,
  Protocol,
  Secret,
  Service,
  ServicePort,
  ServiceType,
  Workload,
} from './types.ts';

export function objectId(kind: string, namespace: string, name: string): string {
  return namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
}

export function decodeMeta(d: Decoder, namespaced: boolean): ObjectMeta {
  return {
    name: d.string(['metadata', 'name']) ?? '',
    namespace: namespaced ? (d.string(['metadata', 'namespace']) ?? 'default') : '',
    labels: d.stringMap(['metadata', 'labels']) ?? Object.create(null),
    annotations: d.stringMap(['metadata', 'annotations']) ?? Object.create(null),
  };
}

/** An unknown protocol is kept as written, for validation to name. */
function protocol(d: Decoder, path: readonly PathStep[]): Protocol {
  return (d.string(path) ?? 'TCP') as Protocol;
}

function decodeContainerPorts(d: Decoder, path: readonly PathStep[]): ContainerPort[] {
  return d.list(path, '[]v1.ContainerPort').map((_, i) => {
    const hostPort = d.int([...path, i, 'hostPort']) ?? 0;
    return {
      name: d.string([...path, i, 'name']) ?? '',
      containerPort: d.int([...path, i, 'containerPort']) ?? 0,
      ...(hostPort !== 0 ? { hostPort } : {}),
      protocol: protocol(d, [...path, i, 'protocol']),
    };
  });
}

export function decodePodSpec(d: Decoder, path: readonly PathStep[]): PodSpec {
  const containers: Container[] = d.list([...path, 'containers'], '[]v1.Container').map((_, i) => ({
    name: d.string([...path, 'containers', i, 'name']) ?? '',
    image: d.string([...path, 'containers', i, 'image']) ?? '',
    ports: decodeContainerPorts(d, [...path, 'containers', i, 'ports']),
  }));
  return {
    containers,
    nodeName: d.string([...path, 'nodeName']) ?? '',
    nodeSelector: d.stringMap([...path, 'nodeSelector']) ?? Object.create(null),
    hostNetwork: d.bool([...path, 'hostNetwork']) ?? false,
    hostname: d.string([...path, 'hostname']) ?? '',
    subdomain: d.string([...path, 'subdomain']) ?? '',
    ...decodePodDNS(d, path),
  };
}

function decodePodDNS(
  d: Decoder,
  path: readonly PathStep[],
): Pick<PodSpec, 'dnsPolicy' | 'dnsConfig' | 'hostAliases'> {
  const aliases = [...path, 'hostAliases'];
  const policy = d.string([...path, 'dnsPolicy']);
  const config = [...path, 'dnsConfig'];
  const options = [...config, 'options'];
  return {
    ...(policy ? { dnsPolicy: policy as DNSPolicy } : {}),
    ...(d.has(config)
      ? {
          dnsConfig: {
            nameservers: d.stringList([...config, 'nameservers']),
            searches: d.stringList([...config, 'searches']),
            options: d.list(options, '[]v1.PodDNSConfigOption').map((_, i) => ({
              name: d.string([...options, i, 'name']) ?? '',
              value: d.string([...options, i, 'value']) ?? null,
            })),
          },
        }
      : {}),
    ...(d.has(aliases)
      ? {
          hostAliases: d.list(aliases, '[]v1.HostAlias').map((_, i) => ({
            ip: d.string([...aliases, i, 'ip']) ?? '',
            hostnames: d.stringList([...aliases, i, 'hostnames']),
          })),
        }
      : {}),
  };
}

/**
 * SetDefaults_Pod (pkg/apis/core/v1/defaults.go): a hostNetwork Pod's unset
 * hostPorts become their containerPorts. A Pod only: since Kubernetes 1.28 a
 * template keeps them unset (DefaultHostNetworkHostPortsInPodTemplates off),
 * and its Pods are defaulted when they are created.
 */
export function defaultPodSpec(spec: PodSpec): PodSpec {
  if (!spec.hostNetwork) return spec;
  return {
    ...spec,
    containers: spec.containers.map((c) => ({
      ...c,
      ports: c.ports.map((p) => (p.hostPort ? p : { ...p, hostPort: p.containerPort })),
    })),
  };
}

function decodeTemplate(d: Decoder): PodTemplate {
  return {
    labels: d.stringMap(['spec', 'template', 'metadata', 'labels']) ?? Object.create(null),
    annotations:
      d.stringMap(['spec', 'template', 'metadata', 'annotations']) ?? Object.create(null),
    spec: decodePodSpec(d, ['spec', 'template', 'spec']),
  };
}

export function decodeSelector(d: Decoder, path: readonly PathStep[]): LabelSelector | null {
  if (!d.has(path)) return null;
  return {
    matchLabels: d.stringMap([...path, 'matchLabels']) ?? Object.create(null),
    matchExpressions: d
      .list([...path, 'matchExpressions'], '[]v1.LabelSelectorRequirement')
      .map((_, i) => ({
        key: d.string([...path, 'matchExpressions', i, 'key']) ?? '',
        operator: d.string([...path, 'matchExpressions', i, 'operator']) ?? '',
        values: d.stringList([...path, 'matchExpressions', i, 'values']),
      })),
  };
}

export function decodeWorkload(d: Decoder, kind: Workload['kind']): Workload {
  const metadata = decodeMeta(d, true);
  return {
    kind,
    doc: d.doc,
    id: objectId(kind, metadata.namespace, metadata.name),
    metadata,
    // DaemonSets have no replicas; the others default to 1.
    replicas: kind === 'DaemonSet' ? 0 : (d.int(['spec', 'replicas']) ?? 1),
    selector: decodeSelector(d, ['spec', 'selector']),
    template: decodeTemplate(d),
    serviceName: d.string(['spec', 'serviceName']) ?? '',
  };
}

export function decodePod(d: Decoder): Pod {
  const metadata = decodeMeta(d, true);
  return {
    kind: 'Pod',
    doc: d.doc,
    id: objectId('Pod', metadata.namespace, metadata.name),
    metadata,
    spec: defaultPodSpec(decodePodSpec(d, ['spec'])),
    conditions: d.list(['status', 'conditions'], '[]v1.PodCondition').map((_, i) => ({
      type: d.string(['status', 'conditions', i, 'type']) ?? '',
      status: d.string(['status', 'conditions', i, 'status']) ?? '',
    })),
    terminating: d.has(['metadata', 'deletionTimestamp']),
    owner: '',
    statusPodIP: d.string(['status', 'podIP']) ?? '',
  };
}

export function decodeService(d: Decoder): Service {
  const metadata = decodeMeta(d, true);
  const type = (d.string(['spec', 'type']) || 'ClusterIP') as ServiceType;
  const ports: ServicePort[] = d.list(['spec', 'ports'], '[]v1.ServicePort').map((_, i) => {
    const port = d.int(['spec', 'ports', i, 'port']) ?? 0;
    const target = d.intOrString(['spec', 'ports', i, 'targetPort']);
    return {
      name: d.string(['spec', 'ports', i, 'name']) ?? '',
      protocol: protocol(d, ['spec', 'ports', i, 'protocol']),
      port,
      // SetDefaults_Service: an unset (zero or empty) targetPort is the port.
      targetPort: target === undefined || target === 0 || target === '' ? port : target,
      nodePort: d.int(['spec', 'ports', i, 'nodePort']) ?? 0,
    };
  });
  const externalIPs = d.stringList(['spec', 'externalIPs']);
  const externallyAccessible =
    type === 'NodePort' ||
    type === 'LoadBalancer' ||
    (type === 'ClusterIP' && externalIPs.length > 0);
  const affinity = (d.string(['spec', 'sessionAffinity']) || 'None') as Service['sessionAffinity'];
  const timeoutPath = ['spec', 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds'];
  return {
    kind: 'Service',
    doc: d.doc,
    id: objectId('Service', metadata.namespace, metadata.name),
    metadata,
    type,
    selector: d.has(['spec', 'selector']) ? (d.stringMap(['spec', 'selector']) ?? null) : null,
    ports,
    clusterIP: d.string(['spec', 'clusterIP']) ?? '',
    externalIPs,
    externalName: d.string(['spec', 'externalName']) ?? '',
    sessionAffinity: affinity,
    // SetDefaults_Service: ClientIP affinity times out after 3 hours unless told otherwise.
    sessionAffinityTimeoutSeconds: d.int(timeoutPath) ?? 10800,
    externalTrafficPolicy: (d.string(['spec', 'externalTrafficPolicy']) ??
      (externallyAccessible ? 'Cluster' : '')) as Service['externalTrafficPolicy'],
    internalTrafficPolicy: (d.string(['spec', 'internalTrafficPolicy']) ??
      'Cluster') as Service['internalTrafficPolicy'],
    healthCheckNodePort: d.int(['spec', 'healthCheckNodePort']) ?? 0,
    loadBalancerIP: d.string(['spec', 'loadBalancerIP']) ?? '',
    loadBalancerSourceRanges: d.stringList(['spec', 'loadBalancerSourceRanges']),
    allocateLoadBalancerNodePorts:
      d.bool(['spec', 'allocateLoadBalancerNodePorts']) ?? (type === 'LoadBalancer' ? true : null),
    publishNotReadyAddresses: d.bool(['spec', 'publishNotReadyAddresses']) ?? false,
    loadBalancerIngress: d
      .list(['status', 'loadBalancer', 'ingress'], '[]v1.LoadBalancerIngress')
      .flatMap((_, i) => d.string(['status', 'loadBalancer', 'ingress', i, 'ip']) ?? []),
  };
}

export function decodeNode(d: Decoder): Node {
  const name = d.string(['metadata', 'name']) ?? '';
  const addresses = d.list(['status', 'addresses'], '[]v1.NodeAddress').map((_, i) => ({
    type: d.string(['status', 'addresses', i, 'type']) ?? '',
    address: d.string(['status', 'addresses', i, 'address']) ?? '',
  }));
  const readyCondition = d
    .list(['status', 'conditions'], '[]v1.NodeCondition')
    .map((_, i) => ({
      type: d.string(['status', 'conditions', i, 'type']) ?? '',
      status: d.string(['status', 'conditions', i, 'status']) ?? '',
    }))
    .find((c) => c.type === 'Ready');
  const labels = d.stringMap(['metadata', 'labels']) ?? Object.create(null);
  return {
    kind: 'Node',
    doc: d.doc,
    id: objectId('Node', '', name),
    name,
    internalIP: addresses.find((a) => a.type === 'InternalIP')?.address ?? '',
    podCIDR: d.string(['spec', 'podCIDR']) ?? '',
    ready: readyCondition ? readyCondition.status === 'True' : true,
    kubeProxy: 'Running',
    labels,
    zone: labels['topology.kubernetes.io/zone'] ?? '',
  };
}

export function decodeEndpointSlice(d: Decoder): EndpointSlice {
  const metadata = decodeMeta(d, true);
  return {
    kind: 'EndpointSlice',
    doc: d.doc,
    id: objectId('EndpointSlice', metadata.namespace, metadata.name),
    metadata,
    serviceName: metadata.labels['kubernetes.io/service-name'] ?? '',
    addressType: (d.string(['addressType']) ?? 'IPv4') as EndpointSlice['addressType'],
    endpoints: d.list(['endpoints'], '[]v1.Endpoint').map((_, i) => {
      // As kube-proxy reads them (pkg/proxy/endpointslicecache.go addEndpoints)
      // and discovery/v1 EndpointConditions says: a nil ready or serving is
      // true, a nil terminating false, each on its own.
      return {
        addresses: d.stringList(['endpoints', i, 'addresses']),
        ready: d.bool(['endpoints', i, 'conditions', 'ready']) ?? true,
        serving: d.bool(['endpoints', i, 'conditions', 'serving']) ?? true,
        terminating: d.bool(['endpoints', i, 'conditions', 'terminating']) ?? false,
        nodeName: d.string(['endpoints', i, 'nodeName']) ?? '',
        zone: d.string(['endpoints', i, 'zone']) ?? '',
        targetRef: '',
        hostname: d.string(['endpoints', i, 'hostname']) ?? '',
      };
    }),
    ports: d.list(['ports'], '[]v1.EndpointPort').map((_, i) => ({
      name: d.string(['ports', i, 'name']) ?? '',
      port: d.int(['ports', i, 'port']) ?? 0,
      protocol: protocol(d, ['ports', i, 'protocol']),
    })),
    managed: false,
  };
}

/**
 * A legacy v1 Endpoints object, read as the EndpointSlice mirroring controller
 * would copy it (one slice per subset).
 */
export function decodeEndpoints(d: Decoder): EndpointSlice[] {
  const metadata = decodeMeta(d, true);
  return d.list(['subsets'], '[]v1.EndpointSubset').map((_, s) => {
    const address = (list: 'addresses' | 'notReadyAddresses', ready: boolean) =>
      d.list(['subsets', s, list], '[]v1.EndpointAddress').map((__, a) => ({
        addresses: [d.string(['subsets', s, list, a, 'ip']) ?? ''],
        ready,
        serving: ready,
        terminating: false,
        nodeName: d.string(['subsets', s, list, a, 'nodeName']) ?? '',
        zone: '',
        targetRef: '',
        hostname: d.string(['subsets', s, list, a, 'hostname']) ?? '',
      }));
    return {
      kind: 'EndpointSlice' as const,
      doc: d.doc,
      id: objectId('Endpoints', metadata.namespace, metadata.name),
      metadata: { ...metadata, name: `${metadata.name}-mirror-${s}` },
      serviceName: metadata.name,
      addressType: 'IPv4' as const,
      endpoints: [...address('addresses', true), ...address('notReadyAddresses', false)],
      ports: d.list(['subsets', s, 'ports'], '[]v1.EndpointPort').map((__, p) => ({
        name: d.string(['subsets', s, 'ports', p, 'name']) ?? '',
        port: d.int(['subsets', s, 'ports', p, 'port']) ?? 0,
        protocol: protocol(d, ['subsets', s, 'ports', p, 'protocol']),
      })),
      managed: false,
    };
  });
}

export function decodeSecret(d: Decoder): Secret {
  const metadata = decodeMeta(d, true);
  const data = d.stringMap(['data']) ?? {};
  const stringData = d.stringMap(['stringData']) ?? {};
  return {
    kind: 'Secret',
    doc: d.doc,
    id: objectId('Secret', metadata.namespace, metadata.name),
    metadata,
    type: d.string(['type']) ?? 'Opaque',
    keys: [...new Set([...Object.keys(data), ...Object.keys(stringData)])],
    pemBlocks: Object.fromEntries([
      ...Object.entries(data).map(([k, v]) => [k, pemBlocks(decodeBase64(v))]),
      ...Object.entries(stringData).map(([k, v]) => [k, pemBlocks(v)]),
    ]),
  };
}

/** A Secret's data value as text; "" when it is not base64. */
function decodeBase64(value: string): string {
  try {
    return atob(value.replace(/\s/g, ''));
  } catch {
    return '';
  }
}

/** The types of the PEM blocks in a text, as Go's pem.Decode finds them: BEGIN and END lines that agree. */
function pemBlocks(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g))
    out.push(m[1] ?? '');
  return out;
}

export function decodeNamespace(d: Decoder): Namespace {
  const metadata = decodeMeta(d, false);
  return { kind: 'Namespace', doc: d.doc, id: objectId('Namespace', '', metadata.name), metadata };
}
