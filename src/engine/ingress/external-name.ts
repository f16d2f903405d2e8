// An ExternalName Service as an Ingress backend. ingress-nginx does not look
// for endpoints: controller.go serviceEndpoints takes the port from
// externalNamePorts and endpointslices.go getEndpointsFromSlices makes the
// externalName itself the one upstream, refusing "localhost" and loopback
// addresses; the Lua balancer resolves the name by DNS when it syncs. That
// lookup happens outside what Routelab simulates, so the trace stops there.
import type { Service } from '../api/types.ts';

/** Whether ingress-nginx refuses the name as local ("Invalid attempt to use localhost name"). */
export function isLocalName(externalName: string): boolean {
  if (externalName === 'localhost') return true;
  // net.ParseIP(...).IsLoopback(): 127.0.0.0/8 and ::1.
  return /^127(\.\d{1,3}){3}$/.test(externalName) || externalName === '::1';
}

/**
 * The port ingress-nginx proxies to (externalNamePorts, then the endpoint's
 * targetPort.IntValue()): by name, the named port's numeric targetPort, else
 * its port; by number, the port of that number's targetPort (0 when it is a
 * name, as the code returns the Service's targetPort unchanged), else the
 * number itself.
 */
export function externalNamePort(service: Service, port: { number: number; name: string }): number {
  if (port.number <= 0) {
    const named = service.ports.find((p) => p.name === port.name);
    if (named) return typeof named.targetPort === 'number' ? named.targetPort : named.port;
    return 0;
  }
  const numbered = service.ports.find((p) => p.port === port.number);
  if (numbered) return typeof numbered.targetPort === 'number' ? numbered.targetPort : 0;
  return port.number;
}
