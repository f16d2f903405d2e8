// How a filter-table verdict ends a request, said by the rule that gave it:
// kube-proxy's REJECT ("has no endpoints"), its DROPs (no local endpoints under
// a Local traffic policy; the firewall of loadBalancerSourceRanges), or any
// other DROP, named by its chain and comment. Sources: kubernetes/kubernetes
// pkg/proxy/iptables/proxier.go syncProxyRules (which chain holds which
// DROP/REJECT and the comment it writes).
import type { Service, ServicePort } from '../api/types.ts';
import type { Packet } from '../kubeproxy/match.ts';
import type { StepVerdict, WalkStep } from '../kubeproxy/nftables/index.ts';
import { kubeProxySourceRanges } from '../kubeproxy/port-facts.ts';
import { ruleText } from '../kubeproxy/save.ts';
import { message } from '../messages.ts';
import { serviceNamed } from '../model/lookup.ts';
import type { Model } from '../model/types.ts';
import type { ChainResult } from './netfilter.ts';
import type { Ending } from './types.ts';

/** The Service port a rule was written for, as the model holds it. */
function serviceOfRule(
  model: Model,
  result: ChainResult,
): { service: Service; port: ServicePort } | null {
  const sp = result.rule?.servicePort;
  if (!sp) return null;
  const service = serviceNamed(model, sp.namespace, sp.name);
  const port = service?.ports.find((p) => p.name === sp.port);
  return service && port ? { service, port } : null;
}

/**
 * The ending of a REJECT or DROP. `named` learns the Service whose rule it
 * was: the Service docs/cli.md's `service` reports for a refusal or a drop.
 */
export function filteredEnding(
  model: Model,
  node: string,
  result: ChainResult,
  packet: Packet,
  named: (service: Service, port: ServicePort) => void,
): Ending {
  const owner = serviceOfRule(model, result);
  if (owner) named(owner.service, owner.port);
  const ref = owner
    ? { namespace: owner.service.metadata.namespace, name: owner.service.metadata.name }
    : null;
  if (result.verdict === 'REJECT')
    return { outcome: 'refused', reason: message('iptables.rejected', { node, service: ref }) };
  const chain = result.chain ?? '';
  const comment = result.rule?.comment ?? null;
  // proxier.go writes "<svc> traffic not accepted by KUBE-FW-..." in KUBE-PROXY-FIREWALL
  // for a source that no -s rule of the Service's KUBE-FW chain let through.
  if (chain === 'KUBE-PROXY-FIREWALL' && owner && ref && comment)
    return {
      outcome: 'timeout',
      reason: message('iptables.dropped-source-range', {
        node,
        service: ref,
        source: packet.src,
        ranges: kubeProxySourceRanges(owner.service),
        chain,
        comment,
      }),
    };
  // "<svc> has no local endpoints": in KUBE-SERVICES for a ClusterIP
  // (internalTrafficPolicy), in KUBE-NODEPORTS / KUBE-EXTERNAL-SERVICES for a
  // NodePort or an external address (externalTrafficPolicy).
  if (comment?.endsWith('has no local endpoints'))
    return {
      outcome: 'timeout',
      reason: message('iptables.dropped-no-local', {
        node,
        service: owner?.service.metadata.name ?? null,
        policy: chain === 'KUBE-SERVICES' ? 'internalTrafficPolicy' : 'externalTrafficPolicy',
        chain,
        comment,
      }),
    };
  const rule = result.rule ? ruleText(result.rule) : '';
  return {
    outcome: 'timeout',
    reason: message('iptables.dropped', { node, chain, rule, comment }),
  };
}

/** A step of an nftables walk with what its rule did. */
export type NftStep = WalkStep & StepVerdict;

/**
 * The ending of an nftables drop or reject, said by the step that gave it
 * (pkg/proxy/nftables/proxier.go): a "no endpoints" element (its comment is
 * the Service port's name, "ns/svc:port"; `goto reject-chain` when the
 * Service has no endpoints at all, `drop` when a Local policy leaves this node
 * none), a firewall- chain's `ip saddr != { ranges } drop`, or
 * cluster-ips-check (a ClusterIP's invalid port is rejected, an unallocated
 * address of the Service CIDR dropped).
 */
export function nftablesEnding(
  model: Model,
  node: string,
  steps: NftStep[],
  verdict: 'DROP' | 'REJECT',
  packet: Packet,
  named: (service: Service, port: ServicePort) => void,
): Ending {
  const last = steps[steps.length - 1];
  const noEndpoints = [...steps]
    .reverse()
    .find((s) => s.container === 'no-endpoint-services' || s.container === 'no-endpoint-nodeports');
  const owner = serviceOfName(model, noEndpoints?.comment ?? last?.chain ?? '');
  if (owner) named(owner.service, owner.port);
  const ref = owner
    ? { namespace: owner.service.metadata.namespace, name: owner.service.metadata.name }
    : null;
  const refused = verdict === 'REJECT';
  const outcome = refused ? 'refused' : 'timeout';
  if (noEndpoints) {
    const comment = noEndpoints.comment ?? null;
    if (refused)
      return { outcome, reason: message('nftables.rejected', { node, service: ref, comment }) };
    // A ClusterIP's element is internalTrafficPolicy's; a NodePort's, an external IP's or a load balancer's, externalTrafficPolicy's.
    const internal =
      noEndpoints.container === 'no-endpoint-services' && owner?.service.clusterIP === packet.dst;
    const policy = internal ? 'internalTrafficPolicy' : 'externalTrafficPolicy';
    return {
      outcome,
      reason: message('nftables.dropped-no-local', { node, service: ref, policy, comment }),
    };
  }
  const chain = last?.chain ?? '';
  if (chain.startsWith('firewall-') && owner && ref && !refused)
    return {
      outcome,
      reason: message('nftables.dropped-source-range', {
        node,
        service: ref,
        source: packet.src,
        ranges: kubeProxySourceRanges(owner.service),
        chain,
      }),
    };
  if (chain === 'cluster-ips-check')
    return {
      outcome,
      reason: refused
        ? message('nftables.rejected-port', { node, ip: packet.dst, port: packet.dport })
        : message('nftables.dropped-unallocated', { node, ip: packet.dst }),
    };
  return {
    outcome,
    reason: message('nftables.dropped', { node, chain, rule: last?.rule ?? '', rejected: refused }),
  };
}

function serviceOfName(model: Model, name: string): { service: Service; port: ServicePort } | null {
  const sp = servicePortOf(name);
  if (!sp) return null;
  const service = serviceNamed(model, sp.namespace, sp.name);
  const port = service?.ports.find((p) => p.name === sp.port);
  return service && port ? { service, port } : null;
}

/**
 * The Service port a per-port chain or a "no endpoints" element is for:
 * chains are "<role>-<HASH>-ns/name/protocol/port[__ip/port]"
 * (servicePortChainNameBase), element comments "ns/name:port" or "ns/name"
 * (ServicePortName.String()). Names kube-proxy truncated are not read back.
 */
export function servicePortOf(
  name: string,
): { namespace: string; name: string; port: string } | null {
  const chain =
    /^(?:service|local|external|firewall|endpoint)-[A-Z2-7]{8}-([^/]+)\/([^/]+)\/[a-z]+\/([^_/]*)(?:__|$)/.exec(
      name,
    );
  if (chain) return { namespace: chain[1] ?? '', name: chain[2] ?? '', port: chain[3] ?? '' };
  const comment = /^([^/:\s]+)\/([^/:\s]+)(?::(\S+))?$/.exec(name);
  if (comment)
    return { namespace: comment[1] ?? '', name: comment[2] ?? '', port: comment[3] ?? '' };
  return null;
}
