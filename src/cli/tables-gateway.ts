// `kubectl get` of Gateway API objects: custom resources, printed with the
// additionalPrinterColumns of their CRDs (Gateway API v1.6.1 standard
// channel), each a JSONPath into the served object: GatewayClass CONTROLLER
// and ACCEPTED (DESCRIPTION at priority 1: -o wide), Gateway CLASS, ADDRESS
// and PROGRAMMED, HTTPRoute HOSTNAMES, ReferenceGrant only AGE.
import {
  type Model,
  servedGateway,
  servedGatewayClass,
  servedHTTPRoute,
  servedReferenceGrant,
} from '../engine/index.ts';
import type { Printer } from './tables.ts';

const age = '<unknown>';

type Served = {
  spec?: Record<string, unknown>;
  status?: { conditions?: { type: string; status: string }[]; addresses?: { value: string }[] };
};

const condition = (o: Served, type: string) =>
  o.status?.conditions?.find((c) => c.type === type)?.status ?? '';

/** A JSONPath column over a list: kubectl prints the values joined by commas; a JSON list as JSON. */
const joined = (values: readonly string[]) => values.join(',');

export const gatewayPrinters: Record<string, Printer> = {
  gatewayclasses: {
    columns: ['CONTROLLER', 'ACCEPTED', 'AGE'],
    items: (model: Model) =>
      model.gatewayClasses.map((gc) => {
        const o = servedGatewayClass(model, gc) as Served;
        return {
          namespace: '',
          name: gc.metadata.name,
          cells: [gc.controllerName, condition(o, 'Accepted'), age],
          object: () => o,
        };
      }),
  },
  gateways: {
    columns: ['CLASS', 'ADDRESS', 'PROGRAMMED', 'AGE'],
    items: (model: Model) =>
      model.gateways.map((g) => {
        const o = servedGateway(model, g) as Served;
        return {
          namespace: g.metadata.namespace,
          name: g.metadata.name,
          cells: [
            g.gatewayClassName,
            joined((o.status?.addresses ?? []).map((a) => a.value)),
            condition(o, 'Programmed'),
            age,
          ],
          object: () => o,
        };
      }),
  },
  httproutes: {
    columns: ['HOSTNAMES', 'AGE'],
    items: (model: Model) =>
      model.httpRoutes.map((r) => ({
        namespace: r.metadata.namespace,
        name: r.metadata.name,
        // kubectl prints a JSONPath result that is a list as JSON: ["a.example.com"].
        cells: [r.hostnames.length ? JSON.stringify(r.hostnames) : '', age],
        object: () => servedHTTPRoute(model, r),
      })),
  },
  referencegrants: {
    columns: ['AGE'],
    items: (model: Model) =>
      model.referenceGrants.map((g) => ({
        namespace: g.metadata.namespace,
        name: g.metadata.name,
        cells: [age],
        object: () => servedReferenceGrant(g),
      })),
  },
};
