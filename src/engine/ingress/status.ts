// What ingress-nginx writes in an Ingress's status, and the class the
// DefaultIngressClass admission plugin fills in: what `kubectl get ingress`
// shows in its ADDRESS and CLASS columns.
import type { Diagnostic } from '../diagnostics.ts';
import type { Model } from '../model/types.ts';
import { controllerNamespace, controllerService } from './controller.ts';
import type { Ingress } from './types.ts';
import { servedIngresses } from './warnings.ts';

/**
 * spec.ingressClassName as stored: plugin/pkg/admission/network/defaultingressclass
 * admission.go Admit sets the one default class on an Ingress that names no
 * class and carries no kubernetes.io/ingress.class annotation.
 */
export function storedClassName(model: Model, ingress: Ingress): string | null {
  if (ingress.ingressClassName !== null) return ingress.ingressClassName;
  if (ingress.metadata.annotations['kubernetes.io/ingress.class'] !== undefined) return null;
  const defaults = model.ingressClasses.filter((c) => c.isDefault);
  return defaults.length === 1 ? (defaults[0]?.metadata.name ?? null) : null;
}

/**
 * status.loadBalancer.ingress[].ip of an Ingress: ingress-nginx (its Helm
 * chart's --publish-service) copies them from its own Service, as
 * internal/ingress/status/status.go statusAddressFromService reads it: a
 * LoadBalancer's status addresses then its externalIPs, a NodePort's
 * externalIPs or else its ClusterIP, a ClusterIP's ClusterIP. Only the
 * Ingresses the controller serves get them; none while nothing publishes one.
 */
export function ingressStatusAddresses(model: Model, ingress: Ingress): string[] {
  const serving = servedIngresses(model, [] as Diagnostic[]).includes(ingress);
  const service = model.services.find(
    (s) => s.metadata.namespace === controllerNamespace && s.metadata.name === controllerService,
  );
  if (!serving || !service) return [];
  switch (service.type) {
    case 'LoadBalancer':
      return [...service.loadBalancerIngress, ...service.externalIPs];
    case 'NodePort':
      return service.externalIPs.length ? [...service.externalIPs] : [service.clusterIP];
    case 'ClusterIP':
      return [service.clusterIP];
    default:
      return [service.externalName];
  }
}
