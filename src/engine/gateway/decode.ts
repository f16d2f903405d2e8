// Reads GatewayClass, Gateway, HTTPRoute and ReferenceGrant manifests, with
// the defaults their CRDs declare (config/crd/standard in Gateway API v1.6):
// what `kubectl get -o yaml` shows after the API server stored them.
import { Decoder } from '../api/decode.ts';
import { decodeMeta, decodeSelector, objectId } from '../api/objects.ts';
import type { PathStep } from '../diagnostics.ts';
import { formatPath, locate } from '../diagnostics.ts';
import type {
  BackendObjectReference,
  Gateway,
  GatewayClass,
  GatewayObjectMeta,
  HeaderModifier,
  HTTPBackendRef,
  HTTPRoute,
  HTTPRouteFilter,
  HTTPRouteMatch,
  Listener,
  ParentReference,
  PathModifier,
  ReferenceGrant,
  ValueMatch,
} from './types.ts';
import { gatewayGroup } from './types.ts';

/**
 * A custom resource is decoded into unstructured data and checked against its
 * CRD's OpenAPI schema, so a value of the wrong type gets the schema's text,
 * not encoding/json's.
 */
export class CustomResourceDecoder extends Decoder {
  protected override wrongType(path: readonly PathStep[], found: unknown, goType: string): void {
    const type = Array.isArray(found)
      ? 'array'
      : found === null
        ? 'null'
        : typeof found === 'object'
          ? 'object'
          : typeof found === 'number'
            ? Number.isInteger(found)
              ? 'integer'
              : 'number'
            : typeof found;
    const expected = goType.startsWith('[]')
      ? 'array'
      : goType.startsWith('map')
        ? 'object'
        : goType === 'bool'
          ? 'boolean'
          : goType.startsWith('int')
            ? 'integer'
            : goType === 'object'
              ? 'object'
              : 'string';
    const field = formatPath(path);
    this.problems.push({
      severity: 'error',
      code: 'FieldValueInvalid',
      object: this.object,
      field,
      message: `${field}: Invalid value: "${type}": ${field} in body must be of type ${expected}: "${type}"`,
      ...locate(this.doc, path),
    });
  }
}

function meta(d: Decoder, namespaced: boolean): GatewayObjectMeta {
  return {
    ...decodeMeta(d, namespaced),
    creationTimestamp: d.string(['metadata', 'creationTimestamp']) ?? '',
  };
}

export function decodeGatewayClass(d: Decoder): GatewayClass {
  const metadata = meta(d, false);
  return {
    kind: 'GatewayClass',
    doc: d.doc,
    id: objectId('GatewayClass', '', metadata.name),
    metadata,
    controllerName: d.string(['spec', 'controllerName']) ?? '',
  };
}

function decodeListener(d: Decoder, at: readonly PathStep[]): Listener {
  const tlsAt = [...at, 'tls'];
  const routesAt = [...at, 'allowedRoutes'];
  const kindsAt = [...routesAt, 'kinds'];
  return {
    name: d.string([...at, 'name']) ?? '',
    hostname: d.string([...at, 'hostname']) ?? null,
    port: d.int([...at, 'port']) ?? 0,
    protocol: d.string([...at, 'protocol']) ?? '',
    tls: d.has(tlsAt)
      ? {
          mode: d.string([...tlsAt, 'mode']) ?? 'Terminate',
          certificateRefs: d.list([...tlsAt, 'certificateRefs'], '[]object').map((_, i) => ({
            group: d.string([...tlsAt, 'certificateRefs', i, 'group']) ?? '',
            kind: d.string([...tlsAt, 'certificateRefs', i, 'kind']) ?? 'Secret',
            name: d.string([...tlsAt, 'certificateRefs', i, 'name']) ?? '',
            namespace: d.string([...tlsAt, 'certificateRefs', i, 'namespace']) ?? null,
          })),
        }
      : null,
    allowedRoutes: {
      from: d.string([...routesAt, 'namespaces', 'from']) ?? 'Same',
      selector: decodeSelector(d, [...routesAt, 'namespaces', 'selector']),
      kinds: d.has(kindsAt)
        ? d.list(kindsAt, '[]object').map((_, i) => ({
            group: d.string([...kindsAt, i, 'group']) ?? gatewayGroup,
            kind: d.string([...kindsAt, i, 'kind']) ?? '',
          }))
        : null,
    },
  };
}

export function decodeGateway(d: Decoder): Gateway {
  const metadata = meta(d, true);
  return {
    kind: 'Gateway',
    doc: d.doc,
    id: objectId('Gateway', metadata.namespace, metadata.name),
    metadata,
    gatewayClassName: d.string(['spec', 'gatewayClassName']) ?? '',
    listeners: d
      .list(['spec', 'listeners'], '[]object')
      .map((_, i) => decodeListener(d, ['spec', 'listeners', i])),
  };
}

function parentRef(d: Decoder, at: readonly PathStep[]): ParentReference {
  return {
    group: d.string([...at, 'group']) ?? gatewayGroup,
    kind: d.string([...at, 'kind']) ?? 'Gateway',
    namespace: d.string([...at, 'namespace']) ?? null,
    name: d.string([...at, 'name']) ?? '',
    sectionName: d.string([...at, 'sectionName']) ?? null,
    port: d.int([...at, 'port']) ?? null,
  };
}

function valueMatches(d: Decoder, at: readonly PathStep[]): ValueMatch[] {
  return d.list(at, '[]object').map((_, i) => ({
    type: (d.string([...at, i, 'type']) ?? 'Exact') as ValueMatch['type'],
    name: d.string([...at, i, 'name']) ?? '',
    value: d.string([...at, i, 'value']) ?? '',
  }));
}

function decodeMatch(d: Decoder, at: readonly PathStep[]): HTTPRouteMatch {
  const pathAt = [...at, 'path'];
  return {
    path: {
      type: (d.string([...pathAt, 'type']) ?? 'PathPrefix') as HTTPRouteMatch['path']['type'],
      value: d.string([...pathAt, 'value']) ?? '/',
    },
    headers: valueMatches(d, [...at, 'headers']),
    queryParams: valueMatches(d, [...at, 'queryParams']),
    method: d.string([...at, 'method']) ?? null,
  };
}

function headerModifier(d: Decoder, at: readonly PathStep[]): HeaderModifier {
  const pairs = (key: string) =>
    d.list([...at, key], '[]object').map((_, i) => ({
      name: d.string([...at, key, i, 'name']) ?? '',
      value: d.string([...at, key, i, 'value']) ?? '',
    }));
  return { set: pairs('set'), add: pairs('add'), remove: d.stringList([...at, 'remove']) };
}

function pathModifier(d: Decoder, at: readonly PathStep[]): PathModifier | null {
  if (!d.has(at)) return null;
  return {
    type: (d.string([...at, 'type']) ?? '') as PathModifier['type'],
    replaceFullPath: d.string([...at, 'replaceFullPath']) ?? null,
    replacePrefixMatch: d.string([...at, 'replacePrefixMatch']) ?? null,
  };
}

function backendObject(d: Decoder, at: readonly PathStep[]): BackendObjectReference {
  return {
    group: d.string([...at, 'group']) ?? '',
    kind: d.string([...at, 'kind']) ?? 'Service',
    name: d.string([...at, 'name']) ?? '',
    namespace: d.string([...at, 'namespace']) ?? null,
    port: d.int([...at, 'port']) ?? null,
  };
}

function decodeFilter(d: Decoder, at: readonly PathStep[]): HTTPRouteFilter {
  const type = d.string([...at, 'type']) ?? '';
  switch (type) {
    case 'RequestHeaderModifier':
      return { type, modifier: headerModifier(d, [...at, 'requestHeaderModifier']) };
    case 'ResponseHeaderModifier':
      return { type, modifier: headerModifier(d, [...at, 'responseHeaderModifier']) };
    case 'RequestRedirect': {
      const r = [...at, 'requestRedirect'];
      return {
        type,
        scheme: d.string([...r, 'scheme']) ?? null,
        hostname: d.string([...r, 'hostname']) ?? null,
        path: pathModifier(d, [...r, 'path']),
        port: d.int([...r, 'port']) ?? null,
        statusCode: d.int([...r, 'statusCode']) ?? 302,
      };
    }
    case 'URLRewrite': {
      const r = [...at, 'urlRewrite'];
      return {
        type,
        hostname: d.string([...r, 'hostname']) ?? null,
        path: pathModifier(d, [...r, 'path']),
      };
    }
    case 'RequestMirror': {
      const r = [...at, 'requestMirror'];
      const percent = d.int([...r, 'percent']);
      const numerator = d.int([...r, 'fraction', 'numerator']);
      const denominator = d.int([...r, 'fraction', 'denominator']) ?? 100;
      return {
        type,
        backendRef: backendObject(d, [...r, 'backendRef']),
        percent:
          percent ??
          (numerator !== undefined && denominator > 0 ? (100 * numerator) / denominator : 100),
      };
    }
    case 'CORS': {
      const r = [...at, 'cors'];
      return {
        type,
        allowOrigins: d.stringList([...r, 'allowOrigins']),
        allowMethods: d.stringList([...r, 'allowMethods']),
        allowHeaders: d.stringList([...r, 'allowHeaders']),
        exposeHeaders: d.stringList([...r, 'exposeHeaders']),
        allowCredentials: d.bool([...r, 'allowCredentials']) ?? false,
        maxAge: d.int([...r, 'maxAge']) ?? null,
      };
    }
    default:
      return { type: 'unsupported', written: type };
  }
}

function filters(d: Decoder, at: readonly PathStep[]): HTTPRouteFilter[] {
  return d.list(at, '[]object').map((_, i) => decodeFilter(d, [...at, i]));
}

function backendRef(d: Decoder, at: readonly PathStep[]): HTTPBackendRef {
  return {
    ...backendObject(d, at),
    weight: d.int([...at, 'weight']) ?? 1,
    filters: filters(d, [...at, 'filters']),
  };
}

const defaultMatch = (): HTTPRouteMatch => ({
  path: { type: 'PathPrefix', value: '/' },
  headers: [],
  queryParams: [],
  method: null,
});

export function decodeHTTPRoute(d: Decoder): HTTPRoute {
  const metadata = meta(d, true);
  const rulesAt = ['spec', 'rules'];
  // The CRD defaults spec.rules to one rule matching PathPrefix "/", and a rule's matches likewise.
  const rules = d.has(rulesAt)
    ? d.list(rulesAt, '[]object').map((_, r) => {
        const matchesAt = [...rulesAt, r, 'matches'];
        return {
          name: d.string([...rulesAt, r, 'name']) ?? null,
          matches: d.has(matchesAt)
            ? d.list(matchesAt, '[]object').map((__, m) => decodeMatch(d, [...matchesAt, m]))
            : [defaultMatch()],
          filters: filters(d, [...rulesAt, r, 'filters']),
          backendRefs: d
            .list([...rulesAt, r, 'backendRefs'], '[]object')
            .map((__, b) => backendRef(d, [...rulesAt, r, 'backendRefs', b])),
        };
      })
    : [{ name: null, matches: [defaultMatch()], filters: [], backendRefs: [] }];
  return {
    kind: 'HTTPRoute',
    doc: d.doc,
    id: objectId('HTTPRoute', metadata.namespace, metadata.name),
    metadata,
    parentRefs: d
      .list(['spec', 'parentRefs'], '[]object')
      .map((_, i) => parentRef(d, ['spec', 'parentRefs', i])),
    hostnames: d.stringList(['spec', 'hostnames']),
    rules,
  };
}

export function decodeReferenceGrant(d: Decoder): ReferenceGrant {
  const metadata = meta(d, true);
  return {
    kind: 'ReferenceGrant',
    doc: d.doc,
    id: objectId('ReferenceGrant', metadata.namespace, metadata.name),
    metadata,
    from: d.list(['spec', 'from'], '[]object').map((_, i) => ({
      group: d.string(['spec', 'from', i, 'group']) ?? '',
      kind: d.string(['spec', 'from', i, 'kind']) ?? '',
      namespace: d.string(['spec', 'from', i, 'namespace']) ?? '',
    })),
    to: d.list(['spec', 'to'], '[]object').map((_, i) => ({
      group: d.string(['spec', 'to', i, 'group']) ?? '',
      kind: d.string(['spec', 'to', i, 'kind']) ?? '',
      name: d.string(['spec', 'to', i, 'name']) ?? null,
    })),
  };
}
