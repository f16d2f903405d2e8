// Whether a rule's ports admit a connection (NetworkPolicyPort): no ports
// means every port; otherwise one entry must match the protocol and, when it
// gives one, the port: a number, a range up to endPort, or a name that the
// destination Pod gives that port and protocol in its containerPorts.
import type { Protocol } from '../api/types.ts';
import type { PolicyEndpoint } from './peers.ts';
import type { NetworkPolicyPort } from './types.ts';

export function portsMatch(
  ports: readonly NetworkPolicyPort[],
  port: number,
  protocol: Protocol,
  destination: PolicyEndpoint,
): boolean {
  if (ports.length === 0) return true;
  return ports.some((p) => {
    if (p.protocol !== protocol) return false;
    if (p.port === undefined) return true;
    if (typeof p.port === 'number')
      return p.endPort !== undefined ? p.port <= port && port <= p.endPort : p.port === port;
    // A named port resolves against the destination Pod alone: an address outside has no names.
    return (
      destination.pod?.ports.some(
        (c) => c.name === p.port && c.protocol === protocol && c.containerPort === port,
      ) ?? false
    );
  });
}
