// The conditions Envoy Gateway (v1.9, internal/gatewayapi/status and the
// translators that call it) writes, with its reasons and messages. They are
// API text, shown by `get -o yaml` and `describe` in English whatever the
// page's language, as kubectl shows them.
import type { Condition } from './types.ts';

const c = (
  type: string,
  status: Condition['status'],
  reason: string,
  message: string,
): Condition => ({ type, status, reason, message });

/** status.Error2ConditionMsg: the first letter capitalised, a final "." added. */
export function conditionMessage(message: string): string {
  const capital = message.charAt(0).toUpperCase() + message.slice(1);
  return capital.endsWith('.') ? capital : `${capital}.`;
}

const listenerInvalid = (message: string) => c('Programmed', 'False', 'Invalid', message);

export const text = {
  classAccepted: () => c('Accepted', 'True', 'Accepted', 'Valid GatewayClass'),

  gatewayAccepted: () =>
    c('Accepted', 'True', 'Accepted', 'The Gateway has been scheduled by Envoy Gateway'),
  gatewaySomeListenersInvalid: (names: string[]) =>
    c('Accepted', 'True', 'ListenersNotValid', `Listeners not valid: ${names.join(', ')}`),
  gatewayNoListenersValid: (names: string[]) =>
    c('Accepted', 'False', 'ListenersNotValid', `No listeners are valid: ${names.join(', ')}`),
  gatewayProgrammed: (available: number, replicas: number) =>
    c(
      'Programmed',
      'True',
      'Programmed',
      `Address assigned to the Gateway, ${available}/${replicas} envoy replicas available`,
    ),
  gatewayNoAddress: () =>
    c(
      'Programmed',
      'False',
      'AddressNotAssigned',
      'No addresses have been assigned to the Gateway',
    ),
  gatewayNoReplicas: () => c('Programmed', 'False', 'NoResources', 'Envoy replicas unavailable'),

  listenerProgrammed: () =>
    c(
      'Programmed',
      'True',
      'Programmed',
      'Sending translated listener configuration to the data plane',
    ),
  listenerAccepted: () =>
    c('Accepted', 'True', 'Accepted', 'Listener has been successfully translated'),
  listenerResolved: () =>
    c('ResolvedRefs', 'True', 'ResolvedRefs', 'Listener references have been resolved'),
  listenerInvalid: () => listenerInvalid('Listener is invalid, see other Conditions for details.'),
  listenerUnsupportedProtocol: (protocol: string) =>
    c(
      'Accepted',
      'False',
      'UnsupportedProtocol',
      `Protocol ${protocol} is unsupported, must be HTTP, HTTPS, TCP or UDP.`,
    ),
  listenerRouteKindGroup: () =>
    c(
      'ResolvedRefs',
      'False',
      'InvalidRouteKinds',
      'Group is not supported, group must be gateway.networking.k8s.io',
    ),
  listenerRouteKind: (kind: string, supported: string[]) =>
    c(
      'ResolvedRefs',
      'False',
      'InvalidRouteKinds',
      `${kind} is not supported, kind must be one of [${supported.join(' ')}]`,
    ),
  listenerTLSNotAllowed: (protocol: string) =>
    listenerInvalid(`Listener must not have TLS set when protocol is ${protocol}.`),
  listenerTLSRequired: (protocol: string) =>
    listenerInvalid(`Listener must have TLS set when protocol is ${protocol}.`),
  listenerPassthrough: () =>
    c(
      'Programmed',
      'False',
      'UnsupportedTLSMode',
      'TLS Passthrough mode is not supported, TLS mode must be Terminate.',
    ),
  listenerNoCertificateRefs: () =>
    listenerInvalid('Listener must have at least 1 TLS certificate ref'),
  listenerNoSelector: () =>
    listenerInvalid(
      'The allowedRoutes.namespaces.selector field must be specified when allowedRoutes.namespaces.from is set to "Selector".',
    ),
  listenerNoCertificates: (errors: string[], onlyGrants: boolean) =>
    c(
      'ResolvedRefs',
      'False',
      onlyGrants ? 'RefNotPermitted' : 'InvalidCertificateRef',
      `No valid secrets exist: ${errors.join('\n')}`,
    ),
  listenerNoCertificatesParsed: (errors: string[]) =>
    c(
      'ResolvedRefs',
      'False',
      'InvalidCertificateRef',
      `No valid secrets exist: ${errors.join('\n')}.`,
    ),
  listenerSomeCertificates: (errors: string[]) =>
    c(
      'ResolvedRefs',
      'False',
      'PartiallyInvalidCertificateRef',
      `Some secrets are invalid: ${errors.join('\n')}`,
    ),
  listenerProtocolConflict: (names: string[]) =>
    c(
      'Conflicted',
      'True',
      'ProtocolConflict',
      `All listeners for a given port must use a compatible protocol, conflicting listeners: ${names.join(', ')}`,
    ),

  routeAccepted: () => c('Accepted', 'True', 'Accepted', 'Route is accepted'),
  routeNoMatchingParent: () =>
    c('Accepted', 'False', 'NoMatchingParent', 'No listeners match this parent ref'),
  routeNotAllowed: () =>
    c(
      'Accepted',
      'False',
      'NotAllowedByListeners',
      'No listeners included by this parent ref allowed this attachment.',
    ),
  routeNoHostname: () =>
    c(
      'Accepted',
      'False',
      'NoMatchingListenerHostname',
      "There were no hostname intersections between the HTTPRoute and this parent ref's Listener(s).",
    ),
  routeRuleErrors: (reason: string, message: string) => c('Accepted', 'False', reason, message),
  routePartiallyInvalid: (reason: string, rules: number[], message: string) =>
    c('PartiallyInvalid', 'True', reason, `Dropped Rule(s) [${rules.join(' ')}]: ${message}`),
  routeResolved: () =>
    c('ResolvedRefs', 'True', 'ResolvedRefs', 'Resolved all the Object references for the Route'),
  routeUnresolved: (reason: string, message: string) => c('ResolvedRefs', 'False', reason, message),

  backendInvalidGroup: () => ({
    reason: 'InvalidKind',
    message:
      'Group is invalid, only the core API group (specified by omitting the group field or setting it to an empty string), multicluster.x-k8s.io and gateway.envoyproxy.io are supported',
  }),
  backendInvalidKind: () => ({
    reason: 'InvalidKind',
    message:
      'Kind is invalid, only Service, MCS ServiceImport and Envoy Gateway Backend are supported',
  }),
  backendNotPermitted: (namespace: string, name: string) => ({
    reason: 'RefNotPermitted',
    message: `Backend ref to Service ${namespace}/${name} not permitted by any ReferenceGrant`,
  }),
  backendNotFound: (namespace: string, name: string) => ({
    reason: 'BackendNotFound',
    message: `service ${namespace}/${name} not found`,
  }),
  backendPortNotFound: (namespace: string, name: string, port: number | null) => ({
    reason: 'PortNotFound',
    message: `TCP Port ${port ?? 0} not found on Service ${namespace}/${name}`,
  }),
  backendExternalName: (namespace: string, name: string) => ({
    reason: 'UnsupportedValue',
    message: `Service ${namespace}/${name} is of type ExternalName, which is not supported as a backend; use an Envoy Gateway Backend resource with an FQDN endpoint instead`,
  }),
  unsupportedFilter: (type: string) => ({
    reason: 'UnsupportedValue',
    message: `unsupported filter type: ${type}`,
  }),
};
