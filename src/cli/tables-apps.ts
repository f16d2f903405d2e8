// ReplicaSets, StatefulSets and DaemonSets as `kubectl get -o wide` prints them
// (printers.go printReplicaSet, printStatefulSet, printDaemonSet with
// layoutContainerCells and metav1.FormatLabelSelector), and as the API returns
// them for -o json|yaml. Their status counts the Pods the engine's controllers
// made: a Pod being deleted is not active (controller.FilterActivePods).
import { labelSelector } from '../course/kubectl-get.ts';
import type { Model, RunningPod, Workload } from '../engine/index.ts';
import type { Item, Printer } from './tables.ts';

const age = '<unknown>';

type Template = Workload['template'];

/** The Pods a workload's controller made, and how many of the active ones are ready. */
function counts(model: Model, owner: string, namespace: string) {
  const active = model.pods.filter(
    (p: RunningPod) => p.owner === owner && p.metadata.namespace === namespace && !p.terminating,
  );
  return { current: active.length, ready: active.filter((p) => p.ready).length };
}

/** layoutContainerCells: container names and images, each joined by commas. */
const names = (t: Template) => t.spec.containers.map((c) => c.name).join(',');
const images = (t: Template) => t.spec.containers.map((c) => c.image).join(',');

function template(t: Template, extra: Record<string, string> = {}) {
  return {
    metadata: { labels: { ...t.labels, ...extra } },
    spec: {
      containers: t.spec.containers.map((c) => ({
        name: c.name,
        image: c.image,
        ...(c.ports.length
          ? {
              ports: c.ports.map((p) => ({
                ...(p.name ? { name: p.name } : {}),
                containerPort: p.containerPort,
                protocol: p.protocol,
              })),
            }
          : {}),
      })),
    },
  };
}

function served(
  kind: string,
  w: { name: string; namespace: string; labels: Record<string, string> },
  spec: unknown,
  status: Record<string, number>,
) {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: {
      name: w.name,
      namespace: w.namespace,
      ...(Object.keys(w.labels).length ? { labels: w.labels } : {}),
    },
    spec,
    // Zero counts are omitted, as the API's omitempty leaves them out.
    status: Object.fromEntries(Object.entries(status).filter(([, n]) => n !== 0)),
  };
}

/** A Deployment's ReplicaSet (labels and selector with pod-template-hash) and the ReplicaSets written as such. */
function replicaSetItems(model: Model): Item[] {
  const owned = model.replicaSets.flatMap((rs) => {
    const d = model.workloads.find(
      (w) => `${w.kind}/${w.metadata.name}` === rs.owner && w.metadata.namespace === rs.namespace,
    );
    if (!d) return [];
    const hash = { 'pod-template-hash': rs.podTemplateHash };
    const selector = { ...(d.selector?.matchLabels ?? {}), ...hash };
    const { current, ready } = counts(model, rs.owner, rs.namespace);
    const labels = { ...d.template.labels, ...hash };
    return [
      {
        namespace: rs.namespace,
        name: rs.name,
        cells: [
          String(rs.replicas),
          String(current),
          String(ready),
          age,
          names(d.template),
          images(d.template),
          labelSelector(selector),
        ],
        object: () =>
          served(
            'ReplicaSet',
            { name: rs.name, namespace: rs.namespace, labels },
            {
              replicas: rs.replicas,
              selector: { matchLabels: selector },
              template: template(d.template, hash),
            },
            { replicas: current, readyReplicas: ready, availableReplicas: ready },
          ),
      },
    ];
  });
  return [...owned, ...workloadItems(model, 'ReplicaSet')];
}

/** The cells of a workload written as a manifest, per kind. */
function workloadItems(model: Model, kind: 'ReplicaSet' | 'StatefulSet' | 'DaemonSet'): Item[] {
  return model.workloads
    .filter((w) => w.kind === kind)
    .map((w) => {
      const ns = w.metadata.namespace;
      const { current, ready } = counts(model, `${kind}/${w.metadata.name}`, ns);
      const selector = labelSelector(w.selector?.matchLabels ?? null);
      const cells =
        kind === 'ReplicaSet'
          ? [
              String(w.replicas),
              String(current),
              String(ready),
              age,
              names(w.template),
              images(w.template),
              selector,
            ]
          : kind === 'StatefulSet'
            ? [`${ready}/${w.replicas}`, age, names(w.template), images(w.template)]
            : [
                // A DaemonSet wants one Pod on each node it may run on: the ones its controller made.
                String(current),
                String(current),
                String(ready),
                String(current),
                String(ready),
                labelSelector(w.template.spec.nodeSelector),
                age,
                names(w.template),
                images(w.template),
                selector,
              ];
      const spec = {
        ...(kind === 'DaemonSet' ? {} : { replicas: w.replicas }),
        ...(kind === 'StatefulSet' ? { serviceName: w.serviceName } : {}),
        selector: { matchLabels: w.selector?.matchLabels ?? {} },
        template: template(w.template),
      };
      const status =
        kind === 'DaemonSet'
          ? {
              currentNumberScheduled: current,
              desiredNumberScheduled: current,
              numberReady: ready,
              numberAvailable: ready,
              updatedNumberScheduled: current,
            }
          : { replicas: current, readyReplicas: ready, availableReplicas: ready };
      return {
        namespace: ns,
        name: w.metadata.name,
        cells,
        object: () =>
          served(
            kind,
            { name: w.metadata.name, namespace: ns, labels: w.metadata.labels },
            spec,
            status,
          ),
      };
    });
}

export const appsPrinters: Record<string, Printer> = {
  replicasets: {
    columns: ['DESIRED', 'CURRENT', 'READY', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR'],
    items: replicaSetItems,
  },
  statefulsets: {
    columns: ['READY', 'AGE', 'CONTAINERS', 'IMAGES'],
    items: (model) => workloadItems(model, 'StatefulSet'),
  },
  daemonsets: {
    columns: [
      'DESIRED',
      'CURRENT',
      'READY',
      'UP-TO-DATE',
      'AVAILABLE',
      'NODE SELECTOR',
      'AGE',
      'CONTAINERS',
      'IMAGES',
      'SELECTOR',
    ],
    items: (model) => workloadItems(model, 'DaemonSet'),
  },
};
