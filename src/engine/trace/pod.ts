// The last hop: the Pod the packet reaches, and whether a container there
// accepts it. The simulator's convention: a container listens on the
// containerPorts it declares (Kubernetes itself treats them as informational).

import type { Container } from '../api/types.ts';
import type { ClusterNode } from '../cluster.ts';
import type { Packet } from '../kubeproxy/match.ts';
import { message } from '../messages.ts';
import type { RunningPod } from '../model/types.ts';
import { hop } from './english.ts';
import { addresses } from './packet.ts';
import { sentHeaders, type Target } from './request.ts';
import type { Ending, Hop } from './types.ts';

/** The container that accepts a TCP connection to `port`: the one declaring it as a containerPort. */
export function listenerOn(pod: RunningPod, port: number): Container | undefined {
  return pod.spec.containers.find((c) =>
    c.ports.some((p) => p.containerPort === port && p.protocol === 'TCP'),
  );
}

export function arrive(
  pod: RunningPod,
  node: ClusterNode,
  target: Target,
  packet: Packet,
  hops: Hop[],
): Ending {
  const port = packet.dport;
  const container = listenerOn(pod, port);
  const name = pod.metadata.name;
  if (!container) {
    const declared = pod.spec.containers.flatMap((c) => c.ports.map((p) => p.containerPort));
    hops.push(
      hop('pod', name, message('pod.nothing-listens', { port, declared }), addresses(packet)),
    );
    return {
      outcome: 'refused',
      reason: message('pod.refused-reason', { pod: name, port, declared }),
    };
  }
  const accepts = message('pod.accepts', {
    container: container.name,
    port,
    http: target.scheme !== 'tcp',
  });
  hops.push(hop('pod', name, accepts, addresses(packet)));
  return {
    outcome: 'delivered',
    reason: message('pod.delivered-reason', {
      pod: name,
      node: node.name,
      port,
      source: packet.src,
    }),
    destination: {
      pod: name,
      namespace: pod.metadata.namespace,
      node: node.name,
      podIP: pod.podIP,
      port,
      container: container.name,
      workload: pod.owner || `Pod/${name}`,
      labels: { ...pod.metadata.labels },
      sourceIP: packet.src,
      scheme: target.scheme,
      host: target.host,
      path: target.path,
      headers: sentHeaders(target),
      query: target.query,
    },
  };
}
