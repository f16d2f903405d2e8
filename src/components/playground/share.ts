// The playground's whole state in a link: JSON, deflated, base64url-encoded
// into the URL fragment, which browsers never send to a server. A link is
// data from anyone: it is decoded with size limits (a tiny link must not
// inflate into gigabytes) and checked field by field before anything uses it.

export interface PlaygroundState {
  yaml: string;
  from: string;
  to: string;
  method: string;
  count: number;
  seed: number;
  /** The node whose kube-proxy rules are shown ("" for the route's own). */
  node: string;
  /** An address the target's host name resolves to, as curl's --resolve gives one; "" for DNS's own. */
  resolve: string;
}

export const fragmentKey = 's';
const version = 1;
/** Longer links are cut or refused by many mail and chat tools; past this we offer a file. */
export const maxLinkLength = 16_000;
/** The most a link may inflate to: four times the engine's own input limit would be absurd. */
const maxInflated = 1 << 20;
export const methods = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

export class ShareError extends Error {}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream) {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  const reader = out.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxInflated) {
      await reader.cancel();
      throw new ShareError('the link holds more than 1 MiB');
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text))
    throw new ShareError('the link has characters base64url does not use');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function encodeState(state: PlaygroundState): Promise<string> {
  const json = JSON.stringify({ v: version, ...state });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return `${fragmentKey}=${toBase64Url(packed)}`;
}

/** The state a fragment ("#s=..." or "s=...") holds; throws ShareError on anything else. */
export async function decodeState(fragment: string): Promise<PlaygroundState> {
  const body = fragment.replace(/^#/, '');
  if (!body.startsWith(`${fragmentKey}=`)) throw new ShareError('the link holds no playground');
  let json: string;
  try {
    const bytes = await pipe(
      fromBase64Url(body.slice(fragmentKey.length + 1)),
      new DecompressionStream('deflate-raw'),
    );
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof ShareError) throw error;
    throw new ShareError('the link is damaged (it does not inflate)');
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ShareError('the link is damaged (it is not JSON)');
  }
  return checkState(value);
}

/** Field by field: anything unexpected is refused, nothing is coerced. */
export function checkState(value: unknown): PlaygroundState {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ShareError('the link does not hold a playground');
  const v = value as Record<string, unknown>;
  if (v.v !== version)
    throw new ShareError(`the link is of version ${String(v.v)}, not ${version}`);
  const text = (key: string, max: number) => {
    const x = v[key];
    if (typeof x !== 'string' || x.length > max)
      throw new ShareError(`the link's ${key} is not valid`);
    return x;
  };
  const int = (key: string, lo: number, hi: number) => {
    const x = v[key];
    if (typeof x !== 'number' || !Number.isInteger(x) || x < lo || x > hi)
      throw new ShareError(`the link's ${key} is not valid`);
    return x;
  };
  const method = text('method', 10);
  if (!(methods as readonly string[]).includes(method))
    throw new ShareError("the link's method is not valid");
  return {
    yaml: text('yaml', maxInflated),
    from: text('from', 300),
    to: text('to', 2000),
    method,
    count: int('count', 1, 1000),
    seed: int('seed', 0, 2 ** 31 - 1),
    node: text('node', 300),
    // Links made before the field existed have none.
    resolve: v.resolve === undefined ? '' : text('resolve', 100),
  };
}

/** The playground as it is saved in this browser: the state as JSON, without the version. */
export function stateValue(state: PlaygroundState): string {
  const { yaml, from, to, method, count, seed, node, resolve } = state;
  return JSON.stringify({ yaml, from, to, method, count, seed, node, resolve });
}

/** A saved value back into a state, checked as a link is; null when damaged. */
export function parseStateValue(raw: string | null | undefined): PlaygroundState | null {
  try {
    return raw ? checkState({ ...JSON.parse(raw), v: version }) : null;
  } catch {
    return null;
  }
}
