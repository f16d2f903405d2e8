// The rules kube-proxy writes for one Service port: its entry rules in
// KUBE-SERVICES, KUBE-NODEPORTS and the filter chains, then its own chains
// (KUBE-EXT-, KUBE-FW-, KUBE-SVC-/KUBE-SVL-, one KUBE-SEP- per endpoint).
// Source: kubernetes/kubernetes pkg/proxy/iptables/proxier.go (syncProxyRules,
// writeServiceToEndpointRules), token for token.
import type { Service, ServicePort } from '../api/types.ts';
import type { ClusterNode } from '../cluster.ts';
import type { Model } from '../model/types.ts';
import { parseIPv4 } from '../net/ip.ts';
import type { ProxyEndpoint } from './endpoints.ts';
import { endpointChain, type ServiceChains, serviceChains } from './names.ts';
import { type PortFacts, portFacts } from './port-facts.ts';
import { q, type Writer } from './writer.ts';

/** metrics.LocalhostNodePortAcceptedNFAcctCounter. */
const localhostNodePortCounter = 'localhost_nps_accepted_pkts';

/** `-m comment --comment VALUE`: how every rule of a Service says whose it is. */
const commented = (value: string) => ['-m', 'comment', '--comment', value];

/** proxier.probability: fmt.Sprintf("%0.10f", 1.0/float64(n)). */
export function probability(n: number): string {
  return (1 / n).toFixed(10);
}

/** What syncProxyRules works out for a Service port before it writes a rule. */
interface PortPlan extends PortFacts {
  chains: ServiceChains;
  internalChain: string;
  externalPolicyChain: string;
  usesFWChain: boolean;
  internalTarget: string;
  internalComment: string;
  externalTarget: string;
  externalComment: string;
  /** -m PROTO -p PROTO */
  match: string[];
}

function plan(service: Service, port: ServicePort, model: Model, node: ClusterNode): PortPlan {
  const facts = portFacts(service, port, model, node);
  const { name, policy, hasAny, hasInternal, hasExternal, lbIPs, sourceRanges } = facts;
  const chains = serviceChains(name, port.protocol);
  const protocol = port.protocol.toLowerCase();
  const noLocal = q(`${name} has no local endpoints`);
  return {
    ...facts,
    chains,
    internalChain: policy.internalPolicyLocal ? chains.svl : chains.svc,
    externalPolicyChain: policy.externalPolicyLocal ? chains.svl : chains.svc,
    usesFWChain: hasAny && lbIPs.length > 0 && sourceRanges.length > 0,
    internalTarget: !hasAny ? 'REJECT' : hasInternal ? '' : 'DROP',
    internalComment: !hasAny ? q(`${name} has no endpoints`) : hasInternal ? '' : noLocal,
    externalTarget: !hasAny ? 'REJECT' : hasExternal ? '' : 'DROP',
    externalComment: !hasAny ? q(`${name} has no endpoints`) : hasExternal ? '' : noLocal,
    match: ['-m', protocol, '-p', protocol],
  };
}

export function writeService(
  service: Service,
  model: Model,
  node: ClusterNode,
  filter: Writer,
  nat: Writer,
): void {
  // shouldSkipService: no ClusterIP (headless) or ExternalName.
  if (service.type === 'ExternalName' || service.clusterIP === '' || service.clusterIP === 'None')
    return;
  for (const port of service.ports) {
    const p = plan(service, port, model, node);
    const servicePort = {
      namespace: service.metadata.namespace,
      name: service.metadata.name,
      port: port.name,
    };
    filter.servicePort = nat.servicePort = servicePort;
    writeEntryRules(p, filter, nat);
    writeServiceChains(p, nat);
    filter.servicePort = nat.servicePort = undefined;
  }
}

/** How proxier.go matches one destination of a port: a comment, the protocol, the address and the port, then the jump. */
function toDestination(
  p: PortPlan,
  table: Writer,
  chain: string,
  comment: string,
  ip: string,
  target: string,
): void {
  table.rule(
    chain,
    ...[...commented(comment), ...p.match],
    ...['-d', ip, '--dport', String(p.port.port), '-j', target],
  );
}

/** The rules that lead into the Service's chains, or drop and reject in its place. */
function writeEntryRules(p: PortPlan, filter: Writer, nat: Writer): void {
  const { name, chains, service, hasAny, hasExternal } = p;
  const lbChain = p.usesFWChain ? chains.fw : chains.ext;
  if (p.hasInternal)
    toDestination(
      p,
      nat,
      'KUBE-SERVICES',
      q(`${name} cluster IP`),
      service.clusterIP,
      p.internalChain,
    );
  else
    toDestination(
      p,
      filter,
      'KUBE-SERVICES',
      p.internalComment,
      service.clusterIP,
      p.internalTarget,
    );

  for (const ip of service.externalIPs.filter((ip) => parseIPv4(ip) !== null)) {
    if (hasAny) toDestination(p, nat, 'KUBE-SERVICES', q(`${name} external IP`), ip, chains.ext);
    if (!hasExternal)
      toDestination(p, filter, 'KUBE-EXTERNAL-SERVICES', p.externalComment, ip, p.externalTarget);
  }
  for (const ip of p.lbIPs) {
    if (hasAny) toDestination(p, nat, 'KUBE-SERVICES', q(`${name} loadbalancer IP`), ip, lbChain);
    if (p.usesFWChain)
      toDestination(
        p,
        filter,
        'KUBE-PROXY-FIREWALL',
        q(`${name} traffic not accepted by ${chains.fw}`),
        ip,
        'DROP',
      );
  }
  if (!hasExternal)
    for (const ip of p.lbIPs)
      toDestination(p, filter, 'KUBE-EXTERNAL-SERVICES', p.externalComment, ip, p.externalTarget);

  writeNodePortRules(p, filter, nat);
}

/** A NodePort's jump in KUBE-NODEPORTS, its DROP or REJECT, and the health check port. */
function writeNodePortRules(p: PortPlan, filter: Writer, nat: Writer): void {
  const { name, chains, service, hasAny, hasExternal } = p;
  const nodePort = String(p.port.nodePort);
  if (p.port.nodePort !== 0) {
    if (hasAny) {
      // localhostNodePorts (the default) with the nfacct counter kube-proxy
      // ensures at start: the same jump for 127.0.0.0/8, counted separately.
      nat.rule(
        'KUBE-NODEPORTS',
        ...[...commented(name), ...p.match, '-d', '127.0.0.0/8', '--dport', nodePort],
        ...['-m', 'nfacct', '--nfacct-name', localhostNodePortCounter, '-j', chains.ext],
      );
      nat.rule(
        'KUBE-NODEPORTS',
        ...commented(name),
        ...p.match,
        '--dport',
        nodePort,
        '-j',
        chains.ext,
      );
    }
    if (!hasExternal)
      filter.rule(
        'KUBE-EXTERNAL-SERVICES',
        ...[...commented(p.externalComment), '-m', 'addrtype', '--dst-type', 'LOCAL'],
        ...[...p.match, '--dport', nodePort, '-j', p.externalTarget],
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
      ...commented(q(`${name} health check node port`)),
      ...['-m', 'tcp', '-p', 'tcp', '--dport', String(service.healthCheckNodePort), '-j', 'ACCEPT'],
    );
}

/** The Service's own chains: masquerading, external and firewall, endpoint choice, DNAT. */
function writeServiceChains(p: PortPlan, nat: Writer): void {
  const { name, chains, service } = p;
  if (p.hasInternal)
    nat.rule(
      p.internalChain,
      ...[...commented(q(`${name} cluster IP`)), ...p.match],
      ...['-d', service.clusterIP, '--dport', String(p.port.port), '!', '-s', p.clusterCIDR],
      ...['-j', 'KUBE-MARK-MASQ'],
    );
  if (p.hasAny && p.policy.externallyAccessible) writeExternalChain(p, nat);
  if (p.usesFWChain) {
    nat.chain(chains.fw);
    for (const cidr of p.sourceRanges)
      nat.rule(chains.fw, ...commented(q(`${name} loadbalancer IP`)), '-s', cidr, '-j', chains.ext);
    // A VIP-like load balancer's address is often a local address of the node,
    // so a node's own request to it loops back with the VIP as its source: a
    // range that holds the node lets those on too (proxier.go, allowFromNode).
    if (p.allowFromNode)
      for (const ip of p.lbIPs)
        nat.rule(chains.fw, ...commented(q(`${name} loadbalancer IP`)), '-s', ip, '-j', chains.ext);
    nat.rule(
      chains.fw,
      ...commented(q(`other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`)),
    );
  }
  if (p.cluster.length > 0 && p.policy.usesClusterEndpoints) {
    nat.chain(chains.svc);
    writeServiceToEndpointRules(nat, p, chains.svc, p.cluster);
  }
  if (p.local.length > 0 && p.policy.usesLocalEndpoints) {
    nat.chain(chains.svl);
    writeServiceToEndpointRules(nat, p, chains.svl, p.local);
  }
  for (const ep of p.allReachable) {
    const sep = endpointChain(name, p.port.protocol, ep.text);
    nat.chain(sep);
    nat.rule(sep, ...commented(name), '-s', ep.ip, '-j', 'KUBE-MARK-MASQ');
    const affinity =
      service.sessionAffinity === 'ClientIP' ? ['-m', 'recent', '--name', sep, '--set'] : [];
    nat.rule(
      sep,
      ...commented(name),
      ...affinity,
      ...p.match,
      '-j',
      'DNAT',
      '--to-destination',
      ep.text,
    );
  }
}

function writeExternalChain(p: PortPlan, nat: Writer): void {
  const { name, chains } = p;
  nat.chain(chains.ext);
  if (!p.policy.externalPolicyLocal) {
    nat.rule(
      chains.ext,
      ...commented(q(`masquerade traffic for ${name} external destinations`)),
      '-j',
      'KUBE-MARK-MASQ',
    );
  } else {
    nat.rule(
      chains.ext,
      ...commented(q(`pod traffic for ${name} external destinations`)),
      '-s',
      p.clusterCIDR,
      '-j',
      chains.svc,
    );
    nat.rule(
      chains.ext,
      ...commented(q(`masquerade LOCAL traffic for ${name} external destinations`)),
      ...['-m', 'addrtype', '--src-type', 'LOCAL', '-j', 'KUBE-MARK-MASQ'],
    );
    nat.rule(
      chains.ext,
      ...commented(q(`route LOCAL traffic for ${name} external destinations`)),
      ...['-m', 'addrtype', '--src-type', 'LOCAL', '-j', chains.svc],
    );
  }
  if (p.hasExternal) nat.rule(chains.ext, '-j', p.externalPolicyChain);
}

function writeServiceToEndpointRules(
  nat: Writer,
  p: PortPlan,
  chain: string,
  endpoints: ProxyEndpoint[],
): void {
  const { name, service } = p;
  const protocol = p.port.protocol;
  if (service.sessionAffinity === 'ClientIP') {
    for (const ep of endpoints) {
      const sep = endpointChain(name, protocol, ep.text);
      nat.rule(
        chain,
        ...[...commented(q(`${name} -> ${ep.text}`)), '-m', 'recent', '--name', sep],
        ...[
          '--rcheck',
          '--seconds',
          String(service.sessionAffinityTimeoutSeconds),
          '--reap',
          '-j',
          sep,
        ],
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
    nat.rule(chain, ...commented(q(`${name} -> ${ep.text}`)), ...statistic, '-j', sep);
  });
}
