// How a filter-table verdict ends a request, said by the rule that gave it:
// kube-proxy's REJECT ("has no endpoints"), its DROPs (no local endpoints under
// a Local traffic policy; the firewall of loadBalancerSourceRanges), or any
// other DROP, named by its chain and comment. Sources: kubernetes/kubernetes
// pkg/proxy/iptables/proxier.go syncProxyRules (which chain holds which
// DROP/REJECT and the comment it writes).
import type { Service, ServicePort } from '../api/types.ts';
import type { Packet } from '../kubeproxy/match.ts';
import { ruleText } from '../kubeproxy/save.ts';
import { kubeProxySourceRanges } from '../kubeproxy/service-rules.ts';
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
