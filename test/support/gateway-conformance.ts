// The Gateway API conformance fixtures (test/conformance/fixtures/gateway-api,
// README.md there gives their format and how upstream's suite judges each
// field): the cluster they describe, the requests they send, and the checks
// upstream makes, each as a list of failures ("" when it passes).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import {
  buildModel,
  type Condition,
  gatewayAPIOf,
  type Model,
  newSession,
  seededRandom,
  type TraceResult,
  traceRequest,
} from '../../src/engine/index.ts';

export const fixtureDir = join(import.meta.dirname, '../conformance/fixtures/gateway-api');

type Dict = Record<string, unknown>;

export interface Case {
  gateway: string;
  name?: string;
  repeat?: number;
  note?: string;
  request: {
    host?: string;
    path: string;
    method?: string;
    headers?: Record<string, string>;
    scheme?: 'http' | 'https';
    sni?: string;
    port?: number;
    backendSetResponseHeaders?: Record<string, string>;
  };
  expect: {
    status?: number;
    statusCodes?: number[];
    backend?: string;
    namespace?: string;
    path?: string;
    host?: string;
    method?: string;
    headers?: Record<string, string>;
    absentHeaders?: string[];
    responseHeaders?: Record<string, string>;
    validResponseHeaders?: Record<string, string[]>;
    ignoreWhitespace?: boolean;
    absentResponseHeaders?: string[];
    redirect?: { scheme?: string; host?: string; port?: string; path?: string };
    mirroredTo?: { backend: string; namespace: string }[];
    weights?: Record<string, number>;
    weightTolerance?: number;
  };
}

export interface StatusCheck {
  kind: 'HTTPRoute' | 'Gateway' | 'GatewayClass';
  name: string;
  namespace?: string;
  parentRef?: { name: string; namespace?: string; sectionName?: string; port?: number };
  conditions?: { type: string; status: string; reason?: string }[];
  noAcceptedParents?: boolean;
  addressAssigned?: boolean;
  zeroRoutes?: boolean;
  listenerCount?: number;
  listener?: string;
  supportedKinds?: { group: string; kind: string }[];
  attachedRoutes?: number;
}

export interface Step {
  description?: string;
  apply?: string;
  delete?: { kind: string; name: string; namespace?: string }[];
  status?: StatusCheck[];
  cases?: Case[];
}

export interface Fixture {
  shortName: string;
  source: string;
  features: string[];
  manifests: string;
  cases?: Case[];
  status?: StatusCheck[];
  steps?: Step[];
  setup?: Dict[];
}

export function fixtures(): Fixture[] {
  return readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.yaml') && f !== 'base.yaml')
    .sort()
    .map((f) => yaml.load(readFileSync(join(fixtureDir, f), 'utf8')) as Fixture);
}

const base = () => readFileSync(join(fixtureDir, 'base.yaml'), 'utf8');

/** The documents of a cluster, each an object; applying one replaces the object of the same kind, namespace and name. */
export class Cluster {
  docs: Dict[];
  constructor(...texts: string[]) {
    this.docs = [];
    for (const text of [base(), ...texts]) this.apply(text);
  }
  private key(doc: Dict): string {
    const meta = (doc.metadata ?? {}) as Dict;
    return `${doc.kind}/${meta.namespace ?? ''}/${meta.name}`;
  }
  apply(text: string): void {
    for (const doc of yaml.loadAll(text) as (Dict | null)[]) {
      if (!doc) continue;
      const at = this.docs.findIndex((d) => this.key(d) === this.key(doc));
      if (at >= 0) this.docs[at] = doc;
      else this.docs.push(doc);
    }
  }
  delete(kind: string, name: string, namespace = ''): void {
    this.docs = this.docs.filter((d) => this.key(d) !== `${kind}/${namespace}/${name}`);
  }
  model(): Model {
    const text = this.docs.map((d) => yaml.dump(d)).join('---\n');
    return buildModel([{ file: 'conformance.yaml', text }]);
  }
}

/** HTTPRouteServiceTypes' setup: EndpointSlices filled with the addresses of a Deployment's Pods, as its Go code does. */
export function runSetup(cluster: Cluster, setup: Dict[] | undefined): void {
  for (const action of setup ?? []) {
    if (action.action !== 'fillEndpointSlicesFromPods') continue;
    const pods = action.pods as { namespace: string; selectorOfDeployment: string };
    const model = cluster.model();
    const ips = model.pods
      .filter(
        (p) =>
          p.metadata.namespace === pods.namespace &&
          p.owner === `Deployment/${pods.selectorOfDeployment}`,
      )
      .map((p) => p.podIP);
    for (const name of action.endpointSlices as string[]) {
      const slice = cluster.docs.find(
        (d) => d.kind === 'EndpointSlice' && (d.metadata as Dict).name === name,
      );
      if (!slice) continue;
      const family = slice.addressType as string;
      slice.endpoints = family === 'IPv4' ? ips.map((ip) => ({ addresses: [ip] })) : [];
    }
  }
}

function gatewayAddress(model: Model, ref: string): string | null {
  const [namespace, name] = ref.split('/');
  const gateway = gatewayAPIOf(model).gateways.find(
    (g) => g.gateway.metadata.namespace === namespace && g.gateway.metadata.name === name,
  );
  return gateway?.addresses[0] ?? null;
}

/** One request of a case, as Go's client sends it to the Gateway's address. */
export function send(
  model: Model,
  c: Case,
  session = newSession(1, seededRandom),
): TraceResult | string {
  const address = gatewayAddress(model, c.gateway);
  if (!address) return `Gateway ${c.gateway} has no address`;
  const r = c.request;
  const scheme = r.scheme ?? 'http';
  const port = r.port ?? (scheme === 'https' ? 443 : 80);
  const name = scheme === 'https' ? r.sni || r.host || address : address;
  const to = `${scheme}://${name}:${port}${r.path}`;
  const headers = Object.entries(r.headers ?? {}).map(([k, v]) => `${k}: ${v}`);
  if (r.host) headers.push(`Host: ${r.host}`);
  return traceRequest(
    model,
    {
      from: 'external',
      to,
      method: r.method ?? 'GET',
      headers,
      resolve: new Map([[name, address]]),
      answerHeaders: Object.entries(r.backendSetResponseHeaders ?? {}).map(
        ([k, v]) => `${k}: ${v}`,
      ),
    },
    session,
  );
}

const lower = (h: Record<string, string>) =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

/** What upstream's CompareRoundTrip finds wrong with one answer. */
export function judge(c: Case, result: TraceResult): string[] {
  const e = c.expect;
  const wrong: string[] = [];
  const codes = e.statusCodes ?? [e.status ?? 200];
  if (!codes.includes(result.status ?? 0))
    return [
      `status ${result.status} (${result.outcome}: ${result.reason}), expected ${codes.join('/')}`,
    ];
  const status = result.status ?? 0;
  if ([301, 302, 303, 307, 308].includes(status) && e.redirect !== undefined) {
    const location = result.response?.headers.location;
    if (!location) return ['redirect without a Location'];
    const url = new URL(location);
    const scheme = url.protocol.replace(':', '');
    const want = e.redirect;
    const requested = c.request.scheme ?? 'http';
    if (scheme !== (want.scheme ?? requested)) wrong.push(`Location scheme ${scheme}`);
    if (want.host !== undefined && url.hostname !== want.host)
      wrong.push(`Location host ${url.hostname}`);
    const path = want.path ?? c.request.path.split('?')[0];
    if (url.pathname !== path) wrong.push(`Location path ${url.pathname}, expected ${path}`);
    const defaults: Record<string, string> = { http: '80', https: '443' };
    if (want.port !== undefined) {
      const port = url.port || defaults[scheme] || '';
      // URL drops a scheme's default port: Location "https://x:443/" reads as port "".
      if (port !== want.port && !(url.port === '' && location.includes(`:${want.port}`)))
        wrong.push(`Location port ${url.port || '(none)'}, expected ${want.port} (${location})`);
    }
    return wrong;
  }
  if (status !== 200 && status !== 204) return wrong;
  const d = result.destination;
  const answer = lower(
    result.response?.headers ?? lower(c.request.backendSetResponseHeaders ?? {}),
  );
  // Upstream expects an answer that has no echo body (path "" and namespace ""): the proxy's own.
  const fromProxy = e.namespace === '' && e.path === '';
  if (fromProxy !== (d === null))
    return [
      fromProxy
        ? `reached backend ${d?.pod}, expected the proxy's own answer`
        : 'answered without reaching a backend',
    ];
  wrong.push(...judgeResponseHeaders(e, answer));
  if (!d) return wrong;
  if (e.backend && !d.pod.startsWith(e.backend))
    wrong.push(`backend ${d.pod}, expected ${e.backend}`);
  if (e.namespace !== undefined && d.namespace !== e.namespace)
    wrong.push(`namespace ${d.namespace}, expected ${e.namespace}`);
  const uri = d.path + (d.query ? `?${d.query}` : '');
  const received = d.headers;
  const expected = e.path !== undefined || e.headers !== undefined || e.host !== undefined;
  if (expected) {
    if (e.path !== undefined && uri !== e.path) wrong.push(`path ${uri}, expected ${e.path}`);
    if (e.host && received.host !== e.host) wrong.push(`Host ${received.host}, expected ${e.host}`);
    for (const [name, value] of Object.entries(lower(e.headers ?? {})))
      if (received[name] !== value)
        wrong.push(`header ${name}: ${received[name]}, expected ${value}`);
    for (const name of e.absentHeaders ?? [])
      if (received[name.toLowerCase()] !== undefined) wrong.push(`header ${name} present`);
  } else {
    if (uri !== c.request.path) wrong.push(`path ${uri}, expected ${c.request.path} as sent`);
    for (const [name, value] of Object.entries(lower(c.request.headers ?? {})))
      if (received[name] !== value)
        wrong.push(`header ${name}: ${received[name]}, expected ${value} as sent`);
    if (c.request.host && received.host !== c.request.host)
      wrong.push(`Host ${received.host}, expected ${c.request.host} as sent`);
  }
  for (const m of e.mirroredTo ?? []) {
    const mirrored = result.hops.some(
      (h) =>
        h.message.id === 'gateway.mirror' &&
        h.message.params.service.name === m.backend &&
        (h.message.params.service.namespace || d.namespace) === m.namespace,
    );
    if (!mirrored) wrong.push(`not mirrored to ${m.namespace}/${m.backend}`);
  }
  return wrong;
}

function judgeResponseHeaders(e: Case['expect'], answer: Record<string, string>): string[] {
  const wrong: string[] = [];
  const strip = (v: string) => (e.ignoreWhitespace ? v.replace(/\s/g, '') : v);
  for (const [name, value] of Object.entries(lower(e.responseHeaders ?? {})))
    if (strip(answer[name] ?? '') !== strip(value))
      wrong.push(`response header ${name}: ${answer[name]}, expected ${value}`);
  for (const [name, values] of Object.entries(e.validResponseHeaders ?? {}))
    if (!values.map(strip).includes(strip(answer[name.toLowerCase()] ?? '')))
      wrong.push(`response header ${name}: ${answer[name.toLowerCase()]}`);
  for (const name of e.absentResponseHeaders ?? [])
    if (answer[name.toLowerCase()] !== undefined) wrong.push(`response header ${name} present`);
  return wrong;
}

/** HTTPRouteWeight: the share of each backend over `repeat` requests, within the tolerance. */
export function judgeWeights(model: Model, c: Case): string[] {
  const count = c.repeat ?? 500;
  const session = newSession(7, seededRandom);
  const tally = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const result = send(model, c, session);
    if (typeof result === 'string') return [result];
    const pod = result.destination?.pod ?? `status ${result.status}`;
    const backend = pod.split('-').slice(0, -2).join('-') || pod;
    tally.set(backend, (tally.get(backend) ?? 0) + 1);
  }
  const wrong: string[] = [];
  const tolerance = c.expect.weightTolerance ?? 5;
  for (const [backend, share] of Object.entries(c.expect.weights ?? {})) {
    const got = ((tally.get(backend) ?? 0) * 100) / count;
    if (share === 0 ? got > 0 : Math.abs(got - share) > tolerance)
      wrong.push(`${backend} got ${got.toFixed(1)}%, expected ${share}%`);
  }
  return wrong;
}

function hasConditions(have: readonly Condition[], want: StatusCheck['conditions']): string[] {
  return (want ?? []).flatMap((w) =>
    have.some(
      (h) => h.type === w.type && h.status === w.status && (!w.reason || h.reason === w.reason),
    )
      ? []
      : [
          `no ${w.type}=${w.status}${w.reason ? ` (${w.reason})` : ''}; has ${have.map((h) => `${h.type}=${h.status}(${h.reason})`).join(', ')}`,
        ],
  );
}

/** What upstream's status helpers find wrong with the cluster's status. */
export function judgeStatus(model: Model, check: StatusCheck): string[] {
  const state = gatewayAPIOf(model);
  const ns = check.namespace ?? '';
  if (check.kind === 'GatewayClass') {
    const c = state.classes.find((x) => x.gatewayClass.metadata.name === check.name);
    return c ? hasConditions(c.conditions, check.conditions) : [`no GatewayClass ${check.name}`];
  }
  if (check.kind === 'Gateway') {
    const g = state.gateways.find(
      (x) => x.gateway.metadata.name === check.name && x.gateway.metadata.namespace === ns,
    );
    if (!g) return [`no Gateway ${ns}/${check.name}`];
    const wrong: string[] = [];
    if (check.addressAssigned && g.addresses.length === 0) wrong.push('no address');
    if (check.zeroRoutes && g.listeners.some((l) => l.attachedRoutes > 0))
      wrong.push('routes attached');
    if (check.listenerCount !== undefined && g.listeners.length !== check.listenerCount)
      wrong.push(`${g.listeners.length} listeners`);
    if (check.listener === undefined)
      return [...wrong, ...hasConditions(g.conditions, check.conditions)];
    const l = g.listeners.find((x) => x.listener.name === check.listener);
    if (!l) return [...wrong, `no listener ${check.listener}`];
    if (check.attachedRoutes !== undefined && l.attachedRoutes !== check.attachedRoutes)
      wrong.push(
        `listener ${check.listener}: ${l.attachedRoutes} attached routes, expected ${check.attachedRoutes}`,
      );
    if (check.supportedKinds !== undefined) {
      if (check.supportedKinds.length === 0 && l.supportedKinds.length > 0)
        wrong.push(
          `listener ${check.listener} supports ${l.supportedKinds.map((k) => k.kind).join(', ')}`,
        );
      for (const k of check.supportedKinds)
        if (!l.supportedKinds.some((s) => s.group === k.group && s.kind === k.kind))
          wrong.push(`listener ${check.listener} does not support ${k.kind}`);
    }
    return [
      ...wrong,
      ...hasConditions(l.conditions, check.conditions).map(
        (w) => `listener ${check.listener}: ${w}`,
      ),
    ];
  }
  const r = state.routes.find(
    (x) => x.route.metadata.name === check.name && x.route.metadata.namespace === ns,
  );
  if (!r) return [`no HTTPRoute ${ns}/${check.name}`];
  if (check.noAcceptedParents)
    return r.parents.some((p) =>
      p.conditions.some((c) => c.type === 'Accepted' && c.status === 'True'),
    )
      ? ['a parent accepted the route']
      : [];
  const want = check.parentRef;
  const parents = r.parents.filter(
    (p) =>
      !want ||
      (p.gateway.gateway.metadata.name === want.name &&
        p.gateway.gateway.metadata.namespace === (want.namespace ?? ns) &&
        (want.sectionName === undefined || p.ref.sectionName === want.sectionName) &&
        (want.port === undefined || p.ref.port === want.port)),
  );
  if (parents.length === 0)
    return [`HTTPRoute ${ns}/${check.name} has no status for parent ${want?.name}`];
  const failures = parents.map((p) => hasConditions(p.conditions, check.conditions));
  return failures.some((f) => f.length === 0) ? [] : (failures[0] ?? []);
}
