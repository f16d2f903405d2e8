// kubectl describe pod (kubectl pkg/describe/describe.go describePod,
// describeContainers, describeContainerBasicInfo, describePodIPs,
// printController) over the Pod as the engine serves it: what admission and
// the kubelet add on a real cluster and the engine does not model (a service
// account and its token volume, priority, default tolerations, container
// statuses, start time) is absent here as it is absent from that object, so
// kubectl's lines for it are left out as kubectl leaves them out.
import type { Model, RunningPod } from '../engine/index.ts';

/** printController: the Pod's controller, a Deployment's through its ReplicaSet. */
function controlledBy(model: Model, pod: RunningPod): string {
  if (!pod.owner) return '';
  if (!pod.owner.startsWith('Deployment/')) return pod.owner;
  const rs = model.replicaSets.find(
    (r) => r.owner === pod.owner && r.namespace === pod.metadata.namespace,
  );
  return rs ? `ReplicaSet/${rs.name}` : '';
}

/** describeContainerPorts / describeContainerHostPorts: "8080/TCP (http)", joined by ", ". */
function ports(pod: RunningPod, i: number, host: boolean): string {
  return (pod.spec.containers[i]?.ports ?? [])
    .map((p) => {
      const port = host ? (pod.spec.hostNetwork ? p.containerPort : 0) : p.containerPort;
      return `${port}/${p.protocol}${p.name ? ` (${p.name})` : ''}`;
    })
    .join(', ');
}

function sortedLines(title: string, map: Record<string, string>, sep: string): string[] {
  const keys = Object.keys(map).sort();
  if (keys.length === 0) return [`${title}:\t<none>`];
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ''}\t${k}${sep}${map[k]}`);
}

export function describePod(model: Model, pod: RunningPod): string[] {
  const node = model.nodes.find((n) => n.name === pod.nodeName);
  const lines = [
    `Name:\t${pod.metadata.name}`,
    `Namespace:\t${pod.metadata.namespace}`,
    pod.nodeName ? `Node:\t${pod.nodeName}/${node?.internalIP ?? ''}` : 'Node:\t<none>',
    ...sortedLines('Labels', pod.metadata.labels, '='),
    ...sortedLines('Annotations', pod.metadata.annotations, ': '),
    // A deleted Pod: its deletionTimestamp is unknown to the simulation, and
    // the grace period is the default terminationGracePeriodSeconds.
    ...(pod.terminating
      ? ['Status:\tTerminating (lasts <unknown>)', 'Termination Grace Period:\t30s']
      : [`Status:\t${pod.phase}`]),
    `IP:\t${pod.podIP}`,
    ...(pod.podIP ? ['IPs:', `  IP:\t${pod.podIP}`] : ['IPs:\t<none>']),
  ];
  const controller = controlledBy(model, pod);
  if (controller) lines.push(`Controlled By:\t${controller}`);
  lines.push(pod.spec.containers.length ? 'Containers:' : 'Containers: <none>');
  pod.spec.containers.forEach((c, i) => {
    const port = ports(pod, i, false);
    const hostPort = ports(pod, i, true);
    lines.push(
      `  ${c.name}:`,
      `    Image:\t${c.image}`,
      port.includes(',') ? `    Ports:\t${port}` : `    Port:\t${port || '<none>'}`,
      hostPort.includes(',')
        ? `    Host Ports:\t${hostPort}`
        : `    Host Port:\t${hostPort || '<none>'}`,
      '    Environment:\t<none>',
      '    Mounts:\t<none>',
    );
  });
  lines.push(
    'Conditions:',
    '  Type\tStatus',
    `  Ready \t${pod.ready && !pod.terminating ? 'True' : 'False'} `,
    'Volumes:\t<none>',
    // qos.GetPodQOS: no container requests or limits anything.
    'QoS Class:\tBestEffort',
    ...sortedLines('Node-Selectors', pod.spec.nodeSelector, '='),
    'Tolerations:\t<none>',
  );
  return lines;
}
