// Decodes a NetworkPolicy with kube-apiserver's defaults
// (pkg/apis/networking/v1/defaults.go): a port's protocol is TCP unless given,
// and policyTypes, when empty, is Ingress, plus Egress if the policy has any
// egress rule.
import type { Decoder } from '../api/decode.ts';
import { decodeMeta, decodeSelector, objectId } from '../api/objects.ts';
import type { Protocol } from '../api/types.ts';
import type { PathStep } from '../diagnostics.ts';
import type {
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicyRule,
} from './types.ts';

function decodePorts(d: Decoder, path: readonly PathStep[]): NetworkPolicyPort[] {
  return d.list(path, '[]v1.NetworkPolicyPort').map((_, i) => {
    const port = d.intOrString([...path, i, 'port']);
    const endPort = d.int([...path, i, 'endPort']);
    return {
      protocol: (d.string([...path, i, 'protocol']) ?? 'TCP') as Protocol,
      ...(port !== undefined ? { port } : {}),
      ...(endPort !== undefined ? { endPort } : {}),
    };
  });
}

function decodePeers(d: Decoder, path: readonly PathStep[]): NetworkPolicyPeer[] {
  return d.list(path, '[]v1.NetworkPolicyPeer').map((_, i) => {
    const block = [...path, i, 'ipBlock'];
    return {
      podSelector: decodeSelector(d, [...path, i, 'podSelector']),
      namespaceSelector: decodeSelector(d, [...path, i, 'namespaceSelector']),
      ipBlock: d.has(block)
        ? { cidr: d.string([...block, 'cidr']) ?? '', except: d.stringList([...block, 'except']) }
        : null,
    };
  });
}

function decodeRules(
  d: Decoder,
  direction: 'ingress' | 'egress',
  goType: string,
): NetworkPolicyRule[] {
  const peers = direction === 'ingress' ? 'from' : 'to';
  return d.list(['spec', direction], goType).map((_, i) => ({
    ports: decodePorts(d, ['spec', direction, i, 'ports']),
    peers: decodePeers(d, ['spec', direction, i, peers]),
  }));
}

export function decodeNetworkPolicy(d: Decoder): NetworkPolicy {
  const metadata = decodeMeta(d, true);
  const ingress = decodeRules(d, 'ingress', '[]v1.NetworkPolicyIngressRule');
  const egress = decodeRules(d, 'egress', '[]v1.NetworkPolicyEgressRule');
  const written = d.stringList(['spec', 'policyTypes']);
  return {
    kind: 'NetworkPolicy',
    doc: d.doc,
    id: objectId('NetworkPolicy', metadata.namespace, metadata.name),
    metadata,
    // spec.podSelector is a struct, not a pointer: unset is the empty selector (every Pod).
    podSelector: decodeSelector(d, ['spec', 'podSelector']) ?? {
      matchLabels: Object.create(null),
      matchExpressions: [],
    },
    ingress,
    egress,
    policyTypes:
      written.length > 0 ? written : egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'],
  };
}
