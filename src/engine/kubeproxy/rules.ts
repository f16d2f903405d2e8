// The rules kube-proxy (iptables mode, default flags) writes on one node, as
// the iptables-restore input of syncProxyRules, token for token.
// Source: kubernetes/kubernetes pkg/proxy/iptables/proxier.go (syncProxyRules,
// writeServiceToEndpointRules). Defaults assumed, as in proxier_test.go:
// masquerade bit 0x4000, --cluster-cidr as the local detector, NodePorts on all
// local addresses including localhost (iptables.localhostNodePorts: true, so
// NewProxier sets net.ipv4.conf.all.route_localnet=1 and a DNATed 127.0.0.1
// packet may leave the node, masqueraded), no --random-fully, and the nfacct
// counters kube-proxy ensures at start (ct_state_invalid_dropped_pkts,
// localhost_nps_accepted_pkts), which the tests' fake proxier has too.
import type { ClusterNode } from '../cluster.ts';
import type { Model } from '../model/types.ts';
import { memoized } from '../util/memo.ts';
import type { Rule } from './rule.ts';
import { writeService } from './service-rules.ts';
import { q, Writer } from './writer.ts';

export type { Rule } from './rule.ts';
export { probability } from './service-rules.ts';

export const masqueradeMark = '0x4000';

export interface Table {
  name: 'filter' | 'nat';
  chains: string[];
  rules: Rule[];
}

export interface NodeRules {
  node: string;
  filter: Table;
  nat: Table;
}

// The playground's worker asks for a node's rules from the trace, `iptables` and
// the rules drawing on every keystroke; a model never changes once built, so
// each node's rules are written once per model.
const rulesOfModel = memoized((_: Model) => new Map<ClusterNode, NodeRules>());

export function kubeProxyRules(model: Model, node: ClusterNode): NodeRules {
  const written = rulesOfModel(model);
  let rules = written.get(node);
  if (!rules) {
    rules = writeRules(model, node);
    written.set(node, rules);
  }
  return rules;
}

function writeRules(model: Model, node: ClusterNode): NodeRules {
  const filter = new Writer('filter');
  const nat = new Writer('nat');
  if (node.kubeProxy === 'Stopped')
    return { node: node.name, filter: filter.table, nat: nat.table };

  writeBaseRules(filter, nat);
  for (const service of model.services) writeService(service, model, node, filter, nat);
  writeFinalRules(filter, nat);
  return { node: node.name, filter: filter.table, nat: nat.table };
}

/** The chains and rules every node has, written before any Service's. */
function writeBaseRules(filter: Writer, nat: Writer): void {
  for (const c of [
    'KUBE-SERVICES',
    'KUBE-EXTERNAL-SERVICES',
    'KUBE-FORWARD',
    'KUBE-NODEPORTS',
    'KUBE-PROXY-FIREWALL',
  ])
    filter.chain(c);
  for (const c of ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ'])
    nat.chain(c);

  const mark = `${masqueradeMark}/${masqueradeMark}`;
  nat.rule('KUBE-POSTROUTING', '-m', 'mark', '!', '--mark', mark, '-j', 'RETURN');
  nat.rule('KUBE-POSTROUTING', '-j', 'MARK', '--xor-mark', masqueradeMark);
  nat.rule(
    'KUBE-POSTROUTING',
    '-m',
    'comment',
    '--comment',
    q('kubernetes service traffic requiring SNAT'),
    '-j',
    'MASQUERADE',
  );
  nat.rule('KUBE-MARK-MASQ', '-j', 'MARK', '--or-mark', masqueradeMark);
  filter.chain('KUBE-FIREWALL');
  filter.rule(
    'KUBE-FIREWALL',
    '-m',
    'comment',
    '--comment',
    q('block incoming localnet connections'),
    '-d',
    '127.0.0.0/8',
    '!',
    '-s',
    '127.0.0.0/8',
    '-m',
    'conntrack',
    '!',
    '--ctstate',
    'RELATED,ESTABLISHED,DNAT',
    '-j',
    'DROP',
  );
}

/** The rules that must come after every Service's: the NodePort jump and forwarding. */
function writeFinalRules(filter: Writer, nat: Writer): void {
  const mark = `${masqueradeMark}/${masqueradeMark}`;
  nat.rule(
    'KUBE-SERVICES',
    '-m',
    'comment',
    '--comment',
    q('kubernetes service nodeports; NOTE: this must be the last rule in this chain'),
    '-m',
    'addrtype',
    '--dst-type',
    'LOCAL',
    '-j',
    'KUBE-NODEPORTS',
  );
  filter.rule(
    'KUBE-FORWARD',
    ...['-m', 'conntrack', '--ctstate', 'INVALID'],
    ...['-m', 'nfacct', '--nfacct-name', 'ct_state_invalid_dropped_pkts', '-j', 'DROP'],
  );
  filter.rule(
    'KUBE-FORWARD',
    '-m',
    'comment',
    '--comment',
    q('kubernetes forwarding rules'),
    '-m',
    'mark',
    '--mark',
    mark,
    '-j',
    'ACCEPT',
  );
  filter.rule(
    'KUBE-FORWARD',
    '-m',
    'comment',
    '--comment',
    q('kubernetes forwarding conntrack rule'),
    '-m',
    'conntrack',
    '--ctstate',
    'RELATED,ESTABLISHED',
    '-j',
    'ACCEPT',
  );
}
