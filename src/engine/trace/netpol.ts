// Where a policy-enforcing CNI (Calico, Cilium) judges a packet: egress as it
// leaves the source Pod, after kube-proxy's DNAT (so against the endpoint
// Pod's address and target port, not the ClusterIP), and ingress as it reaches
// the destination Pod, from the source it has after any SNAT. A hostNetwork
// Pod is no Pod to policy: it is neither isolated nor selected. A drop ends
// the connection in a timeout, and the hop names the policies that isolate.
import type { Packet } from '../kubeproxy/match.ts';
import { message } from '../messages.ts';
import type { Model, RunningPod } from '../model/types.ts';
import type { DirectionVerdict, Verdict } from '../netpol/evaluate.ts';
import { addressEndpoint, dnsEndpoint, judgeConnection, podEndpoint } from '../netpol/model.ts';
import type { PolicyEndpoint } from '../netpol/peers.ts';
import { hop } from './english.ts';
import { addresses } from './packet.ts';
import type { Ending, Hop } from './types.ts';

const named = (endpoint: PolicyEndpoint) =>
  endpoint.pod ? `${endpoint.pod.namespace}/${endpoint.pod.name}` : null;
const ipOf = (endpoint: PolicyEndpoint) =>
  'ip' in endpoint.address ? endpoint.address.ip : endpoint.address.within;

/** The hops one direction's verdict adds: an allowing rule of an isolating policy, or the drop. */
function record(
  verdict: DirectionVerdict | null,
  self: PolicyEndpoint,
  other: PolicyEndpoint,
  packet: Packet,
  at: string,
  hops: Hop[],
): Ending | null {
  if (!verdict || verdict.selecting.length === 0 || !self.pod) return null;
  const pod = { pod: self.pod.name, namespace: self.pod.namespace };
  if (verdict.allowedBy) {
    const { policy, rule } = verdict.allowedBy;
    hops.push(
      hop(
        'pod-network',
        at,
        message('netpol.allowed', {
          direction: verdict.direction,
          ...pod,
          policy: policy.name,
          rule,
        }),
        addresses(packet),
      ),
    );
    return null;
  }
  if (verdict.allowed) return null;
  const policies = verdict.selecting.map((p) => p.name);
  hops.push(
    hop(
      'pod-network',
      at,
      message('netpol.dropped', {
        direction: verdict.direction,
        ...pod,
        policies,
        peer: ipOf(other),
        peerPod: named(other),
        port: packet.dport,
        protocol: packet.protocol.toUpperCase(),
      }),
      addresses(packet),
    ),
  );
  return {
    outcome: 'timeout',
    reason: message('netpol.dropped-reason', { direction: verdict.direction, ...pod, policies }),
  };
}

function verdictFor(
  model: Model,
  source: PolicyEndpoint,
  destination: PolicyEndpoint,
  packet: Packet,
): Verdict {
  return judgeConnection(model, {
    source,
    destination,
    port: packet.dport,
    protocol: packet.protocol.toUpperCase() as 'TCP' | 'UDP' | 'SCTP',
  });
}

/**
 * Egress of a Pod's packet, once the node's nat rules have chosen where it
 * goes: null when it may leave (hops added for an allowing rule), else how
 * the connection ends.
 */
export function judgeEgress(
  model: Model,
  pod: RunningPod,
  packet: Packet,
  at: string,
  hops: Hop[],
): Ending | null {
  const source = podEndpoint(model, pod);
  if (!source.pod) return null;
  const destination = addressEndpoint(model, packet.dst);
  const verdict = verdictFor(model, source, destination, packet);
  return record(verdict.egress, source, destination, packet, at, hops);
}

/** Ingress of a packet arriving at a Pod, from its source as rewritten on the way. */
export function judgeIngress(
  model: Model,
  pod: RunningPod,
  packet: Packet,
  at: string,
  hops: Hop[],
): Ending | null {
  const destination = podEndpoint(model, pod);
  if (!destination.pod) return null;
  const source = addressEndpoint(model, packet.src);
  const verdict = verdictFor(model, source, destination, packet);
  return record(verdict.ingress, destination, source, packet, at, hops);
}

/**
 * Both directions of a connection one Pod opens to another (ingress-nginx to
 * an endpoint): the first drop, or null.
 */
export function judgePodToPod(
  model: Model,
  from: RunningPod,
  to: RunningPod,
  packet: Packet,
  hops: Hop[],
): Ending | null {
  return (
    judgeEgress(model, from, packet, from.nodeName, hops) ??
    judgeIngress(model, to, packet, to.nodeName, hops)
  );
}

/**
 * A Pod's DNS query to the cluster DNS Service: UDP 53, judged after DNAT
 * against the DNS Pods (netpol/model.ts dnsEndpoint). The names of the
 * policies that drop it, or null when it goes through.
 */
export function dnsQueryDropped(model: Model, pod: RunningPod): string[] | null {
  const source = podEndpoint(model, pod);
  if (!source.pod) return null;
  const verdict = judgeConnection(model, {
    source,
    destination: dnsEndpoint(model),
    port: 53,
    protocol: 'UDP',
  });
  const egress = verdict.egress;
  return egress && !egress.allowed ? egress.selecting.map((p) => p.name) : null;
}
