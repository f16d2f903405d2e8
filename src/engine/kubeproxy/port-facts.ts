// What both of kube-proxy's proxiers (iptables and nftables) work out for a
// Service port before they write anything: its traffic policies, its
// endpoints as this node sees them, whether internal and external traffic
// has somewhere to go, and the load-balancer addresses and source ranges
// they keep. Upstream shares it the same way: pkg/proxy/serviceport.go
// (newBaseServiceInfo) and pkg/proxy/topology.go (CategorizeEndpoints), read
// by both pkg/proxy/iptables/proxier.go and pkg/proxy/nftables/proxier.go.
import type { Service, ServicePort } from '../api/types.ts';
import type { ClusterNode } from '../cluster.ts';
import { slicesOf } from '../model/lookup.ts';
import type { Model } from '../model/types.ts';
import { cidrContains, formatIPv4, parseCidr, parseIPv4 } from '../net/ip.ts';
import {
  type Categorized,
  categorize,
  endpointsFor,
  type PortPolicy,
  portPolicy,
} from './endpoints.ts';
import { servicePortName } from './names.ts';

export interface PortFacts extends Categorized {
  service: Service;
  port: ServicePort;
  /** ServicePortName.String(): "ns/name" or "ns/name:port". */
  name: string;
  policy: PortPolicy;
  clusterCIDR: string;
  hasInternal: boolean;
  hasExternal: boolean;
  lbIPs: string[];
  /** The IPv4 loadBalancerSourceRanges, as networks ("10.1.2.3/8" is 10.0.0.0/8). */
  sourceRanges: string[];
  /** Whether a source range holds this node's own address (proxier.go's allowFromNode). */
  allowFromNode: boolean;
}

/**
 * The loadBalancerSourceRanges kube-proxy enforces: the field only (not the
 * older annotation), trimmed and parsed, each written back as its network.
 */
export function kubeProxySourceRanges(service: Service): string[] {
  return service.loadBalancerSourceRanges.flatMap((range) => {
    const cidr = parseCidr(range.trim());
    return cidr ? [`${formatIPv4(cidr.base)}/${cidr.bits}`] : [];
  });
}

export function portFacts(
  service: Service,
  port: ServicePort,
  model: Model,
  node: ClusterNode,
): PortFacts {
  const policy = portPolicy(service, port);
  const categorized = categorize(endpointsFor(port, slicesOf(model, service), node.name), policy);
  const { local, hasAny } = categorized;
  // newBaseServiceInfo keeps the proxier's own family only: MapIPsByIPFamily for
  // load-balancer IPs and external IPs, MapCIDRsByIPFamily for source ranges
  // (trimmed, parsed, written back as cidr.String(), the network); what does
  // not parse is dropped.
  const lbIPs = (service.type === 'LoadBalancer' ? service.loadBalancerIngress : []).filter(
    (ip) => parseIPv4(ip) !== null,
  );
  const sourceRanges = kubeProxySourceRanges(service);
  return {
    ...categorized,
    service,
    port,
    name: servicePortName(service, port),
    policy,
    clusterCIDR: model.cluster.clusterCIDR,
    hasInternal: policy.internalPolicyLocal ? hasAny && local.length > 0 : hasAny,
    hasExternal: policy.externalPolicyLocal ? hasAny && local.length > 0 : hasAny,
    lbIPs,
    sourceRanges,
    allowFromNode: sourceRanges.some((range) => {
      const cidr = parseCidr(range);
      return cidr !== null && cidrContains(cidr, node.internalIP);
    }),
  };
}
