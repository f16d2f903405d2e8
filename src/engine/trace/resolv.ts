// The /etc/resolv.conf kubelet writes for a Pod, after
// kubernetes/kubernetes pkg/kubelet/network/dns/dns.go (GetPodDNS,
// getPodDNSType, generateSearchesForDNSClusterFirst, appendDNSConfig,
// mergeDNSOptions). The node's own resolv.conf is not in the scenario: it is
// modelled as one nameserver, the node's resolver, with no search list and
// the resolver's default ndots:1.
import type { Pod } from '../api/types.ts';
import type { Model } from '../model/types.ts';

/** A nameserver line: the node's own resolver, or an address. */
export type Nameserver = { kind: 'node' } | { kind: 'ip'; ip: string };

export interface ResolvConf {
  nameservers: Nameserver[];
  searches: string[];
  ndots: number;
  /** Why the node's resolver is used, when it is (for the message that says so). */
  hostBecause: 'Default' | 'hostNetwork' | null;
}

/** glibc's RES_MAXNDOTS: a larger ndots option counts as 15. */
const maxNdots = 15;

/** getPodDNSType: ClusterFirst on a hostNetwork Pod falls back to Default. */
function podDNSType(pod: Pod): 'cluster' | 'host' | 'none' {
  switch (pod.spec.dnsPolicy ?? 'ClusterFirst') {
    case 'None':
      return 'none';
    case 'ClusterFirstWithHostNet':
      return 'cluster';
    case 'Default':
      return 'host';
    default:
      return pod.spec.hostNetwork ? 'host' : 'cluster';
  }
}

/** dns.go omitDuplicates: the first of each, in order. */
function unique<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const item of items) {
    if (seen.has(key(item))) continue;
    seen.add(key(item));
    kept.push(item);
  }
  return kept;
}

export function podResolvConf(model: Model, pod: Pod): ResolvConf {
  const { clusterDNS, clusterDomain } = model.cluster;
  const type = podDNSType(pod);
  let nameservers: Nameserver[] = [];
  let searches: string[] = [];
  const options = new Map<string, string | null>();
  if (type === 'cluster') {
    nameservers = [{ kind: 'ip', ip: clusterDNS }];
    const ns = pod.metadata.namespace;
    searches = [`${ns}.svc.${clusterDomain}`, `svc.${clusterDomain}`, clusterDomain];
    options.set('ndots', '5');
  } else if (type === 'host') nameservers = [{ kind: 'node' }];
  // appendDNSConfig: the Pod's dnsConfig adds to what the policy gave, its
  // options replacing those of the same name.
  const config = pod.spec.dnsConfig;
  if (config) {
    nameservers = unique(
      [...nameservers, ...config.nameservers.map((ip): Nameserver => ({ kind: 'ip', ip }))],
      (n) => (n.kind === 'ip' ? n.ip : ''),
    );
    searches = unique([...searches, ...config.searches], (s) => s);
    for (const o of config.options) options.set(o.name, o.value);
  }
  const ndots = Number.parseInt(options.get('ndots') ?? '1', 10);
  const policy = pod.spec.dnsPolicy ?? 'ClusterFirst';
  return {
    nameservers,
    searches,
    ndots: Number.isNaN(ndots) || ndots < 0 ? 1 : Math.min(ndots, maxNdots),
    hostBecause: type !== 'host' ? null : policy === 'Default' ? 'Default' : 'hostNetwork',
  };
}

/**
 * The names the resolver asks for, in order (glibc res_search): a name ending
 * in "." only as written; one with at least ndots dots first as written, then
 * with each search domain; any other with each search domain first.
 */
export function searchOrder(host: string, conf: ResolvConf): string[] {
  if (host.endsWith('.')) return [host.slice(0, -1)];
  const dots = host.split('.').length - 1;
  const searched = conf.searches.map((s) => `${host}.${s}`);
  return dots >= conf.ndots ? [host, ...searched] : [...searched, host];
}
