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
  /** The path, without the query. */
  path: string;
  /** The query string, without "?" ("" for none). */
  query: string;
  method: string;
  /** The request's headers (--header), names lower-cased, repeated ones joined with ","; Host among them when given. */
  headers: Record<string, string>;
  /** The headers the app answers with (TraceRequest.answerHeaders). */
  answerHeaders: Record<string, string>;
}

export type Source =
  | { kind: 'external'; ip: string; label: string }
  | { kind: 'pod'; ip: string; label: string; pod: RunningPod; node: ClusterNode }
  | { kind: 'node'; ip: string; label: string; node: ClusterNode };

/** The target, or why it is not one. */
export function parseTarget(to: string): Target | Message {
  const url = /^(https?):\/\/([^/:?#]+)(?::(\d+))?([^?#]*)?(?:\?([^#]*))?/i.exec(to);
  const request = { method: 'GET', headers: {}, answerHeaders: {} };
  if (url) {
    const scheme = (url[1] ?? 'http').toLowerCase() as 'http' | 'https';
    const port = url[3] ? Number(url[3]) : scheme === 'https' ? 443 : 80;
    if (port < 1 || port > 65535) return message('request.bad-port', { to });
    const host = (url[2] ?? '').toLowerCase();
    return { scheme, host, port, path: url[4] || '/', query: url[5] ?? '', ...request };
  }
  const plain = /^([^:/\s]+):(\d+)$/.exec(to);
  if (plain) {
    const port = Number(plain[2]);
    if (port < 1 || port > 65535) return message('request.bad-port', { to });
    const host = (plain[1] ?? '').toLowerCase();
    return { scheme: 'tcp', host, port, path: '', query: '', ...request };
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

/** The headers of --header, as a server receives them: names lower-cased, a repeated header's values joined with ",". */
export function headerMap(lines: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines) {
    const m = /^([^:\s][^:]*):\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    const name = (m[1] ?? '').trim().toLowerCase();
    const value = (m[2] ?? '').trim();
    out[name] = out[name] !== undefined ? `${out[name]},${value}` : value;
  }
  return out;
}

/** What the client's HTTP request carries: curl's Host (the URL's host, and its port unless the scheme's own) unless a Host header replaces it, then the other headers. */
export function sentHeaders(target: Target): Record<string, string> {
  if (target.scheme === 'tcp') return {};
  const own = target.scheme === 'https' ? 443 : 80;
  const host = target.port === own ? target.host : `${target.host}:${target.port}`;
  return { host, ...target.headers };
}
