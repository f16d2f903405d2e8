// `routelab trace --json` through a Gateway, as docs/cli.md ("Gateway API")
// words it: the `gateway` object and its keys in order, hops of kind
// `gateway` at the Envoy Pod, `response` when the proxy answered itself,
// `destination.headers` (lower-cased, after filters) and `destination.query`,
// and a Host header replacing the request's host as curl's does. Driven
// through the real binary, as outside checks drive it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routelab } from '../support/cli.ts';

const manifests = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: eg}
spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: eg}
spec:
  gatewayClassName: eg
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop}
spec:
  parentRefs: [{name: eg}]
  hostnames: [shop.example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /api}, headers: [{name: X-Version, value: "2"}]}]
    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier: {set: [{name: X-Team, value: shop}], remove: [X-Debug]}
    - type: URLRewrite
      urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /v2}}
    backendRefs: [{name: api, port: 8080}]
  - matches: [{path: {type: Exact, value: /old}}]
    filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplaceFullPath, replaceFullPath: /new}, statusCode: 301}}]
  - matches: [{path: {type: PathPrefix, value: /broken}}]
    backendRefs: [{name: nope, port: 80}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: example/api, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec: {selector: {app: api}, ports: [{port: 8080}]}
`;

const file = join(mkdtempSync(join(tmpdir(), 'routelab-gateway-')), 'shop.yaml');
writeFileSync(file, manifests);

function trace(to: string, ...extra: string[]) {
  const run = routelab(['trace', file, '--to', to, '--json', ...extra]);
  return { code: run.code, json: JSON.parse(run.stdout) };
}

describe('trace --json through a Gateway (docs/cli.md, Gateway API)', { timeout: 60_000 }, () => {
  it('names the Gateway, listener, route, rule and match, with hops of kind gateway at the Envoy Pod', () => {
    const { code, json } = trace(
      'http://shop.example.com/api/items?page=2',
      '--header',
      'X-Version: 2',
      '--header',
      'X-Debug: 1',
    );
    expect(code).toBe(0);
    expect(json.outcome).toBe('delivered');
    expect(Object.keys(json.gateway)).toEqual(['name', 'namespace', 'listener', 'route']);
    expect(json.gateway).toEqual({
      name: 'eg',
      namespace: 'default',
      listener: 'http',
      route: {
        name: 'shop',
        namespace: 'default',
        rule: 0,
        match: {
          path: { type: 'PathPrefix', value: '/api' },
          headers: [{ type: 'Exact', name: 'X-Version', value: '2' }],
        },
        backendRefs: [{ name: 'api', namespace: 'default', port: 8080, weight: 1 }],
      },
    });
    const gatewayHops = json.hops.filter((h: { kind: string }) => h.kind === 'gateway');
    expect(gatewayHops.length).toBeGreaterThan(0);
    expect(gatewayHops[0].at).toMatch(/^envoy-default-eg-[0-9a-f]{8}-/);
    expect(json.destination.path).toBe('/v2/items');
    expect(json.destination.query).toBe('page=2');
    expect(json.destination.headers).toMatchObject({
      host: 'shop.example.com',
      'x-version': '2',
      'x-team': 'shop',
    });
    expect(json.destination.headers['x-debug']).toBeUndefined();
    // Envoy names an outside client's address (203.0.113.10 is not RFC 1918) in x-envoy-external-address.
    expect(json.destination.headers['x-envoy-external-address']).toBe('203.0.113.10');
    expect(json.service).toMatchObject({ name: 'api', port: 8080 });
    expect(json.response).toBeUndefined();
  });

  it('gives the proxy’s own answers a response: a redirect with its Location, 404 and 500', () => {
    const redirect = trace('http://shop.example.com/old?x=1');
    expect(redirect.code).toBe(1);
    expect(redirect.json).toMatchObject({
      outcome: 'http-error',
      status: 301,
      response: { status: 301, headers: { location: 'http://shop.example.com/new?x=1' } },
      destination: null,
    });
    expect(trace('http://shop.example.com/nothing').json).toMatchObject({
      status: 404,
      response: { status: 404 },
      gateway: { listener: 'http', route: null },
    });
    expect(trace('http://shop.example.com/broken').json).toMatchObject({ status: 500 });
  });

  it('routes on a Host header that replaces the URL’s host, as curl’s does', () => {
    const gateway = routelab(['get', file, 'gtw/eg', '-o', 'json']);
    const address = JSON.parse(gateway.stdout).status.addresses[0].value;
    const { json } = trace(
      `http://${address}/api/x`,
      '--header',
      'Host: shop.example.com',
      '--header',
      'X-Version: 2',
    );
    expect(json.outcome).toBe('delivered');
    expect(json.destination.headers.host).toBe('shop.example.com');
    // From a node (172.18.0.0/16 is RFC 1918), Envoy sets no x-envoy-external-address.
    const inside = trace(
      `http://${address}/api/x`,
      '--from',
      'node/node-1',
      '--header',
      'Host: shop.example.com',
      '--header',
      'X-Version: 2',
    ).json;
    expect(inside.outcome).toBe('delivered');
    expect(inside.destination.headers['x-envoy-external-address']).toBeUndefined();
    expect(trace(`http://${address}/api/x`, '--header', 'X-Version: 2').json.status).toBe(404);
  });
});
