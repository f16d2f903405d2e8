// Service validation, rule for rule and message for message, after
// kubernetes/kubernetes pkg/apis/core/validation/validation.go
// (ValidateService, validateServicePort, ValidateServiceClusterIPsRelatedFields,
// validateServiceExternalTrafficPolicy, validateServiceInternalTrafficFieldsValue,
// validateClientIPAffinityConfig). Validation runs on the defaulted object, as
// it does in the API server.
import type { Service } from '../api/types.ts';
import type { FieldError } from '../diagnostics.ts';
import { duplicate, forbidden, invalid, notSupported, required } from '../diagnostics.ts';
import { isCIDRSloppy } from '../net/cidr-sloppy.ts';
import { parseIPv4 } from '../net/ip.ts';
import { validateLabels, validateObjectMeta } from './meta.ts';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from './names.ts';

const protocols = ['SCTP', 'TCP', 'UDP'];
const serviceTypes = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const invalidCIDR = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/** apimachinery IsValidIP for the IPv4 addresses the engine models. */
export function validIPErrors(path: (string | number)[], value: string): FieldError[] {
  if (parseIPv4(value) === null)
    return [invalid(path, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
  return [];
}

function validateServicePort(
  service: Service,
  index: number,
  names: Set<string>,
  errors: FieldError[],
): void {
  const sp = service.ports[index];
  if (!sp) return;
  const path = ['spec', 'ports', index];
  if (service.ports.length > 1 && sp.name === '') {
    errors.push(required([...path, 'name']));
  } else if (sp.name !== '') {
    for (const msg of isDNS1123Label(sp.name))
      errors.push(invalid([...path, 'name'], sp.name, msg));
    if (names.has(sp.name)) errors.push(duplicate([...path, 'name'], sp.name));
    else names.add(sp.name);
  }
  for (const msg of isValidPortNum(sp.port)) errors.push(invalid([...path, 'port'], sp.port, msg));
  if (!protocols.includes(sp.protocol))
    errors.push(notSupported([...path, 'protocol'], sp.protocol, protocols));
  if (typeof sp.targetPort === 'number') {
    for (const msg of isValidPortNum(sp.targetPort))
      errors.push(invalid([...path, 'targetPort'], sp.targetPort, msg));
  } else {
    for (const msg of isValidPortName(sp.targetPort))
      errors.push(invalid([...path, 'targetPort'], sp.targetPort, msg));
  }
}

export function validateService(service: Service): FieldError[] {
  const errors = validateObjectMeta(service.metadata, true, 'DNS1035Label');
  const headless = service.clusterIP === 'None';
  const clusterIPs = service.clusterIP ? [service.clusterIP] : [];

  validateServiceType(service, headless, clusterIPs, errors);

  const names = new Set<string>();
  service.ports.forEach((_, i) => {
    validateServicePort(service, i, names, errors);
  });

  if (service.selector) errors.push(...validateLabels(service.selector, ['spec', 'selector']));

  if (!['ClientIP', 'None'].includes(service.sessionAffinity))
    errors.push(
      notSupported(['spec', 'sessionAffinity'], service.sessionAffinity, ['ClientIP', 'None']),
    );
  if (service.sessionAffinity === 'ClientIP') {
    const t = service.sessionAffinityTimeoutSeconds;
    if (!(t > 0 && t <= 86400))
      errors.push(
        invalid(
          ['spec', 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds'],
          t,
          'must be greater than 0 and less than 86400',
        ),
      );
  }

  // ValidateServiceClusterIPsRelatedFields: the strategy copies clusterIP into
  // clusterIPs[0], so a bad clusterIP is reported there.
  if (service.type !== 'ExternalName' && clusterIPs[0] && clusterIPs[0] !== 'None')
    errors.push(
      ...validIPErrors(['spec', 'clusterIPs', 0], clusterIPs[0]).map((e) => ({
        ...e,
        at: ['spec', 'clusterIP'],
      })),
    );

  for (const [i, ip] of service.externalIPs.entries()) {
    errors.push(...validIPErrors(['spec', 'externalIPs', i], ip));
  }

  if (!serviceTypes.includes(service.type))
    errors.push(notSupported(['spec', 'type'], service.type, serviceTypes));

  if (service.type === 'ClusterIP') {
    service.ports.forEach((port, i) => {
      if (port.nodePort !== 0)
        errors.push(
          forbidden(['spec', 'ports', i, 'nodePort'], "may not be used when `type` is 'ClusterIP'"),
        );
    });
  }

  validateUniquePorts(service, errors);
  validateTrafficPolicies(service, errors);
  return errors;
}

/** What the Service's type allows: ports, a headless clusterIP, an externalName. */
function validateServiceType(
  service: Service,
  headless: boolean,
  clusterIPs: string[],
  errors: FieldError[],
): void {
  if (service.ports.length === 0 && !headless && service.type !== 'ExternalName')
    errors.push(required(['spec', 'ports']));

  if (service.type === 'LoadBalancer' && headless)
    errors.push(
      invalid(
        ['spec', 'clusterIPs', 0],
        'None',
        "may not be set to 'None' for LoadBalancer services",
      ),
    );
  if (service.type === 'NodePort' && headless)
    errors.push(
      invalid(['spec', 'clusterIPs', 0], 'None', "may not be set to 'None' for NodePort services"),
    );
  if (service.type === 'ExternalName') {
    if (clusterIPs.length > 0)
      errors.push({
        ...forbidden(['spec', 'clusterIPs'], 'may not be set for ExternalName services'),
        at: ['spec', 'clusterIP'],
      });
    const cname = service.externalName.replace(/\.$/, '');
    if (cname.length > 0)
      for (const msg of isDNS1123Subdomain(cname))
        errors.push(invalid(['spec', 'externalName'], cname, msg));
    else errors.push(required(['spec', 'externalName']));
  }
}

/** No two ports, nor two nodePorts, with the same protocol and number. */
function validateUniquePorts(service: Service, errors: FieldError[]): void {
  const nodePorts = new Set<string>();
  service.ports.forEach((port, i) => {
    if (port.nodePort === 0) return;
    const key = `${port.protocol}/${port.nodePort}`;
    if (nodePorts.has(key)) errors.push(duplicate(['spec', 'ports', i, 'nodePort'], port.nodePort));
    nodePorts.add(key);
  });
  const ports = new Set<string>();
  service.ports.forEach((port, i) => {
    const key = `${port.protocol}/${port.port}`;
    // field.Duplicate(portPath, core.ServicePort{Protocol, Port}): ErrorBody
    // json-marshals the internal struct, which has no json tags.
    const bad = {
      Name: '',
      Protocol: port.protocol,
      AppProtocol: null,
      Port: port.port,
      TargetPort: 0,
      NodePort: 0,
    };
    if (ports.has(key))
      errors.push({ ...duplicate(['spec', 'ports', i], bad), at: ['spec', 'ports', i, 'port'] });
    ports.add(key);
  });
}

const sourceRangesAnnotation = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const onlyLoadBalancer = "may only be used when `type` is 'LoadBalancer'";

/**
 * loadBalancerSourceRanges, or the older annotation when the field is empty:
 * LoadBalancer only, each entry a CIDR (space-padding allowed, "due to a
 * historical accident"). The field's path keeps ValidateService's capital L.
 */
function validateSourceRanges(service: Service, errors: FieldError[]): void {
  const ranges = service.loadBalancerSourceRanges;
  const annotation = service.metadata.annotations[sourceRangesAnnotation];
  if (ranges.length > 0) {
    const path = ['spec', 'LoadBalancerSourceRanges'];
    const at = ['spec', 'loadBalancerSourceRanges'];
    if (service.type !== 'LoadBalancer') errors.push({ ...forbidden(path, onlyLoadBalancer), at });
    for (const [i, range] of ranges.entries()) {
      const value = range.trim();
      if (!isCIDRSloppy(value))
        errors.push({ ...invalid([...path, i], value, invalidCIDR), at: [...at, i] });
    }
  } else if (annotation !== undefined) {
    const path = ['metadata', 'annotations', `[${sourceRangesAnnotation}]`];
    const at = ['metadata', 'annotations', sourceRangesAnnotation];
    if (service.type !== 'LoadBalancer') errors.push({ ...forbidden(path, onlyLoadBalancer), at });
    const value = annotation.trim();
    if (value !== '')
      for (const part of value.split(',')) {
        const range = part.trim();
        if (!isCIDRSloppy(range)) errors.push({ ...invalid(path, range, invalidCIDR), at });
      }
  }
}

/** Traffic policies and the health check port, allowed only on externally reachable Services. */
function validateTrafficPolicies(service: Service, errors: FieldError[]): void {
  validateSourceRanges(service, errors);

  // Forbidden even on create: the strategy's dropTypeDependentFields clears it
  // only on an update that changes the type away from LoadBalancer.
  if (service.allocateLoadBalancerNodePorts !== null && service.type !== 'LoadBalancer')
    errors.push(forbidden(['spec', 'allocateLoadBalancerNodePorts'], onlyLoadBalancer));

  const externallyAccessible =
    service.type === 'NodePort' ||
    service.type === 'LoadBalancer' ||
    (service.type === 'ClusterIP' && service.externalIPs.length > 0);
  if (!externallyAccessible) {
    if (service.externalTrafficPolicy !== '')
      errors.push(
        invalid(
          ['spec', 'externalTrafficPolicy'],
          service.externalTrafficPolicy,
          'may only be set for externally-accessible services',
        ),
      );
  } else if (!['Cluster', 'Local'].includes(service.externalTrafficPolicy)) {
    errors.push(
      notSupported(['spec', 'externalTrafficPolicy'], service.externalTrafficPolicy, [
        'Cluster',
        'Local',
      ]),
    );
  }
  const needsHealthCheck =
    service.type === 'LoadBalancer' && service.externalTrafficPolicy === 'Local';
  if (!needsHealthCheck && service.healthCheckNodePort !== 0)
    errors.push(
      invalid(
        ['spec', 'healthCheckNodePort'],
        service.healthCheckNodePort,
        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
      ),
    );
  if (needsHealthCheck && service.healthCheckNodePort !== 0)
    for (const msg of isValidPortNum(service.healthCheckNodePort))
      errors.push(invalid(['spec', 'healthCheckNodePort'], service.healthCheckNodePort, msg));

  if (!['Cluster', 'Local'].includes(service.internalTrafficPolicy))
    errors.push(
      notSupported(['spec', 'internalTrafficPolicy'], service.internalTrafficPolicy, [
        'Cluster',
        'Local',
      ]),
    );
}
