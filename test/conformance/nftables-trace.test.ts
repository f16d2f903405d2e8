// The same requests traced with kube-proxy in iptables mode and in nftables
// mode (spec.kubeProxyMode): where kube-proxy's own tests say the two modes
// treat a packet alike, the traces end alike (the same outcome, the same Pods
// reached with the same source address, the same Service named); where they
// say the modes differ, each trace ends its own mode's way. Sources:
// - kubernetes/kubernetes pkg/proxy/nftables/proxier_test.go: the
//   runPacketFlowTests cases (TestClusterIPGeneral: "drop traffic to
//   unallocated cluster IP", "reject traffic to invalid port of cluster IP",
//   the no-endpoints REJECTs and no-local-endpoints DROPs shared with
//   pkg/proxy/iptables/proxier_test.go);
// - pkg/proxy/nftables/proxier.go (cluster-ips-check: "Reject traffic to
//   invalid ports of ClusterIPs", "Drop traffic to unallocated ClusterIPs";
//   NodePorts only on --nodeport-addresses, "primary" by default in nftables
//   mode, never on localhost: KEP-3866);
// - pkg/proxy/iptables/proxier.go, where a ClusterIP's port no Service port
//   has matches no rule (the packet is routed on, unanswered).
// The clusters: the course's scenarios (content/scenarios/) and the
// packet-flow fixtures (fixtures/nftables/*.yaml, as nftables-packets.test.ts
// transcribes them).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildModel,
  type Model,
  newSession,
  type TraceResult,
  trace,
  traceRequest,
} from '../../src/engine/index.ts';
import { slicesOf } from '../../src/engine/model/lookup.ts';
import { seededRandom } from '../../src/engine/util/hash.ts';
import { myApp } from '../support/engine.ts';

const root = join(import.meta.dirname, '..', '..');
const scenarios = join(root, 'content', 'scenarios');
const fixtures = join(import.meta.dirname, 'fixtures', 'nftables');

type Mode = 'iptables' | 'nftables';

/** The manifests with spec.kubeProxyMode set: in the Cluster document, or in one added. */
function inMode(text: string, mode: Mode): string {
  if (/^ {2}kubeProxyMode: \w+$/m.test(text))
    return text.replace(/^ {2}kubeProxyMode: \w+$/m, `  kubeProxyMode: ${mode}`);
  const spec = /^kind: Cluster\nspec:\n/m.exec(text);
  if (spec) {
    const at = spec.index + spec[0].length;
    return `${text.slice(0, at)}  kubeProxyMode: ${mode}\n${text.slice(at)}`;
  }
  return `apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  kubeProxyMode: ${mode}\n---\n${text}`;
}

function models(file: string, text: string): Record<Mode, Model> {
  const built = (mode: Mode) => buildModel([{ file, text: inMode(text, mode) }]);
  return { iptables: built('iptables'), nftables: built('nftables') };
}

const errorsOf = (model: Model) => model.diagnostics.filter((d) => d.severity === 'error');

/** Both modes read the manifests alike: the mode, and only the mode, differs. */
function buildsAlike(both: Record<Mode, Model>): void {
  expect(both.iptables.cluster.kubeProxyMode).toBe('iptables');
  expect(both.nftables.cluster.kubeProxyMode).toBe('nftables');
  expect(errorsOf(both.nftables)).toEqual(errorsOf(both.iptables));
}

interface Request {
  from: string;
  to: string;
  /** What kind of request, for the documented differences. */
  kind: 'service' | 'invalid-port' | 'localhost-nodeport' | 'external-address';
  /** The Service has no usable endpoint on any node. */
  noEndpoints: boolean;
}

/** The requests worth comparing in a cluster: every Service address and port, from a Pod, a node and outside. */
function requestsIn(model: Model): Request[] {
  const app = model.pods.find(
    (p) => p.phase === 'Running' && !p.spec.hostNetwork && p.metadata.namespace === 'default',
  );
  const senders = [...(app ? [`pod/${app.metadata.name}`] : []), `node/${model.nodes[0]?.name}`];
  const requests: Request[] = [];
  for (const svc of model.services) {
    if (!svc.clusterIP || svc.clusterIP === 'None') continue;
    const noEndpoints = !slicesOf(model, svc).some((slice) =>
      slice.endpoints.some((ep) => ep.ready || ep.serving),
    );
    const add = (from: string, to: string, kind: Request['kind'] = 'service') =>
      requests.push({ from, to, kind, noEndpoints });
    for (const port of svc.ports) {
      for (const from of senders) add(from, `${svc.clusterIP}:${port.port}`);
      if (!svc.ports.some((p) => p.port === port.port + 1))
        for (const from of senders) add(from, `${svc.clusterIP}:${port.port + 1}`, 'invalid-port');
      for (const ip of [...svc.externalIPs, ...svc.loadBalancerIngress]) {
        add('external', `${ip}:${port.port}`, 'external-address');
        for (const from of senders) add(from, `${ip}:${port.port}`, 'external-address');
      }
      if (port.nodePort === 0) continue;
      for (const node of model.nodes) {
        add('external', `${node.internalIP}:${port.nodePort}`);
        for (const from of senders) add(from, `${node.internalIP}:${port.nodePort}`);
        add(`node/${node.name}`, `127.0.0.1:${port.nodePort}`, 'localhost-nodeport');
      }
    }
  }
  return requests;
}

/** What a request comes to over a dozen tries of one session: the outcomes, and each Pod reached with the source it saw. */
function outcomes(model: Model, request: Request): { first: TraceResult; seen: string[] } {
  const session = newSession(7, seededRandom);
  const first = traceRequest(model, request, session);
  const seen = new Set<string>();
  const note = (r: TraceResult) => {
    // Where kube-proxy sent it, even when the endpoint is no Pod (the packet-flow fixtures' are not).
    const dnat = r.hops.filter(
      (h) => (h.kind === 'iptables' || h.kind === 'nftables') && h.rewrite?.type === 'DNAT',
    );
    seen.add(
      `${r.outcome} ${r.status ?? ''} dnat=${dnat.map((h) => h.rewrite?.to).join(',')} ${r.destination ? `${r.destination.pod}:${r.destination.port} from ${r.destination.sourceIP}` : ''} service=${r.service?.namespace ?? ''}/${r.service?.name ?? ''}`,
    );
  };
  note(first);
  for (let i = 0; i < 12; i++) note(traceRequest(model, request, session));
  return { first, seen: [...seen].sort() };
}

const kubeProxyKinds = (r: TraceResult) =>
  new Set(r.hops.filter((h) => h.kind === 'iptables' || h.kind === 'nftables').map((h) => h.kind));

function compare(model: Record<Mode, Model>, request: Request): void {
  const ipt = outcomes(model.iptables, request);
  const nft = outcomes(model.nftables, request);
  // A request is only worth comparing when it was sent at all.
  expect(ipt.first.outcome === 'invalid').toBe(errorsOf(model.iptables).length > 0);
  // Each mode walks its own rules, never the other's.
  expect(kubeProxyKinds(ipt.first).has('nftables')).toBe(false);
  expect(kubeProxyKinds(nft.first).has('iptables')).toBe(false);
  const entered = nft.first.hops.find((h) => h.kind === 'node');
  const running =
    entered !== undefined &&
    model.nftables.nodes.find((n) => n.name === entered.at)?.kubeProxy === 'Running';
  if (running && request.kind === 'invalid-port') {
    expect(ipt.first.outcome).toBe('timeout');
    expect(ipt.first.reasonMessage.id).toBe('nowhere.reason');
    expect(nft.first.outcome).toBe('refused');
    expect(nft.first.reasonMessage.id).toBe('nftables.rejected-port');
    expect(nft.first.hops.at(-1)).toMatchObject({
      kind: 'nftables',
      chain: 'cluster-ips-check',
      ruleText: 'ip daddr @cluster-ips reject',
    });
    return;
  }
  if (running && request.kind === 'localhost-nodeport') {
    expect(nft.first.outcome).toBe('refused');
    expect(nft.first.reasonMessage.id).toBe('nftables.no-localhost-nodeport');
    expect(ipt.first.reasonMessage.id).not.toBe('nftables.no-localhost-nodeport');
    return;
  }
  // nftables mode checks for "no endpoints" on output too (service-endpoints-check
  // from filter-output); iptables mode's REJECT for an external address is in
  // KUBE-EXTERNAL-SERVICES, which only INPUT and FORWARD jump to.
  if (
    running &&
    request.kind === 'external-address' &&
    request.noEndpoints &&
    request.from.startsWith('node/')
  ) {
    expect(nft.first.outcome).toBe('refused');
    expect(nft.first.reasonMessage.id).toBe('nftables.rejected');
    expect(ipt.first.outcome).not.toBe('refused');
    return;
  }
  expect(nft.seen).toEqual(ipt.seen);
  if (running && kubeProxyKinds(ipt.first).has('iptables'))
    expect(kubeProxyKinds(nft.first).has('nftables')).toBe(true);
}

describe('the course’s scenarios, traced in both modes', () => {
  for (const file of readdirSync(scenarios).filter((f) => f.endsWith('.yaml'))) {
    describe(file, () => {
      const both = models(file, readFileSync(join(scenarios, file), 'utf8'));
      const requests = requestsIn(both.iptables);
      it('builds alike in both modes', () => buildsAlike(both));
      it('has requests to compare', () => {
        expect(requests.filter((r) => r.kind === 'service').length).toBeGreaterThan(0);
      });
      for (const request of requests)
        it(`${request.from} → ${request.to}`, () => compare(both, request));
    });
  }
});

describe('kube-proxy’s packet-flow clusters, traced in both modes', () => {
  const files = readdirSync(fixtures).filter((f) => f.endsWith('.yaml'));
  for (const file of files) {
    describe(file, () => {
      const both = models(file, readFileSync(join(fixtures, file), 'utf8'));
      it('builds in both modes without errors', () => {
        buildsAlike(both);
        expect(errorsOf(both.iptables)).toEqual([]);
      });
      for (const request of requestsIn(both.iptables))
        it(`${request.from} → ${request.to}`, () => compare(both, request));
    });
  }
});

const nftCluster =
  'apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  kubeProxyMode: nftables\n---\n';
const svc = (spec: string) => `---
apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
${spec}
  selector:
    app: my-app
  ports:
  - name: http
    protocol: TCP
    port: 80
    targetPort: 8080
`;
const nftModel = (text: string) => {
  const model = buildModel([{ file: 'scenario.yaml', text: nftCluster + text }]);
  expect(errorsOf(model)).toEqual([]);
  return model;
};
const serviceIP = (model: Model) =>
  model.services.find((s) => s.metadata.name === 'my-service')?.clusterIP ?? '';
const appPod = (model: Model) =>
  model.pods.find((p) => p.metadata.labels.app === 'my-app')?.metadata.name ?? '';

describe('nftables hops and endings', () => {
  it('walks services, the Service chain, numgen’s endpoint and its DNAT, each hop carrying its rule and verdict', () => {
    const model = nftModel(myApp + svc('  type: ClusterIP'));
    const result = trace(model, { from: 'node/node-1', to: `http://${serviceIP(model)}/` });
    expect(result.outcome).toBe('delivered');
    const nft = result.hops.filter((h) => h.kind === 'nftables');
    expect(nft.every((h) => h.at === 'node-1' && h.table === 'kube-proxy')).toBe(true);
    // The node's own request goes through output's chains, not prerouting's.
    expect(nft.map((h) => h.chain).slice(0, 3)).toEqual([
      'filter-output-pre-dnat',
      'nat-output',
      'services',
    ]);
    const lookup = nft[2];
    expect(lookup?.ruleText).toBe('ip daddr . meta l4proto . th dport vmap @service-ips');
    expect(lookup?.element).toMatch(
      new RegExp(
        `^\\{ ${serviceIP(model).replaceAll('.', '\\.')} \\. tcp \\. 80 : goto service-[A-Z2-7]{8}-default/my-service/tcp/http \\}$`,
      ),
    );
    expect(lookup?.verdict).toMatch(/^goto service-[A-Z2-7]{8}-default\/my-service\/tcp\/http$/);
    const choice = nft.find((h) => h.ruleText?.startsWith('numgen random mod 2 vmap'));
    expect(choice?.verdict).toMatch(/^goto endpoint-[A-Z2-7]{8}-default\/my-service\/tcp\/http__/);
    const dnat = nft.find((h) => h.rewrite?.type === 'DNAT');
    expect(dnat?.ruleText).toBe(`meta l4proto tcp dnat to ${result.destination?.podIP}:8080`);
    expect(dnat?.rewrite).toEqual({
      type: 'DNAT',
      from: `${serviceIP(model)}:80`,
      to: `${result.destination?.podIP}:8080`,
    });
    expect(dnat?.servicePort).toEqual({ namespace: 'default', name: 'my-service', port: 'http' });
    // The node's address is off the cluster CIDR: marked, then masqueraded as it leaves.
    const snat = nft.find((h) => h.rewrite?.type === 'SNAT');
    expect(snat).toMatchObject({ chain: 'masquerading', ruleText: 'masquerade fully-random' });
    expect(result.service?.name).toBe('my-service');
  });

  it('repeats with a seed and spreads --count over the endpoints', () => {
    const model = nftModel(myApp + svc('  type: ClusterIP'));
    const request = { from: 'deployment/my-app', to: 'http://my-service/' };
    const a = trace(model, request, { count: 200, seed: 5 });
    expect(trace(model, request, { count: 200, seed: 5 })).toEqual(a);
    expect(a.outcomes).toEqual({ delivered: 200 });
    expect(a.distribution?.length).toBe(2);
    for (const d of a.distribution ?? []) expect(d.count).toBeGreaterThan(60);
    const firsts = new Set(
      [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => trace(model, request, { seed }).destination?.pod),
    );
    expect(firsts.size).toBe(2);
  });

  it('keeps a client on one Pod with ClientIP affinity, as the affinity set remembers it', () => {
    const model = nftModel(myApp + svc('  type: ClusterIP\n  sessionAffinity: ClientIP'));
    const result = trace(
      model,
      { from: `pod/${appPod(model)}`, to: 'http://my-service/' },
      { count: 50 },
    );
    expect(result.distribution?.length).toBe(1);
    expect(result.distribution?.[0]?.count).toBe(50);
  });

  it('is refused for no endpoints, the reason naming the element’s comment', () => {
    const model = nftModel(
      myApp + svc('  type: ClusterIP').replace('app: my-app\n  ports', 'app: my-ap\n  ports'),
    );
    const result = trace(model, { from: 'deployment/my-app', to: 'http://my-service/' });
    expect(result.outcome).toBe('refused');
    expect(result.reasonMessage).toEqual({
      id: 'nftables.rejected',
      params: {
        node: expect.any(String),
        service: { namespace: 'default', name: 'my-service' },
        comment: 'default/my-service:http',
      },
    });
    expect(result.service?.name).toBe('my-service');
    const last = result.hops.slice(-2);
    expect(last[0]).toMatchObject({
      chain: 'service-endpoints-check',
      verdict: 'goto reject-chain',
      element: `{ ${serviceIP(model)} . tcp . 80 comment "default/my-service:http" : goto reject-chain }`,
    });
    expect(last[1]).toMatchObject({ chain: 'reject-chain', ruleText: 'reject' });
  });

  it('drops under internalTrafficPolicy Local on a node without a local Pod, naming the policy and the element', () => {
    const model = nftModel(myApp + svc('  type: ClusterIP\n  internalTrafficPolicy: Local'));
    const withPod = new Set(
      model.pods.filter((p) => p.metadata.labels.app === 'my-app').map((p) => p.nodeName),
    );
    const without = model.nodes.find((n) => !withPod.has(n.name));
    if (!without) throw new Error('the scenario needs a node without a Pod');
    const result = trace(model, {
      from: `node/${without.name}`,
      to: `http://${serviceIP(model)}/`,
    });
    expect(result.outcome).toBe('timeout');
    expect(result.reasonMessage.id).toBe('nftables.dropped-no-local');
    expect(result.reasonMessage.params).toMatchObject({
      policy: 'internalTrafficPolicy',
      comment: 'default/my-service:http',
    });
    expect(result.hops.at(-1)).toMatchObject({ chain: 'service-endpoints-check', verdict: 'drop' });
  });

  it('drops an unallocated ClusterIP in cluster-ips-check, where iptables mode routes it on', () => {
    const model = nftModel(myApp);
    const result = trace(model, { from: 'deployment/my-app', to: '10.96.200.200:80' });
    expect(result.outcome).toBe('timeout');
    expect(result.reasonMessage).toEqual({
      id: 'nftables.dropped-unallocated',
      params: { node: expect.any(String), ip: '10.96.200.200' },
    });
    expect(result.hops.at(-1)).toMatchObject({
      chain: 'cluster-ips-check',
      ruleText: 'ip daddr { 10.96.0.0/12 } drop',
    });
    const iptables = buildModel([{ file: 's.yaml', text: myApp }]);
    const before = trace(iptables, { from: 'deployment/my-app', to: '10.96.200.200:80' });
    expect(before.outcome).toBe('timeout');
    expect(before.reasonMessage.id).toBe('nowhere.reason');
  });

  it('drops a source outside loadBalancerSourceRanges in the Service’s firewall chain', () => {
    const model = nftModel(
      myApp + svc('  type: LoadBalancer\n  loadBalancerSourceRanges: [203.0.113.0/24]'),
    );
    const lb = model.services.find((s) => s.metadata.name === 'my-service')?.loadBalancerIngress[0];
    const result = trace(model, { from: 'deployment/my-app', to: `http://${lb}/` });
    expect(result.outcome).toBe('timeout');
    expect(result.reasonMessage.id).toBe('nftables.dropped-source-range');
    expect(result.reasonMessage.params).toMatchObject({
      service: { namespace: 'default', name: 'my-service' },
      ranges: ['203.0.113.0/24'],
    });
    expect(result.hops.at(-1)?.chain).toMatch(
      /^firewall-[A-Z2-7]{8}-default\/my-service\/tcp\/http$/,
    );
    expect(result.hops.at(-1)?.ruleText).toBe('ip saddr != { 203.0.113.0/24 } drop');
    // From a client in the ranges, through the cloud load balancer and the NodePort: delivered.
    expect(trace(model, { from: 'external', to: `http://${lb}/` }).outcome).toBe('delivered');
  });

  it('has no table, so no nftables hop, on a node whose kube-proxy is stopped', () => {
    const stopped =
      'apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  kubeProxyMode: nftables\n  nodes:\n  - name: node-1\n    kubeProxy: Stopped\n  - name: node-2\n  - name: node-3\n---\n';
    const model = buildModel([
      { file: 's.yaml', text: stopped + myApp + svc('  type: ClusterIP') },
    ]);
    const result = trace(model, { from: 'node/node-1', to: `http://${serviceIP(model)}/` });
    expect(result.outcome).toBe('timeout');
    expect(result.hops.some((h) => h.kind === 'nftables')).toBe(false);
    expect(result.reason).toContain('kube-proxy is stopped on node-1');
  });
});
