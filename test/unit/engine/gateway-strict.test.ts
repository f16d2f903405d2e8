// Strict field validation of Gateway API's kinds: the simulated cluster serves
// the standard channel of Gateway API v1.6.1, whose CRDs lack the experimental
// channel's fields (HTTPRouteRule's retry among them), so kube-apiserver refuses
// those as unknown fields, and takes every standard one.
import { describe, expect, it } from 'vitest';
import { buildModel, type Diagnostic } from '../../../src/engine/index.ts';

const gateway = `apiVersion: v1
kind: Namespace
metadata:
  name: infra
  labels:
    shared-gateway-access: "true"
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: eg
spec:
  controllerName: gateway.envoyproxy.io/gatewayclass-controller
---
apiVersion: v1
kind: Secret
metadata:
  name: web-tls
type: kubernetes.io/tls
data:
  tls.crt: ""
  tls.key: ""
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: web
spec:
  gatewayClassName: eg
  listeners:
  - name: http
    protocol: HTTP
    port: 80
    allowedRoutes:
      namespaces:
        from: Selector
        selector:
          matchLabels:
            shared-gateway-access: "true"
      kinds:
      - group: gateway.networking.k8s.io
        kind: HTTPRoute
  - name: https
    protocol: HTTPS
    port: 443
    hostname: "*.example.com"
    tls:
      mode: Terminate
      certificateRefs:
      - kind: Secret
        group: ""
        name: web-tls
    allowedRoutes:
      namespaces:
        from: Same
`;

const route = (rule: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
spec:
  parentRefs:
  - name: web
    sectionName: https
  hostnames:
  - www.example.com
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /api
      headers:
      - name: x-canary
        value: "yes"
      queryParams:
      - type: Exact
        name: debug
        value: "1"
      method: GET
    filters:
    - type: CORS
      cors:
        allowOrigins:
        - https://app.example.com
        allowMethods:
        - GET
        allowHeaders:
        - x-token
        allowCredentials: true
        maxAge: 600
    - type: RequestMirror
      requestMirror:
        backendRef:
          name: shadow
          port: 8080
        fraction:
          numerator: 1
          denominator: 10
    - type: RequestHeaderModifier
      requestHeaderModifier:
        set:
        - name: x-env
          value: prod
    backendRefs:
    - name: api
      port: 8080
      weight: 90
    - name: api-next
      port: 8080
      weight: 10
      filters:
      - type: ResponseHeaderModifier
        responseHeaderModifier:
          add:
          - name: x-next
            value: "1"
${rule}`;

const strictErrors = (text: string): Diagnostic[] =>
  buildModel([{ file: 'gateway.yaml', text }]).diagnostics.filter((d) =>
    d.message.includes('strict decoding error'),
  );

describe('strict field validation of Gateway API kinds', () => {
  it('refuses an HTTPRoute rule’s retry, which only the experimental channel has', () => {
    const text = route('    retry:\n      attempts: 2\n');
    const [error, ...others] = strictErrors(text);
    expect(others).toEqual([]);
    expect(error).toMatchObject({
      severity: 'error',
      code: 'BadRequest',
      object: 'HTTPRoute/default/web',
      field: 'spec.rules[0].retry',
      line: text.split('\n').indexOf('    retry:') + 1,
      column: 5,
    });
    expect(error?.message).toBe(
      'Error from server (BadRequest): error when creating "gateway.yaml": HTTPRoute in version "v1" cannot be handled as a HTTPRoute: strict decoding error: unknown field "spec.rules[0].retry"',
    );
  });

  it('refuses it in v1beta1 too, which the standard channel still serves', () => {
    const text = route('    sessionPersistence:\n      type: Cookie\n').replace(
      'gateway.networking.k8s.io/v1\n',
      'gateway.networking.k8s.io/v1beta1\n',
    );
    expect(strictErrors(text).map((d) => d.message)).toEqual([
      expect.stringContaining(
        'HTTPRoute in version "v1beta1" cannot be handled as a HTTPRoute: strict decoding error: unknown field "spec.rules[0].sessionPersistence"',
      ),
    ]);
  });

  it.each([
    [
      'spec.useDefaultGateways',
      route('').replace('  parentRefs:', '  useDefaultGateways: All\n  parentRefs:'),
    ],
    [
      'spec.rules[0].filters[0].externalAuth',
      route('').replace(
        '    - type: CORS\n',
        '    - type: CORS\n      externalAuth: {protocol: HTTP}\n',
      ),
    ],
    [
      'spec.rules[0].backendRefs[1].filters[0].externalAuth',
      route('').replace(
        '      - type: ResponseHeaderModifier\n',
        '      - type: ResponseHeaderModifier\n        externalAuth: {protocol: GRPC}\n',
      ),
    ],
    [
      'spec.defaultScope',
      gateway.replace('  gatewayClassName: eg', '  gatewayClassName: eg\n  defaultScope: All'),
    ],
  ])('refuses %s, also experimental only', (field, text) => {
    expect(strictErrors(text).map((d) => d.field)).toEqual([field]);
  });

  it('takes a Gateway and an HTTPRoute that use the standard channel’s fields', () => {
    const text = `${gateway}---\n${route('    timeouts:\n      request: 10s\n')}`;
    expect(strictErrors(text)).toEqual([]);
    // Nor does anything else refuse them: both are applied.
    expect(
      buildModel([{ file: 'gateway.yaml', text }]).diagnostics.filter(
        (d) => d.severity === 'error',
      ),
    ).toEqual([]);
    expect(strictErrors(`${gateway}---\n${route('')}`.replaceAll('/v1\n', '/v1beta1\n'))).toEqual(
      [],
    );
  });
});
