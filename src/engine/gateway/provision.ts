// What Envoy Gateway makes in the cluster: its own controller, once the
// manifests use Gateway API, and an Envoy proxy (Deployment and LoadBalancer
// Service) for every Gateway whose class it accepts.
import type { ClusterSpec } from '../cluster.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { type Declared, declareBuiltIn } from '../model/declare.ts';
import { controllerManifests, envoyGatewayFile, proxyManifests } from './envoy.ts';
import { listenerStates } from './listeners.ts';
import { acceptsClass } from './status.ts';
import type { Gateway } from './types.ts';

export function provisionGateways(
  cluster: ClusterSpec,
  declared: Declared,
  gateways: Gateway[],
  diagnostics: Diagnostic[],
): void {
  if (cluster.gatewayController !== 'envoy-gateway') return;
  const used =
    declared.gatewayClasses.length + declared.gateways.length + declared.httpRoutes.length > 0;
  if (!used) return;
  declareBuiltIn(envoyGatewayFile, controllerManifests(), declared, diagnostics);
  for (const gateway of gateways) {
    const gatewayClass = declared.gatewayClasses.find(
      (c) => c.metadata.name === gateway.gatewayClassName,
    );
    if (!gatewayClass || !acceptsClass(cluster, gatewayClass)) continue;
    const ready = listenerStates(declared, gateway)
      .filter((l) => l.ready)
      .map((l) => l.listener);
    declareBuiltIn(envoyGatewayFile, proxyManifests(gateway, ready), declared, diagnostics);
  }
}
