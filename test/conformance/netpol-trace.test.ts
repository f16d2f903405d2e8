// NetworkPolicy in traces: judged where a policy-enforcing CNI (Calico,
// Cilium) judges, per docs/cli.md "NetworkPolicy". Sources: Kubernetes docs
// "Network Policies" (isolation per direction; a Pod cannot block itself;
// traffic to and from the Pod's node always allowed; hostNetwork Pods are not
// subject to policy), "Debug Services" (policy as a cause of timeouts),
// "Service" (externalTrafficPolicy Cluster masquerades, Local keeps the client
// address); ingress-nginx's proxy_next_upstream (error and timeout, 3 tries;
// 504 when the last try times out); CoreDNS as kubeadm deploys it
// (kube-system, k8s-app=kube-dns, 53/UDP).
import { describe, expect, it } from 'vitest';
import { buildModel, trace } from '../../src/engine/index.ts';

const app = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: app
        image: example/web:1
        ports: [{containerPort: 8080, name: http}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: client, namespace: shop}
spec:
  replicas: 1
  selector: {matchLabels: {app: client}}
  template:
    metadata: {labels: {app: client}}
    spec:
      containers: [{name: c, image: example/c:1}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  ingressClassName: nginx
  rules:
  - host: shop.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
---
`;

const np = (name: string, spec: string, ns = 'shop') =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${spec.replace(/^/gm, '  ')}\n---\n`;
const denyAll = np('default-deny', 'podSelector: {}\npolicyTypes: [Ingress, Egress]');
const allowDNS = np(
  'allow-dns',
  'podSelector: {}\npolicyTypes: [Egress]\negress:\n- to:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}\n    podSelector: {matchLabels: {k8s-app: kube-dns}}\n  ports:\n  - {protocol: UDP, port: 53}',
);
const clientToWeb = np(
  'client-to-web',
  'podSelector: {matchLabels: {app: client}}\npolicyTypes: [Egress]\negress:\n- to:\n  - podSelector: {matchLabels: {app: web}}\n  ports:\n  - port: 8080',
);
const webFromClient = np(
  'web-from-client',
  'podSelector: {matchLabels: {app: web}}\ningress:\n- from:\n  - podSelector: {matchLabels: {app: client}}\n  ports:\n  - port: http',
);
const webFromController = np(
  'web-from-ingress-nginx',
  'podSelector: {matchLabels: {app: web}}\ningress:\n- from:\n  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}\n    podSelector: {matchLabels: {app.kubernetes.io/name: ingress-nginx}}',
);

const run = (yaml: string, from: string, to: string) =>
  trace(buildModel([{ file: 'shop.yaml', text: yaml }]), { from, to });

describe('NetworkPolicy in traces', () => {
  it('drops a Pod’s DNS query under default deny: a timeout naming the policy', () => {
    const result = run(app + denyAll, 'deployment/shop/client', 'http://web.shop/');
    expect(result.outcome).toBe('timeout');
    expect(result.reasonMessage).toMatchObject({
      id: 'netpol.dns-dropped',
      params: { namespace: 'shop', policies: ['default-deny'], clusterDNS: '10.96.0.10' },
    });
    expect(result.hops.map((h) => h.kind)).toEqual(['dns']);
    expect(result.reason).toContain('NetworkPolicy default-deny isolates Pod shop/client-');
  });

  it('judges the query against DNS Pods the manifests declare, by their own labels and address', () => {
    const coredns = `apiVersion: v1
kind: Pod
metadata: {name: coredns-0, namespace: kube-system, labels: {k8s-app: kube-dns, dns: custom}}
spec:
  containers: [{name: coredns, image: coredns/coredns:1.11, ports: [{name: dns, containerPort: 53, protocol: UDP}]}]
---
`;
    const byLabel = np(
      'allow-custom-dns',
      'podSelector: {}\npolicyTypes: [Egress]\negress:\n- to:\n  - namespaceSelector: {}\n    podSelector: {matchLabels: {dns: custom}}\n  ports:\n  - {protocol: UDP, port: dns}',
    );
    const model = buildModel([{ file: 'd.yaml', text: coredns + app + denyAll + byLabel }]);
    const ip = model.pods.find((p) => p.metadata.name === 'coredns-0')?.podIP;
    expect(ip).toMatch(/^10\.244\./);
    const resolved = trace(model, { from: 'deployment/shop/client', to: 'http://web.shop/' });
    expect(resolved.reasonMessage.id).not.toBe('netpol.dns-dropped');
    // The same label without that Pod: the kubeadm DNS Pods have no label dns=custom.
    expect(
      run(app + denyAll + byLabel, 'deployment/shop/client', 'http://web.shop/').reasonMessage.id,
    ).toBe('netpol.dns-dropped');
    // An ipBlock of that Pod's address admits the query to it.
    const byAddress = np(
      'allow-dns-ip',
      `podSelector: {}\npolicyTypes: [Egress]\negress:\n- to:\n  - ipBlock: {cidr: ${ip}/32}`,
    );
    expect(
      trace(buildModel([{ file: 'd.yaml', text: coredns + app + denyAll + byAddress }]), {
        from: 'deployment/shop/client',
        to: 'http://web.shop/',
      }).reasonMessage.id,
    ).not.toBe('netpol.dns-dropped');
  });

  it('with DNS allowed, judges the Service connection after DNAT: egress to the endpoint, then its ingress', () => {
    const dnsOnly = run(app + denyAll + allowDNS, 'deployment/shop/client', 'http://web.shop/');
    expect(dnsOnly.outcome).toBe('timeout');
    expect(dnsOnly.reasonMessage).toMatchObject({
      id: 'netpol.dropped-reason',
      params: { direction: 'Egress', policies: ['default-deny', 'allow-dns'] },
    });
    const dropped = dnsOnly.hops.find((h) => h.message.id === 'netpol.dropped');
    // Judged on the endpoint's address and target port, not the ClusterIP's 80.
    expect(dropped?.message.params).toMatchObject({
      port: 8080,
      peerPod: expect.stringMatching(/^shop\/web-/),
    });

    const egressOpen = run(
      app + denyAll + allowDNS + clientToWeb,
      'deployment/shop/client',
      'http://web.shop/',
    );
    expect(egressOpen.reasonMessage).toMatchObject({
      id: 'netpol.dropped-reason',
      params: { direction: 'Ingress', policies: ['default-deny'] },
    });

    const open = run(
      app + denyAll + allowDNS + clientToWeb + webFromClient,
      'deployment/shop/client',
      'http://web.shop/',
    );
    expect(open.outcome).toBe('delivered');
    expect(
      open.hops.filter((h) => h.message.id === 'netpol.allowed').map((h) => h.message.params),
    ).toEqual([
      expect.objectContaining({ direction: 'Egress', policy: 'client-to-web', rule: 0 }),
      expect.objectContaining({ direction: 'Ingress', policy: 'web-from-client', rule: 0 }),
    ]);
  });

  it('makes ingress-nginx’s Pod the source of Ingress traffic: 504 when its connection is dropped', () => {
    const blocked = run(app + denyAll, 'external', 'http://shop.example.com/');
    expect(blocked.outcome).toBe('http-error');
    expect(blocked.status).toBe(504);
    expect(blocked.reasonMessage).toMatchObject({
      id: 'netpol.gateway-timeout',
      params: { why: { id: 'netpol.dropped-reason', params: { direction: 'Ingress' } } },
    });
    const dropped = blocked.hops.find((h) => h.message.id === 'netpol.dropped');
    expect(dropped?.message.params).toMatchObject({
      peerPod: expect.stringMatching(/^ingress-nginx\/ingress-nginx-controller-/),
    });
    const open = run(app + denyAll + webFromController, 'external', 'http://shop.example.com/');
    expect(open.outcome).toBe('delivered');
  });

  it('sees the source after SNAT: a NodePort with externalTrafficPolicy Cluster from another node is that node', () => {
    const nodePort = (policy: string) => `${app}apiVersion: v1
kind: Service
metadata: {name: web-np, namespace: shop}
spec:
  type: NodePort
  externalTrafficPolicy: ${policy}
  selector: {app: web}
  ports: [{port: 80, targetPort: http, nodePort: 30080}]
---
${np('from-client-ip', 'podSelector: {matchLabels: {app: web}}\ningress:\n- from:\n  - ipBlock: {cidr: 203.0.113.10/32}')}`;
    const model = (policy: string) => buildModel([{ file: 'np.yaml', text: nodePort(policy) }]);
    const cluster = model('Cluster');
    const web = cluster.pods.find((p) => p.metadata.name.startsWith('web-'));
    const other = cluster.nodes.find((n) => n.name !== web?.nodeName);
    const viaOther = trace(cluster, { from: 'external', to: `${other?.internalIP}:30080` });
    expect(viaOther.outcome).toBe('timeout');
    expect(
      viaOther.hops.find((h) => h.message.id === 'netpol.dropped')?.message.params,
    ).toMatchObject({
      direction: 'Ingress',
      peer: other?.internalIP,
    });
    // The Pod's own node is always allowed: its masquerade address is the node's bridge.
    const own = cluster.nodes.find((n) => n.name === web?.nodeName);
    expect(trace(cluster, { from: 'external', to: `${own?.internalIP}:30080` }).outcome).toBe(
      'delivered',
    );
    const local = model('Local');
    expect(
      trace(local, { from: 'external', to: `${own?.internalIP}:30080` }).destination?.sourceIP,
    ).toBe('203.0.113.10');
  });

  it('leaves hostNetwork Pods outside policy, and does nothing when the CNI ignores policy', () => {
    const hostNet = `apiVersion: v1
kind: Pod
metadata: {name: agent, namespace: shop, labels: {app: agent}}
spec:
  hostNetwork: true
  nodeName: node-1
  containers: [{name: a, image: example/a:1, ports: [{containerPort: 9100}]}]
---
`;
    const model = buildModel([{ file: 'h.yaml', text: app + hostNet + denyAll }]);
    expect(trace(model, { from: 'external', to: '172.18.0.2:9100' }).outcome).toBe('delivered');
    const ignored = `apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  networkPolicy: ignored\n---\n`;
    const result = run(ignored + app + denyAll, 'deployment/shop/client', 'http://web.shop/');
    expect(result.outcome).toBe('delivered');
    expect(result.hops.some((h) => h.message.id.startsWith('netpol.'))).toBe(false);
  });
});
