// kubectl describe node (kubectl pkg/describe/describe.go NodeDescriber.Describe,
// describeNode, describeNodeResource, getPodsTotalRequestsAndLimits) over the
// Node as the engine serves it. The simulation has no kubelet: the served Node
// has no creationTimestamp, capacity, allocatable, node info or condition
// times, and no Lease exists for it in kube-node-lease. describeNode prints
// what it finds for each of those as it does on any cluster: a zero time as Go
// formats time.Time{} in RFC1123Z, empty node-info values, no Capacity or
// Allocatable section (printed only when non-empty), and the error its Lease
// lookup returns.
import { type Model, servedObject } from '../engine/index.ts';

/** A zero metav1.Time, as Go's time.Time{}.Format(time.RFC1123Z) prints it. */
const zeroTime = 'Mon, 01 Jan 0001 00:00:00 +0000';

/**
 * describeNodeResource's per-Pod percentages divide by the allocatable CPU and
 * memory with no zero guard (the totals below them have one): with nothing
 * allocatable that is 0/0, NaN, and Go's int64(NaN) is implementation-defined.
 * This is what kubectl built for linux/amd64 prints (CVTTSD2SQ's "integer
 * indefinite"); an arm64 build prints 0%.
 */
const unguardedPercent = '-9223372036854775808%';

interface ServedNode {
  metadata: { name: string; labels?: Record<string, string> };
  spec: { podCIDR?: string; podCIDRs?: string[]; providerID?: string };
  status: {
    addresses: { type: string; address: string }[];
    conditions: { type: string; status: string; reason?: string; message?: string }[];
  };
}

/** findNodeRoles: node-role.kubernetes.io/ROLE labels and the kubernetes.io/role label, sorted. */
function roles(labels: Record<string, string>): string {
  const found = new Set<string>();
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) found.add(role);
    } else if (k === 'kubernetes.io/role' && v) found.add(v);
  }
  return found.size ? [...found].sort().join(',') : '<none>';
}

function labelLines(labels: Record<string, string>): string[] {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return ['Labels:\t<none>'];
  return keys.map((k, i) => `${i === 0 ? 'Labels:' : ''}\t${k}=${labels[k]}`);
}

/**
 * describeNodeResource: the Pods on the node that have not terminated (the
 * field selector spec.nodeName, phase neither Succeeded nor Failed), in the API
 * server's order. The engine reads no resources, so every request and limit is
 * the zero Quantity, "0".
 */
function resourceLines(model: Model, node: string): string[] {
  const pods = model.pods
    .filter((p) => p.nodeName === node)
    .sort((a, b) => {
      const ka = `${a.metadata.namespace}/${a.metadata.name}`;
      const kb = `${b.metadata.namespace}/${b.metadata.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  const zero = `0 (${unguardedPercent})`;
  return [
    `Non-terminated Pods:\t(${pods.length} in total)`,
    '  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge',
    '  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---',
    ...pods.map(
      (p) =>
        `  ${p.metadata.namespace}\t${p.metadata.name}\t\t${zero}\t${zero}\t${zero}\t${zero}\t<unknown>`,
    ),
    'Allocated resources:',
    '  (Total limits may be over 100 percent, i.e., overcommitted.)',
    '  Resource\tRequests\tLimits',
    '  --------\t--------\t------',
    // The totals are guarded: an allocatable of zero leaves the fraction at 0.
    '  cpu\t0 (0%)\t0 (0%)',
    '  memory\t0 (0%)\t0 (0%)',
    '  ephemeral-storage\t0 (0%)\t0 (0%)',
  ];
}

export function describeNode(model: Model, name: string): string[] | undefined {
  const node = servedObject(model, `Node/${name}`) as ServedNode | undefined;
  if (!node) return undefined;
  const labels = node.metadata.labels ?? {};
  const lines = [
    `Name:\t${node.metadata.name}`,
    `Roles:\t${roles(labels)}`,
    ...labelLines(labels),
    'Annotations:\t<none>',
    `CreationTimestamp:\t${zeroTime}`,
    'Taints:\t<none>',
    'Unschedulable:\tfalse',
    // The NotFound error of the Lease's GET, as describeNode prints any error.
    `Lease:\tFailed to get lease: leases.coordination.k8s.io "${name}" not found`,
  ];
  if (node.status.conditions.length) {
    lines.push(
      'Conditions:',
      '  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage',
      '  ----\t------\t-----------------\t------------------\t------\t-------',
      ...node.status.conditions.map(
        (c) =>
          `  ${c.type} \t${c.status} \t${zeroTime} \t${zeroTime} \t${c.reason ?? ''} \t${c.message ?? ''}`,
      ),
    );
  }
  lines.push('Addresses:', ...node.status.addresses.map((a) => `  ${a.type}:\t${a.address}`));
  lines.push(
    'System Info:',
    ...[
      'Machine ID',
      'System UUID',
      'Boot ID',
      'Kernel Version',
      'OS Image',
      'Operating System',
      'Architecture',
      'Container Runtime Version',
      'Kubelet Version',
    ].map((field) => `  ${field}:\t`),
  );
  if (node.spec.podCIDR) lines.push(`PodCIDR:\t${node.spec.podCIDR}`);
  if (node.spec.podCIDRs?.length) lines.push(`PodCIDRs:\t${node.spec.podCIDRs.join(',')}`);
  if (node.spec.providerID) lines.push(`ProviderID:\t${node.spec.providerID}`);
  lines.push(...resourceLines(model, name));
  return lines;
}
