// What kube-apiserver refuses in Gateway API objects: their CRDs' OpenAPI
// schema (required fields, patterns, enums, bounds, list sizes) and CEL rules
// (x-kubernetes-validations), with the texts the v1.6 standard-channel CRDs
// carry. A CEL rule's error shows the type of the value it judged ("object",
// "array", "string") as the invalid value, as the API server prints it.
import type { FieldError, PathStep } from '../diagnostics.ts';
import { notSupported, required } from '../diagnostics.ts';
import { validateObjectMeta } from '../validation/meta.ts';
import type { Gateway, GatewayClass, HTTPRoute, HTTPRouteRule, ReferenceGrant } from './types.ts';
import { filterErrors } from './validate-filters.ts';
import { atLeast, atMost, cel, matches, pattern, port, tooMany } from './validate-rules.ts';

const hostnamePattern =
  '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
const sectionNamePattern = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
const controllerPattern =
  "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/[A-Za-z0-9\\/\\-._~%!$&'()*+,;=:]+$";
const protocolPattern =
  '^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/[A-Za-z0-9]+$';
const headerNamePattern = "^[A-Za-z0-9!#$%&'*+\\-.^_\\x60|~]+$";
const pathCharacters = "^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$";

export function validateGatewayClass(gc: GatewayClass): FieldError[] {
  const errors = validateObjectMeta(gc.metadata, false, 'DNS1123Subdomain');
  const at = ['spec', 'controllerName'];
  if (!gc.controllerName) errors.push(required(at));
  else if (!matches(controllerPattern, gc.controllerName))
    errors.push(pattern(at, gc.controllerName, controllerPattern));
  return errors;
}

export function validateGateway(gateway: Gateway): FieldError[] {
  const errors = validateObjectMeta(gateway.metadata, true, 'DNS1123Subdomain');
  if (!gateway.gatewayClassName) errors.push(required(['spec', 'gatewayClassName']));
  const listenersAt = ['spec', 'listeners'];
  const listeners = gateway.listeners;
  if (listeners.length === 0) errors.push(required(listenersAt));
  if (listeners.length > 64) errors.push(tooMany(listenersAt, listeners.length, 64));
  listeners.forEach((l, i) => {
    const at = [...listenersAt, i];
    if (!l.name) errors.push(required([...at, 'name']));
    else if (!matches(sectionNamePattern, l.name))
      errors.push(pattern([...at, 'name'], l.name, sectionNamePattern));
    if (l.hostname !== null && !matches(hostnamePattern, l.hostname))
      errors.push(pattern([...at, 'hostname'], l.hostname, hostnamePattern));
    if (!l.port) errors.push(required([...at, 'port']));
    else port(errors, [...at, 'port'], l.port);
    if (!l.protocol) errors.push(required([...at, 'protocol']));
    else if (!matches(protocolPattern, l.protocol))
      errors.push(pattern([...at, 'protocol'], l.protocol, protocolPattern));
    const from = l.allowedRoutes.from;
    if (!['All', 'Selector', 'Same'].includes(from))
      errors.push(
        notSupported([...at, 'allowedRoutes', 'namespaces', 'from'], from, [
          'All',
          'Selector',
          'Same',
        ]),
      );
    if (l.tls && !['Terminate', 'Passthrough'].includes(l.tls.mode))
      errors.push(notSupported([...at, 'tls', 'mode'], l.tls.mode, ['Terminate', 'Passthrough']));
  });
  errors.push(...listenerRules(listeners));
  return errors;
}

/** The CRD's x-kubernetes-validations on spec.listeners (and each listener's tls). */
function listenerRules(listeners: Gateway['listeners']): FieldError[] {
  const errors: FieldError[] = [];
  const listenersAt = ['spec', 'listeners'];
  // The CRD's x-kubernetes-validations on spec.listeners.
  const rules: [boolean, string][] = [
    [
      listeners.every((l) => !['HTTP', 'TCP', 'UDP'].includes(l.protocol) || l.tls === null),
      "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']",
    ],
    [
      listeners.every(
        (l) => l.protocol !== 'HTTPS' || l.tls === null || l.tls.mode === 'Terminate',
      ),
      'tls mode must be Terminate for protocol HTTPS',
    ],
    [
      listeners.every((l) => l.protocol !== 'TLS' || l.tls !== null),
      'tls mode must be set for protocol TLS',
    ],
    [
      listeners.every((l) => !['TCP', 'UDP'].includes(l.protocol) || l.hostname === null),
      "hostname must not be specified for protocols ['TCP', 'UDP']",
    ],
    [
      listeners.every((l, i) => listeners.findIndex((m) => m.name === l.name) === i),
      'Listener name must be unique within the Gateway',
    ],
    [
      listeners.every(
        (l, i) =>
          listeners.findIndex(
            (m) =>
              m.port === l.port &&
              m.protocol === l.protocol &&
              (m.hostname ?? '') === (l.hostname ?? ''),
          ) === i,
      ),
      'Combination of port, protocol and hostname must be unique for each listener',
    ],
  ];
  for (const [ok, detail] of rules) if (!ok) errors.push(cel(listenersAt, 'array', detail));
  listeners.forEach((l, i) => {
    if (l.protocol === 'HTTPS' && l.tls?.mode === 'Terminate' && l.tls.certificateRefs.length === 0)
      errors.push(
        cel(
          [...listenersAt, i, 'tls'],
          'object',
          'certificateRefs or options must be specified when mode is Terminate',
        ),
      );
  });
  return errors;
}

// HTTPPathMatch's rules, in the CRD's order.
function pathErrors(type: string, value: string): string[] {
  if (type === 'RegularExpression') return [];
  const out: string[] = [];
  if (!value.startsWith('/'))
    out.push(
      "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']",
    );
  const forbidden: [boolean, string][] = [
    [value.includes('//'), "must not contain '//' when type one of ['Exact', 'PathPrefix']"],
    [value.includes('/./'), "must not contain '/./' when type one of ['Exact', 'PathPrefix']"],
    [value.includes('/../'), "must not contain '/../' when type one of ['Exact', 'PathPrefix']"],
    [value.includes('%2f'), "must not contain '%2f' when type one of ['Exact', 'PathPrefix']"],
    [value.includes('%2F'), "must not contain '%2F' when type one of ['Exact', 'PathPrefix']"],
    [value.includes('#'), "must not contain '#' when type one of ['Exact', 'PathPrefix']"],
    [value.endsWith('/..'), "must not end with '/..' when type one of ['Exact', 'PathPrefix']"],
    [value.endsWith('/.'), "must not end with '/.' when type one of ['Exact', 'PathPrefix']"],
    [
      !matches(pathCharacters, value),
      `must only contain valid characters (matching ${pathCharacters}) for types ['Exact', 'PathPrefix']`,
    ],
  ];
  for (const [bad, text] of forbidden) if (bad) out.push(text);
  return out;
}

function ruleErrors(rule: HTTPRouteRule, at: readonly PathStep[]): FieldError[] {
  const errors: FieldError[] = [];
  if (rule.matches.length > 64) errors.push(tooMany([...at, 'matches'], rule.matches.length, 64));
  rule.matches.forEach((m, i) => {
    const pathAt = [...at, 'matches', i, 'path'];
    if (!['Exact', 'PathPrefix', 'RegularExpression'].includes(m.path.type))
      errors.push(
        notSupported([...pathAt, 'type'], m.path.type, [
          'Exact',
          'PathPrefix',
          'RegularExpression',
        ]),
      );
    else
      for (const text of pathErrors(m.path.type, m.path.value))
        errors.push(cel(pathAt, 'object', text));
    for (const key of ['headers', 'queryParams'] as const)
      m[key].forEach((h, j) => {
        const hAt = [...at, 'matches', i, key, j];
        if (!h.name) errors.push(required([...hAt, 'name']));
        else if (key === 'headers' && !matches(headerNamePattern, h.name))
          errors.push(pattern([...hAt, 'name'], h.name, headerNamePattern));
        if (!['Exact', 'RegularExpression'].includes(h.type))
          errors.push(notSupported([...hAt, 'type'], h.type, ['Exact', 'RegularExpression']));
      });
    const methods = [
      'GET',
      'HEAD',
      'POST',
      'PUT',
      'DELETE',
      'CONNECT',
      'OPTIONS',
      'TRACE',
      'PATCH',
    ];
    if (m.method !== null && !methods.includes(m.method))
      errors.push(notSupported([...at, 'matches', i, 'method'], m.method, methods));
  });
  errors.push(...filterErrors(rule.filters, [...at, 'filters']));
  const redirect = rule.filters.some((f) => f.type === 'RequestRedirect');
  if (redirect && rule.backendRefs.length > 0)
    errors.push(
      cel(at, 'object', 'RequestRedirect filter must not be used together with backendRefs'),
    );
  const prefixOnly = rule.matches.length === 1 && rule.matches[0]?.path.type === 'PathPrefix';
  for (const f of rule.filters) {
    const modifier = f.type === 'RequestRedirect' || f.type === 'URLRewrite' ? f.path : null;
    if (modifier?.type === 'ReplacePrefixMatch' && !prefixOnly)
      errors.push(
        cel(
          at,
          'object',
          `When using ${f.type} filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified`,
        ),
      );
  }
  if (rule.backendRefs.length > 16)
    errors.push(tooMany([...at, 'backendRefs'], rule.backendRefs.length, 16));
  rule.backendRefs.forEach((b, i) => {
    const bAt = [...at, 'backendRefs', i];
    if (!b.name) errors.push(required([...bAt, 'name']));
    if (b.group === '' && b.kind === 'Service' && b.port === null)
      errors.push(cel(bAt, 'object', 'Must have port for Service reference'));
    port(errors, [...bAt, 'port'], b.port);
    if (b.weight < 0) errors.push(atLeast([...bAt, 'weight'], b.weight, 0));
    else if (b.weight > 1000000) errors.push(atMost([...bAt, 'weight'], b.weight, 1000000));
    errors.push(...filterErrors(b.filters, [...bAt, 'filters']));
  });
  return errors;
}

export function validateHTTPRoute(route: HTTPRoute): FieldError[] {
  const errors = validateObjectMeta(route.metadata, true, 'DNS1123Subdomain');
  const refs = route.parentRefs;
  if (refs.length > 32) errors.push(tooMany(['spec', 'parentRefs'], refs.length, 32));
  refs.forEach((r, i) => {
    if (!r.name) errors.push(required(['spec', 'parentRefs', i, 'name']));
    if (r.sectionName !== null && !matches(sectionNamePattern, r.sectionName))
      errors.push(
        pattern(['spec', 'parentRefs', i, 'sectionName'], r.sectionName, sectionNamePattern),
      );
    port(errors, ['spec', 'parentRefs', i, 'port'], r.port);
  });
  const same = (a: (typeof refs)[number], b: (typeof refs)[number]) =>
    a.kind === b.kind &&
    a.group === b.group &&
    a.name === b.name &&
    (a.namespace ?? '') === (b.namespace ?? '');
  const repeated = refs.filter((r) => refs.filter((o) => same(r, o)).length > 1);
  if (repeated.some((r) => r.sectionName === null) && repeated.some((r) => r.sectionName !== null))
    errors.push(
      cel(
        ['spec', 'parentRefs'],
        'array',
        'sectionName must be specified when parentRefs includes 2 or more references to the same parent',
      ),
    );
  if (
    repeated.some(
      (r, i) => repeated.findIndex((o) => same(r, o) && o.sectionName === r.sectionName) !== i,
    )
  )
    errors.push(
      cel(
        ['spec', 'parentRefs'],
        'array',
        'sectionName must be unique when parentRefs includes 2 or more references to the same parent',
      ),
    );
  if (route.hostnames.length > 16)
    errors.push(tooMany(['spec', 'hostnames'], route.hostnames.length, 16));
  route.hostnames.forEach((h, i) => {
    if (!matches(hostnamePattern, h))
      errors.push(pattern(['spec', 'hostnames', i], h, hostnamePattern));
  });
  if (route.rules.length > 16) errors.push(tooMany(['spec', 'rules'], route.rules.length, 16));
  route.rules.forEach((rule, r) => {
    errors.push(...ruleErrors(rule, ['spec', 'rules', r]));
  });
  return errors;
}

export function validateReferenceGrant(grant: ReferenceGrant): FieldError[] {
  const errors = validateObjectMeta(grant.metadata, true, 'DNS1123Subdomain');
  if (grant.from.length === 0) errors.push(required(['spec', 'from']));
  if (grant.to.length === 0) errors.push(required(['spec', 'to']));
  grant.from.forEach((f, i) => {
    if (!f.kind) errors.push(required(['spec', 'from', i, 'kind']));
    if (!f.namespace) errors.push(required(['spec', 'from', i, 'namespace']));
  });
  grant.to.forEach((t, i) => {
    if (!t.kind) errors.push(required(['spec', 'to', i, 'kind']));
  });
  return errors;
}
