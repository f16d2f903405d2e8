// Mistakes Kubernetes accepts without a word but that break routing. Each
// warning says, in plain words, what will happen to requests and why.
import type { Service } from '../api/types.ts';
import { findPort, selectedPods } from '../controllers/endpointslices.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { locate } from '../diagnostics.ts';
import { builtInFile } from '../ingress/controller.ts';
import { mapSelectorMatches } from '../labels.ts';
import type { Model, RunningPod } from './types.ts';

function selectorText(selector: Record<string, string>): string {
  return Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

function warn(
  service: Service,
  field: (string | number)[],
  code: string,
  message: string,
): Diagnostic {
  return {
    severity: 'warning',
    code,
    object: service.id,
    field: field
      .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
      .join('')
      .replace(/^\./, ''),
    message,
    ...locate(service.doc, field),
  };
}

/** A container listens on the ports it declares. */
function declares(pod: RunningPod, port: number, protocol: string): boolean {
  return pod.spec.containers.some((c) =>
    c.ports.some((p) => p.containerPort === port && p.protocol === protocol),
  );
}

export function routingWarnings(model: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const service of model.services) {
    // The ingress controller's own objects are not the learner's to fix.
    if (service.doc.file === builtInFile) continue;
    const selector = service.selector;
    if (!selector || service.type === 'ExternalName') continue;
    const name = `Service ${service.metadata.name}`;
    const pods = selectedPods(service, model.pods);
    if (Object.keys(selector).length > 0 && pods.length === 0) {
      const elsewhere = model.pods.filter(
        (pod) =>
          pod.metadata.namespace !== service.metadata.namespace &&
          mapSelectorMatches(selector, pod.metadata.labels),
      );
      const namespaces = [...new Set(elsewhere.map((p) => p.metadata.namespace))];
      out.push(
        elsewhere.length > 0
          ? warn(
              service,
              ['metadata', 'namespace'],
              'SelectorOtherNamespace',
              `${name} is in namespace ${service.metadata.namespace}, but the Pods labelled ${selectorText(selector)} are in ${namespaces.join(', ')}: a Service only selects Pods in its own namespace, so it has no endpoints`,
            )
          : warn(
              service,
              ['spec', 'selector'],
              'SelectorMatchesNothing',
              `${name} selects ${selectorText(selector)}, but no Pod in namespace ${service.metadata.namespace} has these labels: it has no endpoints, and connections to it are refused`,
            ),
      );
      continue;
    }
    out.push(...portWarnings(service, pods, name));
    const withAddress = pods.filter((pod) => pod.podIP);
    if (
      withAddress.length > 0 &&
      !service.publishNotReadyAddresses &&
      !withAddress.some((pod) => pod.ready && !pod.terminating)
    )
      out.push(
        warn(
          service,
          ['spec', 'selector'],
          'NoReadyEndpoints',
          `${name} selects ${withAddress.length} Pod${withAddress.length === 1 ? '' : 's'}, but none is ready: kube-proxy rejects connections to it until one is`,
        ),
      );
    if (service.type === 'NodePort' || service.type === 'LoadBalancer') {
      const stopped = model.nodes.filter((node) => node.kubeProxy === 'Stopped');
      for (const node of stopped)
        out.push(
          warn(
            service,
            ['spec', 'type'],
            'KubeProxyStopped',
            `kube-proxy is stopped on ${node.name}: the NodePort${service.ports.length === 1 ? '' : 's'} of ${name} (${service.ports.map((p) => p.nodePort).join(', ')}) ${service.ports.length === 1 ? 'is' : 'are'} not open there, and its ClusterIP is not routed from that node`,
          ),
        );
    }
  }
  return out;
}

/** Each port's targetPort, by name or number, against the container ports of the Pods selected. */
function portWarnings(service: Service, pods: RunningPod[], name: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  service.ports.forEach((port, i) => {
    const label = port.name ? `port ${port.name} (${port.port})` : `port ${port.port}`;
    if (typeof port.targetPort === 'string') {
      const missing = pods.filter((pod) => findPort(pod, port) === null);
      if (missing.length > 0)
        out.push(
          warn(
            service,
            ['spec', 'ports', i, 'targetPort'],
            'NamedPortMissing',
            missing.length === pods.length
              ? `${name} ${label} targets the port named "${port.targetPort}", but none of its Pods has a ${port.protocol} container port with that name: the port has no endpoints`
              : `${name} ${label} targets the port named "${port.targetPort}", which ${missing.map((p) => p.metadata.name).join(', ')} ${missing.length === 1 ? 'does' : 'do'} not declare: ${missing.length === 1 ? 'that Pod gets' : 'those Pods get'} no traffic on this port`,
          ),
        );
    } else if (
      pods.length > 0 &&
      !pods.some((pod) => declares(pod, port.targetPort as number, port.protocol))
    ) {
      out.push(
        warn(
          service,
          ['spec', 'ports', i, 'targetPort'],
          'TargetPortNotListening',
          `${name} ${label} sends traffic to port ${port.targetPort}, but no container of the selected Pods listens on ${port.protocol} ${port.targetPort} (their containerPorts: ${[...new Set(pods.flatMap((p) => p.spec.containers.flatMap((c) => c.ports.map((cp) => cp.containerPort))))].join(', ') || 'none'}): connections are refused`,
        ),
      );
    }
  });
  return out;
}
