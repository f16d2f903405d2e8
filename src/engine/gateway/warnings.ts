// What a learner should hear about Gateway API objects that the API server
// accepts but that will not route: a Gateway whose class no controller takes,
// a route attached nowhere, and every condition a controller sets to False on
// a route or a listener, with the controller's own reason and message.
import type { Diagnostic, PathStep } from '../diagnostics.ts';
import { formatPath, locate } from '../diagnostics.ts';
import type { Message } from '../messages.ts';
import { message } from '../messages.ts';
import type { Model } from '../model/types.ts';
import { explained } from '../trace/english.ts';
import { envoyGatewayControllerName } from './envoy.ts';
import { gatewayAPIOf } from './status.ts';
import type { GatewayObjectMeta } from './types.ts';
import { gatewayGroup } from './types.ts';

function warn(
  object: { id: string; doc: Parameters<typeof locate>[0] },
  path: PathStep[],
  code: string,
  m: Message,
): Diagnostic {
  return {
    severity: 'warning',
    code,
    object: object.id,
    field: formatPath(path),
    ...explained(m),
    ...locate(object.doc, path),
  };
}

const named = (meta: GatewayObjectMeta) => `${meta.namespace}/${meta.name}`;

function classWarnings(model: Model): Diagnostic[] {
  return model.gatewayClasses.flatMap((gc) => {
    const gatewayClass = gc.metadata.name;
    const at: PathStep[] = ['spec', 'controllerName'];
    if (gc.controllerName !== envoyGatewayControllerName)
      return [
        warn(
          gc,
          at,
          'GatewayClassNotAccepted',
          message('warning.gateway-class-foreign', { gatewayClass, controller: gc.controllerName }),
        ),
      ];
    if (model.cluster.gatewayController === 'none')
      return [
        warn(
          gc,
          at,
          'GatewayClassNotAccepted',
          message('warning.gateway-no-controller', { gatewayClass }),
        ),
      ];
    return [];
  });
}

function gatewayStateWarnings(model: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const g of gatewayAPIOf(model).gateways) {
    const gateway = g.gateway;
    const name = named(gateway.metadata);
    if (!g.gatewayClass)
      out.push(
        warn(
          gateway,
          ['spec', 'gatewayClassName'],
          'GatewayClassMissing',
          message('warning.gateway-class-missing', {
            gateway: name,
            gatewayClass: gateway.gatewayClassName,
          }),
        ),
      );
    if (!g.managed) continue;
    g.listeners.forEach((l, i) => {
      const bad = l.conditions.find(
        (c) => c.type !== 'Programmed' && c.status === (c.type === 'Conflicted' ? 'True' : 'False'),
      );
      if (bad)
        out.push(
          warn(
            gateway,
            ['spec', 'listeners', i],
            'ListenerNotReady',
            message('warning.listener-condition', {
              gateway: name,
              listener: l.listener.name,
              type: bad.type,
              reason: bad.reason,
              message: bad.message,
            }),
          ),
        );
    });
  }
  return out;
}

function routeWarnings(model: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of gatewayAPIOf(model).routes) {
    const route = r.route;
    route.parentRefs.forEach((ref, i) => {
      if (ref.group !== gatewayGroup || ref.kind !== 'Gateway') return;
      const namespace = ref.namespace ?? route.metadata.namespace;
      if (
        model.gateways.some(
          (g) => g.metadata.namespace === namespace && g.metadata.name === ref.name,
        )
      )
        return;
      out.push(
        warn(
          route,
          ['spec', 'parentRefs', i, 'name'],
          'ParentNotFound',
          message('warning.route-no-parent', {
            route: named(route.metadata),
            gateway: `${namespace}/${ref.name}`,
          }),
        ),
      );
    });
    for (const parent of r.parents)
      for (const c of parent.conditions)
        if (c.status === (c.type === 'PartiallyInvalid' ? 'True' : 'False'))
          out.push(
            warn(
              route,
              ['spec', 'parentRefs', route.parentRefs.indexOf(parent.ref)],
              'RouteNotReady',
              message('warning.route-condition', {
                route: named(route.metadata),
                gateway: named(parent.gateway.gateway.metadata),
                type: c.type,
                reason: c.reason,
                message: c.message,
              }),
            ),
          );
  }
  return out;
}

export function gatewayWarnings(model: Model): Diagnostic[] {
  return [...classWarnings(model), ...gatewayStateWarnings(model), ...routeWarnings(model)];
}
