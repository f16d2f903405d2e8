// A Gateway's listeners as Envoy Gateway judges them (internal/gatewayapi
// listener.go, validate.go): the route kinds each supports, its TLS
// certificate, conflicts between listeners on one port, and the conditions it
// gets. Only a ready listener is served, and only ready listeners' ports
// appear on the Envoy proxy's Service.
import type { Secret } from '../api/types.ts';
import type { Model } from '../model/types.ts';
import { text } from './status-text.ts';
import type { Condition, Gateway, Listener, RouteGroupKind } from './types.ts';
import { gatewayGroup } from './types.ts';

export interface ListenerState {
  listener: Listener;
  conditions: Condition[];
  supportedKinds: RouteGroupKind[];
  attachedRoutes: number;
  /** Whether Envoy serves it. */
  ready: boolean;
  certificate: Secret | null;
}

/** What judging a listener needs from the cluster. */
export type ListenerWorld = Pick<Model, 'secrets' | 'referenceGrants'>;

/** Whether a ReferenceGrant in the target's namespace lets `fromKind` in `fromNamespace` refer to it. */
export function granted(
  world: Pick<Model, 'referenceGrants'>,
  fromKind: string,
  fromNamespace: string,
  to: { group: string; kind: string; namespace: string; name: string },
): boolean {
  if (fromNamespace === to.namespace) return true;
  return world.referenceGrants.some(
    (g) =>
      g.metadata.namespace === to.namespace &&
      g.from.some(
        (f) => f.group === gatewayGroup && f.kind === fromKind && f.namespace === fromNamespace,
      ) &&
      g.to.some(
        (t) => t.group === to.group && t.kind === to.kind && (!t.name || t.name === to.name),
      ),
  );
}

/** The route kinds a listener's protocol can carry, in Envoy Gateway's order. */
function kindsFor(listener: Listener): RouteGroupKind[] {
  const of = (kind: string) => ({ group: gatewayGroup, kind });
  switch (listener.protocol) {
    case 'HTTP':
    case 'HTTPS':
      return [of('HTTPRoute'), of('GRPCRoute')];
    case 'TLS':
      return listener.tls?.mode === 'Passthrough'
        ? [of('TLSRoute')]
        : [of('TCPRoute'), of('TLSRoute')];
    case 'TCP':
      return [of('TCPRoute')];
    case 'UDP':
      return [of('UDPRoute')];
    default:
      return [];
  }
}

const privateKeys = ['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY'];

/**
 * Why a kubernetes.io/tls Secret's data cannot serve (tls.go
 * parseCertsFromTLSSecretsData), or null. Routelab reads the PEM blocks, not
 * the certificate inside them: a block that says CERTIFICATE is taken to hold one.
 */
function unusable(secret: Secret): string | null {
  const at = `${secret.metadata.namespace}/${secret.metadata.name}`;
  const crt = secret.pemBlocks['tls.crt'] ?? [];
  if (!crt.includes('CERTIFICATE'))
    return `${at} must contain valid tls.crt and tls.key, unable to validate certificate in tls.crt: unable to decode pem data for certificate`;
  if (!(secret.pemBlocks['tls.key'] ?? []).some((t) => privateKeys.includes(t)))
    return `${at} must contain valid tls.crt and tls.key, unable to decode pem data in tls.key`;
  return null;
}

/** The listener's certificates as validate.go validateTLSConfiguration judges them. */
function certificate(
  world: ListenerWorld,
  gateway: Gateway,
  listener: Listener,
): { secret: Secret | null; problem: Condition | null } {
  const ns = gateway.metadata.namespace;
  const errors: { message: string; grant: boolean }[] = [];
  const usable: Secret[] = [];
  for (const [i, ref] of (listener.tls?.certificateRefs ?? []).entries()) {
    const refNs = ref.namespace ?? ns;
    const fail = (why: string, grant = false) =>
      errors.push({ message: `certificate refs ${i}: ${why}`, grant });
    if (ref.group !== '') {
      fail("Listener's TLS certificate ref group must be unspecified/empty.");
      continue;
    }
    if (ref.kind !== 'Secret') {
      fail("Listener's TLS certificate ref kind must be Secret.");
      continue;
    }
    const to = { group: '', kind: 'Secret', namespace: refNs, name: ref.name };
    if (!granted(world, 'Gateway', ns, to)) {
      fail(
        `Certificate ref to secret ${refNs}/${ref.name} not permitted by any ReferenceGrant.`,
        true,
      );
      continue;
    }
    const found = world.secrets.find(
      (s) => s.metadata.namespace === refNs && s.metadata.name === ref.name,
    );
    if (!found) fail(`Secret ${refNs}/${ref.name} does not exist.`);
    else if (found.type !== 'kubernetes.io/tls')
      fail(`Secret ${refNs}/${ref.name} must be of type kubernetes.io/tls.`);
    else if (!found.keys.includes('tls.crt') || !found.keys.includes('tls.key'))
      fail(`Secret ${refNs}/${ref.name} must contain tls.crt and tls.key.`);
    else usable.push(found);
  }
  if (usable.length === 0) {
    const onlyGrants = errors.every((e) => e.grant);
    return {
      secret: null,
      problem: text.listenerNoCertificates(
        errors.map((e) => e.message),
        onlyGrants,
      ),
    };
  }
  const parsed = usable.map((s) => ({ secret: s, why: unusable(s) }));
  const valid = parsed.filter((p) => p.why === null).map((p) => p.secret);
  const invalid = parsed.flatMap((p) => (p.why ? [p.why] : []));
  if (valid.length === 0)
    return { secret: null, problem: text.listenerNoCertificatesParsed(invalid) };
  const all = [...errors.map((e) => e.message), ...invalid];
  return {
    secret: valid[0] ?? null,
    problem: all.length > 0 ? text.listenerSomeCertificates(all) : null,
  };
}

/** What a protocol shares a port by: HTTPS and TLS both by SNI, HTTP by Host; UDP uses its own socket. */
const layer = (protocol: string) => (protocol === 'HTTPS' || protocol === 'TLS' ? 'TLS' : protocol);

/** The listeners on the same port whose protocols cannot share it with this one's. */
function conflicting(gateway: Gateway, listener: Listener): Listener[] {
  const compatible = (a: string, b: string) =>
    a === 'UDP' || b === 'UDP' || (layer(a) === layer(b) && a !== 'TCP');
  return gateway.listeners.filter(
    (o) => o !== listener && o.port === listener.port && !compatible(o.protocol, listener.protocol),
  );
}

/** The first problem Envoy Gateway finds in a listener's own configuration, as a condition. */
function ownProblem(
  world: ListenerWorld,
  gateway: Gateway,
  listener: Listener,
  kinds: RouteGroupKind[],
): {
  problem: Condition | null;
  certificate: Secret | null;
} {
  const none = { problem: null, certificate: null };
  const p = listener.protocol;
  if (!['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP'].includes(p))
    return { ...none, problem: text.listenerUnsupportedProtocol(p) };
  for (const asked of listener.allowedRoutes.kinds ?? []) {
    if (asked.group !== gatewayGroup) return { ...none, problem: text.listenerRouteKindGroup() };
    if (!kinds.some((k) => k.kind === asked.kind))
      return {
        ...none,
        problem: text.listenerRouteKind(
          asked.kind,
          kindsFor(listener).map((k) => k.kind),
        ),
      };
  }
  if (listener.tls && ['HTTP', 'TCP', 'UDP'].includes(p))
    return { ...none, problem: text.listenerTLSNotAllowed(p) };
  if (p === 'HTTPS') {
    if (!listener.tls) return { ...none, problem: text.listenerTLSRequired(p) };
    if (listener.tls.mode !== 'Terminate') return { ...none, problem: text.listenerPassthrough() };
    if (listener.tls.certificateRefs.length === 0)
      return { ...none, problem: text.listenerNoCertificateRefs() };
    const cert = certificate(world, gateway, listener);
    return { problem: cert.problem, certificate: cert.secret };
  }
  if (listener.allowedRoutes.from === 'Selector' && !listener.allowedRoutes.selector)
    return { ...none, problem: text.listenerNoSelector() };
  return none;
}

export function listenerStates(world: ListenerWorld, gateway: Gateway): ListenerState[] {
  return gateway.listeners.map((listener) => {
    const supported = kindsFor(listener);
    const asked = listener.allowedRoutes.kinds;
    const kinds = asked
      ? supported.filter((s) => asked.some((k) => k.group === s.group && k.kind === s.kind))
      : supported;
    const { problem, certificate: secret } = ownProblem(world, gateway, listener, supported);
    const conflicts = conflicting(gateway, listener);
    const conditions: Condition[] = [];
    if (conflicts.length > 0) {
      const names = [listener, ...conflicts].map(
        (l) => `${gateway.metadata.namespace}/${gateway.metadata.name}/${l.name}`,
      );
      conditions.push(
        text.listenerProtocolConflict(names),
        text.listenerInvalid(),
        text.listenerResolved(),
      );
    } else if (problem) {
      conditions.push(problem);
      if (problem.type !== 'Programmed') conditions.push(text.listenerInvalid());
      if (problem.type === 'ResolvedRefs' && problem.reason !== 'InvalidRouteKinds')
        conditions.push(text.listenerAccepted());
      if (!conditions.some((c) => c.type === 'ResolvedRefs'))
        conditions.push(text.listenerResolved());
    } else
      conditions.push(text.listenerProgrammed(), text.listenerAccepted(), text.listenerResolved());
    const partial = problem?.reason === 'PartiallyInvalidCertificateRef';
    if (partial) {
      conditions.length = 0;
      conditions.push(text.listenerProgrammed(), text.listenerAccepted(), problem);
    }
    return {
      listener,
      conditions,
      supportedKinds: kinds,
      attachedRoutes: 0,
      ready: conflicts.length === 0 && (!problem || partial),
      certificate: secret,
    };
  });
}

/** The Gateway's Accepted condition, from its listeners' (computeGatewayAcceptedFromListeners). */
export function gatewayAccepted(listeners: readonly ListenerState[]): Condition {
  const accepted = (l: ListenerState) =>
    l.conditions.some((c) => c.type === 'Accepted' && c.status === 'True');
  const invalid = listeners
    .filter((l) => !accepted(l))
    .map((l) => l.listener.name)
    .sort();
  if (invalid.length === 0) return text.gatewayAccepted();
  if (invalid.length < listeners.length) return text.gatewaySomeListenersInvalid(invalid);
  return text.gatewayNoListenersValid(invalid);
}
