// kube-proxy's chain names: a prefix and 16 characters of base32(sha256(...)),
// so that our chains are named exactly as a real node's.
// Source: kubernetes/kubernetes pkg/proxy/iptables/proxier.go (portProtoHash,
// servicePortEndpointChainName).
import type { Service, ServicePort } from '../api/types.ts';
import { base32, sha256 } from '../util/hash.ts';

function hash16(text: string): string {
  return base32(sha256(text)).slice(0, 16);
}

/** ServicePortName.String(): "ns/name" or "ns/name:port". */
export function servicePortName(service: Service, port: ServicePort): string {
  const base = `${service.metadata.namespace}/${service.metadata.name}`;
  return port.name ? `${base}:${port.name}` : base;
}

export interface ServiceChains {
  svc: string;
  svl: string;
  ext: string;
  fw: string;
}

export function serviceChains(portName: string, protocol: string): ServiceChains {
  const h = hash16(portName + protocol.toLowerCase());
  return { svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` };
}

export function endpointChain(portName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${hash16(portName + protocol.toLowerCase() + endpoint)}`;
}
