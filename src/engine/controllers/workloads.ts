// What the workload controllers and the scheduler would make of the workloads:
// Pods with Kubernetes-style names, spread over the ready nodes, each with an
// address from its node's podCIDR. Everything is deterministic: the same
// manifests give the same names, nodes and addresses.
import { defaultPodSpec } from '../api/objects.ts';
import type { Pod, PodTemplate, Workload } from '../api/types.ts';
import type { ClusterNode, ClusterSpec, PodFault } from '../cluster.ts';
import { mapSelectorMatches } from '../labels.ts';
import type { ReplicaSetInfo, RunningPod } from '../model/types.ts';
import { cidrSize, formatIPv4, parseCidr } from '../net/ip.ts';
import { fnv32a, safeEncodeString, suffix } from '../util/hash.ts';
import { MinHeap } from '../util/heap.ts';

/**
 * pod-template-hash: Kubernetes hashes the template with FNV-32a and encodes
 * the decimal number with SafeEncodeString, which is why real hashes only use
 * the characters 4-9, b, c, d and f. We hash the template's JSON instead of
 * Go's printed struct, so the value differs from a real cluster's but has the
 * same shape and the same stability.
 */
export function podTemplateHash(template: PodTemplate): string {
  return safeEncodeString(String(fnv32a(JSON.stringify(template))));
}

interface PlannedPod {
  name: string;
  template: PodTemplate;
  namespace: string;
  owner: string;
  workload: Workload | null;
  /** DaemonSet pods are bound to their node by the controller. */
  pinnedNode: string;
  extraLabels: Record<string, string>;
}

export interface Scheduled {
  pods: RunningPod[];
  replicaSets: ReplicaSetInfo[];
}

function faultFor(
  faults: PodFault[],
  pod: { name: string; owner: string; index: number },
): PodFault | undefined {
  return faults.find(
    (f) =>
      (f.name !== '' && f.name === pod.name) ||
      (f.workload !== '' && f.workload === pod.owner && f.index === pod.index),
  );
}

export function runWorkloads(
  workloads: Workload[],
  barePods: Pod[],
  nodes: ClusterNode[],
  cluster: ClusterSpec,
): Scheduled {
  const replicaSets: ReplicaSetInfo[] = [];
  const planned: (PlannedPod & { index: number })[] = [];
  const ready = nodes.filter((n) => n.ready);
  for (const w of workloads) {
    const made = runController(w, ready);
    if (made.replicaSet) replicaSets.push(made.replicaSet);
    planned.push(...made.pods);
  }

  // A dump's Pods keep the addresses they had: no other Pod is given one of them.
  const kept = new Set(barePods.map((p) => p.statusPodIP).filter(Boolean));
  const scheduler = newScheduler(nodes, ready, kept);
  const pods: RunningPod[] = [];
  // Bare Pods first: they name their nodes or take the first free places.
  for (const pod of barePods)
    pods.push(
      scheduler.place(
        pod,
        '',
        faultFor(cluster.pods, { name: pod.metadata.name, owner: '', index: -1 }),
        { doc: pod.doc, id: pod.id },
      ),
    );
  for (const p of planned) {
    const w = p.workload as Workload;
    const pod: Pod = {
      kind: 'Pod',
      doc: w.doc,
      id: `Pod/${p.namespace}/${p.name}`,
      metadata: {
        name: p.name,
        namespace: p.namespace,
        labels: { ...p.template.labels, ...p.extraLabels },
        annotations: { ...p.template.annotations },
      },
      spec: defaultPodSpec(p.template.spec),
      conditions: [],
      terminating: false,
      owner: p.owner,
      statusPodIP: '',
    };
    pods.push(
      scheduler.place(
        pod,
        p.pinnedNode,
        faultFor(cluster.pods, { name: p.name, owner: p.owner, index: p.index }),
        { doc: w.doc, id: w.id },
      ),
    );
  }
  return { pods, replicaSets };
}

/** What one workload's controller asks for: its Pods, and a Deployment's ReplicaSet. */
function runController(
  w: Workload,
  ready: ClusterNode[],
): { pods: (PlannedPod & { index: number })[]; replicaSet?: ReplicaSetInfo } {
  const ns = w.metadata.namespace;
  const owner = `${w.kind}/${w.metadata.name}`;
  const pods: (PlannedPod & { index: number })[] = [];
  if (w.kind === 'Deployment') {
    const hash = podTemplateHash(w.template);
    const rsName = `${w.metadata.name}-${hash}`;
    for (let i = 0; i < w.replicas; i++)
      pods.push({
        name: `${rsName}-${suffix(`${ns}/${rsName}/${i}`)}`,
        template: w.template,
        namespace: ns,
        owner,
        workload: w,
        pinnedNode: '',
        extraLabels: { 'pod-template-hash': hash },
        index: i,
      });
    const replicaSet = {
      name: rsName,
      namespace: ns,
      owner,
      podTemplateHash: hash,
      replicas: w.replicas,
    };
    return { pods, replicaSet };
  }
  if (w.kind === 'ReplicaSet') {
    for (let i = 0; i < w.replicas; i++)
      pods.push({
        name: `${w.metadata.name}-${suffix(`${ns}/${w.metadata.name}/${i}`)}`,
        template: w.template,
        namespace: ns,
        owner,
        workload: w,
        pinnedNode: '',
        extraLabels: {},
        index: i,
      });
  } else if (w.kind === 'StatefulSet') {
    pods.push(...statefulSetPods(w));
  } else {
    ready
      .filter((node) => mapSelectorMatches(w.template.spec.nodeSelector, nodeLabels(node)))
      .forEach((node, i) => {
        pods.push({
          name: `${w.metadata.name}-${suffix(`${ns}/${w.metadata.name}/${node.name}`)}`,
          template: w.template,
          namespace: ns,
          owner,
          workload: w,
          pinnedNode: node.name,
          extraLabels: {},
          index: i,
        });
      });
  }
  return { pods };
}

/**
 * The StatefulSet controller's Pods, <name>-<ordinal>. stateful_set_utils.go
 * initIdentity gives each the hostname of its name and the subdomain of the
 * governing Service, so cluster DNS names it
 * <pod>.<serviceName>.<namespace>.svc.<domain>.
 */
function statefulSetPods(w: Workload): (PlannedPod & { index: number })[] {
  const ns = w.metadata.namespace;
  return Array.from({ length: w.replicas }, (_, i) => {
    const name = `${w.metadata.name}-${i}`;
    return {
      name,
      template: {
        ...w.template,
        spec: { ...w.template.spec, hostname: name, subdomain: w.serviceName },
      },
      namespace: ns,
      owner: `StatefulSet/${w.metadata.name}`,
      workload: w,
      pinnedNode: '',
      extraLabels: {
        'statefulset.kubernetes.io/pod-name': name,
        'apps.kubernetes.io/pod-index': String(i),
      },
      index: i,
    };
  });
}

/**
 * The scheduler and the kubelets: each Pod goes to its named node or the
 * least-loaded ready one, and takes the next address of that node's podCIDR.
 * Loads and addresses carry from one Pod to the next, so the order counts.
 */
function newScheduler(nodes: ClusterNode[], ready: ClusterNode[], kept: ReadonlySet<string>) {
  const load = new Map(nodes.map((n) => [n.name, 0]));
  const addressOn = podAddresses(nodes, kept);
  // The least-loaded ready node, ties to the first in order: a lazy min-heap
  // whose stale entries (loads that have since grown) are skipped when met.
  const position = new Map(nodes.map((n, i) => [n.name, i]));
  const heap = new MinHeap();
  for (const n of ready) heap.push(0, position.get(n.name) ?? 0);
  const leastLoaded = (): ClusterNode | undefined => {
    for (;;) {
      const top = heap.peek();
      if (!top) return undefined;
      const node = nodes[top[1]];
      if (node && (load.get(node.name) ?? 0) === top[0]) return node;
      heap.pop();
    }
  };
  const addLoad = (node: ClusterNode) => {
    const next = (load.get(node.name) ?? 0) + 1;
    load.set(node.name, next);
    if (node.ready) heap.push(next, position.get(node.name) ?? 0);
  };
  const chooseNode = (spec: Pod['spec'], pinned: string): ClusterNode | undefined => {
    let nodeName = pinned || spec.nodeName;
    if (nodeName && !position.has(nodeName)) nodeName = '';
    else if (!nodeName) {
      let best: ClusterNode | undefined;
      if (Object.keys(spec.nodeSelector).length === 0) best = leastLoaded();
      else
        for (const n of ready)
          if (
            mapSelectorMatches(spec.nodeSelector, nodeLabels(n)) &&
            (!best || (load.get(n.name) ?? 0) < (load.get(best.name) ?? 0))
          )
            best = n;
      nodeName = best?.name ?? '';
    }
    return nodeName ? nodes[position.get(nodeName) ?? -1] : undefined;
  };

  const place = (
    pod: Pod,
    pinned: string,
    fault: PodFault | undefined,
    source: RunningPod['source'],
  ): RunningPod => {
    const node = chooseNode(pod.spec, pinned);
    let podIP = '';
    if (node) {
      addLoad(node);
      // A Pod that ran keeps its address (a dump's status.podIP); the kubelet does not renumber it.
      podIP =
        pod.statusPodIP && !pod.spec.hostNetwork ? pod.statusPodIP : addressOn(node, pod.spec);
    }
    const declaredReady = pod.conditions.find((c) => c.type === 'Ready');
    const terminating = pod.terminating || (fault?.terminating ?? false);
    // The Ready condition; a terminating Pod keeps reporting it while it drains.
    const isReady =
      !!node &&
      podIP !== '' &&
      node.ready &&
      (fault?.ready ?? true) &&
      (declaredReady ? declaredReady.status === 'True' : true);
    return {
      ...pod,
      terminating,
      nodeName: node ? node.name : '',
      podIP,
      phase: node && podIP ? 'Running' : 'Pending',
      ready: isReady,
      source,
    };
  };
  return { place };
}

/**
 * Each node hands out its podCIDR's addresses in turn, from .2, passing over
 * those Pods already hold (`kept`); a hostNetwork Pod takes the node's.
 */
function podAddresses(
  nodes: ClusterNode[],
  kept: ReadonlySet<string>,
): (node: ClusterNode, spec: Pod['spec']) => string {
  const nextAddress = new Map(nodes.map((n) => [n.name, 2]));
  const podCIDRs = new Map(nodes.map((n) => [n.name, parseCidr(n.podCIDR)]));
  return (node, spec) => {
    if (spec.hostNetwork) return node.internalIP;
    const cidr = podCIDRs.get(node.name);
    if (!cidr) return '';
    for (let n = nextAddress.get(node.name) ?? 2; n < cidrSize(cidr) - 1; n++) {
      const address = formatIPv4(cidr.base + n);
      if (kept.has(address)) continue;
      nextAddress.set(node.name, n + 1);
      return address;
    }
    return '';
  };
}

export function nodeLabels(node: ClusterNode): Record<string, string> {
  return {
    'kubernetes.io/hostname': node.name,
    'kubernetes.io/os': 'linux',
    ...(node.zone ? { 'topology.kubernetes.io/zone': node.zone } : {}),
  };
}
