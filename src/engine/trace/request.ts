// What a trace is asked: where from, to where. Parsed with the same words as
// `routelab trace --from/--to` (docs/cli.md).
import type { ClusterNode } from '../cluster.ts';
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

export function parseTarget(to: string): Target | string {
  const url = /^(https?):\/\/([^/:?#]+)(?::(\d+))?([^?#]*)?/i.exec(to);
  if (url) {
    const scheme = (url[1] ?? 'http').toLowerCase() as 'http' | 'https';
    const port = url[3] ? Number(url[3]) : scheme === 'https' ? 443 : 80;
    if (port < 1 || port > 65535) return `the port in ${to} is not between 1 and 65535`;
    return { scheme, host: (url[2] ?? '').toLowerCase(), port, path: url[4] || '/' };
  }
  const plain = /^([^:/\s]+):(\d+)$/.exec(to);
  if (plain) {
    const port = Number(plain[2]);
    if (port < 1 || port > 65535) return `the port in ${to} is not between 1 and 65535`;
    return { scheme: 'tcp', host: (plain[1] ?? '').toLowerCase(), port, path: '' };
  }
  return `"${to}" is neither a URL (http://host[:port]/path) nor IP:PORT`;
}

export function resolveSource(
  model: Model,
  from: string,
  pick: (n: number) => number,
): Source | string {
  if (from === 'external')
    return { kind: 'external', ip: model.cluster.externalClient, label: 'external' };
  const [kind, ...rest] = from.split('/');
  if (kind === 'node') {
    const node = model.nodes.find((n) => n.name === rest.join('/'));
    return node
      ? { kind: 'node', ip: node.internalIP, label: from, node }
      : `no node named ${rest.join('/')}`;
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
    return `unknown source "${from}": use external, pod/NAME, pod/NAMESPACE/NAME, deployment/NAME or node/NAME`;
  }
  if (candidates.length === 0) return `no running Pod matches ${from}`;
  const pod = candidates[pick(candidates.length)] as RunningPod;
  const node = model.nodes.find((n) => n.name === pod.nodeName);
  if (!node || !pod.podIP)
    return `Pod ${pod.metadata.name} is not running on any node (Pending), so it cannot send requests`;
  return { kind: 'pod', ip: pod.podIP, label: from, pod, node };
}

export function isIPv4(host: string): boolean {
  return parseIPv4(host) !== null;
}
