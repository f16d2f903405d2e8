// Ingress as Kubernetes specifies it and ingress-nginx serves it. Sources:
// - Kubernetes docs "Ingress" > "Examples" (the path-matching table) and
//   "Path types", "Hostname wildcards", "Default backend";
// - kubernetes-sigs/ingress-controller-conformance features host_rules,
//   path_rules and default_backend;
// - ingress-nginx internal/ingress/controller/controller.go (createServers:
//   each host's root location is the default backend, 404, unless its
//   Ingress has a defaultBackend; the catch-all only for host-less rules or a
//   rule-less Ingress), its docs "TLS/HTTPS" (fake certificate, 308 redirect,
//   ssl-redirect, force-ssl-redirect) and "Rewrite" (capture groups);
// - pkg/apis/networking/validation/validation.go for the refusals.
import { describe, expect, it } from 'vitest';
import { buildModel, trace } from '../../src/engine/index.ts';
import { app, apps, ingress, landed, paths, send } from '../support/ingress.ts';

describe('path matching (Kubernetes docs, Ingress > Examples)', () => {
  // [paths (path, type, backend)..., request path, expected backend or 404]
  const table: [[string, string][], string, string][] = [
    [[['/', 'Prefix']], '/anything/at/all', 'svc-a'],
    [[['/foo', 'Exact']], '/foo', 'svc-a'],
    [[['/foo', 'Exact']], '/bar', '404'],
    [[['/foo', 'Exact']], '/foo/', '404'],
    [[['/foo/', 'Exact']], '/foo', '404'],
    [[['/foo', 'Prefix']], '/foo', 'svc-a'],
    [[['/foo', 'Prefix']], '/foo/', 'svc-a'],
    [[['/foo/', 'Prefix']], '/foo', 'svc-a'],
    [[['/foo/', 'Prefix']], '/foo/', 'svc-a'],
    [[['/aaa/bb', 'Prefix']], '/aaa/bbb', '404'],
    [[['/aaa/bbb', 'Prefix']], '/aaa/bbb', 'svc-a'],
    [[['/aaa/bbb/', 'Prefix']], '/aaa/bbb', 'svc-a'],
    [[['/aaa/bbb', 'Prefix']], '/aaa/bbb/', 'svc-a'],
    [[['/aaa/bbb', 'Prefix']], '/aaa/bbb/ccc', 'svc-a'],
    [[['/aaa/bbb', 'Prefix']], '/aaa/bbbxyz', '404'],
    [
      [
        ['/', 'Prefix'],
        ['/aaa', 'Prefix'],
      ],
      '/aaa/ccc',
      'svc-b',
    ],
    [
      [
        ['/', 'Prefix'],
        ['/aaa', 'Prefix'],
        ['/aaa/bbb', 'Prefix'],
      ],
      '/aaa/bbb',
      'svc-c',
    ],
    [
      [
        ['/', 'Prefix'],
        ['/aaa', 'Prefix'],
        ['/aaa/bbb', 'Prefix'],
      ],
      '/ccc',
      'svc-a',
    ],
    [[['/aaa', 'Prefix']], '/ccc', '404'],
    [
      [
        ['/foo', 'Prefix'],
        ['/foo', 'Exact'],
      ],
      '/foo',
      'svc-b',
    ],
  ];
  for (const [rules, request, expected] of table) {
    const label = `${rules.map(([p, t]) => `${t} ${p}`).join(', ')} with ${request} -> ${expected}`;
    it(label, () => {
      const entries = rules.map(
        ([p, t], i) =>
          [p, t, ['svc-a', 'svc-b', 'svc-c'][i] ?? 'svc-a'] as [string, string, string],
      );
      expect(
        landed(
          send(
            apps + ingress(paths('foo.example.com', entries)),
            `http://foo.example.com${request}`,
          ),
        ),
      ).toBe(expected);
    });
  }

  // ingress-nginx stores ImplementationSpecific (and an unset pathType) as
  // Prefix when it reads an Ingress (internal/k8s/main.go SetDefaultNGINXPathType).
  it('treats ImplementationSpecific as ingress-nginx stores it: as Prefix, element by element', () => {
    const text =
      apps + ingress(paths('foo.example.com', [['/foo', 'ImplementationSpecific', 'svc-a']]));
    expect(landed(send(text, 'http://foo.example.com/foo'))).toBe('svc-a');
    expect(landed(send(text, 'http://foo.example.com/foo/bar'))).toBe('svc-a');
    const other = send(text, 'http://foo.example.com/foobar');
    expect(other).toMatchObject({ outcome: 'http-error', status: 404 });
  });
});

describe('host rules (ingress-controller-conformance host_rules)', () => {
  const text =
    apps +
    ingress(
      paths('foo.bar.com', [['/', 'Prefix', 'svc-a']]) +
        paths('"*.foo.com"', [['/', 'Prefix', 'svc-b']]) +
        paths('exact.foo.com', [['/', 'Prefix', 'svc-c']]),
    );

  it('sends an exact host to its rule, and prefers it over a wildcard', () => {
    expect(landed(send(text, 'http://foo.bar.com/'))).toBe('svc-a');
    expect(landed(send(text, 'http://exact.foo.com/'))).toBe('svc-c');
  });

  it('lets a wildcard cover exactly one label', () => {
    expect(landed(send(text, 'http://bar.foo.com/'))).toBe('svc-b');
    expect(landed(send(text, 'http://baz.bar.foo.com/', { resolve: 'baz.bar.foo.com' }))).toBe(
      '404',
    );
    expect(landed(send(text, 'http://foo.com/', { resolve: 'foo.com' }))).toBe('404');
  });

  it('answers 404 from the default backend for a host no rule names', () => {
    expect(
      landed(send(text, 'http://unknown.example.com/', { resolve: 'unknown.example.com' })),
    ).toBe('404');
  });
});

describe('default backends', () => {
  it('an Ingress with only a defaultBackend catches every request (conformance default_backend)', () => {
    const text = `${apps}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: catch-all}
spec:
  ingressClassName: nginx
  defaultBackend: {service: {name: svc-d, port: {number: 80}}}
`;
    expect(
      landed(send(text, 'http://anything.example.com/x', { resolve: 'anything.example.com' })),
    ).toBe('svc-d');
  });

  it('an Ingress’s defaultBackend takes its own hosts’ unmatched paths, but not other hosts', () => {
    const text =
      apps +
      ingress(
        paths('myapp.example.com', [['/a', 'Prefix', 'svc-a']]),
        '  defaultBackend: {service: {name: svc-d, port: {number: 80}}}\n',
      );
    expect(landed(send(text, 'http://myapp.example.com/c'))).toBe('svc-d');
    expect(landed(send(text, 'http://other.example.com/', { resolve: 'other.example.com' }))).toBe(
      '404',
    );
  });
});

describe('several Ingresses for one host', () => {
  it('are merged into one server; for the same path the older Ingress wins, with a warning', () => {
    const first = ingress(paths('shop.example.com', [['/cart', 'Prefix', 'svc-a']]), '', 'first');
    const second = ingress(
      paths('shop.example.com', [
        ['/pay', 'Prefix', 'svc-b'],
        ['/cart', 'Prefix', 'svc-c'],
      ]),
      '',
      'second',
    );
    expect(landed(send(apps + first + second, 'http://shop.example.com/cart'))).toBe('svc-a');
    expect(landed(send(apps + first + second, 'http://shop.example.com/pay'))).toBe('svc-b');
    const model = buildModel([{ file: 'x.yaml', text: apps + first + second }]);
    expect(model.diagnostics.find((d) => d.code === 'IngressPathTaken')?.message).toBe(
      'shop.example.com/cart is already routed by Ingress first, created before this one: ingress-nginx keeps the older rule',
    );
  });

  it('says which location matched and which did not', () => {
    const result = send(
      apps +
        ingress(
          paths('shop.example.com', [
            ['/cart', 'Prefix', 'svc-a'],
            ['/pay', 'Exact', 'svc-b'],
          ]),
        ),
      'http://shop.example.com/cart/1',
    );
    expect(result.hops.find((h) => h.kind === 'ingress-controller')?.detail).toContain(
      'Exact /pay does not match /cart/1',
    );
  });
});

describe('the article’s example, in networking.k8s.io/v1', () => {
  const text =
    app('my-app-a', 4200).replace('port: 80, targetPort: 4200', 'port: 4200, targetPort: 4200') +
    app('my-app-b').replace('port: 80, targetPort: 8080', 'port: 8080, targetPort: 8080') +
    app('default-app', 80) +
    ingress(
      `  - host: myapp.example.com
    http:
      paths:
      - {path: /a, pathType: Prefix, backend: {service: {name: my-app-a, port: {number: 4200}}}}
      - {path: /b, pathType: Prefix, backend: {service: {name: my-app-b, port: {number: 8080}}}}
  - http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: default-app, port: {number: 80}}}}
`,
      '',
      'ingress-example',
    );

  it('sends /a to my-app-a:4200 and /b to my-app-b:8080, straight to their endpoints', () => {
    const a = send(text, 'http://myapp.example.com/a');
    expect(a.destination).toMatchObject({
      port: 4200,
      host: 'myapp.example.com',
      path: '/a',
      scheme: 'http',
    });
    expect(a.service).toMatchObject({ name: 'my-app-a', port: 4200 });
    expect(a.ingress).toEqual({
      name: 'ingress-example',
      namespace: 'default',
      host: 'myapp.example.com',
      path: '/a',
      pathType: 'Prefix',
      tls: false,
    });
    const b = send(text, 'http://myapp.example.com/b');
    expect(b.destination?.port).toBe(8080);
    const kinds = b.hops.map((h) => h.kind);
    expect(kinds.slice(0, 3)).toEqual(['dns', 'load-balancer', 'node']);
    expect(kinds).toContain('ingress-controller');
    expect(b.hops.some((h) => h.detail.includes('directly (not through its ClusterIP)'))).toBe(
      true,
    );
  });

  it('sends other hosts to default-app through the host-less rule', () => {
    expect(landed(send(text, 'http://other.example.com/', { resolve: 'other.example.com' }))).toBe(
      'default-app',
    );
  });

  it('answers myapp.example.com/c with 404: the host matched, no path did, and the host-less rule is not consulted', () => {
    const c = send(text, 'http://myapp.example.com/c');
    expect(c.outcome).toBe('http-error');
    expect(c.status).toBe(404);
    expect(c.reason).toContain('default backend answers 404');
  });
});

describe('TLS', () => {
  const secret = `---
apiVersion: v1
kind: Secret
metadata: {name: myapp-tls}
type: kubernetes.io/tls
data: {tls.crt: LS0tLS1CRUdJTi0tLS0t, tls.key: LS0tLS1CRUdJTi0tLS0t}
`;
  const tlsIngress = ingress(
    paths('myapp.example.com', [['/', 'Prefix', 'svc-a']]),
    '  tls:\n  - {hosts: [myapp.example.com], secretName: myapp-tls}\n',
  );

  it('terminates TLS with the Secret and hands the Pod plain HTTP', () => {
    const result = send(apps + secret + tlsIngress, 'https://myapp.example.com/');
    expect(result.outcome).toBe('delivered');
    expect(result.destination?.scheme).toBe('http');
    expect(result.ingress?.tls).toBe(true);
    expect(result.hops.find((h) => h.kind === 'tls')?.detail).toContain('Secret default/myapp-tls');
  });

  it('redirects plain HTTP with 308 when the host has TLS', () => {
    const result = send(apps + secret + tlsIngress, 'http://myapp.example.com/x');
    expect(result).toMatchObject({ outcome: 'http-error', status: 308 });
    expect(result.reason).toContain('https://myapp.example.com/x');
  });

  it('does not redirect with ssl-redirect: "false"; force-ssl-redirect redirects without TLS', () => {
    const off = tlsIngress.replace(
      '  name: test\n',
      '  name: test\n  annotations: {nginx.ingress.kubernetes.io/ssl-redirect: "false"}\n',
    );
    expect(send(apps + secret + off, 'http://myapp.example.com/').outcome).toBe('delivered');
    const forced = ingress(
      paths('myapp.example.com', [['/', 'Prefix', 'svc-a']]),
      '',
      'test',
      '  annotations: {nginx.ingress.kubernetes.io/force-ssl-redirect: "true"}\n',
    );
    expect(send(apps + forced, 'http://myapp.example.com/').status).toBe(308);
  });

  it('falls back to the fake certificate when the Secret is missing, and warns', () => {
    const model = buildModel([{ file: 'x.yaml', text: apps + tlsIngress }]);
    expect(model.diagnostics.find((d) => d.code === 'IngressTLSSecret')?.message).toContain(
      'self-signed fake certificate',
    );
    const result = send(apps + tlsIngress, 'https://myapp.example.com/');
    expect(result.outcome).toBe('delivered');
    expect(result.hops.find((h) => h.kind === 'tls')?.detail).toContain('certificate warning');
  });

  it('refuses a kubernetes.io/tls Secret without its keys', () => {
    const model = buildModel([
      {
        file: 'x.yaml',
        text: secret.replace(
          'data: {tls.crt: LS0tLS1CRUdJTi0tLS0t, tls.key: LS0tLS1CRUdJTi0tLS0t}',
          'data: {tls.crt: LS0tLS1CRUdJTi0tLS0t}',
        ),
      },
    ]);
    expect(model.diagnostics.map((d) => d.message)).toContain('data[tls.key]: Required value');
  });

  // ingress-nginx reads the keypair from tls.crt and tls.key and never looks at
  // the type (internal/ingress/controller/store/backend_ssl.go getPemCertificate;
  // TestGetPemCertificateBranches: a Secret without both "contains no keypair").
  it('serves an Opaque Secret that holds tls.crt and tls.key', () => {
    const opaque = secret.replace('type: kubernetes.io/tls', 'type: Opaque');
    const model = buildModel([{ file: 'x.yaml', text: apps + opaque + tlsIngress }]);
    expect(model.diagnostics.filter((d) => d.code === 'IngressTLSSecret')).toEqual([]);
    const result = send(apps + opaque + tlsIngress, 'https://myapp.example.com/');
    expect(result.hops.find((h) => h.kind === 'tls')?.detail).toContain('Secret default/myapp-tls');
  });

  it('answers with the fake certificate, and warns, when a Secret holds no keypair', () => {
    const renamed = secret
      .replace('type: kubernetes.io/tls', 'type: Opaque')
      .replace('{tls.crt: LS0tLS1CRUdJTi0tLS0t, tls.key:', '{cert: LS0tLS1CRUdJTi0tLS0t, key:');
    const model = buildModel([{ file: 'x.yaml', text: apps + renamed + tlsIngress }]);
    expect(model.diagnostics.find((d) => d.code === 'IngressTLSSecret')?.message).toContain(
      'has no tls.crt and no tls.key key',
    );
    const result = send(apps + renamed + tlsIngress, 'https://myapp.example.com/');
    expect(result.outcome).toBe('delivered');
    expect(result.hops.find((h) => h.kind === 'tls')?.detail).toContain('certificate warning');
  });
});

describe('rewrite-target', () => {
  it('with capture groups, as ingress-nginx documents', () => {
    const text =
      apps +
      ingress(
        paths('myapp.example.com', [['/a(/|$)(.*)', 'ImplementationSpecific', 'svc-a']]),
        '',
        'test',
        '  annotations:\n    nginx.ingress.kubernetes.io/use-regex: "true"\n    nginx.ingress.kubernetes.io/rewrite-target: /$2\n',
      );
    expect(send(text, 'http://myapp.example.com/a/items/1').destination?.path).toBe('/items/1');
    expect(send(text, 'http://myapp.example.com/a').destination?.path).toBe('/');
  });

  it('"/" replaces the whole path, as the article’s annotation does today', () => {
    const text =
      apps +
      ingress(
        paths('myapp.example.com', [['/a', 'ImplementationSpecific', 'svc-a']]),
        '',
        'test',
        '  annotations: {nginx.ingress.kubernetes.io/rewrite-target: /}\n',
      );
    expect(send(text, 'http://myapp.example.com/a/items/1').destination?.path).toBe('/');
  });
});

describe('upstream errors', () => {
  it('503 when the backend Service does not exist, with a warning on the Ingress', () => {
    const text = ingress(paths('myapp.example.com', [['/', 'Prefix', 'nowhere']]));
    const model = buildModel([{ file: 'x.yaml', text }]);
    expect(model.diagnostics.find((d) => d.code === 'IngressServiceMissing')?.message).toBe(
      'Ingress test routes to Service nowhere, which does not exist in namespace default: ingress-nginx answers 503 there',
    );
    expect(send(text, 'http://myapp.example.com/').status).toBe(503);
  });

  it('503 when no endpoint is ready', () => {
    const faults =
      'apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  pods: [{workload: Deployment/svc-a, index: 0, ready: false}]\n';
    expect(
      send(
        faults + apps + ingress(paths('myapp.example.com', [['/', 'Prefix', 'svc-a']])),
        'http://myapp.example.com/',
      ).status,
    ).toBe(503);
  });

  it('502 when every endpoint refuses the connection', () => {
    const wrongPort = app('svc-x', 8080).replace('targetPort: 8080', 'targetPort: 9999');
    expect(
      send(
        wrongPort + ingress(paths('myapp.example.com', [['/', 'Prefix', 'svc-x']])),
        'http://myapp.example.com/',
      ).status,
    ).toBe(502);
  });
});

describe('IngressClass and the controller', () => {
  it('ignores an Ingress whose class no controller serves, and says so', () => {
    const text =
      apps +
      ingress(paths('myapp.example.com', [['/', 'Prefix', 'svc-a']])).replace(
        'ingressClassName: nginx',
        'ingressClassName: traefik',
      );
    const model = buildModel([{ file: 'x.yaml', text }]);
    expect(model.diagnostics.find((d) => d.code === 'IngressNotServed')?.message).toBe(
      'IngressClass "traefik" does not exist, so no controller serves this Ingress and it routes nothing',
    );
    expect(send(text, 'http://myapp.example.com/').status).toBe(404);
  });

  it('gives an Ingress without a class the default IngressClass', () => {
    const text =
      apps +
      ingress(paths('myapp.example.com', [['/', 'Prefix', 'svc-a']])).replace(
        '  ingressClassName: nginx\n',
        '',
      );
    expect(landed(send(text, 'http://myapp.example.com/'))).toBe('svc-a');
  });

  it('routes nothing without a controller: the host has no address', () => {
    const text = `apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  ingressController: none\n${apps}${ingress(paths('myapp.example.com', [['/', 'Prefix', 'svc-a']]))}`;
    const model = buildModel([{ file: 'x.yaml', text }]);
    expect(trace(model, { from: 'external', to: 'http://myapp.example.com/' }).outcome).toBe(
      'dns-error',
    );
  });

  it('reaches the Ingress through a NodePort when the controller is exposed that way', () => {
    const text = `apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  ingressControllerService: NodePort\n${apps}${ingress(paths('myapp.example.com', [['/', 'Prefix', 'svc-a']]))}`;
    const model = buildModel([{ file: 'x.yaml', text }]);
    const nodePort = model.services.find((s) => s.metadata.name === 'ingress-nginx-controller')
      ?.ports[0]?.nodePort;
    expect(
      trace(model, { from: 'external', to: `http://myapp.example.com:${nodePort}/` }).outcome,
    ).toBe('delivered');
  });
});

describe('networking.k8s.io/v1beta1', () => {
  const article = `apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata:
  name: ingress-example
spec:
  rules:
  - host: myapp.example.com
    http:
      paths:
      - path: /a
        backend:
          serviceName: my-app-a
          servicePort: 4200
      - path: /b
        backend:
          serviceName: my-app-b
          servicePort: 8080
  - http:
      paths:
      - backend:
          serviceName: default-app
          servicePort: 80
`;

  it('is refused with kubectl’s message, and a v1 manifest that routes the same way', () => {
    const model = buildModel([{ file: 'ingress-example.yaml', text: article }]);
    const refusal = model.diagnostics[0];
    expect(refusal?.message).toBe(
      'resource mapping not found for name: "ingress-example" namespace: "" from "ingress-example.yaml": no matches for kind "Ingress" in version "networking.k8s.io/v1beta1"\nensure CRDs are installed first',
    );
    expect(refusal?.hint).toContain('removed in Kubernetes 1.22');
    const converted = refusal?.fix?.text ?? '';
    expect(converted).toContain('apiVersion: networking.k8s.io/v1');
    expect(converted).toContain('pathType: ImplementationSpecific');
    const apps3 =
      app('my-app-a', 4200).replace('port: 80, targetPort: 4200', 'port: 4200, targetPort: 4200') +
      app('my-app-b').replace('port: 80, targetPort: 8080', 'port: 8080, targetPort: 8080') +
      app('default-app', 80);
    expect(landed(send(`${apps3}---\n${converted}`, 'http://myapp.example.com/b'))).toBe(
      'my-app-b',
    );
    expect(
      landed(
        send(`${apps3}---\n${converted}`, 'http://other.example.com/', {
          resolve: 'other.example.com',
        }),
      ),
    ).toBe('default-app');
  });
});

describe('Ingress validation', () => {
  const errorsOf = (text: string) =>
    buildModel([{ file: 'x.yaml', text }])
      .diagnostics.filter((d) => d.severity === 'error')
      .map((d) => d.message);

  it('requires pathType and absolute paths', () => {
    expect(
      errorsOf(
        ingress(
          '  - http:\n      paths:\n      - {path: /a, backend: {service: {name: a, port: {number: 80}}}}\n',
        ),
      ),
    ).toEqual(['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']);
    expect(errorsOf(ingress(paths('', [['a', 'Prefix', 'svc']])))).toEqual([
      'spec.rules[0].http.paths[0].path: Invalid value: "a": must be an absolute path',
    ]);
    expect(errorsOf(ingress(paths('', [['/a//b', 'Exact', 'svc']])))).toEqual([
      `spec.rules[0].http.paths[0].path: Invalid value: "/a//b": must not contain '//'`,
    ]);
    expect(errorsOf(ingress(paths('', [['/a', 'Regex', 'svc']])))).toEqual([
      'spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
    ]);
  });

  it('refuses an IP as a host and a malformed wildcard', () => {
    expect(errorsOf(ingress(paths('10.0.0.1', [['/', 'Prefix', 'svc']])))).toEqual([
      'spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
    ]);
    expect(errorsOf(ingress(paths('"*.*.example.com"', [['/', 'Prefix', 'svc']])))).toEqual([
      `spec.rules[0].host: Invalid value: "*.*.example.com": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
  });

  it('checks backends: one port, by name or number', () => {
    expect(
      errorsOf(
        ingress(
          '  - http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: a, port: {number: 80, name: http}}}}\n',
        ),
      ),
    ).toEqual([
      'spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both port name & port number',
    ]);
    expect(
      errorsOf(
        ingress(
          '  - http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: a}}}\n',
        ),
      ),
    ).toEqual([
      'spec.rules[0].http.paths[0].backend: Required value: port name or number is required',
    ]);
  });

  it('requires rules or a defaultBackend', () => {
    expect(
      errorsOf(
        'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: empty}\nspec: {}\n',
      ),
    ).toEqual(['spec: Invalid value: null: either `defaultBackend` or `rules` must be specified']);
  });

  it('checks an IngressClass’s controller name', () => {
    expect(
      errorsOf(
        'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: bad}\nspec: {controller: nginx}\n',
      ),
    ).toEqual([
      'spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")',
    ]);
  });
});
