// The rules kube-proxy (iptables mode, default flags) writes on one node, as
// the iptables-restore input of syncProxyRules, token for token.
// Source: kubernetes/kubernetes pkg/proxy/iptables/proxier.go (syncProxyRules,
// writeServiceToEndpointRules). Defaults assumed, as in proxier_test.go:
// masquerade bit 0x4000, --cluster-cidr as the local detector, NodePorts on all
// local addresses including localhost, no --random-fully, no nfacct counters.
import type { Service } from '../api/types.ts';
import type { ClusterNode } from '../cluster.ts';
import type { Model } from '../model/types.ts';
import { categorize, endpointsFor, type ProxyEndpoint, portPolicy } from './endpoints.ts';
import { endpointChain, serviceChains, servicePortName } from './names.ts';

export const masqueradeMark = '0x4000';

export interface Rule {
  chain: string;
  /** The arguments after "-A CHAIN", exactly as kube-proxy writes them. */
  args: string[];
}

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

const q = (text: string) => `"${text}"`;

/** proxier.probability: fmt.Sprintf("%0.10f", 1.0/float64(n)). */
export function probability(n: number): string {
  return (1 / n).toFixed(10);
}

class Writer {
  readonly table: Table;
  private readonly declared = new Set<string>();
  constructor(name: Table['name']) {
    this.table = { name, chains: [], rules: [] };
  }
  chain(name: string): void {
    if (this.declared.has(name)) return;
    this.declared.add(name);
    this.table.chains.push(name);
  }
  rule(chain: string, ...args: string[]): void {
    this.table.rules.push({ chain, args });
  }
}

export function kubeProxyRules(model: Model, node: ClusterNode): NodeRules {
  const filter = new Writer('filter');
  const nat = new Writer('nat');
  if (node.kubeProxy === 'Stopped')
    return { node: node.name, filter: filter.table, nat: nat.table };

  const clusterCIDR = model.cluster.clusterCIDR;
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

  for (const service of model.services)
    writeService(service, model, node, clusterCIDR, filter, nat);

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
  filter.rule('KUBE-FORWARD', '-m', 'conntrack', '--ctstate', 'INVALID', '-j', 'DROP');
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
  return { node: node.name, filter: filter.table, nat: nat.table };
}

function writeService(
  service: Service,
  model: Model,
  node: ClusterNode,
  clusterCIDR: string,
  filter: Writer,
  nat: Writer,
): void {
  // shouldSkipService: no ClusterIP (headless) or ExternalName.
  if (service.type === 'ExternalName' || service.clusterIP === '' || service.clusterIP === 'None')
    return;
  for (const port of service.ports) {
    const protocol = port.protocol.toLowerCase();
    const name = servicePortName(service, port);
    const chains = serviceChains(name, port.protocol);
    const policy = portPolicy(service, port);
    const all = endpointsFor(service, port, model.endpointSlices, node.name);
    const { cluster, local, allReachable, hasAny } = categorize(all, policy);

    const usesClusterPolicyChain = cluster.length > 0 && policy.usesClusterEndpoints;
    const usesLocalPolicyChain = local.length > 0 && policy.usesLocalEndpoints;
    let internalChain = chains.svc;
    let hasInternal = hasAny;
    if (policy.internalPolicyLocal) {
      internalChain = chains.svl;
      if (local.length === 0) hasInternal = false;
    }
    let externalPolicyChain = chains.svc;
    let hasExternal = hasAny;
    if (policy.externalPolicyLocal) {
      externalPolicyChain = chains.svl;
      if (local.length === 0) hasExternal = false;
    }
    const usesExternalChain = hasAny && policy.externallyAccessible;
    const lbIPs = service.type === 'LoadBalancer' ? service.loadBalancerIngress : [];
    const usesFWChain = hasAny && lbIPs.length > 0 && service.loadBalancerSourceRanges.length > 0;
    const lbChain = usesFWChain ? chains.fw : chains.ext;

    let internalTarget = '';
    let internalComment = '';
    let externalTarget = '';
    let externalComment = '';
    if (!hasAny) {
      internalTarget = externalTarget = 'REJECT';
      internalComment = externalComment = q(`${name} has no endpoints`);
    } else {
      if (!hasInternal) {
        internalTarget = 'DROP';
        internalComment = q(`${name} has no local endpoints`);
      }
      if (!hasExternal) {
        externalTarget = 'DROP';
        externalComment = q(`${name} has no local endpoints`);
      }
    }
    const dport = String(port.port);
    const match = ['-m', protocol, '-p', protocol];
    // How proxier.go matches one destination of this port: a comment, the
    // protocol, the address and the port, then the jump.
    const toDestination = (
      table: Writer,
      chain: string,
      comment: string,
      ip: string,
      target: string,
    ) =>
      table.rule(
        chain,
        ...['-m', 'comment', '--comment', comment, ...match],
        ...['-d', ip, '--dport', dport, '-j', target],
      );

    if (hasInternal)
      toDestination(
        nat,
        'KUBE-SERVICES',
        q(`${name} cluster IP`),
        service.clusterIP,
        internalChain,
      );
    else toDestination(filter, 'KUBE-SERVICES', internalComment, service.clusterIP, internalTarget);

    for (const ip of service.externalIPs) {
      if (hasAny) toDestination(nat, 'KUBE-SERVICES', q(`${name} external IP`), ip, chains.ext);
      if (!hasExternal)
        toDestination(filter, 'KUBE-EXTERNAL-SERVICES', externalComment, ip, externalTarget);
    }
    for (const ip of lbIPs) {
      if (hasAny) toDestination(nat, 'KUBE-SERVICES', q(`${name} loadbalancer IP`), ip, lbChain);
      if (usesFWChain)
        toDestination(
          filter,
          'KUBE-PROXY-FIREWALL',
          q(`${name} traffic not accepted by ${chains.fw}`),
          ip,
          'DROP',
        );
    }
    if (!hasExternal)
      for (const ip of lbIPs)
        toDestination(filter, 'KUBE-EXTERNAL-SERVICES', externalComment, ip, externalTarget);

    if (port.nodePort !== 0) {
      if (hasAny)
        nat.rule(
          'KUBE-NODEPORTS',
          '-m',
          'comment',
          '--comment',
          name,
          ...match,
          '--dport',
          String(port.nodePort),
          '-j',
          chains.ext,
        );
      if (!hasExternal)
        filter.rule(
          'KUBE-EXTERNAL-SERVICES',
          '-m',
          'comment',
          '--comment',
          externalComment,
          '-m',
          'addrtype',
          '--dst-type',
          'LOCAL',
          ...match,
          '--dport',
          String(port.nodePort),
          '-j',
          externalTarget,
        );
    }
    // servicePortInfo keeps healthCheckNodePort only when NeedsHealthCheck.
    if (
      service.healthCheckNodePort !== 0 &&
      service.type === 'LoadBalancer' &&
      service.externalTrafficPolicy === 'Local'
    )
      filter.rule(
        'KUBE-NODEPORTS',
        '-m',
        'comment',
        '--comment',
        q(`${name} health check node port`),
        '-m',
        'tcp',
        '-p',
        'tcp',
        '--dport',
        String(service.healthCheckNodePort),
        '-j',
        'ACCEPT',
      );

    if (hasInternal)
      nat.rule(
        internalChain,
        '-m',
        'comment',
        '--comment',
        q(`${name} cluster IP`),
        ...match,
        '-d',
        service.clusterIP,
        '--dport',
        dport,
        '!',
        '-s',
        clusterCIDR,
        '-j',
        'KUBE-MARK-MASQ',
      );

    if (usesExternalChain) {
      nat.chain(chains.ext);
      if (!policy.externalPolicyLocal) {
        nat.rule(
          chains.ext,
          '-m',
          'comment',
          '--comment',
          q(`masquerade traffic for ${name} external destinations`),
          '-j',
          'KUBE-MARK-MASQ',
        );
      } else {
        nat.rule(
          chains.ext,
          '-m',
          'comment',
          '--comment',
          q(`pod traffic for ${name} external destinations`),
          '-s',
          clusterCIDR,
          '-j',
          chains.svc,
        );
        nat.rule(
          chains.ext,
          '-m',
          'comment',
          '--comment',
          q(`masquerade LOCAL traffic for ${name} external destinations`),
          '-m',
          'addrtype',
          '--src-type',
          'LOCAL',
          '-j',
          'KUBE-MARK-MASQ',
        );
        nat.rule(
          chains.ext,
          '-m',
          'comment',
          '--comment',
          q(`route LOCAL traffic for ${name} external destinations`),
          '-m',
          'addrtype',
          '--src-type',
          'LOCAL',
          '-j',
          chains.svc,
        );
      }
      if (hasExternal) nat.rule(chains.ext, '-j', externalPolicyChain);
    }

    if (usesFWChain) {
      nat.chain(chains.fw);
      for (const cidr of service.loadBalancerSourceRanges)
        nat.rule(
          chains.fw,
          '-m',
          'comment',
          '--comment',
          q(`${name} loadbalancer IP`),
          '-s',
          cidr.trim(),
          '-j',
          chains.ext,
        );
      nat.rule(
        chains.fw,
        '-m',
        'comment',
        '--comment',
        q(`other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`),
      );
    }

    if (usesClusterPolicyChain) {
      nat.chain(chains.svc);
      writeServiceToEndpointRules(nat, name, port.protocol, service, chains.svc, cluster);
    }
    if (usesLocalPolicyChain) {
      nat.chain(chains.svl);
      writeServiceToEndpointRules(nat, name, port.protocol, service, chains.svl, local);
    }
    for (const ep of allReachable) {
      const sep = endpointChain(name, port.protocol, ep.text);
      nat.chain(sep);
      nat.rule(sep, '-m', 'comment', '--comment', name, '-s', ep.ip, '-j', 'KUBE-MARK-MASQ');
      const affinity =
        service.sessionAffinity === 'ClientIP' ? ['-m', 'recent', '--name', sep, '--set'] : [];
      nat.rule(
        sep,
        '-m',
        'comment',
        '--comment',
        name,
        ...affinity,
        ...match,
        '-j',
        'DNAT',
        '--to-destination',
        ep.text,
      );
    }
  }
}

function writeServiceToEndpointRules(
  nat: Writer,
  name: string,
  protocol: string,
  service: Service,
  chain: string,
  endpoints: ProxyEndpoint[],
): void {
  if (service.sessionAffinity === 'ClientIP') {
    for (const ep of endpoints) {
      const sep = endpointChain(name, protocol, ep.text);
      nat.rule(
        chain,
        '-m',
        'comment',
        '--comment',
        q(`${name} -> ${ep.text}`),
        '-m',
        'recent',
        '--name',
        sep,
        '--rcheck',
        '--seconds',
        String(service.sessionAffinityTimeoutSeconds),
        '--reap',
        '-j',
        sep,
      );
    }
  }
  endpoints.forEach((ep, i) => {
    const sep = endpointChain(name, protocol, ep.text);
    const statistic =
      i < endpoints.length - 1
        ? [
            '-m',
            'statistic',
            '--mode',
            'random',
            '--probability',
            probability(endpoints.length - i),
          ]
        : [];
    nat.rule(
      chain,
      '-m',
      'comment',
      '--comment',
      q(`${name} -> ${ep.text}`),
      ...statistic,
      '-j',
      sep,
    );
  });
}
