// What a trace is asked: where from, to where. Parsed with the same words as
// `routelab trace --from/--to` (docs/cli.md).
import type { ClusterNode } from '../cluster.ts';
import { type Message, message } from '../messages.ts';
import type { Model, RunningPod } from '../model/types.ts';
import { parseIPv4 } from '../net/ip.ts';

export interface Target {
  scheme: 'http' | 'https' | 'tcp';
  host: string;
  port: number;
  path: string;
}

export type Source =
  | { kind: 'external'; ip: string; label: string }
  | { kind: 'pod'; ip: string; label: string; pod: RunningPod; node: ClusterNode }
  | { kind: 'node'; ip: string; label: string; node: ClusterNode };

/** The target, or why it is not one. */
export function parseTarget(to: string): Target | Message {
  const url = /^(https?):\/\/([^/:?#]+)(?::(\d+))?([^?#]*)?/i.exec(to);
  if (url) {
    const scheme = (url[1] ?? 'http').toLowerCase() as 'http' | 'https';
    const port = url[3] ? Number(url[3]) : scheme === 'https' ? 443 : 80;
    if (port < 1 || port > 65535) return message('request.bad-port', { to });
    return { scheme, host: (url[2] ?? '').toLowerCase(), port, path: url[4] || '/' };
  }
  const plain = /^([^:/\s]+):(\d+)$/.exec(to);
  if (plain) {
    const port = Number(plain[2]);
    if (port < 1 || port > 65535) return message('request.bad-port', { to });
    return { scheme: 'tcp', host: (plain[1] ?? '').toLowerCase(), port, path: '' };
  }
  return message('request.bad-target', { to });
}

export function resolveSource(
  model: Model,
  from: string,
  pick: (n: number) => number,
): Source | Message {
  if (from === 'external')
    return { kind: 'external', ip: model.cluster.externalClient, label: 'external' };
  const [kind, ...rest] = from.split('/');
  if (kind === 'node') {
    const node = model.nodes.find((n) => n.name === rest.join('/'));
    return node
      ? { kind: 'node', ip: node.internalIP, label: from, node }
      : message('request.no-node', { name: rest.join('/') });
  }
  let candidates: RunningPod[] = [];
  if (kind === 'pod') {
    const [a, b] = rest;
    candidates = model.pods.filter((p) =>
      b === undefined ? p.metadata.name === a : p.metadata.namespace === a && p.metadata.name === b,
    );
  } else if (kind === 'deployment') {
    const [a, b] = rest;
    const [ns, name] = b === undefined ? [undefined, a] : [a, b];
    candidates = model.pods.filter(
      (p) => p.owner === `Deployment/${name}` && (ns === undefined || p.metadata.namespace === ns),
    );
    candidates = candidates.filter((p) => p.phase === 'Running');
  } else {
    return message('request.unknown-source', { from });
  }
  if (candidates.length === 0) return message('request.no-pod', { from });
  const pod = candidates[pick(candidates.length)] as RunningPod;
  const node = model.nodes.find((n) => n.name === pod.nodeName);
  if (!node || !pod.podIP) return message('request.pod-pending', { pod: pod.metadata.name });
  return { kind: 'pod', ip: pod.podIP, label: from, pod, node };
}

/** Whether parseTarget or resolveSource gave a reason instead of an answer. */
export function isMessage(value: object): value is Message {
  return 'id' in value && 'params' in value;
}

export function isIPv4(host: string): boolean {
  return parseIPv4(host) !== null;
}
