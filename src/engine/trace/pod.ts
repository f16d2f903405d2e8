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
import type { Destination, Ending, Hop } from './types.ts';

/** The container that accepts a TCP connection to `port`: the one declaring it as a containerPort. */
export function listenerOn(pod: RunningPod, port: number): Container | undefined {
  return pod.spec.containers.find((c) =>
    c.ports.some((p) => p.containerPort === port && p.protocol === 'TCP'),
  );
}

/** What a request that reached a Pod carries there, in docs/cli.md's order of `destination`. */
export function destinationAt(
  pod: RunningPod,
  at: Omit<Destination, 'pod' | 'namespace' | 'node' | 'podIP' | 'workload' | 'labels'> & {
    /** The node the Pod runs on, and its address, when the caller knows them otherwise. */
    node?: string;
    podIP?: string;
  },
): Destination {
  const { node, podIP, port, container, ...rest } = at;
  return {
    pod: pod.metadata.name,
    namespace: pod.metadata.namespace,
    node: node ?? pod.nodeName,
    podIP: podIP ?? pod.podIP,
    port,
    container,
    workload: pod.owner || `Pod/${pod.metadata.name}`,
    labels: { ...pod.metadata.labels },
    sourceIP: rest.sourceIP,
    scheme: rest.scheme,
    host: rest.host,
    path: rest.path,
    headers: rest.headers,
    query: rest.query,
  };
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
    destination: destinationAt(pod, {
      node: node.name,
      port,
      container: container.name,
      sourceIP: packet.src,
      scheme: target.scheme,
      host: target.host,
      path: target.path,
      headers: sentHeaders(target),
      query: target.query,
    }),
  };
}
