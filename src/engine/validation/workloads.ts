// Pod and workload validation for the fields routing depends on: containers
// and their ports, and a workload's selector against its template.
// Source: kubernetes/kubernetes pkg/apis/core/validation/validation.go
// (validateContainers, validateContainerPorts, validatePodHostNetworkDeps) and
// pkg/apis/apps/validation
// (ValidateDeploymentSpec, ValidatePodTemplateSpecForReplicaSet).
import type { LabelSelector, Pod, PodSpec, Workload } from '../api/types.ts';
import type { FieldError, PathStep } from '../diagnostics.ts';
import { duplicate, invalid, notSupported, required } from '../diagnostics.ts';
import { selectorMatches } from '../labels.ts';
import { validateLabels, validateObjectMeta } from './meta.ts';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from './names.ts';
import { validIPErrors } from './service.ts';

const protocols = ['SCTP', 'TCP', 'UDP'];

/**
 * `resourceIsPod` as in PodValidationOptions: a Pod's spec (already defaulted)
 * must match every hostPort to its containerPort; a template may leave one 0.
 */
export function validatePodSpec(
  spec: PodSpec,
  path: readonly PathStep[],
  resourceIsPod: boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  if (spec.containers.length === 0) errors.push(required([...path, 'containers']));
  const names = new Set<string>();
  spec.containers.forEach((container, c) => {
    const cPath = [...path, 'containers', c];
    if (container.name === '') errors.push(required([...cPath, 'name']));
    else {
      for (const msg of isDNS1123Label(container.name))
        errors.push(invalid([...cPath, 'name'], container.name, msg));
      if (names.has(container.name)) errors.push(duplicate([...cPath, 'name'], container.name));
      names.add(container.name);
    }
    if (container.image.trim() === '') errors.push(required([...cPath, 'image']));
    const portNames = new Set<string>();
    container.ports.forEach((port, p) => {
      const pPath = [...cPath, 'ports', p];
      if (port.name !== '') {
        const msgs = isValidPortName(port.name);
        if (msgs.length > 0)
          for (const msg of msgs) errors.push(invalid([...pPath, 'name'], port.name, msg));
        else if (portNames.has(port.name)) errors.push(duplicate([...pPath, 'name'], port.name));
        else portNames.add(port.name);
      }
      if (port.containerPort === 0) errors.push(required([...pPath, 'containerPort']));
      else
        for (const msg of isValidPortNum(port.containerPort))
          errors.push(invalid([...pPath, 'containerPort'], port.containerPort, msg));
      if (port.hostPort)
        for (const msg of isValidPortNum(port.hostPort))
          errors.push(invalid([...pPath, 'hostPort'], port.hostPort, msg));
      if (!protocols.includes(port.protocol))
        errors.push(notSupported([...pPath, 'protocol'], port.protocol, protocols));
    });
  });
  errors.push(...validateHostNetworkPorts(spec, path, resourceIsPod));
  errors.push(...validatePodDNS(spec, path), ...validatePodNames(spec, path));
  return errors;
}

/** ValidatePodSpec's hostname and subdomain (DNS-1123 labels) and ValidateHostAliases. */
function validatePodNames(spec: PodSpec, path: readonly PathStep[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ['hostname', 'subdomain'] as const)
    if (spec[field] !== '')
      for (const msg of isDNS1123Label(spec[field]))
        errors.push(invalid([...path, field], spec[field], msg));
  (spec.hostAliases ?? []).forEach((alias, i) => {
    const aPath = [...path, 'hostAliases', i];
    errors.push(...validIPErrors([...aPath, 'ip'], alias.ip));
    alias.hostnames.forEach((name, j) => {
      for (const msg of isDNS1123Subdomain(name))
        errors.push(invalid([...aPath, 'hostnames', j], name, msg));
    });
  });
  return errors;
}

const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
/** validation.go MaxDNSNameservers, from glibc's MAXNS. */
const maxNameservers = 3;

/** validateDNSPolicy and validatePodDNSConfig (nameservers; the fields name resolution reads). */
function validatePodDNS(spec: PodSpec, path: readonly PathStep[]): FieldError[] {
  const policy = spec.dnsPolicy ?? 'ClusterFirst';
  const errors: FieldError[] = dnsPolicies.includes(policy)
    ? []
    : [notSupported([...path, 'dnsPolicy'], policy, dnsPolicies)];
  const configPath = [...path, 'dnsConfig'];
  const config = spec.dnsConfig;
  if (policy === 'None' && !config)
    return [...errors, required(configPath, 'must provide `dnsConfig` when `dnsPolicy` is None')];
  if (!config) return errors;
  const nsPath = [...configPath, 'nameservers'];
  if (policy === 'None' && config.nameservers.length === 0)
    return [
      ...errors,
      required(nsPath, 'must provide at least one DNS nameserver when `dnsPolicy` is None'),
    ];
  if (config.nameservers.length > maxNameservers)
    errors.push(
      invalid(nsPath, config.nameservers, `must not have more than ${maxNameservers} nameservers`),
    );
  config.nameservers.forEach((ip, i) => {
    errors.push(...validIPErrors([...nsPath, i], ip));
  });
  return errors;
}

/** validation.go validatePodHostNetworkDeps. */
function validateHostNetworkPorts(
  spec: PodSpec,
  path: readonly PathStep[],
  resourceIsPod: boolean,
): FieldError[] {
  if (!spec.hostNetwork) return [];
  return spec.containers.flatMap((container, c) =>
    container.ports.flatMap((port, p) => {
      const hostPort = port.hostPort ?? 0;
      return (resourceIsPod || hostPort !== 0) && hostPort !== port.containerPort
        ? [
            invalid(
              [...path, 'containers', c, 'ports', p, 'hostPort'],
              hostPort,
              'must match `containerPort` when `hostNetwork` is true',
            ),
          ]
        : [];
    }),
  );
}

export function validatePod(pod: Pod): FieldError[] {
  return [
    ...validateObjectMeta(pod.metadata, true, 'DNS1123Subdomain'),
    ...validatePodSpec(pod.spec, ['spec'], true),
  ];
}

function selectorIsEmpty(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length + selector.matchExpressions.length === 0;
}

export function validateWorkload(workload: Workload): FieldError[] {
  const errors = validateObjectMeta(workload.metadata, true, 'DNS1123Subdomain');
  if (workload.kind !== 'DaemonSet' && workload.replicas < 0)
    errors.push(
      invalid(['spec', 'replicas'], workload.replicas, 'must be greater than or equal to 0'),
    );
  const selector = workload.selector;
  if (!selector) {
    errors.push(required(['spec', 'selector']));
  } else {
    errors.push(...validateLabels(selector.matchLabels, ['spec', 'selector', 'matchLabels']));
    if (selectorIsEmpty(selector))
      errors.push(
        invalid(
          ['spec', 'selector'],
          selector,
          `empty selector is invalid for ${workload.kind.toLowerCase()}`,
        ),
      );
    else if (!selectorMatches(selector, workload.template.labels))
      errors.push({
        ...invalid(
          ['spec', 'template', 'metadata', 'labels'],
          workload.template.labels,
          '`selector` does not match template `labels`',
        ),
        at: ['spec', 'template', 'metadata', 'labels'],
      });
  }
  errors.push(
    ...validateLabels(workload.template.labels, ['spec', 'template', 'metadata', 'labels']),
  );
  errors.push(...validatePodSpec(workload.template.spec, ['spec', 'template', 'spec'], false));
  return errors;
}
