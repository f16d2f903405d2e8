// The engine's public face: what the CLI, the course, the browser and the tests
// call. It only re-exports; nothing outside src/engine imports past it (the
// guard is test/unit/engine-boundary.test.ts), so the engine's insides can move.

export { type ServedKind, servedObject, servedObjects } from './api/served.ts';
export type { EndpointSlice, LabelSelector, Service, Workload } from './api/types.ts';
export type { ClusterNode } from './cluster.ts';
export type { Diagnostic } from './diagnostics.ts';
export type { GatewayMessageParams, RuleRef } from './gateway/messages.ts';
export {
  servedGateway,
  servedGatewayClass,
  servedHTTPRoute,
  servedReferenceGrant,
} from './gateway/served.ts';
export { gatewayWayIn } from './gateway/serving.ts';
export {
  type GatewayAPIState,
  type GatewayState,
  gatewayAPIOf,
  type ListenerState,
  type ParentState,
  type RouteState,
} from './gateway/status.ts';
export type {
  Condition,
  Gateway,
  GatewayClass,
  HTTPRoute,
  ReferenceGrant,
} from './gateway/types.ts';
export { ingressEntry } from './ingress/entry.ts';
export { ingressStatusAddresses, storedClassName } from './ingress/status.ts';
export { convertToGateway, type GatewayConversion } from './ingress/to-gateway.ts';
export { type ConversionDifference, conversionDifferences } from './ingress/to-gateway-check.ts';
export { conversionOffers } from './ingress/to-gateway-offer.ts';
export type { Ingress, IngressBackend, IngressClass, IngressPath } from './ingress/types.ts';
export { type IptablesFormat, iptables, iptablesFormats } from './kubeproxy/iptables.ts';
export { endpointChain, serviceChains, servicePortName } from './kubeproxy/names.ts';
export {
  kubeProxyNFTables,
  type NftTable,
  nftables,
  type Packet,
  type Walk,
  walkPacket,
} from './kubeproxy/nftables/index.ts';
export { kubeProxyRules, type NodeRules, type Rule } from './kubeproxy/rules.ts';
export { iptablesSave, rulesByChain, ruleText } from './kubeproxy/save.ts';
export { iptablesSaved, rulesInSaveOrder, savedRule, savedTable } from './kubeproxy/saved.ts';
export type { LocationRef, Message, MessageTable, PortRef, ServiceRef } from './messages.ts';
export { renderer } from './messages.ts';
export { buildModel, type InputFile } from './model/build.ts';
export type { Model, RunningPod } from './model/types.ts';
export { formatLabelSelector } from './netpol/selector.ts';
export type { NetworkPolicy } from './netpol/types.ts';
export { defaultSeed, trace } from './trace/repeat.ts';
export { isIPv4, isMessage, parseTarget } from './trace/request.ts';
export { newSession, type TraceRequest, traceRequest } from './trace/trace.ts';
export type { Hop, Outcome, TraceResult } from './trace/types.ts';
export { fnv32a, seededRandom } from './util/hash.ts';
export { type ValidateResult, validate } from './validate.ts';
export { readManifests } from './yaml/read.ts';
