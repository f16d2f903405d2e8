// NetworkPolicy validation, rule for rule and message for message, after
// kubernetes/kubernetes pkg/apis/networking/validation/validation.go
// (ValidateNetworkPolicy, ValidateNetworkPolicySpec, ValidateNetworkPolicyPort,
// ValidateNetworkPolicyPeer, ValidateIPBlock) and apimachinery
// pkg/apis/meta/v1/validation (ValidateLabelSelector). It runs on the
// defaulted object, as the API server's does. CIDRs are checked as
// IsValidCIDRForLegacyField checks them with the StrictIPCIDRValidation gate
// off (its default), as loadBalancerSourceRanges are in service.ts.
import type { LabelSelector } from '../api/types.ts';
import type { FieldError, PathStep } from '../diagnostics.ts';
import { forbidden, invalid, notSupported, required } from '../diagnostics.ts';
import { isCIDRSloppy } from '../net/cidr-sloppy.ts';
import { sloppyCidr } from '../netpol/cidr.ts';
import type {
  IPBlock,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
} from '../netpol/types.ts';
import { validateLabels, validateObjectMeta } from './meta.ts';
import { isLabelKey, isLabelValue, isValidPortName, isValidPortNum } from './names.ts';

const protocols = ['TCP', 'UDP', 'SCTP'];
const policyTypes = ['Ingress', 'Egress'];
const invalidCIDR = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/** ValidateLabelSelector with AllowInvalidLabelValueInSelector false, as on create. */
export function validateLabelSelector(
  selector: LabelSelector | null,
  path: readonly PathStep[],
): FieldError[] {
  if (!selector) return [];
  const errors = validateLabels(selector.matchLabels, [...path, 'matchLabels']);
  selector.matchExpressions.forEach((requirement, i) => {
    const at = [...path, 'matchExpressions', i];
    switch (requirement.operator) {
      case 'In':
      case 'NotIn':
        if (requirement.values.length === 0)
          errors.push(
            required([...at, 'values'], "must be specified when `operator` is 'In' or 'NotIn'"),
          );
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (requirement.values.length > 0)
          errors.push(
            forbidden(
              [...at, 'values'],
              "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
            ),
          );
        break;
      default:
        errors.push(
          invalid([...at, 'operator'], requirement.operator, 'not a valid selector operator'),
        );
    }
    for (const msg of isLabelKey(requirement.key))
      errors.push(invalid([...at, 'key'], requirement.key, msg));
    requirement.values.forEach((value, v) => {
      for (const msg of isLabelValue(value)) errors.push(invalid([...at, 'values', v], value, msg));
    });
  });
  return errors;
}

function validatePort(port: NetworkPolicyPort, path: readonly PathStep[]): FieldError[] {
  const errors: FieldError[] = [];
  if (!protocols.includes(port.protocol))
    errors.push(notSupported([...path, 'protocol'], port.protocol, protocols));
  if (port.port === undefined) {
    if (port.endPort !== undefined)
      errors.push(
        invalid(
          [...path, 'endPort'],
          port.endPort,
          'may not be specified when `port` is not specified',
        ),
      );
  } else if (typeof port.port === 'number') {
    for (const msg of isValidPortNum(port.port))
      errors.push(invalid([...path, 'port'], port.port, msg));
    if (port.endPort !== undefined) {
      if (port.endPort < port.port)
        errors.push(
          invalid([...path, 'endPort'], port.endPort, 'must be greater than or equal to `port`'),
        );
      for (const msg of isValidPortNum(port.endPort))
        errors.push(invalid([...path, 'endPort'], port.endPort, msg));
    }
  } else {
    if (port.endPort !== undefined)
      errors.push(
        invalid(
          [...path, 'endPort'],
          port.endPort,
          'may not be specified when `port` is non-numeric',
        ),
      );
    for (const msg of isValidPortName(port.port))
      errors.push(invalid([...path, 'port'], port.port, msg));
  }
  return errors;
}

/** Whether `except` is a strict subset of `cidr`, as net.IPNet.Contains and the mask sizes decide. */
function strictSubset(cidr: string, except: string): boolean {
  const outer = sloppyCidr(cidr);
  const inner = sloppyCidr(except);
  if (!outer || !inner || outer.v6 !== inner.v6) return false;
  const size = 1n << BigInt((outer.v6 ? 128 : 32) - outer.bits);
  return inner.base >= outer.base && inner.base < outer.base + size && outer.bits < inner.bits;
}

function validateIPBlock(block: IPBlock, path: readonly PathStep[]): FieldError[] {
  if (block.cidr === '') return [required([...path, 'cidr'])];
  if (!isCIDRSloppy(block.cidr)) return [invalid([...path, 'cidr'], block.cidr, invalidCIDR)];
  const errors: FieldError[] = [];
  block.except.forEach((except, i) => {
    const at = [...path, 'except', i];
    if (!isCIDRSloppy(except)) errors.push(invalid(at, except, invalidCIDR));
    else if (!strictSubset(block.cidr, except))
      errors.push(invalid(at, except, 'must be a strict subset of `cidr`'));
  });
  return errors;
}

function validatePeer(peer: NetworkPolicyPeer, path: readonly PathStep[]): FieldError[] {
  const errors = [
    ...validateLabelSelector(peer.podSelector, [...path, 'podSelector']),
    ...validateLabelSelector(peer.namespaceSelector, [...path, 'namespaceSelector']),
    ...(peer.ipBlock ? validateIPBlock(peer.ipBlock, [...path, 'ipBlock']) : []),
  ];
  const count = [peer.podSelector, peer.namespaceSelector, peer.ipBlock].filter(Boolean).length;
  if (count === 0) errors.push(required(path, 'must specify a peer'));
  else if (count > 1 && peer.ipBlock)
    errors.push(forbidden(path, 'may not specify both ipBlock and another peer'));
  return errors;
}

export function validateNetworkPolicy(policy: NetworkPolicy): FieldError[] {
  const errors = validateObjectMeta(policy.metadata, true, 'DNS1123Subdomain');
  errors.push(...validateLabelSelector(policy.podSelector, ['spec', 'podSelector']));
  for (const [direction, peers] of [
    ['ingress', 'from'],
    ['egress', 'to'],
  ] as const)
    policy[direction].forEach((rule, i) => {
      rule.ports.forEach((port, p) => {
        errors.push(...validatePort(port, ['spec', direction, i, 'ports', p]));
      });
      rule.peers.forEach((peer, p) => {
        errors.push(...validatePeer(peer, ['spec', direction, i, peers, p]));
      });
    });
  if (policy.policyTypes.length > policyTypes.length) {
    errors.push(
      invalid(
        ['spec', 'policyTypes'],
        policy.policyTypes,
        'may not specify more than two policyTypes',
      ),
    );
    return errors;
  }
  policy.policyTypes.forEach((type, i) => {
    if (!policyTypes.includes(type))
      errors.push(notSupported(['spec', 'policyTypes', i], type, policyTypes));
  });
  return errors;
}
