// The whole packet path across nodes, loopback and EndpointSlice conditions,
// as the kernel and kube-proxy make it. Sources, per case below:
// kubernetes/kubernetes pkg/proxy/iptables/proxier.go (syncProxyRules),
// pkg/proxy/endpointslicecache.go (addEndpoints), pkg/controller/endpointslice.
import { describe, expect, it } from 'vitest';
import { buildModel, type Model, type TraceResult, trace } from '../../src/engine/index.ts';

const app = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: my-app}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: my-app}}
  template:
    metadata: {labels: {app: my-app}}
    spec:
      containers:
      - name: app
        image: ghcr.io/example/my-app:1.0
        ports: [{containerPort: 8080}]
`;
const nodePort = (policy: 'Cluster' | 'Local') => `---
apiVersion: v1
kind: Service
metadata: {name: my-service}
spec:
  type: NodePort
  externalTrafficPolicy: ${policy}
  selector: {app: my-app}
  ports: [{port: 80, targetPort: 8080, nodePort: 30080}]
`;

function build(text: string): Model {
  const model = buildModel([{ file: 'scenario.yaml', text }]);
  expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model;
}

function run(model: Model, from: string, to: string): TraceResult {
  return trace(model, { from, to }, { count: 1 });
}

/** The node running the one my-app Pod, and a node without it. */
function placement(model: Model) {
  const pod = model.pods.find((p) => p.owner === 'Deployment/my-app');
  const withPod = model.nodes.find((n) => n.name === pod?.nodeName);
  const without = model.nodes.filter((n) => n.name !== pod?.nodeName);
  if (!pod || !withPod || without.length < 2) throw new Error('unexpected placement');
  return { pod, withPod, without };
}

const chainsAt = (result: TraceResult, node: string) =>
  result.hops.filter((h) => h.kind === 'iptables' && h.at === node).map((h) => h.chain);

// proxier.go syncProxyRules writes KUBE-SERVICES' last rule as
// `-m addrtype --dst-type LOCAL -j KUBE-NODEPORTS`: the kernel of the node that
// owns the destination address evaluates it. A packet for another node's
// address matches nothing on the sending node and is routed, un-NATed, to the
// owner, whose PREROUTING jumps to KUBE-NODEPORTS (the Service docs: "each node
// proxies that port (the same port number on every Node) into your Service").
describe("a NodePort on another node's address", () => {
  it('is delivered from a Pod: the owning node, not the sending one, applies KUBE-NODEPORTS', () => {
    const model = build(app(1) + nodePort('Cluster'));
    const { pod, withPod, without } = placement(model);
    const [other] = without;
    const result = run(model, 'deployment/my-app', `${other?.internalIP}:30080`);
    expect(result.outcome).toBe('delivered');
    expect(result.destination?.pod).toBe(pod.metadata.name);
    // Nothing on the Pod's own node matched the other node's address.
    expect(chainsAt(result, withPod.name)).not.toContain('KUBE-NODEPORTS');
    expect(chainsAt(result, other?.name ?? '')).toContain('KUBE-NODEPORTS');
    const routed = result.hops.find((h) => h.message.id === 'node.routed-in');
    expect(routed?.at).toBe(other?.name);
    expect(routed?.message.params).toMatchObject({ from: withPod.name, node: other?.name });
    // The packet crossed un-NATed: it still carries the Pod's own address and the node's.
    expect(routed?.packet).toEqual({
      src: `${pod.podIP}:40000`,
      dst: `${other?.internalIP}:30080`,
    });
  });

  it("is delivered from a node, with the owning node's masquerade (externalTrafficPolicy Cluster)", () => {
    const model = build(app(1) + nodePort('Cluster'));
    const { withPod, without } = placement(model);
    const [sender, owner] = without;
    const result = run(model, `node/${sender?.name}`, `${owner?.internalIP}:30080`);
    expect(result.outcome).toBe('delivered');
    expect(chainsAt(result, sender?.name ?? '')).toEqual([]);
    expect(chainsAt(result, owner?.name ?? '')).toContain('KUBE-NODEPORTS');
    // The owner masquerades as itself on the way to the Pod's node.
    expect(result.destination?.sourceIP).toBe(owner?.internalIP);
    expect(result.destination?.node).toBe(withPod.name);
  });

  it('from a Pod, is sent to any endpoint even under externalTrafficPolicy Local ("pod traffic" short-circuit)', () => {
    const model = build(app(1) + nodePort('Local'));
    const { pod, without } = placement(model);
    const [owner] = without;
    const result = run(model, 'deployment/my-app', `${owner?.internalIP}:30080`);
    expect(result.outcome).toBe('delivered');
    expect(
      result.hops.some(
        (h) => h.rule?.comment === 'pod traffic for default/my-service external destinations',
      ),
    ).toBe(true);
    expect(result.destination?.pod).toBe(pod.metadata.name);
  });

  it('from another node, is dropped by an owner without a local endpoint under externalTrafficPolicy Local', () => {
    const model = build(app(1) + nodePort('Local'));
    const { withPod, without } = placement(model);
    const [owner, sender] = without;
    const dropped = run(model, `node/${sender?.name}`, `${owner?.internalIP}:30080`);
    expect(dropped.outcome).toBe('timeout');
    expect(dropped.reasonMessage.params).toMatchObject({
      node: owner?.name,
      policy: 'externalTrafficPolicy',
    });
    // The node with the Pod keeps the sender's address and delivers.
    const kept = run(model, `node/${sender?.name}`, `${withPod.internalIP}:30080`);
    expect(kept.outcome).toBe('delivered');
    expect(kept.destination?.sourceIP).toBe(sender?.internalIP);
  });

  it("is refused by an owner whose kube-proxy is stopped: the sender's rules do not help", () => {
    const text = `apiVersion: routelab.dev/v1alpha1
kind: Cluster
spec:
  nodes:
  - name: node-1
  - name: node-2
  - name: node-3
    kubeProxy: Stopped
---
${app(1)}${nodePort('Cluster')}`;
    const model = build(text);
    const stopped = model.nodes.find((n) => n.name === 'node-3');
    const result = run(model, 'node/node-1', `${stopped?.internalIP}:30080`);
    expect(result.outcome).toBe('refused');
    expect(result.reasonMessage.id).toBe('node.refused-stopped');
  });
});

// kube-proxy's localhostNodePorts (default true): proxier.go NewProxier sets
// route_localnet=1; syncProxyRules writes, for every NodePort, a
// `-d 127.0.0.0/8 ... -m nfacct --nfacct-name localhost_nps_accepted_pkts` jump
// before the plain one (the lines proxier_test.go
// TestOverallIPTablesRulesWithMultipleServices expects), and KUBE-FIREWALL's
// "block incoming localnet connections" keeps other hosts out. A DNATed
// 127.0.0.1 connection is marked in KUBE-EXT and masqueraded as it leaves.
describe('a NodePort on localhost', () => {
  it('is delivered from a node through the 127.0.0.0/8 KUBE-NODEPORTS rule, masqueraded from 127.0.0.1', () => {
    const model = build(app(1) + nodePort('Cluster'));
    const { pod, without } = placement(model);
    const [sender] = without;
    const result = run(model, `node/${sender?.name}`, '127.0.0.1:30080');
    expect(result.outcome).toBe('delivered');
    expect(result.destination?.pod).toBe(pod.metadata.name);
    const nodePorts = result.hops.find((h) => h.chain === 'KUBE-NODEPORTS');
    expect(nodePorts?.rule?.destination?.value).toBe('127.0.0.0/8');
    expect(nodePorts?.rule?.args).toContain('localhost_nps_accepted_pkts');
    expect(nodePorts?.packet?.src).toBe('127.0.0.1:40000');
    const masquerade = result.hops.find((h) => h.rewrite?.type === 'SNAT');
    expect(masquerade?.rewrite).toEqual({
      type: 'SNAT',
      from: '127.0.0.1:40000',
      to: `${sender?.internalIP}:40000`,
    });
    expect(result.destination?.sourceIP).toBe(sender?.internalIP);
  });

  it('is delivered under externalTrafficPolicy Local even without a local Pod (LOCAL traffic short-circuit)', () => {
    const model = build(app(1) + nodePort('Local'));
    const { pod, without } = placement(model);
    const result = run(model, `node/${without[0]?.name}`, '127.0.0.1:30080');
    expect(result.outcome).toBe('delivered');
    expect(result.destination?.pod).toBe(pod.metadata.name);
    expect(
      result.hops.some(
        (h) =>
          h.rule?.comment === 'route LOCAL traffic for default/my-service external destinations',
      ),
    ).toBe(true);
  });

  it('is refused on a port no NodePort or host process uses', () => {
    const model = build(app(1) + nodePort('Cluster'));
    const result = run(model, 'node/node-1', '127.0.0.1:30081');
    expect(result.outcome).toBe('refused');
    expect(result.reasonMessage.id).toBe('node.refused-closed');
  });
});

// pkg/proxy/endpointslicecache.go addEndpoints reads each condition on its own:
// `ready := Ready == nil || *Ready`, `serving := Serving == nil || *Serving`,
// `terminating := Terminating != nil && *Terminating` (the discovery/v1
// EndpointConditions docs: nil ready and nil serving are "true", nil
// terminating "false"). pkg/proxy/topology.go CategorizeEndpoints then uses the
// ready endpoints, or failing those the serving and terminating ones.
describe('EndpointSlice conditions as kube-proxy reads them (a selectorless Service)', () => {
  const backend = `apiVersion: v1
kind: Pod
metadata: {name: backend, labels: {app: backend}}
spec:
  containers:
  - name: app
    image: ghcr.io/example/backend:1.0
    ports: [{containerPort: 8080}]
`;
  const backendIP = build(backend).pods.find((p) => p.metadata.name === 'backend')?.podIP;
  const selectorless = (conditions: string) => `${backend}---
apiVersion: v1
kind: Service
metadata: {name: external-db}
spec:
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: external-db-1
  labels: {kubernetes.io/service-name: external-db}
addressType: IPv4
ports: [{port: 8080}]
endpoints:
- addresses: ["${backendIP}"]
${conditions}`;
  const outcome = (conditions: string) =>
    run(build(selectorless(conditions)), 'pod/backend', 'http://external-db/');

  it('routes to an endpoint written with no conditions at all, or empty ones', () => {
    for (const conditions of ['', '  conditions: {}\n']) {
      const result = outcome(conditions);
      expect(result.outcome).toBe('delivered');
      expect(result.destination?.podIP).toBe(backendIP);
    }
  });

  it('counts a nil ready as ready even when terminating is true', () => {
    expect(outcome('  conditions: {terminating: true}\n').outcome).toBe('delivered');
  });

  it('counts a nil serving as serving: a not-ready terminating endpoint is the fallback', () => {
    expect(outcome('  conditions: {ready: false, terminating: true}\n').outcome).toBe('delivered');
  });

  it('rejects when the only endpoint is not ready and not terminating (nil terminating is false)', () => {
    const result = outcome('  conditions: {ready: false}\n');
    expect(result.outcome).toBe('refused');
    expect(result.reasonMessage.id).toBe('iptables.rejected');
  });

  it('rejects an explicitly not-serving terminating endpoint', () => {
    expect(
      outcome('  conditions: {ready: false, serving: false, terminating: true}\n').outcome,
    ).toBe('refused');
  });
});

// The EndpointSlice controller does not skip hostNetwork Pods:
// staging/src/k8s.io/endpointslice/util/controller_utils.go ShouldPodBeInEndpoints
// checks only the phase, an IP and deletion, and utils.go podToEndpoint takes
// status.podIPs, which for a hostNetwork Pod are its node's. kube-proxy DNATs
// to that address like any other; the packet is then delivered by the node
// that owns it, through INPUT, to the process listening there.
describe('hostNetwork Pods as endpoints', () => {
  const agent = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      hostNetwork: true
      containers:
      - name: agent
        image: ghcr.io/example/agent:1.0
        ports: [{containerPort: 9100}]
---
apiVersion: v1
kind: Service
metadata: {name: agent}
spec:
  type: NodePort
  selector: {app: agent}
  ports: [{port: 9100, targetPort: 9100, nodePort: 30910}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: client, image: ghcr.io/example/client:1.0}]
`;

  it("are in the Service's EndpointSlice at their node's address", () => {
    const model = build(agent);
    const slice = model.endpointSlices.find((s) => s.serviceName === 'agent');
    const addresses = slice?.endpoints.map((e) => e.addresses[0]).sort();
    expect(addresses).toEqual(model.nodes.map((n) => n.internalIP).sort());
    expect(slice?.endpoints.every((e) => e.ready)).toBe(true);
  });

  it('receive ClusterIP traffic on every node: locally through INPUT, elsewhere routed after DNAT', () => {
    const model = build(agent);
    const spread = trace(model, { from: 'pod/client', to: 'http://agent:9100/' }, { count: 60 });
    expect(spread.outcomes).toEqual({ delivered: 60 });
    expect(new Set(spread.distribution?.map((d) => d.node))).toEqual(
      new Set(model.nodes.map((n) => n.name)),
    );
    const client = model.pods.find((p) => p.metadata.name === 'client');
    for (let seed = 1; seed < 40; seed++) {
      const one = trace(model, { from: 'pod/client', to: 'http://agent:9100/' }, { seed });
      if (one.destination?.node === client?.nodeName) continue;
      const routed = one.hops.find((h) => h.message.id === 'node.routed-in');
      expect(routed?.at).toBe(one.destination?.node);
      expect(routed?.message.params).toMatchObject({ natted: true, from: client?.nodeName });
      // A ClusterIP connection from a Pod is not marked: the agent sees the Pod's address.
      expect(one.destination?.sourceIP).toBe(client?.podIP);
      return;
    }
    throw new Error('no seed picked a remote agent');
  });

  it("keep an outside client's address when the NodePort's node picks its own hostNetwork endpoint", () => {
    const model = build(agent);
    const node = model.nodes[1];
    for (let seed = 1; seed < 40; seed++) {
      const one = trace(
        model,
        { from: 'external', to: `http://${node?.internalIP}:30910/` },
        { seed },
      );
      expect(one.outcome).toBe('delivered');
      if (one.destination?.node !== node?.name) continue;
      // Delivered locally after DNAT: it never reaches POSTROUTING's MASQUERADE.
      expect(one.destination?.sourceIP).toBe(model.cluster.externalClient);
      expect(one.hops.some((h) => h.chain === 'KUBE-POSTROUTING')).toBe(false);
      return;
    }
    throw new Error('no seed picked the local agent');
  });
});

// In a Pod, 127.0.0.1 is the loopback of the Pod's own network namespace,
// shared by its containers (the Pod docs: "containers within the Pod can
// communicate with one another using localhost"); it never reaches the node's
// netfilter, so no NodePort is on it. "localhost" resolves from kubelet's
// managed /etc/hosts (pkg/kubelet/kubelet_pods.go managedHostsFileContent).
describe("a Pod's own loopback", () => {
  it('reaches the same Pod when a container there declares the port', () => {
    const model = build(app(1) + nodePort('Cluster'));
    const { pod } = placement(model);
    for (const to of ['127.0.0.1:8080', 'http://localhost:8080/']) {
      const result = run(model, 'deployment/my-app', to);
      expect(result.outcome).toBe('delivered');
      expect(result.destination?.pod).toBe(pod.metadata.name);
      expect(result.destination?.sourceIP).toBe('127.0.0.1');
      expect(result.hops.some((h) => h.kind === 'node' || h.kind === 'iptables')).toBe(false);
      expect(result.hops.find((h) => h.kind === 'pod')?.message.id).toBe('pod.loopback');
    }
  });

  it('is refused on a NodePort: the node’s localhost NodePort rules are not in the Pod', () => {
    const model = build(app(1) + nodePort('Cluster'));
    const result = run(model, 'deployment/my-app', '127.0.0.1:30080');
    expect(result.outcome).toBe('refused');
    expect(result.reasonMessage.id).toBe('pod.refused-reason');
    expect(result.hops.some((h) => h.chain === 'KUBE-NODEPORTS')).toBe(false);
  });

  it("is the node's own for the node: localhost resolves from /etc/hosts and reaches the NodePort", () => {
    const model = build(app(1) + nodePort('Cluster'));
    const result = run(model, 'node/node-1', 'http://localhost:30080/');
    expect(result.outcome).toBe('delivered');
    expect(result.hops[0]?.message).toEqual({
      id: 'dns.hosts-file',
      params: { host: 'localhost', ip: '127.0.0.1' },
    });
  });
});
