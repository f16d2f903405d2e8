// The engine's messages in English: the words of `routelab trace`, of the
// trace JSON's `detail` and `reason` and of a warning's `message` (docs/cli.md
// keeps them as they were before messages existed, so each sentence here is
// unchanged text).
import type { LocationRef, MessageTable, PortRef, ServiceRef } from '../../engine/index.ts';
import { gatewayEn } from './gateway-en.ts';

const ref = (s: ServiceRef) => `${s.namespace}/${s.name}`;
const port = (p: PortRef) => (p.name ? `port ${p.name} (${p.port})` : `port ${p.port}`);
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
const fakeCertificate = (hosts: string[]) =>
  `ingress-nginx serves ${hosts.join(', ') || 'these hosts'} with its self-signed fake certificate, and clients see a certificate warning`;
const running = (yes: boolean) => (yes ? 'running' : 'stopped, so the node has no Service rules');
const declaredPorts = (ports: number[]) => ports.join(', ') || 'none';
// containerPort is informational in Kubernetes: whether anything listens is the
// app's business. The simulator's convention is said as one wherever it decides.
const convention = 'Routelab takes a container to listen on the ports it declares';

function location(l: LocationRef): string {
  if (l.kind === 'ingress-default') return 'the Ingress’s defaultBackend';
  if (l.kind === 'default-backend') return 'the default backend';
  return `${l.pathType} ${l.path}`;
}

const unavailable = 'ingress-nginx answers 503 Service Temporarily Unavailable';
/** "NetworkPolicy a isolates" or "NetworkPolicies a, b isolate". */
const policiesIsolate = (names: string[]) =>
  `${plural(names.length, 'NetworkPolicy', 'NetworkPolicies')} ${names.join(', ')} ${plural(names.length, 'isolates', 'isolate')}`;
const direction = (d: 'Ingress' | 'Egress') => (d === 'Ingress' ? 'ingress' : 'egress');

export const en: MessageTable = {
  ...gatewayEn,
  'outcome.delivered': () => 'delivered',
  'outcome.http-error': () => 'HTTP error',
  'outcome.refused': () => 'refused',
  'outcome.timeout': () => 'timeout',
  'outcome.dns-error': () => 'DNS error',
  'outcome.invalid': () => 'invalid',
  'request.invalid-manifests': () => 'the manifests cannot all be applied; the diagnostics say why',
  'request.bad-port': (p) => `the port in ${p.to} is not between 1 and 65535`,
  'request.bad-target': (p) => `"${p.to}" is neither a URL (http://host[:port]/path) nor IP:PORT`,
  'request.no-node': (p) => `no node named ${p.name}`,
  'request.unknown-source': (p) =>
    `unknown source "${p.from}": use external, pod/NAME, pod/NAMESPACE/NAME, deployment/NAME or node/NAME`,
  'request.no-pod': (p) => `no running Pod matches ${p.from}`,
  'request.pod-pending': (p) =>
    `Pod ${p.pod} is not running on any node (Pending), so it cannot send requests`,

  'dns.failed': (p, r) => `${p.host}: ${r(p.reason)}`,
  'dns.forced': (p) => `${p.host} -> ${p.ip} (--resolve)`,
  'dns.hosts-file': (p) => `${p.host} -> ${p.ip} (/etc/hosts)`,
  'dns.hosts-own': (p) =>
    `${p.host} -> ${p.ip} (/etc/hosts: kubelet writes the Pod's own hostname there, at its Pod IP)`,
  'dns.hosts-alias': (p) => `${p.host} -> ${p.ip} (/etc/hosts: from the Pod's hostAliases)`,
  'dns.cname-loop': (p) => `${p.host} is a chain of CNAMEs that does not end`,
  'dns.cname-failed': (p, r) =>
    `${p.fqdn} is a CNAME for ${p.externalName} (ExternalName Service), and ${r(p.inner)}`,
  'dns.cname': (p) => `${p.host} -> CNAME ${p.externalName} -> ${p.ip}`,
  'dns.cname-in-zone': (p) =>
    `${p.host} -> CNAME ${p.externalName} -> ${p.ip} (the name is in the cluster domain, so cluster DNS answers Service ${p.service}'s address in the same response)`,
  'dns.zone-no-record': (p) =>
    `${p.fqdn} is in the cluster domain, and cluster DNS has no record for it (no Service of that name)`,
  'dns.headless-empty': (p) =>
    `${p.fqdn} is a headless Service with no ready endpoints, so cluster DNS has no address for it`,
  'dns.headless': (p) =>
    `${p.host} -> ${p.ip} (headless Service ${p.fqdn}: one of ${p.count} Pod address${p.count === 1 ? '' : 'es'})`,
  'dns.cluster-ip': (p) => `${p.host} -> ${p.ip} (${p.fqdn})`,
  'dns.endpoint': (p) =>
    `${p.host} -> ${p.ip} (${p.fqdn}: the endpoint ${p.endpoint} of Service ${p.service}, one Pod's own name)`,
  'dns.pod-not-found': (p, r) =>
    `${p.host} does not resolve: no Service has that name in cluster DNS, and no other DNS record for it exists here${r({ id: 'dns.resolve-hint', params: { host: p.host } })}`,
  'dns.cluster-name-outside': (p) =>
    `${p.host} is a cluster DNS name, which only Pods can resolve (cluster DNS at ${p.clusterDNS}); ${p.from === 'node' ? 'a node' : 'a client outside the cluster'} cannot`,
  'dns.not-found': (p, r) =>
    `${p.host} does not resolve: there is no DNS record for it${r({ id: 'dns.resolve-hint', params: { host: p.host } })}`,
  'dns.resolve-hint': (p) => ` (use --resolve ${p.host}:IP to give it one)`,
  'dns.resolve-hint-page': (p) =>
    ` (in the playground, “Resolve the host to” gives ${p.host} an address)`,
  'dns.node-resolver': (p) =>
    `${p.host} is a cluster DNS name, but this Pod asks its node's resolver, which does not know cluster names (${p.because === 'Default' ? 'dnsPolicy Default' : 'dnsPolicy ClusterFirst on a hostNetwork Pod falls back to Default; ClusterFirstWithHostNet would use cluster DNS'}; cluster DNS is at ${p.clusterDNS})`,
  'dns.nameserver-not-simulated': (p) =>
    `${p.host} would be asked of nameserver ${p.nameserver} from the Pod's dnsConfig, a DNS server that is not the cluster's and is not simulated here (use --resolve ${p.host}:IP to give its answer)`,
  'dns.ingress-lb': (p) =>
    `${p.host} -> ${p.ip} (the DNS record for the Ingress host points at the ingress controller's load balancer)`,
  'dns.ingress-nodeport': (p) =>
    `${p.host} -> ${p.ip} (the ingress controller is exposed by NodePort; the record points at a node)`,
  'dns.ingress-no-address': (p) =>
    `an Ingress names ${p.host}, but the ingress controller has no external address to point its DNS record at (${p.why === 'pending' ? 'its load balancer is <pending>' : p.why === 'no-controller' ? 'no ingress controller is installed' : 'the controller has no Service exposing it'})`,

  'lb.no-healthy-node': (p) => `load balancer ${p.ip}:${p.port} has no healthy node to send to`,
  'lb.no-nodeport': (p) =>
    `the load balancer for Service ${p.service} has no NodePort to forward to`,
  'lb.no-healthy-reason': (p) =>
    `the load balancer for Service ${p.service} finds no healthy node (${p.local ? 'externalTrafficPolicy is Local and no node runs a ready Pod of it' : 'no node is ready with kube-proxy running'}), so it drops the connection`,
  'lb.source-range-hop': (p) =>
    `the cloud provider's firewall for load balancer ${p.ip}:${p.port} drops packets from ${p.client}: it allows only the Service's loadBalancerSourceRanges (${p.ranges.join(', ')})`,
  'lb.source-range-reason': (p) =>
    `Service ${ref(p.service)} accepts clients only from its loadBalancerSourceRanges (${p.ranges.join(', ')}) and ${p.client} is in none of them: the cloud provider's firewall drops the connection, so the client times out`,
  'lb.forward': (p) =>
    `the cloud load balancer for Service ${ref(p.service)} forwards to ${p.node}'s NodePort ${p.nodePort}, keeping the client's address (${p.local ? 'only nodes with a ready local Pod pass its health check' : 'any node with kube-proxy running passes its health check'})`,
  'unrouted.cluster-ip': (p) =>
    `${p.ip} is a ClusterIP: no machine has that address and only the nodes' own rules know it, so the internet has no route to it`,
  'unrouted.pod-ip': (p) =>
    `${p.ip} is a Pod address, which is only routed inside the cluster network`,
  'unrouted.lb-port': (p) => `the load balancer at ${p.ip} does not listen on port ${p.port}`,
  'unrouted.foreign': (p) => `nothing at ${p.ip} belongs to this cluster`,
  'unrouted.reason': (p, r) =>
    `${r(p.what)}; the packets are dropped and the client waits until it times out`,
  'node.arrive': (p) =>
    `arrives at ${p.node} (${p.ip}); kube-proxy is ${running(p.kubeProxyRunning)}`,
  'node.from-pod': (p) =>
    `leaves Pod ${p.pod} into ${p.node}'s network stack; kube-proxy is ${running(p.kubeProxyRunning)}`,
  'node.self': (p) => `sent by ${p.node} itself; kube-proxy is ${running(p.kubeProxyRunning)}`,
  'node.routed-in': (p) =>
    `${p.natted ? `${p.from} DNATed it to ${p.ip}, ${p.node}'s own address,` : `no rule on ${p.from} matches ${p.ip}, which is not ${p.from}'s own address,`} so ${p.from} routes it ${p.natted ? '' : 'unchanged '}to ${p.node}; kube-proxy there is ${running(p.kubeProxyRunning)}`,

  'iptables.rule': (p) =>
    `${p.table} ${p.chain}: ${p.rule}${p.markedForSnat ? ' (marked for SNAT)' : ''}`,
  'iptables.rejected': (p) =>
    `${p.node}'s kube-proxy rejects it: ${p.service ? `Service ${ref(p.service)}` : 'the Service'} has no ready endpoints, so the client gets "connection refused" at once`,
  'iptables.dropped-no-local': (p) =>
    `${p.node}'s kube-proxy drops it in filter ${p.chain} ("${p.comment}"): ${p.policy} is Local and no ready Pod of ${p.service ? `Service ${p.service}` : 'the Service'} runs on ${p.node}, so nothing answers and the client times out`,
  'iptables.dropped-source-range': (p) =>
    `${p.node}'s kube-proxy drops it in filter ${p.chain} ("${p.comment}"): the source ${p.source} is in none of Service ${ref(p.service)}'s loadBalancerSourceRanges (${p.ranges.join(', ')}), so nothing answers and the client times out`,
  'iptables.dropped': (p) =>
    `${p.node} drops it in filter ${p.chain}${p.comment ? ` ("${p.comment}")` : ''} (${p.rule}), so nothing answers and the client times out`,
  'nftables.rule': (p) =>
    `ip kube-proxy ${p.chain}: ${p.rule}${p.element ? `, matching ${p.element}` : ''}${p.verdict ? ` → ${p.verdict}` : ''}`,
  'nftables.rejected': (p) =>
    `${p.node}'s kube-proxy rejects it${p.comment ? ` (the "no endpoints" element "${p.comment}")` : ''}: ${p.service ? `Service ${ref(p.service)}` : 'the Service'} has no ready endpoints, so the client gets "connection refused" at once`,
  'nftables.rejected-port': (p) =>
    `${p.node}'s kube-proxy rejects it in cluster-ips-check ("Reject traffic to invalid ports of ClusterIPs"): ${p.ip} is a ClusterIP but no port of its Service is ${p.port}, so the client gets "connection refused" at once`,
  'nftables.dropped-no-local': (p) =>
    `${p.node}'s kube-proxy drops it${p.comment ? ` (the "no endpoints" element "${p.comment}")` : ''}: ${p.policy} is Local and no ready Pod of ${p.service ? `Service ${ref(p.service)}` : 'the Service'} runs on ${p.node}, so nothing answers and the client times out`,
  'nftables.dropped-source-range': (p) =>
    `${p.node}'s kube-proxy drops it in ${p.chain}: the source ${p.source} is in none of Service ${ref(p.service)}'s loadBalancerSourceRanges (${p.ranges.join(', ')}), so nothing answers and the client times out`,
  'nftables.dropped-unallocated': (p) =>
    `${p.node}'s kube-proxy drops it in cluster-ips-check ("Drop traffic to unallocated ClusterIPs"): ${p.ip} is in the Service CIDR but no Service has it, so nothing answers and the client times out`,
  'nftables.dropped': (p) =>
    p.rejected
      ? `${p.node}'s kube-proxy rejects it in ${p.chain} (${p.rule}), so the client gets "connection refused" at once`
      : `${p.node}'s kube-proxy drops it in ${p.chain} (${p.rule}), so nothing answers and the client times out`,
  'nftables.no-localhost-nodeport': (p) =>
    `kube-proxy in nftables mode accepts NodePorts only on ${p.node}'s own IP (--nodeport-addresses "primary"), never on localhost, and nothing else listens on port ${p.port}: the node answers with a reset (connection refused)`,
  'cni.hostport-dnat': (p) =>
    `the CNI portmap plugin's rule on ${p.node} (nat CNI-HOSTPORT-DNAT, then the Pod's CNI-DN- chain) sends hostPort ${p.hostPort} to Pod ${p.pod} at ${p.podIP}:${p.containerPort}${p.masquerade ? ', marking it to be masqueraded (CNI-HOSTPORT-MASQ) as it comes from the Pod subnet or localhost' : ''}`,
  'node.refused-stopped': (p) =>
    `kube-proxy is stopped on ${p.node}, so nothing there handles port ${p.port}: the node's kernel answers with a reset (connection refused)`,
  'node.refused-closed': (p) =>
    `nothing on ${p.node} listens on port ${p.port} and no NodePort uses it: the node answers with a reset (connection refused)`,
  'nowhere.kube-proxy-stopped': (p) =>
    `kube-proxy is stopped on ${p.node}, so no rule there rewrites the ClusterIP ${p.ip}`,
  'nowhere.no-such-port': (p) =>
    `no rule on ${p.node} matches ${p.ip}:${p.port} (the Service has no such port)`,
  'nowhere.not-a-pod': (p) => `${p.ip} is no Pod's address`,
  'nowhere.hop': (p, r) => `${r(p.why)}; the packet follows the default route and nobody answers`,
  'nowhere.reason': (p, r) =>
    `${r(p.why)}, so the packet leaves on the default route and the client times out`,

  'pod-network.to-node': (p) =>
    `carried over the Pod network from ${p.from} to ${p.to} (Pod ${p.podIP})`,
  'pod-network.within-node': (p) => `delivered within ${p.node} to Pod ${p.podIP}`,
  'pod.nothing-listens': (p) =>
    `no container declares port ${p.port} (declared: ${declaredPorts(p.declared)}); ${convention}, so the Pod answers with a reset`,
  'pod.refused-reason': (p) =>
    `the request reached Pod ${p.pod} on port ${p.port}, but no container there declares it (its containerPorts: ${declaredPorts(p.declared)}); ${convention}: connection refused`,
  'pod.loopback': (p) =>
    `${p.ip} is loopback inside Pod ${p.pod}'s own network namespace: the packet never leaves the Pod and reaches its own containers, not the node`,
  'pod.accepts': (p) =>
    `container ${p.container} accepts the connection on ${p.port}${p.http ? ' and answers 200' : ''}`,
  'pod.delivered-reason': (p) =>
    `Pod ${p.pod} on ${p.node} accepted the connection on port ${p.port}; it sees the client as ${p.source}`,

  'netpol.dropped': (p) =>
    p.direction === 'Ingress'
      ? `${policiesIsolate(p.policies)} Pod ${p.namespace}/${p.pod} for ingress, and no ingress rule admits ${p.peerPod ? `Pod ${p.peerPod} (${p.peer})` : p.peer} on ${p.protocol} port ${p.port}: the CNI drops the packet`
      : `${policiesIsolate(p.policies)} Pod ${p.namespace}/${p.pod} for egress, and no egress rule admits ${p.peerPod ? `Pod ${p.peerPod} (${p.peer})` : p.peer} on ${p.protocol} port ${p.port}: the CNI drops the packet`,
  'netpol.dropped-reason': (p) =>
    `${policiesIsolate(p.policies)} Pod ${p.namespace}/${p.pod} for ${direction(p.direction)} and no rule there allows this connection, so the CNI drops its packets and the client times out`,
  'netpol.allowed': (p) =>
    `NetworkPolicy ${p.namespace}/${p.policy} allows this ${direction(p.direction)} of Pod ${p.pod} (spec.${direction(p.direction)}[${p.rule}])`,
  'netpol.dns-dropped': (p) =>
    `${policiesIsolate(p.policies)} Pod ${p.namespace}/${p.pod} for egress and no rule there allows UDP port 53 to the cluster DNS Pods (kube-system, k8s-app=kube-dns): the query to ${p.clusterDNS} is dropped and the lookup times out`,
  'netpol.gateway-timeout': (p, r) =>
    `ingress-nginx's connection to ${p.timedOut.join(', ')} timed out (${r(p.why)}), so ingress-nginx answers 504 Gateway Time-out`,

  'certificate.no-tls': (p) => `no Ingress lists ${p.host ?? 'this host'} under tls`,
  'certificate.no-secret-name': (p) =>
    `Ingress ${p.ingress} lists the host under tls without a secretName`,
  'certificate.tls-without-rule': (p) =>
    `Ingress ${p.ingress} lists ${p.host} under tls, but none of its rules names ${p.host}, and ingress-nginx takes a host's certificate only from an Ingress whose rules name the host`,
  'certificate.host-not-listed': (p) =>
    `Ingress ${p.ingress}, whose rule gives ${p.host} its server, has a tls section that does not list ${p.host}; ingress-nginx would still use one of its certificates whose names cover ${p.host} (not simulated: Routelab does not read certificates)`,
  'certificate.secret-missing': (p) =>
    `Secret ${p.secret} does not exist in namespace ${p.namespace}`,
  'certificate.secret-keys': (p) =>
    `Secret ${p.secret} has no ${p.missing.join(' and no ')} key, so it holds no keypair`,
  'certificate.from-secret': (p) => `the certificate from Secret ${p.namespace}/${p.secret}`,
  'tls.terminated': (p, r) =>
    `TLS for ${p.host} terminated with ${r(p.certificate)} (chosen by SNI)`,
  'tls.fake-certificate': (p, r) =>
    `TLS for ${p.host} terminated with ingress-nginx's self-signed "Kubernetes Ingress Controller Fake Certificate", because ${r(p.why)}: the client sees a certificate warning`,
  'location.regex': (p) =>
    `the first regex location (longest path first, equal lengths by character code, highest first) matching ${p.path} is ${p.nginx}`,
  'location.exact': (p) => `${p.path} equals the Exact path ${p.exact}`,
  'location.prefix-equal': (p) =>
    `${p.path} equals the Prefix path ${p.prefix} (ingress-nginx's "= ${p.base}")`,
  'location.longest-prefix': (p) => `the longest matching prefix of ${p.path} is ${p.prefix}`,
  'location.root-only': () => 'only the root location matches',
  'ingress.route': (p, r) => {
    const others = p.others.map(location);
    const notMatched =
      others.length > 0
        ? `; ${others.join(', ')} ${others.length === 1 ? 'does' : 'do'} not match ${p.path}`
        : '';
    return `Host ${p.host} -> server ${p.server ?? '_ (catch-all: no rule names this host)'}; ${r(p.why)}, so ${location(p.location)}${p.ingress ? ` of Ingress ${ref(p.ingress)}` : ''} answers${notMatched}`;
  },
  'ingress.redirect': (p) =>
    `ingress-nginx answers 308 Permanent Redirect to https://${p.host}${p.path}: ${p.tls ? `TLS is configured for ${p.host}${p.force ? ' (force-ssl-redirect)' : ' and ssl-redirect is on by default'}` : `the force-ssl-redirect annotation redirects to HTTPS even though no tls section names ${p.host}`}`,
  'ingress.no-rule': (p) =>
    `no Ingress rule matches host ${p.host} and path ${p.path}${p.server ? ` (server ${p.server} has no location for it)` : ''}, so ingress-nginx's default backend answers 404 Not Found`,
  'ingress.no-service': (p) =>
    `the rule routes to Service ${ref(p.service)}, which does not exist, so ingress-nginx has no upstream and answers 503 Service Temporarily Unavailable`,
  'ingress.no-port': (p) =>
    `the rule routes to port ${p.port} of Service ${p.service}, which has no such port, so ${unavailable}`,
  'ingress.external-name': (p) =>
    `Service ${ref(p.service)} is of type ExternalName, so ingress-nginx proxies to ${p.externalName}:${p.port}, at the address its DNS resolver finds for that name; Routelab does not simulate that lookup, so the request is followed no further`,
  'ingress.external-name-local': (p) =>
    `Service ${ref(p.service)} is of type ExternalName with the local name ${p.externalName}, which ingress-nginx refuses ("Invalid attempt to use localhost name"): the upstream has no endpoint, so it answers 503 Service Temporarily Unavailable`,
  'ingress.no-endpoints': (p) =>
    `Service ${p.service} has no ready endpoint for port ${p.port}, so ${unavailable}`,
  'ingress.proxy': (p) =>
    `ingress-nginx proxies to the endpoint ${p.ip}:${p.port} of Service ${p.service} directly (not through its ClusterIP)${p.toNode ? `, over the Pod network to ${p.toNode}` : ''}`,
  'ingress.endpoint-refused': (p) =>
    `nothing listens on ${p.port}: connection refused${p.tryNext ? '; ingress-nginx tries the next endpoint' : ''}`,
  'ingress.endpoint-accepts': (p) =>
    `container ${p.container} accepts on ${p.port} and answers 200 (path ${p.path}, X-Forwarded-For ${p.client}, X-Forwarded-Proto ${p.proto})`,
  'ingress.delivered': (p) =>
    `Ingress ${p.ingress} sends ${p.host}${p.path} to Service ${p.service} port ${p.port}; Pod ${p.pod} answered${p.rewrittenTo ? ` (path rewritten to ${p.rewrittenTo})` : ''}`,
  'ingress.bad-gateway': (p) =>
    `every endpoint ingress-nginx tried refused the connection (${p.refused.join(', ')}): nothing listens on the Service's targetPort, so it answers 502 Bad Gateway`,

  'warning.selector-other-namespace': (p) =>
    `Service ${p.service} is in namespace ${p.namespace}, but the Pods labelled ${p.selector} are in ${p.podNamespaces.join(', ')}: a Service only selects Pods in its own namespace, so it has no endpoints`,
  'warning.no-endpoints': (p) =>
    `Service ${p.service} selects ${p.selector}, but no Pod in namespace ${p.namespace} has these labels: it has no endpoints, and connections to it are refused`,
  'warning.none-ready': (p) =>
    `Service ${p.service} selects ${p.pods} Pod${plural(p.pods, '', 's')}, but none is ready: kube-proxy rejects connections to it until one is`,
  'warning.kube-proxy-stopped': (p) =>
    `kube-proxy is stopped on ${p.node}: the NodePort${plural(p.nodePorts.length, '', 's')} of Service ${p.service} (${p.nodePorts.join(', ')}) ${plural(p.nodePorts.length, 'is', 'are')} not open there, and its ClusterIP is not routed from that node`,
  'warning.named-port-missing': (p) =>
    `Service ${p.service} ${port(p.port)} targets the port named "${p.targetPort}", but none of its Pods has a ${p.protocol} container port with that name: the port has no endpoints`,
  'warning.named-port-partly': (p) =>
    `Service ${p.service} ${port(p.port)} targets the port named "${p.targetPort}", which ${p.pods.join(', ')} ${plural(p.pods.length, 'does', 'do')} not declare: ${plural(p.pods.length, 'that Pod gets', 'those Pods get')} no traffic on this port`,
  'warning.target-port-not-listening': (p) =>
    `Service ${p.service} ${port(p.port)} sends traffic to port ${p.targetPort}, but no container of the selected Pods declares ${p.protocol} ${p.targetPort} (their containerPorts: ${declaredPorts(p.containerPorts)}); ${convention}, so connections are refused`,
  'warning.ingress-class-annotation': (p) =>
    `no controller in this cluster serves the ingress class "${p.ingressClass}" named by the deprecated kubernetes.io/ingress.class annotation, so this Ingress routes nothing`,
  'warning.ingress-no-class': () =>
    'this Ingress names no ingressClassName and the cluster has no default IngressClass, so no controller serves it and it routes nothing',
  'warning.ingress-class-missing': (p) =>
    `IngressClass "${p.ingressClass}" does not exist, so no controller serves this Ingress and it routes nothing`,
  'warning.ingress-class-foreign': (p) =>
    `IngressClass "${p.ingressClass}" belongs to controller ${p.controller}, which does not run in this cluster, so this Ingress routes nothing`,
  'warning.ingress-class-no-controller': (p) =>
    `IngressClass ${p.ingressClass} names controller ${p.controller}, which does not run in this cluster: Ingresses of this class route nothing`,
  'warning.ingress-path-taken': (p) =>
    `${p.host ?? '(any host)'}${p.path} is already routed by Ingress ${p.ingress ?? 'another'}, created before this one: ingress-nginx keeps the older rule`,
  'warning.ingress-service-missing': (p) =>
    `Ingress ${p.ingress} routes to Service ${p.service}, which does not exist in namespace ${p.namespace}: ingress-nginx answers 503 there`,
  'warning.ingress-service-port-missing': (p) =>
    `Ingress ${p.ingress} routes to port ${p.port} of Service ${p.service}, but that Service has ${p.byName ? 'no port named' : 'no port'} ${p.port} (its ports: ${p.ports.map((q) => (q.name ? `${q.name}/${q.port}` : q.port)).join(', ')}): ingress-nginx answers 503 there`,
  'warning.ingress-tls-secret-missing': (p) =>
    `Secret ${p.secret} does not exist in namespace ${p.namespace} (a TLS Secret must be in the Ingress's namespace): ${fakeCertificate(p.hosts)}`,
  'warning.ingress-tls-secret-keys': (p) =>
    `Secret ${p.secret} has no ${p.missing.join(' and no ')} key, so it holds no keypair: ${fakeCertificate(p.hosts)}`,
  'hint.create-namespace': (p) =>
    `Create the Namespace first (kind: Namespace, name: ${p.namespace}), in this file or another one applied with it.`,
  'hint.kind-moved': (p) =>
    `${p.kind} is served as ${p.to} (${p.from} was removed in Kubernetes ${p.removedIn}).`,
  'hint.ingress-v1': (p) =>
    `${p.apiVersion} Ingress was removed in Kubernetes 1.22. The same Ingress in networking.k8s.io/v1 (serviceName/servicePort become service.name and service.port; pathType ImplementationSpecific keeps the old matching, Prefix is usually what you want):\n${p.text}`,
  'fix.convert-ingress': () => 'Convert to networking.k8s.io/v1',
  'hint.pod-cidr-larger': () =>
    'A larger clusterCIDR (a /16 holds 256 blocks, a /14 1024), or fewer nodes.',
  'hint.pod-cidr-inside': (p) =>
    `A podCIDR inside ${p.clusterCIDR}, or none (the allocator then gives the node one).`,
  'hint.pod-cidr-unique': () =>
    'Name a podCIDR no other node holds, or none (the allocator then gives the node a free one).',
  'warning.pod-cidr-none-left': (p) =>
    `node ${p.node} got no pod CIDR: ${p.clusterCIDR} has ${p.blocks} /${p.maskSize} block${p.blocks === 1 ? '' : 's'} and the control plane and the other nodes hold them all, so it is NotReady and runs no Pod\n${p.log}`,
  'warning.pod-cidr-out-of-range': (p) =>
    `node ${p.node} names podCIDR ${p.podCIDR}, outside the cluster CIDR: ${p.log}`,
  'warning.pod-cidr-shared': (p) =>
    `node ${p.node} names podCIDR ${p.podCIDR}, which ${p.holder} holds too: kube-controller-manager accepts it (cidrset's Occupy succeeds on a range already in use), so both give Pods addresses from the same range`,
  'info.not-simulated': (p) =>
    `${p.kind} (${p.apiVersion}) is a real Kubernetes kind, but it plays no part in routing here; it is ignored`,
  'info.custom-not-simulated': (p) =>
    `${p.kind} (${p.apiVersion}) is a custom resource whose CustomResourceDefinition is among the manifests; it plays no part in routing here and is ignored`,
  'error.cluster-twice': () => 'only one Cluster document may describe the cluster',
  'error.pod-limit': (p) =>
    `routelab simulates at most ${p.limit.toLocaleString('en')} Pods in a cluster (Kubernetes is tested up to 150,000); ${p.kind} ${p.name} would make it ${p.total.toLocaleString('en')}, so its Pods are not created`,
  'warning.ingress-tls-host-no-rule': (p) =>
    `Ingress ${p.ingress} lists ${p.host} under tls, but none of its rules names ${p.host}: ingress-nginx makes servers from rules only, so ${p.host} gets no server from it and not this certificate`,
  'warning.duplicate': (p) =>
    `${p.object} is defined twice (also in ${p.file}, document ${p.document}); the later definition wins, as with kubectl apply`,
  'info.ingress-external-name': (p) =>
    `Ingress ${p.ingress} routes to Service ${p.service} of type ExternalName: ingress-nginx proxies to ${p.externalName} as DNS resolves it, which Routelab does not simulate, so a request there is followed only as far as the controller`,
  'info.annotation-not-simulated': (p) =>
    `${p.annotation} is not simulated by Routelab; requests are routed as if it were absent`,
};
