// The model's objects as NetworkPolicy sees them: a Pod on the Pod network is
// a Pod (its Namespace's labels, its containerPorts for named ports); a
// hostNetwork Pod, a node and anything outside are bare addresses, which only
// ipBlock peers can match and which no policy isolates.
import { addressInCidr } from '../cluster.ts';
import type { Model, RunningPod } from '../model/types.ts';
import { type Connection, evaluate, type Verdict } from './evaluate.ts';
import type { PolicyEndpoint, PolicyPod } from './peers.ts';

function policyPod(model: Model, pod: RunningPod): PolicyPod {
  const namespace = pod.metadata.namespace;
  return {
    namespace,
    name: pod.metadata.name,
    labels: pod.metadata.labels,
    namespaceLabels: model.namespaceLabels.get(namespace) ?? {
      'kubernetes.io/metadata.name': namespace,
    },
    ports: pod.spec.containers.flatMap((c) => c.ports),
  };
}

export function podEndpoint(model: Model, pod: RunningPod): PolicyEndpoint {
  if (pod.spec.hostNetwork) return { pod: null, address: { ip: pod.podIP } };
  return { pod: policyPod(model, pod), address: { ip: pod.podIP } };
}

/** Whatever has this address: a Pod on the Pod network, or a bare address. */
export function addressEndpoint(model: Model, ip: string): PolicyEndpoint {
  const pod = model.pods.find((p) => p.podIP === ip && !p.spec.hostNetwork);
  return pod ? podEndpoint(model, pod) : { pod: null, address: { ip } };
}

/**
 * The DNS Pod a query reaches: a Pod of the manifests in kube-system labelled
 * k8s-app=kube-dns (the first, as the model orders them), or else CoreDNS's
 * Pods as kubeadm deploys them (same namespace and label, ports 53/UDP "dns",
 * 53/TCP "dns-tcp", 9153/TCP "metrics"), whose address is only known to be in
 * the Pod network (docs/cli-notes.md).
 */
export function dnsEndpoint(model: Model): PolicyEndpoint {
  const namespace = 'kube-system';
  const declared = model.pods.find(
    (p) =>
      p.metadata.namespace === namespace &&
      p.metadata.labels['k8s-app'] === 'kube-dns' &&
      p.podIP !== '' &&
      !p.spec.hostNetwork,
  );
  if (declared) return podEndpoint(model, declared);
  return {
    pod: {
      namespace,
      name: 'coredns',
      labels: { 'k8s-app': 'kube-dns' },
      namespaceLabels: model.namespaceLabels.get(namespace) ?? {
        'kubernetes.io/metadata.name': namespace,
      },
      ports: [
        { name: 'dns', containerPort: 53, protocol: 'UDP' },
        { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
        { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
      ],
    },
    address: { within: model.cluster.clusterCIDR },
  };
}

/** The addresses of the node a Pod runs on: its own and its Pod bridge's. */
function nodeAddresses(model: Model, pod: PolicyPod): string[] {
  const running = model.pods.find(
    (p) => p.metadata.namespace === pod.namespace && p.metadata.name === pod.name,
  );
  const node = model.nodes.find((n) => n.name === running?.nodeName);
  return node ? [node.internalIP, addressInCidr(node.podCIDR, 1)] : [];
}

export function judgeConnection(model: Model, connection: Connection): Verdict {
  return evaluate(
    model.networkPolicies,
    connection,
    (pod) => nodeAddresses(model, pod),
    model.cluster.networkPolicy === 'enforced',
  );
}
