// The names of kube-proxy's per-Service chains and sets in nftables mode:
// "HASH-namespace/name/protocol/port", HASH being the first 8 characters of
// base32(sha256(name)), and a prefix per role.
// Source: kubernetes/kubernetes pkg/proxy/nftables/proxier.go (hashAndTruncate,
// servicePortChainNameBase, servicePortEndpointChainNameBase).
import type { Service, ServicePort } from '../../api/types.ts';
import { base32, sha256 } from '../../util/hash.ts';

/** knftables.NameLengthMax (256) less the longest prefix kube-proxy uses (16). */
const chainNameBaseLengthMax = 256 - 16;

function hashAndTruncate(name: string): string {
  const named = `${base32(sha256(name)).slice(0, 8)}-${name}`;
  return named.length > chainNameBaseLengthMax
    ? `${named.slice(0, chainNameBaseLengthMax - 3)}...`
    : named;
}

export interface ServicePortChains {
  /** service-: the endpoints for Cluster traffic policy. */
  cluster: string;
  /** local-: the node's own endpoints, for Local traffic policy. */
  local: string;
  /** external-: where NodePort, external IP and load-balancer traffic enters. */
  external: string;
  /** firewall-: loadBalancerSourceRanges. */
  firewall: string;
}

function base(service: Service, port: ServicePort): string {
  const { namespace, name } = service.metadata;
  return `${namespace}/${name}/${port.protocol.toLowerCase()}/${port.name}`;
}

export function servicePortChains(service: Service, port: ServicePort): ServicePortChains {
  const hashed = hashAndTruncate(base(service, port));
  return {
    cluster: `service-${hashed}`,
    local: `local-${hashed}`,
    external: `external-${hashed}`,
    firewall: `firewall-${hashed}`,
  };
}

export interface EndpointNames {
  chain: string;
  affinitySet: string;
}

/** The endpoint's chain and its ClientIP affinity set; `ip` is IPv4, so has no ':' to replace. */
export function endpointNames(
  service: Service,
  port: ServicePort,
  ip: string,
  targetPort: number,
): EndpointNames {
  const hashed = hashAndTruncate(`${base(service, port)}__${ip}/${targetPort}`);
  return { chain: `endpoint-${hashed}`, affinitySet: `affinity-${hashed}` };
}
