// The endpoints ingress-nginx proxies a Service port to, read from the
// Service's EndpointSlices as internal/ingress/controller/endpointslices.go
// getEndpointsFromSlices reads them, which is not kube-proxy's way (kube-proxy
// takes only the slice port of the Service port's name):
// - a slice without ports gives the Service port's targetPort, when a number;
// - else each TCP slice port counts: any one when the Service port has no
//   name, the one of the same name, and otherwise the Service port's numeric
//   targetPort stands in (ingress-nginx issue 7390: selectorless slices whose
//   port names do not match);
// - an endpoint whose ready condition is false is left out; each address:port
//   counts once.
import type { EndpointSlice, ServicePort } from '../api/types.ts';

export interface UpstreamEndpoint {
  ip: string;
  port: number;
}

function slicePorts(port: ServicePort, slice: EndpointSlice): number[] {
  const numeric = typeof port.targetPort === 'number' ? port.targetPort : 0;
  if (slice.ports.length === 0) return numeric ? [numeric] : [];
  const out: number[] = [];
  for (const p of slice.ports) {
    if (p.protocol !== 'TCP') continue;
    const matched = port.name === '' || port.name === p.name ? p.port : 0;
    const chosen = matched || numeric;
    if (chosen) out.push(chosen);
  }
  return out;
}

export function upstreamEndpoints(
  port: ServicePort,
  slices: EndpointSlice[],
  /** false: not-ready endpoints too (Envoy Gateway programs them, draining). */
  readyOnly = true,
): UpstreamEndpoint[] {
  const seen = new Set<string>();
  const out: UpstreamEndpoint[] = [];
  for (const slice of slices) {
    const ports = slicePorts(port, slice);
    for (const ep of slice.endpoints) {
      if (readyOnly && !ep.ready) continue;
      for (const p of ports)
        for (const ip of ep.addresses) {
          const key = `${ip}:${p}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ ip, port: p });
        }
    }
  }
  return out;
}
