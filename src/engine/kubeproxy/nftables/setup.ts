// The part of the table every node has, whatever its Services: the base chains
// hung from netfilter's hooks, the jumps from them, masquerading, the
// "no endpoints" and firewall verdict maps, and the dispatch maps.
// Source: kubernetes/kubernetes pkg/proxy/nftables/proxier.go (setupNFTables,
// nftablesBaseChains, nftablesJumpChains), as the release whose
// proxier_test.go baseRules this reproduces lays them out: the filter checks
// that need the destination before DNAT at priority dstnat-10 (-110), the
// others at filter (0).
import { masqueradeMark } from '../rules.ts';
import type { Transaction } from './table.ts';

export const chains = {
  services: 'services',
  serviceEndpointsCheck: 'service-endpoints-check',
  nodePortEndpointsCheck: 'nodeport-endpoints-check',
  clusterIPsCheck: 'cluster-ips-check',
  firewallCheck: 'firewall-check',
  reject: 'reject-chain',
  markMasq: 'mark-for-masquerade',
  masquerading: 'masquerading',
} as const;

export const sets = { clusterIPs: 'cluster-ips', nodePortIPs: 'nodeport-ips' } as const;

export const maps = {
  serviceIPs: 'service-ips',
  serviceNodePorts: 'service-nodeports',
  noEndpointServices: 'no-endpoint-services',
  noEndpointNodePorts: 'no-endpoint-nodeports',
  firewallIPs: 'firewall-ips',
} as const;

/** knftables' priorities as nft prints them for the ip family: dstnat -100, filter 0, srcnat 100. */
const baseChains = [
  ['filter-prerouting-pre-dnat', 'filter', 'prerouting', -110],
  ['filter-output-pre-dnat', 'filter', 'output', -110],
  ['filter-forward', 'filter', 'forward', 0],
  ['filter-input', 'filter', 'input', 0],
  ['filter-output', 'filter', 'output', 0],
  ['nat-prerouting', 'nat', 'prerouting', -100],
  ['nat-output', 'nat', 'output', -100],
  ['nat-postrouting', 'nat', 'postrouting', 100],
] as const;

/** [to, from, condition]: each rule that leads from a base chain into kube-proxy's own. */
const jumps = [
  [chains.nodePortEndpointsCheck, 'filter-input', 'ct state new'],
  [chains.serviceEndpointsCheck, 'filter-input', 'ct state new'],
  [chains.serviceEndpointsCheck, 'filter-forward', 'ct state new'],
  [chains.serviceEndpointsCheck, 'filter-output', 'ct state new'],
  [chains.firewallCheck, 'filter-prerouting-pre-dnat', 'ct state new'],
  [chains.firewallCheck, 'filter-output-pre-dnat', 'ct state new'],
  [chains.services, 'nat-output', ''],
  [chains.services, 'nat-prerouting', ''],
  [chains.masquerading, 'nat-postrouting', ''],
  [chains.clusterIPsCheck, 'filter-forward', 'ct state new'],
  [chains.clusterIPsCheck, 'filter-output', 'ct state new'],
] as const;

export interface NodeSetup {
  /** The Service CIDR(s), comma-separated: traffic to an unallocated ClusterIP is dropped. */
  serviceCIDRs: string;
  /**
   * The node's addresses that accept NodePorts: nftables mode defaults
   * --nodeport-addresses to "primary", the node's own IP (cmd/kube-proxy
   * platformApplyDefaults), so never localhost.
   */
  nodePortIPs: string[];
}

export function writeSetup(tx: Transaction, node: NodeSetup): void {
  for (const [name, type, hook, priority] of baseChains)
    tx.chain(name, { base: { type, hook, priority } });
  for (const [to, from, condition] of jumps) {
    tx.chain(to);
    tx.rule(from, condition ? `${condition} jump ${to}` : `jump ${to}`);
  }
  for (const name of [
    chains.services,
    chains.clusterIPsCheck,
    chains.masquerading,
    chains.markMasq,
  ])
    tx.chain(name);

  tx.rule(chains.markMasq, `mark set mark or ${masqueradeMark}`);
  tx.rule(chains.masquerading, `mark and ${masqueradeMark} == 0 return`);
  tx.rule(chains.masquerading, `mark set mark xor ${masqueradeMark}`);
  tx.rule(chains.masquerading, 'masquerade fully-random');

  tx.set({ name: sets.clusterIPs, type: 'ipv4_addr', comment: 'Active ClusterIPs' });
  tx.rule(
    chains.clusterIPsCheck,
    `ip daddr @${sets.clusterIPs} reject`,
    'Reject traffic to invalid ports of ClusterIPs',
  );
  if (node.serviceCIDRs)
    tx.rule(
      chains.clusterIPsCheck,
      `ip daddr { ${node.serviceCIDRs} } drop`,
      'Drop traffic to unallocated ClusterIPs',
    );

  tx.set({
    name: sets.nodePortIPs,
    type: 'ipv4_addr',
    comment: 'IPs that accept NodePort traffic',
  });
  for (const ip of node.nodePortIPs) tx.element(sets.nodePortIPs, [ip]);

  const verdictMap = (name: string, type: string, comment: string) =>
    tx.map({ name, type: `${type} : verdict`, comment });
  const destination = 'ipv4_addr . inet_proto . inet_service';
  const port = 'inet_proto . inet_service';
  verdictMap(
    maps.noEndpointServices,
    destination,
    'vmap to drop or reject packets to services with no endpoints',
  );
  verdictMap(
    maps.noEndpointNodePorts,
    port,
    'vmap to drop or reject packets to service nodeports with no endpoints',
  );
  tx.chain(chains.reject, { comment: 'helper for @no-endpoint-services / @no-endpoint-nodeports' });
  tx.rule(chains.reject, 'reject');
  tx.rule(
    chains.serviceEndpointsCheck,
    `ip daddr . meta l4proto . th dport vmap @${maps.noEndpointServices}`,
  );
  tx.rule(
    chains.nodePortEndpointsCheck,
    `ip daddr @${sets.nodePortIPs} meta l4proto . th dport vmap @${maps.noEndpointNodePorts}`,
  );

  verdictMap(
    maps.firewallIPs,
    destination,
    'destinations that are subject to LoadBalancerSourceRanges',
  );
  tx.rule(chains.firewallCheck, `ip daddr . meta l4proto . th dport vmap @${maps.firewallIPs}`);

  verdictMap(maps.serviceIPs, destination, 'ClusterIP, ExternalIP and LoadBalancer IP traffic');
  verdictMap(maps.serviceNodePorts, port, 'NodePort traffic');
  tx.rule(chains.services, `ip daddr . meta l4proto . th dport vmap @${maps.serviceIPs}`);
  tx.rule(
    chains.services,
    `ip daddr @${sets.nodePortIPs} meta l4proto . th dport vmap @${maps.serviceNodePorts}`,
  );
}
