// `routelab get`: the cluster after the engine applied the manifests, as
// `kubectl get KIND -o wide` prints it, or as a v1 List of API objects.
import type { EndpointSlice, Service } from '../engine/api/types.ts';
import type { ClusterNode } from '../engine/cluster.ts';
import type { Model, RunningPod } from '../engine/model/types.ts';

export const kinds = ['nodes', 'pods', 'deployments', 'services', 'endpointslices'] as const;
export type Kind = (typeof kinds)[number];

const aliases: Record<string, Kind> = {
  node: 'nodes',
  nodes: 'nodes',
  no: 'nodes',
  pod: 'pods',
  pods: 'pods',
  po: 'pods',
  deployment: 'deployments',
  deployments: 'deployments',
  deploy: 'deployments',
  service: 'services',
  services: 'services',
  svc: 'services',
  endpointslice: 'endpointslices',
  endpointslices: 'endpointslices',
};

export function kindOf(word: string): Kind | undefined {
  return aliases[word.toLowerCase()];
}

function table(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd((widths[c] ?? 0) + 3)))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}

function ports(service: Service): string {
  if (service.ports.length === 0) return '<none>';
  return service.ports
    .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`))
    .join(',');
}

function externalIP(service: Service, model: Model): string {
  if (service.type === 'ExternalName') return service.externalName;
  const ips = [...service.loadBalancerIngress, ...service.externalIPs];
  if (ips.length > 0) return ips.join(',');
  if (service.type === 'LoadBalancer' && model.cluster.loadBalancer === 'none') return '<pending>';
  return service.type === 'LoadBalancer' ? '<pending>' : '<none>';
}

const selector = (s: Record<string, string> | null) =>
  s && Object.keys(s).length > 0
    ? Object.entries(s)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')
    : '<none>';

function podReady(pod: RunningPod): string {
  const n = pod.spec.containers.length;
  return `${pod.ready && !pod.terminating ? n : 0}/${n}`;
}

function podStatus(pod: RunningPod): string {
  if (pod.terminating) return 'Terminating';
  return pod.phase;
}

export function getText(model: Model, kind?: Kind): string {
  const sections: [Kind, string][] = [];
  const want = (k: Kind) => !kind || kind === k;
  if (want('nodes'))
    sections.push([
      'nodes',
      table([
        ['NAME', 'STATUS', 'ROLES', 'INTERNAL-IP', 'POD-CIDR', 'KUBE-PROXY'],
        ...model.nodes.map((n: ClusterNode) => [
          n.name,
          n.ready ? 'Ready' : 'NotReady',
          '<none>',
          n.internalIP,
          n.podCIDR,
          n.kubeProxy,
        ]),
      ]),
    ]);
  if (want('pods'))
    sections.push([
      'pods',
      table([
        ['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'IP', 'NODE'],
        ...model.pods.map((p) => [
          p.metadata.namespace,
          p.metadata.name,
          podReady(p),
          podStatus(p),
          '0',
          p.podIP || '<none>',
          p.nodeName || '<none>',
        ]),
      ]),
    ]);
  if (want('deployments'))
    sections.push([
      'deployments',
      table([
        ['NAMESPACE', 'NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'SELECTOR'],
        ...model.workloads
          .filter((w) => w.kind === 'Deployment')
          .map((w) => {
            const pods = model.pods.filter(
              (p) =>
                p.owner === `Deployment/${w.metadata.name}` &&
                p.metadata.namespace === w.metadata.namespace,
            );
            const ready = pods.filter((p) => p.ready && !p.terminating).length;
            return [
              w.metadata.namespace,
              w.metadata.name,
              `${ready}/${w.replicas}`,
              String(w.replicas),
              String(ready),
              selector(w.selector?.matchLabels ?? null),
            ];
          }),
      ]),
    ]);
  if (want('services'))
    sections.push([
      'services',
      table([
        ['NAMESPACE', 'NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'SELECTOR'],
        ...model.services.map((s) => [
          s.metadata.namespace,
          s.metadata.name,
          s.type,
          s.clusterIP || '<none>',
          externalIP(s, model),
          ports(s),
          selector(s.selector),
        ]),
      ]),
    ]);
  if (want('endpointslices'))
    sections.push([
      'endpointslices',
      table([
        ['NAMESPACE', 'NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS'],
        ...model.endpointSlices.map((e: EndpointSlice) => [
          e.metadata.namespace,
          e.metadata.name,
          e.addressType,
          e.ports.map((p) => String(p.port)).join(',') || '<unset>',
          e.endpoints.flatMap((x) => x.addresses).join(',') || '<unset>',
        ]),
      ]),
    ]);
  return sections.map(([name, text]) => (kind ? text : `# ${name}\n${text}`)).join('\n\n');
}

function meta(name: string, namespace: string, labels: Record<string, string>) {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    ...(Object.keys(labels).length ? { labels: { ...labels } } : {}),
  };
}

/** The objects as the API server would return them: defaults filled in, allocations made. */
export function getJson(model: Model, kind?: Kind): unknown {
  const items: unknown[] = [];
  const want = (k: Kind) => !kind || kind === k;
  if (want('nodes'))
    for (const n of model.nodes)
      items.push({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: meta(n.name, '', { 'kubernetes.io/hostname': n.name }),
        spec: { podCIDR: n.podCIDR, podCIDRs: [n.podCIDR] },
        status: {
          addresses: [
            { type: 'InternalIP', address: n.internalIP },
            { type: 'Hostname', address: n.name },
          ],
          conditions: [{ type: 'Ready', status: n.ready ? 'True' : 'False' }],
        },
      });
  if (want('pods'))
    for (const p of model.pods)
      items.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: meta(p.metadata.name, p.metadata.namespace, p.metadata.labels),
        spec: {
          containers: p.spec.containers.map((c) => ({
            name: c.name,
            image: c.image,
            ports: c.ports.map((x) => ({
              ...(x.name ? { name: x.name } : {}),
              containerPort: x.containerPort,
              protocol: x.protocol,
            })),
          })),
          ...(p.nodeName ? { nodeName: p.nodeName } : {}),
          ...(p.spec.hostNetwork ? { hostNetwork: true } : {}),
        },
        status: {
          phase: p.phase,
          ...(p.podIP
            ? {
                podIP: p.podIP,
                podIPs: [{ ip: p.podIP }],
                hostIP: model.nodes.find((n) => n.name === p.nodeName)?.internalIP,
              }
            : {}),
          conditions: [{ type: 'Ready', status: p.ready && !p.terminating ? 'True' : 'False' }],
        },
      });
  if (want('deployments'))
    for (const w of model.workloads.filter((x) => x.kind === 'Deployment'))
      items.push({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta(w.metadata.name, w.metadata.namespace, w.metadata.labels),
        spec: {
          replicas: w.replicas,
          selector: { matchLabels: w.selector?.matchLabels ?? {} },
          template: { metadata: { labels: w.template.labels } },
        },
      });
  if (want('services'))
    for (const s of model.services) {
      const external =
        s.type === 'NodePort' || s.type === 'LoadBalancer' || s.externalIPs.length > 0;
      items.push({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta(s.metadata.name, s.metadata.namespace, s.metadata.labels),
        spec: {
          type: s.type,
          ...(s.selector ? { selector: { ...s.selector } } : {}),
          ...(s.type === 'ExternalName'
            ? { externalName: s.externalName }
            : {
                clusterIP: s.clusterIP,
                clusterIPs: [s.clusterIP],
                ipFamilies: ['IPv4'],
                ipFamilyPolicy: 'SingleStack',
                internalTrafficPolicy: s.internalTrafficPolicy,
              }),
          ports: s.ports.map((p) => ({
            ...(p.name ? { name: p.name } : {}),
            protocol: p.protocol,
            port: p.port,
            targetPort: p.targetPort,
            ...(p.nodePort ? { nodePort: p.nodePort } : {}),
          })),
          sessionAffinity: s.sessionAffinity,
          ...(s.sessionAffinity === 'ClientIP'
            ? {
                sessionAffinityConfig: {
                  clientIP: { timeoutSeconds: s.sessionAffinityTimeoutSeconds },
                },
              }
            : {}),
          ...(external ? { externalTrafficPolicy: s.externalTrafficPolicy } : {}),
          ...(s.externalIPs.length ? { externalIPs: s.externalIPs } : {}),
          ...(s.healthCheckNodePort ? { healthCheckNodePort: s.healthCheckNodePort } : {}),
          ...(s.type === 'LoadBalancer'
            ? { allocateLoadBalancerNodePorts: s.allocateLoadBalancerNodePorts }
            : {}),
        },
        status: {
          loadBalancer: s.loadBalancerIngress.length
            ? { ingress: s.loadBalancerIngress.map((ip) => ({ ip, ipMode: 'VIP' })) }
            : {},
        },
      });
    }
  if (want('endpointslices'))
    for (const e of model.endpointSlices)
      items.push({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: meta(e.metadata.name, e.metadata.namespace, e.metadata.labels),
        addressType: e.addressType,
        endpoints: e.endpoints.map((x) => ({
          addresses: x.addresses,
          conditions: { ready: x.ready, serving: x.serving, terminating: x.terminating },
          ...(x.nodeName ? { nodeName: x.nodeName } : {}),
          ...(x.targetRef
            ? {
                targetRef: {
                  kind: 'Pod',
                  namespace: x.targetRef.split('/')[0],
                  name: x.targetRef.split('/')[1],
                },
              }
            : {}),
        })),
        ports: e.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
      });
  return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items };
}
