// `routelab get`: the cluster after the engine applied the manifests, as
// `kubectl get KIND -o wide` prints it, or as a v1 List of API objects.
import { labelSelector, servicesTable, table } from '../course/kubectl-get.ts';
import {
  type ClusterNode,
  type EndpointSlice,
  type Model,
  type RunningPod,
  type ServedKind,
  servedObjects,
} from '../engine/index.ts';

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
        ...deploymentRows(model),
      ]),
    ]);
  if (want('services')) sections.push(['services', servicesTable(model)]);
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

/** A Deployment's READY counts its Pods that are ready and not terminating. */
function deploymentRows(model: Model): string[][] {
  return model.workloads
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
        labelSelector(w.selector?.matchLabels ?? null),
      ];
    });
}

const servedKind: Record<Kind, ServedKind> = {
  nodes: 'Node',
  pods: 'Pod',
  deployments: 'Deployment',
  services: 'Service',
  endpointslices: 'EndpointSlice',
};

/** A v1 List of the objects as the API server would return them, as `kubectl get -o json` prints it. */
export function getJson(model: Model, kind?: Kind): unknown {
  const items = servedObjects(model, kind && servedKind[kind]);
  return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items };
}
