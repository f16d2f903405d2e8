// Mistakes Kubernetes accepts without a word but that break routing. Each
// warning says, in plain words, what will happen to requests and why: as a
// message a page says in its language, and in English for the CLI.
import type { Service } from '../api/types.ts';
import { findPort, selectedPods } from '../controllers/endpointslices.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { formatPath, locate } from '../diagnostics.ts';
import { envoyGatewayFile } from '../gateway/envoy.ts';
import { builtInFile } from '../ingress/controller.ts';
import { mapSelectorMatches } from '../labels.ts';
import { type Message, message } from '../messages.ts';
import { explained } from '../trace/english.ts';
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
  explanation: Message,
): Diagnostic {
  return {
    severity: 'warning',
    code,
    object: service.id,
    field: formatPath(field),
    ...explained(explanation),
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
    if (service.doc.file === builtInFile || service.doc.file === envoyGatewayFile) continue;
    const selector = service.selector;
    if (!selector || service.type === 'ExternalName') continue;
    const name = service.metadata.name;
    const { namespace } = service.metadata;
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
              message('warning.selector-other-namespace', {
                service: name,
                namespace,
                selector: selectorText(selector),
                podNamespaces: namespaces,
              }),
            )
          : warn(
              service,
              ['spec', 'selector'],
              'SelectorMatchesNothing',
              message('warning.no-endpoints', {
                service: name,
                namespace,
                selector: selectorText(selector),
              }),
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
          message('warning.none-ready', { service: name, pods: withAddress.length }),
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
            message('warning.kube-proxy-stopped', {
              node: node.name,
              service: name,
              nodePorts: service.ports.map((p) => p.nodePort),
            }),
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
    const ref = { name: port.name || null, port: port.port };
    if (typeof port.targetPort === 'string') {
      const missing = pods.filter((pod) => findPort(pod, port) === null);
      if (missing.length > 0)
        out.push(
          warn(
            service,
            ['spec', 'ports', i, 'targetPort'],
            'NamedPortMissing',
            missing.length === pods.length
              ? message('warning.named-port-missing', {
                  service: name,
                  port: ref,
                  targetPort: port.targetPort,
                  protocol: port.protocol,
                })
              : message('warning.named-port-partly', {
                  service: name,
                  port: ref,
                  targetPort: port.targetPort,
                  pods: missing.map((p) => p.metadata.name),
                }),
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
          message('warning.target-port-not-listening', {
            service: name,
            port: ref,
            targetPort: port.targetPort,
            protocol: port.protocol,
            containerPorts: [
              ...new Set(
                pods.flatMap((p) =>
                  p.spec.containers.flatMap((c) => c.ports.map((cp) => cp.containerPort)),
                ),
              ),
            ],
          }),
        ),
      );
    }
  });
  return out;
}
