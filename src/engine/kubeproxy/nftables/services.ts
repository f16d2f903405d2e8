// What kube-proxy's nftables proxier adds for one Service port: its elements
// in the dispatch, "no endpoints" and firewall maps, and its own chains
// (service-/local-, external-, firewall-, one endpoint- per endpoint) with
// their affinity sets.
// Source: kubernetes/kubernetes pkg/proxy/nftables/proxier.go (syncProxyRules,
// writeServiceToEndpointRules), with the ClusterIP masquerade rule as
// proxier_test.go TestOverallNFTablesRules expects it (address only).
import type { Service, ServicePort } from '../../api/types.ts';
import type { ClusterNode } from '../../cluster.ts';
import type { Model } from '../../model/types.ts';
import { parseIPv4 } from '../../net/ip.ts';
import type { ProxyEndpoint } from '../endpoints.ts';
import { type PortFacts, portFacts } from '../port-facts.ts';
import { endpointNames, type ServicePortChains, servicePortChains } from './names.ts';
import { chains, maps, sets } from './setup.ts';
import type { Transaction } from './table.ts';

/** What syncProxyRules works out for a Service port before it adds anything. */
interface PortPlan extends PortFacts {
  protocol: string;
  chains: ServicePortChains;
  internalChain: string;
  externalPolicyChain: string;
  usesFWChain: boolean;
  /** The verdict of its "no endpoints" elements (whose comment is `name`). */
  noEndpoints: string;
}

function plan(service: Service, port: ServicePort, model: Model, node: ClusterNode): PortPlan {
  const facts = portFacts(service, port, model, node);
  const { policy, hasAny, lbIPs, sourceRanges } = facts;
  const names = servicePortChains(service, port);
  return {
    ...facts,
    protocol: port.protocol.toLowerCase(),
    chains: names,
    internalChain: policy.internalPolicyLocal ? names.local : names.cluster,
    externalPolicyChain: policy.externalPolicyLocal ? names.local : names.cluster,
    // Unlike iptables mode, the firewall is written even with no endpoints.
    usesFWChain: lbIPs.length > 0 && sourceRanges.length > 0,
    // No endpoints anywhere: rejected; none that this traffic policy lets
    // this node use: dropped (traffic a short-circuit rule took still goes).
    noEndpoints: hasAny ? 'drop' : `goto ${chains.reject}`,
  };
}

export function writeService(
  tx: Transaction,
  service: Service,
  model: Model,
  node: ClusterNode,
): void {
  // shouldSkipService: headless and ExternalName Services have no rules.
  if (service.type === 'ExternalName' || service.clusterIP === '' || service.clusterIP === 'None')
    return;
  for (const port of service.ports) {
    const p = plan(service, port, model, node);
    writeElements(tx, p);
    writeChains(tx, p);
  }
}

/** The port's entries in the table's sets and maps, in syncProxyRules' order. */
function writeElements(tx: Transaction, p: PortPlan): void {
  const { service, protocol, chains: names, hasAny, hasExternal, name } = p;
  const port = String(p.port.port);
  const dest = (ip: string) => [ip, protocol, port];
  tx.element(sets.clusterIPs, [service.clusterIP]);
  if (p.hasInternal)
    tx.element(maps.serviceIPs, dest(service.clusterIP), [`goto ${p.internalChain}`]);
  else tx.element(maps.noEndpointServices, dest(service.clusterIP), [p.noEndpoints], name);

  for (const ip of service.externalIPs.filter((ip) => parseIPv4(ip) !== null)) {
    if (hasAny) tx.element(maps.serviceIPs, dest(ip), [`goto ${names.external}`]);
    if (!hasExternal) tx.element(maps.noEndpointServices, dest(ip), [p.noEndpoints], name);
  }
  for (const ip of p.lbIPs) {
    if (hasAny) tx.element(maps.serviceIPs, dest(ip), [`goto ${names.external}`]);
    if (p.usesFWChain) tx.element(maps.firewallIPs, dest(ip), [`goto ${names.firewall}`]);
  }
  if (!hasExternal)
    for (const ip of p.lbIPs) tx.element(maps.noEndpointServices, dest(ip), [p.noEndpoints], name);

  if (p.port.nodePort !== 0) {
    const nodePort = [protocol, String(p.port.nodePort)];
    // NodePorts are not subject to loadBalancerSourceRanges (proxier.go says so too).
    if (hasAny) tx.element(maps.serviceNodePorts, nodePort, [`goto ${names.external}`]);
    if (!hasExternal) tx.element(maps.noEndpointNodePorts, nodePort, [p.noEndpoints], name);
  }
}

/** The port's own chains and affinity sets. */
function writeChains(tx: Transaction, p: PortPlan): void {
  const { service, chains: names } = p;
  const affinity = service.sessionAffinity === 'ClientIP';
  const usesExternalChain = p.hasAny && p.policy.externallyAccessible;
  const usesClusterChain = p.cluster.length > 0 && p.policy.usesClusterEndpoints;
  const usesLocalChain = p.local.length > 0 && p.policy.usesLocalEndpoints;
  for (const ep of p.allReachable) tx.chain(epNames(p, ep).chain);
  if (usesClusterChain) tx.chain(names.cluster);
  if (usesLocalChain) tx.chain(names.local);
  if (usesExternalChain) tx.chain(names.external);
  if (p.usesFWChain) tx.chain(names.firewall);

  // Off-cluster traffic to the ClusterIP is masqueraded (the --cluster-cidr local detector).
  if (p.hasInternal)
    tx.rule(
      p.internalChain,
      `ip daddr ${service.clusterIP} ip saddr != ${p.clusterCIDR} jump ${chains.markMasq}`,
    );

  if (usesExternalChain) {
    if (!p.policy.externalPolicyLocal) {
      tx.rule(names.external, `jump ${chains.markMasq}`);
    } else {
      // A Pod's traffic to an external address acts as if it went out and
      // came back in: no traffic policy; the node's own traffic is masqueraded.
      tx.rule(
        names.external,
        `ip saddr ${p.clusterCIDR} goto ${names.cluster}`,
        'short-circuit pod traffic',
      );
      tx.rule(
        names.external,
        `fib saddr type local jump ${chains.markMasq}`,
        'masquerade local traffic',
      );
      tx.rule(
        names.external,
        `fib saddr type local goto ${names.cluster}`,
        'short-circuit local traffic',
      );
    }
    if (p.hasExternal) tx.rule(names.external, `goto ${p.externalPolicyChain}`);
  }

  if (p.usesFWChain) {
    // A VIP-like load balancer's address is often local to the node, so the
    // node's own request to it comes back from the VIP: let those in too.
    const sources = [...p.sourceRanges, ...(p.allowFromNode ? p.lbIPs : [])];
    tx.rule(names.firewall, `ip saddr != { ${sources.join(' , ')} } drop`);
  }

  if (affinity)
    for (const ep of p.allReachable)
      tx.set({
        name: epNames(p, ep).affinitySet,
        type: 'ipv4_addr',
        flags: ['dynamic', 'timeout'],
        timeout: service.sessionAffinityTimeoutSeconds,
      });

  if (usesClusterChain) writeServiceToEndpointRules(tx, p, names.cluster, p.cluster);
  if (usesLocalChain) writeServiceToEndpointRules(tx, p, names.local, p.local);

  for (const ep of p.allReachable) {
    const { chain, affinitySet } = epNames(p, ep);
    // Hairpin: a Pod reaching itself through the Service is masqueraded.
    tx.rule(chain, `ip saddr ${ep.ip} jump ${chains.markMasq}`);
    if (affinity) tx.rule(chain, `update @${affinitySet} { ip saddr }`);
    tx.rule(chain, `meta l4proto ${p.protocol} dnat to ${ep.text}`);
  }
}

function epNames(p: PortPlan, ep: ProxyEndpoint) {
  return endpointNames(p.service, p.port, ep.ip, ep.port);
}

/** Affinity first, then one random choice among the endpoints by a verdict map. */
function writeServiceToEndpointRules(
  tx: Transaction,
  p: PortPlan,
  chain: string,
  endpoints: ProxyEndpoint[],
): void {
  if (p.service.sessionAffinity === 'ClientIP')
    for (const ep of endpoints) {
      const { chain: target, affinitySet } = epNames(p, ep);
      tx.rule(chain, `ip saddr @${affinitySet} goto ${target}`);
    }
  const choices = endpoints.map((ep, i) => `${i} : goto ${epNames(p, ep).chain}`);
  tx.rule(chain, `numgen random mod ${endpoints.length} vmap { ${choices.join(' , ')} }`);
}
