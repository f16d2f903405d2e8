// Envoy Gateway as a cluster has it: its controller in envoy-gateway-system,
// and, for every Gateway of a class it accepts, an Envoy proxy Deployment and
// a LoadBalancer Service there, named as its infrastructure provider names them
// (internal/infrastructure/kubernetes/proxy: "envoy-" + the Gateway's
// "namespace-name" cut at 48 characters + "-" + the first 8 hex digits of
// SHA-256 of "namespace/name"). Listener ports below 1024 are served on the
// port plus 10000 inside the Pod, since Envoy does not run as root. These
// objects go through the same pipeline as the learner's manifests.
import type { RunningPod } from '../model/types.ts';
import { sha256 } from '../util/hash.ts';
import type { Gateway, Listener } from './types.ts';

export const envoyGatewayNamespace = 'envoy-gateway-system';
export const envoyGatewayControllerName = 'gateway.envoyproxy.io/gatewayclass-controller';
export const envoyGatewayFile = '<envoy-gateway>';
const owningGatewayName = 'gateway.envoyproxy.io/owning-gateway-name';
const owningGatewayNamespace = 'gateway.envoyproxy.io/owning-gateway-namespace';

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The name of the Deployment and Service Envoy Gateway makes for a Gateway. */
export function proxyName(namespace: string, name: string): string {
  const hash = hex(sha256(`${namespace}/${name}`)).slice(0, 8);
  let base = `${namespace}-${name}`;
  if (base.length > 48) base = base.slice(0, 48).replace(/-+$/, '');
  return `envoy-${base}-${hash}`;
}

/** The port Envoy listens on inside its Pod for a listener port. */
export function containerPortFor(port: number): number {
  return port < 1024 ? port + 10000 : port;
}

/** Envoy Gateway's name for a listener port: protocol and port, lower-cased. */
export function portName(protocol: string, port: number): string {
  return `${protocol}-${port}`.toLowerCase();
}

/** The controller itself, installed by its Helm chart. */
export function controllerManifests(): string {
  const labels = `{app.kubernetes.io/name: gateway-helm, app.kubernetes.io/instance: eg, control-plane: envoy-gateway}`;
  return `apiVersion: v1
kind: Namespace
metadata: {name: ${envoyGatewayNamespace}}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: envoy-gateway
  namespace: ${envoyGatewayNamespace}
  labels: ${labels}
spec:
  replicas: 1
  selector: {matchLabels: ${labels}}
  template:
    metadata: {labels: ${labels}}
    spec:
      containers:
      - name: envoy-gateway
        image: docker.io/envoyproxy/gateway
        ports:
        - {name: grpc, containerPort: 18000}
        - {name: ratelimit, containerPort: 18001}
        - {name: wasm, containerPort: 18002}
        - {name: metrics, containerPort: 19001}
---
apiVersion: v1
kind: Service
metadata:
  name: envoy-gateway
  namespace: ${envoyGatewayNamespace}
  labels: ${labels}
spec:
  selector: ${labels}
  ports:
  - {name: grpc, port: 18000, targetPort: 18000}
  - {name: ratelimit, port: 18001, targetPort: 18001}
  - {name: wasm, port: 18002, targetPort: 18002}
  - {name: metrics, port: 19001, targetPort: 19001}`;
}

/** The ports a Gateway's proxy serves: one per distinct ready listener port, named for its first listener's protocol. */
function proxyPorts(
  listeners: readonly { protocol: string; port: number }[],
): { name: string; port: number }[] {
  const out: { name: string; port: number }[] = [];
  for (const listener of listeners)
    if (!out.some((p) => p.port === listener.port))
      out.push({ name: portName(listener.protocol, listener.port), port: listener.port });
  return out;
}

/**
 * The Envoy proxy's Deployment and Service for an accepted Gateway, with a
 * Service port for each of its ready listeners' ports. The envoy container
 * declares only its metrics and readiness ports, as Envoy Gateway renders it.
 */
export function proxyManifests(gateway: Gateway, ready: readonly Listener[]): string {
  const { name: gwName, namespace } = gateway.metadata;
  const name = proxyName(namespace, gwName);
  const labels = `{app.kubernetes.io/name: envoy, app.kubernetes.io/component: proxy, app.kubernetes.io/managed-by: envoy-gateway, ${owningGatewayName}: ${JSON.stringify(gwName)}, ${owningGatewayNamespace}: ${JSON.stringify(namespace)}}`;
  const servicePorts = proxyPorts(ready)
    .map(
      (p) =>
        `  - {name: ${p.name}, port: ${p.port}, targetPort: ${containerPortFor(p.port)}, protocol: TCP}`,
    )
    .join('\n');
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${envoyGatewayNamespace}
  labels: ${labels}
spec:
  selector: {matchLabels: ${labels}}
  template:
    metadata: {labels: ${labels}}
    spec:
      containers:
      - name: envoy
        image: docker.io/envoyproxy/envoy
        ports:
        - {name: metrics, containerPort: 19001, protocol: TCP}
        - {name: readiness, containerPort: 19003, protocol: TCP}
      - name: shutdown-manager
        image: docker.io/envoyproxy/gateway`;
  if (!servicePorts) return deployment;
  return `${deployment}
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${envoyGatewayNamespace}
  labels: ${labels}
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector: ${labels}
  ports:
${servicePorts}`;
}

/** The Gateway ("namespace/name") whose proxy this Pod is, or null. */
export function proxiedGateway(pod: RunningPod): { namespace: string; name: string } | null {
  if (pod.metadata.namespace !== envoyGatewayNamespace) return null;
  const name = pod.metadata.labels[owningGatewayName];
  const namespace = pod.metadata.labels[owningGatewayNamespace];
  return name && namespace ? { namespace, name } : null;
}
