// Which endpoints a node's kube-proxy uses for a Service port, by traffic
// policy. Source: kubernetes/kubernetes pkg/proxy/topology.go (CategorizeEndpoints)
// and pkg/proxy/serviceport.go (UsesClusterEndpoints, UsesLocalEndpoints).
// Topology hints are not modelled: no Service here asks for them.
import type { EndpointSlice, Service, ServicePort } from '../api/types.ts';
import { parseIPv4 } from '../net/ip.ts';

export interface ProxyEndpoint {
  ip: string;
  port: number;
  /** "ip:port", the string kube-proxy sorts and hashes. */
  text: string;
  nodeName: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  local: boolean;
}

/** The endpoints of a Service port on a node, from the Service's own slices. */
export function endpointsFor(
  port: ServicePort,
  slices: EndpointSlice[],
  nodeName: string,
): ProxyEndpoint[] {
  const byText = new Map<string, ProxyEndpoint>();
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4') continue;
    const slicePort = slice.ports.find((p) => p.name === port.name && p.protocol === port.protocol);
    if (!slicePort) continue;
    for (const ep of slice.endpoints) {
      const ip = ep.addresses[0];
      if (!ip) continue;
      const text = `${ip}:${slicePort.port}`;
      byText.set(text, {
        ip,
        port: slicePort.port,
        text,
        nodeName: ep.nodeName,
        ready: ep.ready,
        serving: ep.serving,
        terminating: ep.terminating,
        local: ep.nodeName !== '' && ep.nodeName === nodeName,
      });
    }
  }
  // endpointslicecache.go: "Ensure endpoints are always returned in the same order".
  return [...byText.values()].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

export interface PortPolicy {
  externallyAccessible: boolean;
  externalPolicyLocal: boolean;
  internalPolicyLocal: boolean;
  usesClusterEndpoints: boolean;
  usesLocalEndpoints: boolean;
}

export function portPolicy(service: Service, port: ServicePort): PortPolicy {
  // The IPv4 proxier counts only IPv4 addresses (newBaseServiceInfo, MapIPsByIPFamily).
  const ipv4 = (ips: string[]) => ips.some((ip) => parseIPv4(ip) !== null);
  const externallyAccessible =
    port.nodePort !== 0 || ipv4(service.loadBalancerIngress) || ipv4(service.externalIPs);
  const externalPolicyLocal = externallyAccessible && service.externalTrafficPolicy === 'Local';
  const internalPolicyLocal = service.internalTrafficPolicy === 'Local';
  return {
    externallyAccessible,
    externalPolicyLocal,
    internalPolicyLocal,
    usesClusterEndpoints: !internalPolicyLocal || externallyAccessible,
    usesLocalEndpoints: internalPolicyLocal || externalPolicyLocal,
  };
}

export interface Categorized {
  cluster: ProxyEndpoint[];
  local: ProxyEndpoint[];
  allReachable: ProxyEndpoint[];
  hasAny: boolean;
}

export function categorize(endpoints: ProxyEndpoint[], policy: PortPolicy): Categorized {
  let cluster: ProxyEndpoint[] = [];
  let local: ProxyEndpoint[] = [];
  let hasAny = false;
  if (policy.usesClusterEndpoints) {
    cluster = endpoints.filter((ep) => ep.ready);
    // With no ready endpoint anywhere, fall back to the serving, terminating ones.
    if (cluster.length === 0) cluster = endpoints.filter((ep) => ep.serving && ep.terminating);
    if (cluster.length > 0) hasAny = true;
  }
  if (!policy.usesLocalEndpoints) return { cluster, local, allReachable: cluster, hasAny };

  let localReady = false;
  let localServingTerminating = false;
  for (const ep of endpoints) {
    if (ep.ready) {
      hasAny = true;
      if (ep.local) localReady = true;
    } else if (ep.serving && ep.terminating) {
      hasAny = true;
      if (ep.local) localServingTerminating = true;
    }
  }
  if (localReady) local = endpoints.filter((ep) => ep.local && ep.ready);
  else if (localServingTerminating)
    local = endpoints.filter((ep) => ep.local && ep.serving && ep.terminating);

  if (!policy.usesClusterEndpoints) return { cluster, local, allReachable: local, hasAny };
  const allReachable = [...cluster];
  for (const ep of local) if (!allReachable.includes(ep)) allReachable.push(ep);
  return { cluster, local, allReachable, hasAny };
}
