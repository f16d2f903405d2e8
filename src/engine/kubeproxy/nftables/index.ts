// `nftables --node NODE`: the `ip kube-proxy` table kube-proxy (nftables mode,
// default flags) writes on one node. Defaults assumed, as in
// pkg/proxy/nftables/proxier_test.go NewFakeProxier: masquerade bit 0x4000,
// --cluster-cidr as the local detector, no --masquerade-all, NodePorts on the
// node's primary IP only (nftables mode's default --nodeport-addresses), and
// the cluster's Service CIDR known from its ServiceCIDR object.
import type { ClusterNode } from '../../cluster.ts';
import type { Model } from '../../model/types.ts';
import { formatIPv4, parseCidr } from '../../net/ip.ts';
import { memoized } from '../../util/memo.ts';
import { dumpTable } from './dump.ts';
import { writeService } from './services.ts';
import { writeSetup } from './setup.ts';
import { emptyTable, type NftTable, Transaction } from './table.ts';

export { dumpTable, elementText, ruleText } from './dump.ts';
export type { NftChain, NftElement, NftMap, NftRule, NftSet, NftTable } from './table.ts';
export {
  type Packet,
  type StepVerdict,
  type Walk,
  type WalkOptions,
  type WalkStep,
  walkPacket,
} from './walk.ts';

const tablesOfModel = memoized((_: Model) => new Map<ClusterNode, NftTable | null>());

/** The node's table; null when kube-proxy is stopped there (it has written none). */
export function kubeProxyNFTables(model: Model, node: ClusterNode): NftTable | null {
  const written = tablesOfModel(model);
  if (!written.has(node)) written.set(node, writeTable(model, node));
  return written.get(node) ?? null;
}

function writeTable(model: Model, node: ClusterNode): NftTable | null {
  if (node.kubeProxy === 'Stopped') return null;
  const tx = new Transaction(emptyTable());
  const serviceCIDR = parseCidr(model.cluster.serviceCIDR);
  writeSetup(tx, {
    serviceCIDRs: serviceCIDR ? `${formatIPv4(serviceCIDR.base)}/${serviceCIDR.bits}` : '',
    nodePortIPs: node.internalIP ? [node.internalIP] : [],
  });
  for (const service of model.services) writeService(tx, service, model, node);
  return tx.table;
}

/** The table as knftables' fake dumps it; "" when kube-proxy is stopped; null when there is no such node. */
export function nftables(model: Model, nodeName: string): string | null {
  const node = model.nodes.find((n) => n.name === nodeName);
  if (!node) return null;
  const table = kubeProxyNFTables(model, node);
  return table ? dumpTable(table) : '';
}
