// Gateway API objects (gateway.networking.k8s.io/v1, Gateway API v1.6) as the
// API server stores them: the CRDs' defaults applied (a route rule without
// matches matches PathPrefix "/", a parentRef is to a Gateway, a backendRef
// to a Service of weight 1, a listener allows routes from its own namespace).
import type { LabelSelector, ObjectMeta, Sourced } from '../api/types.ts';

export const gatewayGroup = 'gateway.networking.k8s.io';

export interface GatewayObjectMeta extends ObjectMeta {
  /** metadata.creationTimestamp as written (a dump's), else "". */
  creationTimestamp: string;
}

export interface GatewayClass extends Sourced {
  kind: 'GatewayClass';
  metadata: GatewayObjectMeta;
  controllerName: string;
}

export interface RouteGroupKind {
  group: string;
  kind: string;
}

export interface SecretObjectReference {
  group: string;
  kind: string;
  name: string;
  /** null: the Gateway's own namespace. */
  namespace: string | null;
}

export interface Listener {
  name: string;
  /** null: any hostname. */
  hostname: string | null;
  port: number;
  protocol: string;
  tls: { mode: string; certificateRefs: SecretObjectReference[] } | null;
  allowedRoutes: {
    from: string;
    selector: LabelSelector | null;
    /** null: the kinds the listener's protocol supports. */
    kinds: RouteGroupKind[] | null;
  };
}

export interface Gateway extends Sourced {
  kind: 'Gateway';
  metadata: GatewayObjectMeta;
  gatewayClassName: string;
  listeners: Listener[];
}

export interface ParentReference {
  group: string;
  kind: string;
  /** null: the route's own namespace. */
  namespace: string | null;
  name: string;
  sectionName: string | null;
  port: number | null;
}

export type PathMatchType = 'Exact' | 'PathPrefix' | 'RegularExpression';

export interface ValueMatch {
  type: 'Exact' | 'RegularExpression';
  name: string;
  value: string;
}

export interface HTTPRouteMatch {
  path: { type: PathMatchType; value: string };
  headers: ValueMatch[];
  queryParams: ValueMatch[];
  method: string | null;
}

export interface HeaderModifier {
  set: { name: string; value: string }[];
  add: { name: string; value: string }[];
  remove: string[];
}

export interface PathModifier {
  type: 'ReplaceFullPath' | 'ReplacePrefixMatch';
  replaceFullPath: string | null;
  replacePrefixMatch: string | null;
}

export interface BackendObjectReference {
  group: string;
  kind: string;
  name: string;
  namespace: string | null;
  port: number | null;
}

export type HTTPRouteFilter =
  | { type: 'RequestHeaderModifier'; modifier: HeaderModifier }
  | { type: 'ResponseHeaderModifier'; modifier: HeaderModifier }
  | {
      type: 'RequestRedirect';
      scheme: string | null;
      hostname: string | null;
      path: PathModifier | null;
      port: number | null;
      statusCode: number;
    }
  | { type: 'URLRewrite'; hostname: string | null; path: PathModifier | null }
  | {
      type: 'RequestMirror';
      backendRef: BackendObjectReference;
      /** Percent of requests mirrored; 100 unless percent or fraction says otherwise. */
      percent: number;
    }
  | {
      type: 'CORS';
      allowOrigins: string[];
      allowMethods: string[];
      allowHeaders: string[];
      exposeHeaders: string[];
      allowCredentials: boolean;
      /** Seconds; null when unset. */
      maxAge: number | null;
    }
  /** A filter Routelab does not carry out (ExtensionRef, CORS, a misspelt type): `written` is its type. */
  | { type: 'unsupported'; written: string };

export interface HTTPBackendRef extends BackendObjectReference {
  weight: number;
  filters: HTTPRouteFilter[];
}

export interface HTTPRouteRule {
  name: string | null;
  matches: HTTPRouteMatch[];
  filters: HTTPRouteFilter[];
  backendRefs: HTTPBackendRef[];
}

export interface HTTPRoute extends Sourced {
  kind: 'HTTPRoute';
  metadata: GatewayObjectMeta;
  parentRefs: ParentReference[];
  hostnames: string[];
  rules: HTTPRouteRule[];
}

export interface ReferenceGrant extends Sourced {
  kind: 'ReferenceGrant';
  metadata: GatewayObjectMeta;
  from: { group: string; kind: string; namespace: string }[];
  to: { group: string; kind: string; name: string | null }[];
}

/** A status condition as a controller writes it. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
}
