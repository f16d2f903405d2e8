// The playground's pure parts: fault switches that edit the Cluster document
// (and what the engine then does with it), share links that survive a round
// trip and refuse anything tampered with, and the request builder's choices.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scene } from '../../src/components/diagrams/scene.ts';
import { choicesOf } from '../../src/components/playground/choices.ts';
import { applyFault } from '../../src/components/playground/cluster-doc.ts';
import { question } from '../../src/components/playground/protocol.ts';
import {
  checkState,
  decodeState,
  encodeState,
  type PlaygroundState,
  ShareError,
} from '../../src/components/playground/share.ts';
import { emptyState } from '../../src/components/playground/state.ts';
import { readScenario } from '../../src/course/read.ts';
import { buildModel, gatewayAPIOf, trace } from '../../src/engine/index.ts';
import { engineWordsIn, pageWordsIn } from '../../src/i18n/engine/tables.ts';

const scenario = (name: string) => readScenario(name);
const nodePort = scenario('service-nodeport.yaml');
const model = (text: string) => buildModel([{ file: 'playground.yaml', text }]);
const nodes = ['node-1', 'node-2', 'node-3'];
const gatewayFixture = join(
  import.meta.dirname,
  '..',
  'conformance',
  'fixtures',
  'kubectl',
  'gateway.yaml',
);
const switched = (text: string, fault: Parameters<typeof applyFault>[1]) => {
  const result = applyFault(text, fault, nodes);
  if ('error' in result) throw new Error(result.error);
  return result.text;
};

describe('fault switches', () => {
  it('stopping kube-proxy adds a Cluster document and keeps every other line as it was', () => {
    const text = switched(nodePort, { kind: 'kubeProxy', node: 'node-2', running: false });
    expect(text.endsWith(nodePort)).toBe(true);
    const m = model(text);
    expect(m.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(m.nodes.map((n) => [n.name, n.internalIP, n.kubeProxy])).toEqual([
      ['node-1', '172.18.0.2', 'Running'],
      ['node-2', '172.18.0.3', 'Stopped'],
      ['node-3', '172.18.0.4', 'Running'],
    ]);
    // As in the engine's fixture: no rules on that node, the kernel resets the connection.
    expect(trace(m, { from: 'external', to: 'http://172.18.0.3:30080/' }).outcome).toBe('refused');
    const back = switched(text, { kind: 'kubeProxy', node: 'node-2', running: true });
    expect(model(back).nodes.every((n) => n.kubeProxy === 'Running')).toBe(true);
  });

  it('edits an existing Cluster document in place, wherever it is', () => {
    const troubled = scenario('troubleshoot.yaml');
    const text = switched(troubled, { kind: 'nodeReady', node: 'node-3', ready: false });
    const m = model(text);
    expect(m.nodes.find((n) => n.name === 'node-2')?.kubeProxy).toBe('Stopped');
    expect(m.nodes.find((n) => n.name === 'node-3')?.ready).toBe(false);
    // The manifests after the Cluster document are untouched.
    const after = troubled.slice(troubled.indexOf('apiVersion: apps/v1'));
    expect(text.endsWith(after)).toBe(true);
  });

  it('a Pod made not ready leaves the Service’s endpoints, and comes back', () => {
    const pod = model(nodePort).pods.find((p) => p.metadata.labels.app === 'my-app');
    const name = pod?.metadata.name ?? '';
    const text = switched(nodePort, { kind: 'podReady', pod: name, ready: false });
    const m = model(text);
    expect(m.pods.find((p) => p.metadata.name === name)?.ready).toBe(false);
    const r = trace(m, { from: 'external', to: 'http://172.18.0.2:30080/' }, { count: 50 });
    expect(r.distribution?.map((d) => d.pod)).not.toContain(name);
    const back = switched(text, { kind: 'podReady', pod: name, ready: true });
    expect(model(back).pods.every((p) => p.ready)).toBe(true);
  });

  it('taking away the load-balancer provider leaves EXTERNAL-IP pending', () => {
    const lb = scenario('service-loadbalancer.yaml');
    const text = switched(lb, { kind: 'loadBalancer', provider: 'none' });
    const service = model(text).services.find((s) => s.metadata.name === 'my-service');
    expect(service?.loadBalancerIngress).toEqual([]);
  });

  it('removing and re-exposing the ingress controller', () => {
    const article = scenario('ingress-article.yaml');
    const gone = model(switched(article, { kind: 'ingressController', exposure: 'absent' }));
    expect(gone.pods.some((p) => p.metadata.namespace === 'ingress-nginx')).toBe(false);
    expect(choicesOf(gone).cluster.ingress).toBe('absent');
    const nodePorted = model(
      switched(article, { kind: 'ingressController', exposure: 'NodePort' }),
    );
    const svc = nodePorted.services.find((s) => s.metadata.namespace === 'ingress-nginx');
    expect(svc?.type).toBe('NodePort');
    expect(choicesOf(nodePorted).cluster.ingress).toBe('NodePort');
  });

  it('taking Envoy Gateway away leaves the Gateway unaccepted and its host unresolved, and back', () => {
    const text = readFileSync(gatewayFixture, 'utf8');
    const gone = model(switched(text, { kind: 'gatewayController', installed: false }));
    expect(choicesOf(gone).cluster.gatewayController).toBe(false);
    expect(gatewayAPIOf(gone).gateways[0]?.conditions[0]).toMatchObject({
      status: 'Unknown',
      reason: 'Pending',
    });
    expect(trace(gone, { from: 'external', to: 'http://myapp.example.com/a' }).outcome).toBe(
      'dns-error',
    );
    const back = switched(switched(text, { kind: 'gatewayController', installed: false }), {
      kind: 'gatewayController',
      installed: true,
    });
    expect(trace(model(back), { from: 'external', to: 'http://myapp.example.com/a' }).outcome).toBe(
      'delivered',
    );
  });

  it('a GatewayClass naming another controller: only its controllerName changes, and nothing routes', () => {
    const text = readFileSync(gatewayFixture, 'utf8');
    const foreign = switched(text, { kind: 'gatewayClass', name: 'eg', accepted: false });
    const changed = foreign.split('\n').filter((l, i) => l !== text.split('\n')[i]);
    expect(changed).toEqual([expect.stringContaining('controllerName: example.com/not-installed')]);
    const m = model(foreign);
    expect(choicesOf(m).gatewayClasses).toEqual([{ name: 'eg', ours: false }]);
    expect(gatewayAPIOf(m).classes[0]?.conditions[0]?.reason).toBe('Pending');
    expect(switched(foreign, { kind: 'gatewayClass', name: 'eg', accepted: true })).toBe(text);
  });

  it('refuses to rewrite a Cluster document that is not valid YAML', () => {
    const broken = `apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec: [oops\n---\n${nodePort}`;
    const result = applyFault(broken, { kind: 'loadBalancer', provider: 'none' }, nodes);
    expect(result).toMatchObject({ error: expect.stringContaining('not valid YAML') });
  });
});

describe('share links', () => {
  const state: PlaygroundState = {
    yaml: `${nodePort}\n# 日本語のコメントも\n`,
    from: 'external',
    to: 'http://172.18.0.2:30080/',
    method: 'GET',
    count: 10,
    seed: 7,
    node: 'node-1',
    resolve: '',
  };

  it('round-trips the whole state, compressed', async () => {
    const fragment = await encodeState(state);
    expect(fragment.startsWith('s=')).toBe(true);
    expect(fragment.length).toBeLessThan(state.yaml.length);
    expect(await decodeState(`#${fragment}`)).toEqual(state);
  });

  it('refuses tampered, truncated, foreign and oversized links with a reason', async () => {
    const fragment = await encodeState(state);
    const bad = [
      '',
      '#x=abc',
      '#s=<script>alert(1)</script>',
      `#${fragment.slice(0, fragment.length / 2)}`,
      `#${fragment.slice(0, 10)}A${fragment.slice(11)}`,
    ];
    for (const f of bad) await expect(decodeState(f), f).rejects.toBeInstanceOf(ShareError);
    const wrongType = await encodeState({ ...state, count: 'many' } as unknown as PlaygroundState);
    await expect(decodeState(wrongType)).rejects.toThrow(/count/);
    const method = await encodeState({ ...state, method: 'TRACE' });
    await expect(decodeState(method)).rejects.toThrow(/method/);
    // A small link that would inflate past 1 MiB (a zip bomb) stops early.
    const bomb = await encodeState({ ...state, yaml: 'a'.repeat(3 << 20) });
    expect(bomb.length).toBeLessThan(10_000);
    await expect(decodeState(bomb)).rejects.toThrow(/1 MiB/);
  });
});

describe('request builder choices', () => {
  it('offers every source and the addresses of each Service, node and Ingress', () => {
    const c = choicesOf(model(scenario('ingress-article.yaml')));
    expect(c.sources.slice(0, 4)).toEqual([
      'external',
      'node/node-1',
      'node/node-2',
      'node/node-3',
    ]);
    expect(c.sources).toContain('deployment/my-app-a');
    expect(c.targets).toContain('http://myapp.example.com/a');
    expect(c.targets).toContain('http://my-app-a:4200/');
    expect(c.targets).toContain('http://my-app-a.default.svc.cluster.local:4200/');
    // The learner's Services come before the controller's.
    const first = c.targets.findIndex((t) => t.includes('ingress-nginx'));
    expect(first).toBeGreaterThan(c.targets.indexOf('http://my-app-a:4200/'));
  });
});

describe('the question to the engine', () => {
  it('carries the YAML once, as the text', () => {
    const state: PlaygroundState = {
      yaml: nodePort,
      from: 'external',
      to: 'http://172.18.0.2:30080/',
      method: 'GET',
      count: 3,
      seed: 7,
      node: 'node-2',
      resolve: '',
    };
    expect(question(state, 'ja')).toEqual({
      text: nodePort,
      request: {
        from: 'external',
        to: 'http://172.18.0.2:30080/',
        method: 'GET',
        count: 3,
        seed: 7,
        resolve: '',
      },
      node: 'node-2',
      lang: 'ja',
    });
  });
});

describe('“Resolve the host to”: curl’s --resolve, as a field', () => {
  const model = buildModel([{ file: 'p.yaml', text: nodePort }]);
  const request = { from: 'external', to: 'http://shop.example.com:30080/', count: 1, seed: 1 };

  it('sends a name with no DNS record to the address given', () => {
    expect(scene(model, request).trace?.outcome).toBe('dns-error');
    const sent = scene(model, { ...request, resolve: '172.18.0.2' }).trace;
    expect(sent?.outcome).toBe('delivered');
    expect(sent?.hops[0]?.message).toMatchObject({ id: 'dns.forced' });
  });

  it('says, on a page, to use the field (the CLI says --resolve)', () => {
    const failed = scene(model, request).trace;
    if (!failed) throw new Error('no trace');
    expect(pageWordsIn.en.reason(failed)).toContain('“Resolve the host to” gives shop.example.com');
    expect(pageWordsIn.ja.reason(failed)).toContain('「ホスト名の解決先」');
    expect(engineWordsIn.en.reason(failed)).toContain('use --resolve shop.example.com:IP');
    expect(failed.reason).toContain('use --resolve shop.example.com:IP');
  });

  it('refuses what is not an address, in the page’s language', () => {
    const bad = scene(model, { ...request, resolve: 'shop' }, { lang: 'ja' });
    expect(bad.trace).toBeNull();
    expect(bad.traceError).toContain('IPv4 アドレスではありません');
  });

  it('reads a link made before the field existed', () => {
    const { resolve: _, ...old } = { ...emptyState, yaml: nodePort, to: 'http://x/' };
    expect(checkState({ v: 1, ...old }).resolve).toBe('');
  });
});
