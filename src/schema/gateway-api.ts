// Gateway API's kinds, for the editor's schema and the engine's known fields,
// read from @kubernetes-models/gateway-api's declarations (generated from
// sigs.k8s.io/gateway-api's Go types, doc comments included).
const group = 'gateway.networking.k8s.io';
const served = ['GatewayClass', 'Gateway', 'HTTPRoute', 'ReferenceGrant'];

/** apiVersion, kind and module, as ./kubernetes.ts lists them: v1 and, still served, v1beta1. */
export const gatewayKinds: [string, string, string][] = ['v1', 'v1beta1'].flatMap((version) =>
  served.map((kind): [string, string, string] => [
    `${group}/${version}`,
    kind,
    `@kubernetes-models/gateway-api/${group}/${version}/${kind}`,
  ]),
);

/**
 * The package follows Gateway API's Go types, which carry the experimental
 * channel's fields too (marked <gateway:experimental>); the simulated cluster
 * installs the standard channel of v1.6.1, whose CRDs lack these, so a
 * standard-channel API server refuses them as unknown fields. Found by comparing
 * every field path of the package's types with the openAPIV3Schema of each
 * served version (v1 and v1beta1, alike) in the v1.6.1 release's
 * config/crd/standard/gateway.networking.k8s.io_{gatewayclasses,gateways,
 * httproutes,referencegrants}.yaml: no other field differs, either way. The
 * lines cited are where config/crd/experimental/'s files of the same release
 * declare each, in v1. Keyed by the definition that declares the field, as
 * ./kubernetes.ts names it (v1beta1's kinds hold v1's structs).
 */
export const standardChannelLacks: Record<string, readonly string[]> = {
  // experimental _gateways.yaml:221 spec.defaultScope (apis/v1/gateway_types.go, DefaultScope).
  [`${group}.v1.GatewaySpec`]: ['defaultScope'],
  // experimental _httproutes.yaml:3976 spec.useDefaultGateways (apis/v1/shared_types.go, UseDefaultGateways).
  [`${group}.v1.CommonRouteSpec`]: ['useDefaultGateways'],
  // experimental _httproutes.yaml:3680 spec.rules[].retry, :3769 spec.rules[].sessionPersistence.
  [`${group}.v1.HTTPRouteRule`]: ['retry', 'sessionPersistence'],
  // experimental _httproutes.yaml:2329 spec.rules[].filters[].externalAuth; :800 in backendRefs[].filters[].
  [`${group}.v1.HTTPRouteFilter`]: ['externalAuth'],
};
