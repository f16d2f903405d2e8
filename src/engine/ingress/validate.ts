// Ingress and IngressClass validation as kube-apiserver does it.
// Source: kubernetes/kubernetes pkg/apis/networking/validation/validation.go
// (ValidateIngressCreate, ValidateIngressSpec, validateIngressRules, validateHTTPIngressPath,
// validateIngressBackend, validateIngressTLS, validateIngressClassSpec) and
// k8s.io/apimachinery IsWildcardDNS1123Subdomain, IsDomainPrefixedPath.
import type { FieldError, PathStep } from '../diagnostics.ts';
import { invalid, notSupported, required } from '../diagnostics.ts';
import { parseIPv4 } from '../net/ip.ts';
import { validateObjectMeta } from '../validation/meta.ts';
import {
  isDNS1035Label,
  isDNS1123Subdomain,
  isValidPortName,
  isValidPortNum,
  maxLenError,
  regexError,
} from '../validation/names.ts';
import type { Ingress, IngressBackend, IngressClass } from './types.ts';

const pathTypes = ['Exact', 'ImplementationSpecific', 'Prefix'];
const invalidPathSequences = ['//', '/./', '/../', '%2f', '%2F'];
const invalidPathSuffixes = ['/..', '/.'];

const dns1123Label = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const wildcardFmt = `\\*\\.${dns1123Label}(\\.${dns1123Label})*`;

export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (new TextEncoder().encode(value).length > 253) errs.push(maxLenError(253));
  if (!new RegExp(`^${wildcardFmt}$`).test(value))
    errs.push(
      regexError(
        "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
        wildcardFmt,
        '*.example.com',
      ),
    );
  return errs;
}

function validateBackend(backend: IngressBackend, path: readonly PathStep[]): FieldError[] {
  const errors: FieldError[] = [];
  const { service, resource } = backend;
  if (service && resource)
    return [invalid(path, '', 'cannot set both resource and service backends')];
  if (resource) return errors;
  if (!service) return [invalid(path, '', 'resource or service backend is required')];
  if (service.name === '') errors.push(required([...path, 'service', 'name']));
  else
    for (const msg of isDNS1035Label(service.name))
      errors.push(invalid([...path, 'service', 'name'], service.name, msg));
  const hasName = service.port.name.length > 0;
  const hasNumber = service.port.number !== 0;
  if (hasName && hasNumber)
    errors.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (hasName)
    for (const msg of isValidPortName(service.port.name))
      errors.push(invalid([...path, 'service', 'port', 'name'], service.port.name, msg));
  else if (hasNumber)
    for (const msg of isValidPortNum(service.port.number))
      errors.push(invalid([...path, 'service', 'port', 'number'], service.port.number, msg));
  else
    errors.push({ ...required(path, 'port name or number is required'), at: [...path, 'service'] });
  return errors;
}

export function validateIngress(ingress: Ingress): FieldError[] {
  const errors = validateObjectMeta(ingress.metadata, true, 'DNS1123Subdomain');
  if (ingress.rules.length === 0 && !ingress.defaultBackend)
    errors.push({
      ...invalid(['spec'], null, 'either `defaultBackend` or `rules` must be specified'),
      at: ['spec'],
    });
  if (ingress.defaultBackend)
    errors.push(...validateBackend(ingress.defaultBackend, ['spec', 'defaultBackend']));
  ingress.rules.forEach((rule, i) => {
    const at = ['spec', 'rules', i];
    if (rule.host) {
      if (parseIPv4(rule.host) !== null)
        errors.push(invalid([...at, 'host'], rule.host, 'must be a DNS name, not an IP address'));
      const msgs = rule.host.includes('*')
        ? isWildcardDNS1123Subdomain(rule.host)
        : isDNS1123Subdomain(rule.host);
      for (const msg of msgs) errors.push(invalid([...at, 'host'], rule.host, msg));
    }
    if (rule.paths === null) return;
    if (rule.paths.length === 0) errors.push(required([...at, 'http', 'paths']));
    rule.paths.forEach((p, j) => {
      const pathAt = [...at, 'http', 'paths', j];
      if (p.pathType === '') {
        errors.push({
          ...required([...pathAt, 'pathType'], 'pathType must be specified'),
          at: pathAt,
        });
        return;
      }
      if (p.pathType === 'Exact' || p.pathType === 'Prefix') {
        if (!p.path.startsWith('/'))
          errors.push(invalid([...pathAt, 'path'], p.path, 'must be an absolute path'));
        if (p.path.length > 0) {
          for (const seq of invalidPathSequences)
            if (p.path.includes(seq))
              errors.push(invalid([...pathAt, 'path'], p.path, `must not contain '${seq}'`));
          for (const suffix of invalidPathSuffixes)
            if (p.path.endsWith(suffix))
              errors.push(invalid([...pathAt, 'path'], p.path, `cannot end with '${suffix}'`));
        }
      } else if (p.pathType === 'ImplementationSpecific') {
        if (p.path.length > 0 && !p.path.startsWith('/'))
          errors.push(invalid([...pathAt, 'path'], p.path, 'must be an absolute path'));
      } else {
        errors.push(notSupported([...pathAt, 'pathType'], p.pathType, pathTypes));
      }
      errors.push(...validateBackend(p.backend, [...pathAt, 'backend']));
    });
  });
  ingress.tls.forEach((tls, t) => {
    tls.hosts.forEach((host, h) => {
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const msg of msgs) errors.push(invalid(['spec', 'tls', t, 'hosts', h], host, msg));
    });
    // validateTLSSecretName: a Secret name, when one is given.
    if (tls.secretName)
      for (const msg of isDNS1123Subdomain(tls.secretName))
        errors.push(invalid(['spec', 'tls', t, 'secretName'], tls.secretName, msg));
  });
  if (ingress.ingressClassName !== null)
    for (const msg of isDNS1123Subdomain(ingress.ingressClassName))
      errors.push(invalid(['spec', 'ingressClassName'], ingress.ingressClassName, msg));
  errors.push(...validateClassAnnotation(ingress));
  return errors;
}

/**
 * ValidateIngressCreate: the deprecated annotation may stay beside the field
 * as long as both name the same class.
 */
function validateClassAnnotation(ingress: Ingress): FieldError[] {
  const annotated = ingress.metadata.annotations['kubernetes.io/ingress.class'];
  if (
    ingress.ingressClassName === null ||
    annotated === undefined ||
    annotated === ingress.ingressClassName
  )
    return [];
  return [
    {
      ...invalid(
        ['annotations', 'kubernetes.io/ingress.class'],
        annotated,
        'must match `ingressClassName` when both are specified',
      ),
      at: ['metadata', 'annotations', 'kubernetes.io/ingress.class'],
    },
  ];
}

const httpPath = /^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/;

export function validateIngressClass(ingressClass: IngressClass): FieldError[] {
  const errors = validateObjectMeta(
    { ...ingressClass.metadata, namespace: '' },
    false,
    'DNS1123Subdomain',
  );
  const controller = ingressClass.controller;
  const at = ['spec', 'controller'];
  if (controller.length > 250)
    errors.push({ type: 'FieldValueTooLong', path: at, detail: 'may not be more than 250 bytes' });
  if (controller === '') return [...errors, required(at)];
  const [host = '', rest = ''] = controller.split(/\/(.*)/s);
  if (!controller.includes('/') || host === '' || rest === '')
    return [
      ...errors,
      invalid(at, controller, 'must be a domain-prefixed path (such as "acme.io/foo")'),
    ];
  for (const msg of isDNS1123Subdomain(host)) errors.push(invalid(at, host, msg));
  if (!httpPath.test(rest))
    errors.push(invalid(at, rest, regexError('Invalid path', "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+")));
  return errors;
}
