// How requests end, as Kubernetes makes them end. Sources: the Kubernetes docs
// "Service" (ClusterIP only reachable inside the cluster; NodePort on every
// node), "Using Source IP" tutorial (SNAT with externalTrafficPolicy Cluster,
// client IP kept and non-local nodes dropping with Local), kube-proxy's
// proxier_test.go packet-flow tests (REJECT for no endpoints, DROP for no local
// endpoints), and the behaviour of a node without kube-proxy rules.
import { describe, expect, it } from 'vitest';
import { buildModel, type TraceResult, trace } from '../../src/engine/index.ts';
import { myApp } from '../support/engine.ts';

const service = (spec: string) => `---
apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
${spec}
  selector:
    app: my-app
  ports:
  - protocol: TCP
    port: 80
    targetPort: 8080
`;
const clusterIP = service('  type: ClusterIP');
const nodePort = service('  type: NodePort').replace(
  'targetPort: 8080',
  'targetPort: 8080\n    nodePort: 30080',
);
const cluster = (spec: string) =>
  `apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n${spec}\n---\n`;

function run(text: string, from: string, to: string, count = 1): TraceResult {
  const model = buildModel([{ file: 'scenario.yaml', text }]);
  expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return trace(model, { from, to }, { count });
}

function serviceOf(text: string, name = 'my-service') {
  return buildModel([{ file: 'scenario.yaml', text }]).services.find(
    (s) => s.metadata.name === name,
  );
}

function ipOf(text: string): string {
  return serviceOf(text)?.clusterIP ?? '';
}

describe('ClusterIP', () => {
  it('delivers from a Pod, through the sending node’s DNAT, keeping the Pod’s address', () => {
    const result = run(myApp + clusterIP, 'deployment/my-app', 'http://my-service/');
    expect(result.outcome).toBe('delivered');
    expect(result.status).toBe(200);
    expect(result.destination?.port).toBe(8080);
    expect(result.destination?.workload).toBe('Deployment/my-app');
    expect(result.service).toEqual({
      name: 'my-service',
      namespace: 'default',
      type: 'ClusterIP',
      port: 80,
      targetPort: 8080,
    });
    const kinds = result.hops.map((h) => h.kind);
    expect(kinds[0]).toBe('dns');
    expect(kinds).toContain('iptables');
    expect(kinds.at(-1)).toBe('pod');
    expect(result.hops.some((h) => h.detail.includes('-j DNAT --to-destination'))).toBe(true);
    // No SNAT between Pods: the server sees the client Pod's own address.
    const client = result.hops[0]?.packet?.src.split(':')[0];
    expect(result.destination?.sourceIP).toBe(client);
  });

  it('resolves every DNS form of the name from a Pod', () => {
    for (const name of [
      'my-service',
      'my-service.default',
      'my-service.default.svc',
      'my-service.default.svc.cluster.local',
    ])
      expect(run(myApp + clusterIP, 'deployment/my-app', `http://${name}/`).outcome, name).toBe(
        'delivered',
      );
  });

  it('times out from outside the cluster: nothing routes a ClusterIP there', () => {
    const result = run(myApp + clusterIP, 'external', `http://${ipOf(myApp + clusterIP)}/`);
    expect(result.outcome).toBe('timeout');
    expect(result.status).toBeNull();
    expect(result.reason).toContain('ClusterIP');
  });

  it('does not resolve a cluster name from outside', () => {
    expect(run(myApp + clusterIP, 'external', 'http://my-service/').outcome).toBe('dns-error');
  });

  it('spreads connections over the endpoints', () => {
    const result = run(myApp + clusterIP, 'deployment/my-app', 'http://my-service/', 200);
    expect(result.distribution?.length).toBe(2);
    for (const d of result.distribution ?? []) expect(d.count).toBeGreaterThan(60);
    expect(result.outcomes).toEqual({ delivered: 200 });
  });

  it('keeps a client on one Pod with ClientIP session affinity', () => {
    const sticky = service('  type: ClusterIP\n  sessionAffinity: ClientIP');
    const client = buildModel([{ file: 's', text: myApp }]).pods.find(
      (p) => p.metadata.namespace === 'default',
    );
    const result = run(myApp + sticky, `pod/${client?.metadata.name}`, 'http://my-service/', 50);
    expect(result.distribution?.length).toBe(1);
    expect(result.distribution?.[0]?.count).toBe(50);
  });

  it('is refused at once when the selector matches no Pod (kube-proxy REJECT)', () => {
    const typo = clusterIP.replace('app: my-app\n  ports', 'app: my-ap\n  ports');
    const result = run(myApp + typo, 'deployment/my-app', 'http://my-service/');
    expect(result.outcome).toBe('refused');
    expect(
      result.hops.some(
        (h) => h.detail.includes('has no endpoints') && h.detail.includes('-j REJECT'),
      ),
    ).toBe(true);
  });

  // containerPort is informational in Kubernetes; Routelab's convention, said as one.
  it('is refused when the targetPort is not one a container declares (the simulator’s convention)', () => {
    const wrong = clusterIP.replace('targetPort: 8080', 'targetPort: 80');
    const result = run(myApp + wrong, 'deployment/my-app', 'http://my-service/');
    expect(result.outcome).toBe('refused');
    expect(result.reason).toContain('no container there declares it');
    expect(result.reason).toContain(
      'Routelab takes a container to listen on the ports it declares',
    );
  });

  it('times out from a node whose kube-proxy is stopped, and works from the others', () => {
    const stopped = cluster(
      '  nodes:\n  - name: node-1\n    kubeProxy: Stopped\n  - name: node-2\n  - name: node-3',
    );
    const ip = ipOf(stopped + myApp + clusterIP);
    expect(run(stopped + myApp + clusterIP, 'node/node-1', `${ip}:80`).outcome).toBe('timeout');
    expect(run(stopped + myApp + clusterIP, 'node/node-2', `${ip}:80`).outcome).toBe('delivered');
  });

  it('sends nothing to a Pod that is not ready', () => {
    const faults = cluster(
      '  pods:\n  - workload: Deployment/my-app\n    index: 0\n    ready: false',
    );
    const result = run(
      faults + myApp + clusterIP,
      'node/node-3',
      `${ipOf(myApp + clusterIP)}:80`,
      40,
    );
    expect(result.distribution?.length).toBe(1);
    const notReady = buildModel([{ file: 's', text: faults + myApp }]).pods.find((p) => !p.ready);
    expect(result.distribution?.[0]?.pod).not.toBe(notReady?.metadata.name);
  });
});

describe('NodePort', () => {
  it('delivers from outside on every node, with the node’s address as the source (externalTrafficPolicy Cluster)', () => {
    const model = buildModel([{ file: 's', text: myApp + nodePort }]);
    for (const node of model.nodes) {
      const result = run(myApp + nodePort, 'external', `http://${node.internalIP}:30080/`);
      expect(result.outcome, node.name).toBe('delivered');
      expect(result.destination?.sourceIP, node.name).not.toBe(model.cluster.externalClient);
      expect(result.hops.some((h) => h.detail.includes('MASQUERADE'))).toBe(true);
    }
  });

  it('records each rewrite on the rule that makes it: DNAT in KUBE-SEP, MASQUERADE in KUBE-POSTROUTING', () => {
    // docs/cli.md: a hop's packet is the addresses "as they are after that hop".
    const result = run(myApp + nodePort, 'external', 'http://172.18.0.2:30080/');
    const at = (target: string) => result.hops.findIndex((h) => h.detail.includes(`-j ${target}`));
    const [dnat, masquerade] = [at('DNAT'), at('MASQUERADE')];
    const pod = `${result.destination?.podIP}:${result.destination?.port}`;
    expect(result.hops[dnat]?.detail).toMatch(/nat KUBE-SEP-\w+: /);
    expect(result.hops[dnat - 1]?.packet?.dst).toBe('172.18.0.2:30080');
    expect(result.hops[dnat]?.packet?.dst).toBe(pod);
    expect(result.hops[masquerade]?.detail).toMatch(/nat KUBE-POSTROUTING: /);
    expect(result.hops[masquerade - 1]?.packet?.src).toMatch(/^203\.0\.113\.10:/);
    expect(result.hops[masquerade]?.packet?.src).toBe(`${result.destination?.sourceIP}:40000`);
  });

  it('keeps the client’s address with externalTrafficPolicy Local, and drops on nodes without a local Pod', () => {
    const local = nodePort.replace(
      'type: NodePort',
      'type: NodePort\n  externalTrafficPolicy: Local',
    );
    const model = buildModel([{ file: 's', text: myApp + local }]);
    const withPod = new Set(
      model.pods.filter((p) => p.metadata.namespace === 'default').map((p) => p.nodeName),
    );
    for (const node of model.nodes) {
      const result = run(myApp + local, 'external', `http://${node.internalIP}:30080/`);
      if (withPod.has(node.name)) {
        expect(result.outcome, node.name).toBe('delivered');
        expect(result.destination?.node).toBe(node.name);
        expect(result.destination?.sourceIP).toBe(model.cluster.externalClient);
      } else {
        expect(result.outcome, node.name).toBe('timeout');
        expect(
          result.hops.some(
            (h) => h.detail.includes('has no local endpoints') && h.detail.includes('-j DROP'),
          ),
        ).toBe(true);
      }
    }
    expect(withPod.size).toBeLessThan(model.nodes.length);
  });

  // proxier.go (syncProxyRules): with internalTrafficPolicy Local and no local
  // endpoint, the ClusterIP's filter rule in KUBE-SERVICES is "has no local
  // endpoints" -j DROP; the reason names that policy, not externalTrafficPolicy.
  it('drops ClusterIP traffic from a node without a local Pod under internalTrafficPolicy Local, and says which policy', () => {
    const local = clusterIP.replace(
      'type: ClusterIP',
      'type: ClusterIP\n  internalTrafficPolicy: Local',
    );
    const model = buildModel([{ file: 's', text: myApp + local }]);
    const address = model.services.find((s) => s.metadata.name === 'my-service')?.clusterIP;
    const withPod = new Set(
      model.pods.filter((p) => p.metadata.labels.app === 'my-app').map((p) => p.nodeName),
    );
    const without = model.nodes.find((n) => !withPod.has(n.name));
    if (!address || !without) throw new Error('the scenario needs a node without a Pod');
    const result = run(myApp + local, `node/${without.name}`, `http://${address}/`);
    expect(result.outcome).toBe('timeout');
    expect(result.hops.at(-1)?.detail).toMatch(
      /filter KUBE-SERVICES: .*has no local endpoints.*-j DROP/,
    );
    expect(result.reason).toContain('internalTrafficPolicy is Local');
    expect(result.reason).not.toContain('externalTrafficPolicy');
  });

  it('is refused on a node whose kube-proxy is stopped: nothing there opens the port', () => {
    const stopped = cluster(
      '  nodes:\n  - name: node-1\n    kubeProxy: Stopped\n  - name: node-2\n  - name: node-3',
    );
    expect(run(stopped + myApp + nodePort, 'external', 'http://172.18.0.2:30080/').outcome).toBe(
      'refused',
    );
    expect(run(stopped + myApp + nodePort, 'external', 'http://172.18.0.3:30080/').outcome).toBe(
      'delivered',
    );
  });

  it('is refused on any node when the Service has no endpoints', () => {
    const typo = nodePort.replace('app: my-app\n  ports', 'app: nobody\n  ports');
    expect(run(myApp + typo, 'external', 'http://172.18.0.2:30080/').outcome).toBe('refused');
  });
});

describe('LoadBalancer', () => {
  const lb = service('  type: LoadBalancer');

  it('delivers through the cloud load balancer to a NodePort', () => {
    const address = serviceOf(myApp + lb)?.loadBalancerIngress[0];
    expect(address).toMatch(/^198\.51\.100\.\d+$/);
    const result = run(myApp + lb, 'external', `http://${address}/`);
    expect(result.outcome).toBe('delivered');
    expect(result.hops[0]?.kind).toBe('load-balancer');
    expect(result.hops[0]?.at).toBe('cloud');
    expect(result.service?.type).toBe('LoadBalancer');
  });

  it('keeps the client’s address with externalTrafficPolicy Local: the balancer only picks nodes with a Pod', () => {
    const local = service('  type: LoadBalancer\n  externalTrafficPolicy: Local');
    const address = serviceOf(myApp + local)?.loadBalancerIngress[0];
    const result = run(myApp + local, 'external', `http://${address}/`, 30);
    expect(result.outcomes).toEqual({ delivered: 30 });
    expect(result.destination?.sourceIP).toBe('203.0.113.10');
  });

  it('stays <pending> with no provider; the NodePort still answers', () => {
    const text =
      cluster('  loadBalancer: none') +
      myApp +
      lb.replace('targetPort: 8080', 'targetPort: 8080\n    nodePort: 31234');
    expect(serviceOf(text)?.loadBalancerIngress).toEqual([]);
    expect(run(text, 'external', 'http://172.18.0.3:31234/').outcome).toBe('delivered');
  });
});

describe('requests that cannot be made', () => {
  it('reports invalid manifests as invalid, with the diagnostics', () => {
    const model = buildModel([
      {
        file: 's',
        text: service('  type: NodePort').replace(
          'targetPort: 8080',
          'targetPort: 8080\n    nodePort: 80',
        ),
      },
    ]);
    const result = trace(model, { from: 'external', to: 'http://172.18.0.2:80/' });
    expect(result.outcome).toBe('invalid');
    expect(result.diagnostics[0]?.message).toContain('provided port is not in the valid range');
  });

  it('gives the same answer for the same seed', () => {
    const a = run(myApp + clusterIP, 'deployment/my-app', 'http://my-service/', 25);
    const b = run(myApp + clusterIP, 'deployment/my-app', 'http://my-service/', 25);
    expect(a).toEqual(b);
  });
});
