// What the controllers make of workloads and Services. Sources: Kubernetes
// docs "Deployments" (ReplicaSet and Pod names with pod-template-hash),
// "StatefulSets" (ordinal names), "DaemonSet" (one Pod per eligible node),
// "EndpointSlices" (ready/serving/terminating conditions, nodeName, zone),
// "Service" (named targetPorts resolved per Pod; Services without selectors
// use the EndpointSlices given to them); pkg/controller/endpointslice/utils.go
// (podToEndpoint); pkg/proxy/topology.go (terminating endpoints as fallback).
import { describe, expect, it } from 'vitest';
import { buildModel, iptables, trace } from '../../src/engine/index.ts';
import { myApp } from '../support/engine.ts';

const build = (text: string) => {
  const model = buildModel([{ file: 'test.yaml', text }]);
  // The learner's Pods: the ingress controller's own Pod lives in namespace ingress-nginx.
  const mine = <T extends { metadata: { namespace: string } }>(items: T[]) =>
    items.filter((i) => i.metadata.namespace === 'default');
  return {
    ...model,
    pods: mine(model.pods),
    services: mine(model.services),
    endpointSlices: mine(model.endpointSlices),
    replicaSets: model.replicaSets.filter((r) => r.namespace === 'default'),
  };
};
const cluster = (spec: string) =>
  `apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n${spec}\n---\n`;

const workload = (
  kind: string,
  name: string,
  replicas: number,
  labels: string,
  ports: string,
  extra = '',
) => `---
apiVersion: apps/v1
kind: ${kind}
metadata:
  name: ${name}
spec:
${kind === 'DaemonSet' ? '' : `  replicas: ${replicas}\n`}${kind === 'StatefulSet' ? `  serviceName: ${name}\n` : ''}  selector:
    matchLabels: {${labels}}
  template:
    metadata:
      labels: {${labels}}
    spec:
${extra}      containers:
      - name: app
        image: example/app:1
        ports: [${ports}]
`;

describe('workload controllers and the scheduler', () => {
  it('names Deployment Pods <deployment>-<pod-template-hash>-<suffix>, stably', () => {
    const a = build(myApp);
    const b = build(myApp);
    expect(a.pods.map((p) => p.metadata.name)).toEqual(b.pods.map((p) => p.metadata.name));
    for (const pod of a.pods) {
      expect(pod.metadata.name).toMatch(
        /^my-app-[4-9bcdf]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/,
      );
      expect(pod.metadata.labels['pod-template-hash']).toBe(pod.metadata.name.split('-')[2]);
      expect(pod.owner).toBe('Deployment/my-app');
    }
    expect(a.replicaSets).toEqual([
      expect.objectContaining({
        name: `my-app-${a.pods[0]?.metadata.labels['pod-template-hash']}`,
        replicas: 2,
      }),
    ]);
    // A new template is a new ReplicaSet, so a new hash.
    const changed = build(myApp.replace('my-app:1.0', 'my-app:2.0'));
    expect(changed.pods[0]?.metadata.labels['pod-template-hash']).not.toBe(
      a.pods[0]?.metadata.labels['pod-template-hash'],
    );
  });

  it('spreads Pods over the ready nodes and gives each an address from its node’s podCIDR', () => {
    const m = build(workload('Deployment', 'web', 3, 'app: web', '{containerPort: 80}'));
    expect(m.pods.map((p) => p.nodeName).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    for (const pod of m.pods) {
      const node = m.nodes.find((n) => n.name === pod.nodeName);
      expect(pod.podIP.startsWith(node?.podCIDR.replace('.0/24', '.') ?? '?')).toBe(true);
    }
  });

  it('names StatefulSet Pods by ordinal', () => {
    const m = build(workload('StatefulSet', 'db', 3, 'app: db', '{containerPort: 5432}'));
    expect(m.pods.map((p) => p.metadata.name)).toEqual(['db-0', 'db-1', 'db-2']);
  });

  it('runs a DaemonSet Pod on every ready node, and none on a NotReady one', () => {
    const text =
      cluster('  nodes:\n  - name: node-1\n  - name: node-2\n    ready: false\n  - name: node-3') +
      workload('DaemonSet', 'agent', 0, 'app: agent', '{containerPort: 9100}');
    expect(
      build(text)
        .pods.map((p) => p.nodeName)
        .sort(),
    ).toEqual(['node-1', 'node-3']);
  });

  it('honours nodeName and nodeSelector, and leaves Pods Pending when no node fits', () => {
    const pinned = build(
      workload(
        'Deployment',
        'web',
        2,
        'app: web',
        '{containerPort: 80}',
        '      nodeSelector: {kubernetes.io/hostname: node-2}\n',
      ),
    );
    expect(pinned.pods.map((p) => p.nodeName)).toEqual(['node-2', 'node-2']);
    const none = build(
      workload(
        'Deployment',
        'web',
        1,
        'app: web',
        '{containerPort: 80}',
        '      nodeSelector: {disk: ssd}\n',
      ),
    );
    expect(none.pods[0]).toMatchObject({ phase: 'Pending', nodeName: '', podIP: '', ready: false });
  });
});

describe('the EndpointSlice controller', () => {
  it('resolves a named targetPort per Pod: one name, two numbers, two slices', () => {
    const text = `${workload('Deployment', 'web-a', 1, 'app: web, v: a', '{name: http, containerPort: 8080}')}${workload('Deployment', 'web-b', 1, 'app: web, v: b', '{name: http, containerPort: 9090}')}---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
`;
    const m = build(text);
    expect(m.endpointSlices.map((s) => s.ports[0]?.port).sort()).toEqual([8080, 9090]);
    const rules = iptables(m, 'node-1') ?? '';
    expect(rules).toMatch(/-j DNAT --to-destination 10\.244\.\d+\.\d+:8080/);
    expect(rules).toMatch(/-j DNAT --to-destination 10\.244\.\d+\.\d+:9090/);
    const result = trace(
      m,
      {
        from: 'node/node-3',
        to: `${m.services.find((x) => x.metadata.name !== 'kubernetes')?.clusterIP}:80`,
      },
      { count: 40 },
    );
    expect(result.outcomes).toEqual({ delivered: 40 });
    expect(result.distribution?.length).toBe(2);
  });

  it('records ready, serving and terminating as discovery.k8s.io/v1 defines them', () => {
    const faults = cluster(
      '  pods:\n  - workload: Deployment/my-app\n    index: 0\n    ready: false\n  - workload: Deployment/my-app\n    index: 1\n    terminating: true',
    );
    const svc =
      '---\napiVersion: v1\nkind: Service\nmetadata: {name: my-service}\nspec:\n  selector: {app: my-app}\n  ports: [{port: 80, targetPort: 8080}]\n';
    const m = build(faults + myApp + svc);
    const endpoints = m.endpointSlices.flatMap((s) => s.endpoints);
    expect(
      endpoints
        .map((e) => ({ ready: e.ready, serving: e.serving, terminating: e.terminating }))
        .sort((a, b) => Number(a.terminating) - Number(b.terminating)),
    ).toEqual([
      { ready: false, serving: false, terminating: false },
      { ready: false, serving: true, terminating: true },
    ]);
    for (const e of endpoints) expect(e.nodeName).toMatch(/^node-\d$/);
    // With no ready endpoint, kube-proxy falls back to the serving, terminating one.
    expect(
      trace(m, {
        from: 'node/node-3',
        to: `${m.services.find((x) => x.metadata.name !== 'kubernetes')?.clusterIP}:80`,
      }).outcome,
    ).toBe('delivered');
  });

  it('counts every address as ready with publishNotReadyAddresses', () => {
    const faults = cluster(
      '  pods:\n  - workload: Deployment/my-app\n    index: 0\n    ready: false',
    );
    const svc =
      '---\napiVersion: v1\nkind: Service\nmetadata: {name: my-service}\nspec:\n  publishNotReadyAddresses: true\n  selector: {app: my-app}\n  ports: [{port: 80, targetPort: 8080}]\n';
    const m = build(faults + myApp + svc);
    expect(m.endpointSlices.flatMap((s) => s.endpoints).every((e) => e.ready)).toBe(true);
  });

  it('uses the EndpointSlices or legacy Endpoints given to a Service without a selector', () => {
    const backend = build(myApp).pods[0]?.podIP ?? '';
    const selectorless = `${myApp}---
apiVersion: v1
kind: Service
metadata: {name: legacy-db}
spec:
  ports: [{port: 5432, targetPort: 8080}]
---
apiVersion: v1
kind: Endpoints
metadata: {name: legacy-db}
subsets:
- addresses: [{ip: ${backend}}]
  ports: [{port: 8080}]
`;
    const m = build(selectorless);
    expect(m.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const result = trace(m, {
      from: 'node/node-2',
      to: `${m.services.find((x) => x.metadata.name !== 'kubernetes')?.clusterIP}:5432`,
    });
    expect(result.outcome).toBe('delivered');
    expect(result.destination?.podIP).toBe(backend);
  });

  it('records each endpoint’s zone from its node', () => {
    const text =
      cluster('  nodes:\n  - name: node-1\n    zone: zone-a\n  - name: node-2\n    zone: zone-b') +
      myApp +
      '---\napiVersion: v1\nkind: Service\nmetadata: {name: my-service}\nspec:\n  selector: {app: my-app}\n  ports: [{port: 80, targetPort: 8080}]\n';
    const zones = build(text)
      .endpointSlices.flatMap((s) => s.endpoints.map((e) => `${e.nodeName}:${e.zone}`))
      .sort();
    expect(zones).toEqual(['node-1:zone-a', 'node-2:zone-b']);
  });
});
