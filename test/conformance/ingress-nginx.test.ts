// How ingress-nginx turns Ingresses into nginx servers and locations, where
// that differs from a plain reading of the Ingress spec. Each case cites the
// ingress-nginx source (kubernetes/ingress-nginx) that decides it.
import { describe, expect, it } from 'vitest';
import { buildModel, trace } from '../../src/engine/index.ts';
import { apps, ingress, landed, paths, send } from '../support/ingress.ts';

// internal/ingress/controller/controller.go getBackendServers: a rule's path
// replaces an existing location only when path and pathType are both equal
// ("Same paths but different types are allowed"). createServers gives every
// server a root location "/" of pathType Prefix for the default backend, so an
// Exact "/" becomes a second location, rendered "= /" by template.go
// buildLocation, beside the default "/".
describe('pathType Exact on "/"', () => {
  const text = apps + ingress(paths('foo.example.com', [['/', 'Exact', 'svc-a']]));

  it('sends exactly "/" to its backend', () => {
    expect(landed(send(text, 'http://foo.example.com/'))).toBe('svc-a');
  });

  it('leaves every other path to the default backend: 404', () => {
    expect(landed(send(text, 'http://foo.example.com/other'))).toBe('404');
    expect(landed(send(text, 'http://foo.example.com/a/b'))).toBe('404');
  });

  it('lives beside a Prefix "/" of another Ingress, which takes the rest', () => {
    const both = text + ingress(paths('foo.example.com', [['/', 'Prefix', 'svc-b']]), '', 'second');
    expect(landed(send(both, 'http://foo.example.com/'))).toBe('svc-a');
    expect(landed(send(both, 'http://foo.example.com/other'))).toBe('svc-b');
  });
});

const rewriting = (target: string) =>
  `  annotations: {nginx.ingress.kubernetes.io/rewrite-target: "${target}"}\n`;

// template.go needsRewrite is false when rewrite-target equals the location's
// path, and then enforceRegexModifier does not switch the host to regex and
// buildProxyPass writes no rewrite (template_test.go, "invalid redirect / to /":
// a plain proxy_pass). location.go updateServerLocations runs first and turns
// a Prefix "/a" into "/a/" plus "= /a", so there the "/a/" half differs from
// its target "/a" and does rewrite.
describe('rewrite-target equal to the path', () => {
  // The annotation is the whole Ingress's: /b lives in another one, which does not rewrite.
  const exactB = ingress(paths('foo.example.com', [['/b', 'Exact', 'svc-b']]), '', 'second');
  const root = (target: string) =>
    ingress(paths('foo.example.com', [['/', 'Prefix', 'svc-a']]), '', 'test', rewriting(target));

  it('"/" to "/": nothing is rewritten', () => {
    const text = apps + root('/') + exactB;
    const result = send(text, 'http://foo.example.com/x/y');
    expect(landed(result)).toBe('svc-a');
    expect(result.destination?.path).toBe('/x/y');
  });

  it('"/" to "/": the host keeps prefix and exact locations, not regex ones', () => {
    const text = apps + root('/') + exactB;
    // As a regex "^/b", the Exact /b would take /b/c and /B too.
    expect(landed(send(text, 'http://foo.example.com/b/c'))).toBe('svc-a');
    expect(landed(send(text, 'http://foo.example.com/B'))).toBe('svc-a');
    expect(landed(send(text, 'http://foo.example.com/b'))).toBe('svc-b');
  });

  it('"/a/" to "/a/": nothing is rewritten and the host stays without regex', () => {
    // The host's first Ingress (exactB) makes its root location, without a rewrite-target.
    const text =
      apps +
      exactB +
      ingress(paths('foo.example.com', [['/a/', 'Prefix', 'svc-a']]), '', 'test', rewriting('/a/'));
    expect(send(text, 'http://foo.example.com/a/x').destination?.path).toBe('/a/x');
    expect(landed(send(text, 'http://foo.example.com/b/c'))).toBe('404');
  });

  it('Prefix "/a" to "/a": the "/a/" half rewrites to "/a", so the host does switch to regex', () => {
    const text =
      apps +
      ingress(paths('foo.example.com', [['/a', 'Prefix', 'svc-a']]), '', 'test', rewriting('/a')) +
      exactB;
    expect(send(text, 'http://foo.example.com/a/x').destination?.path).toBe('/a');
    // "= /a" half: no rewrite; as a regex "^/a" it also takes /abc, unchanged.
    expect(send(text, 'http://foo.example.com/a').destination?.path).toBe('/a');
    expect(send(text, 'http://foo.example.com/abc').destination?.path).toBe('/abc');
    expect(landed(send(text, 'http://foo.example.com/b/c'))).toBe('svc-b');
  });

  // controller.go createServers applies the Ingress's annotations to the
  // host's root location as well (locationApplyAnnotations).
  it('the root location carries its Ingress’s rewrite-target, and a different one makes the host regex', () => {
    const hostOnly = `  - host: foo.example.com\n`;
    const same = apps + ingress(hostOnly, '', 'first', rewriting('/')) + exactB;
    expect(landed(send(same, 'http://foo.example.com/b/c'))).toBe('404');
    const other = apps + ingress(hostOnly, '', 'first', rewriting('/app')) + exactB;
    expect(landed(send(other, 'http://foo.example.com/b/c'))).toBe('svc-b');
  });
});

// controller.go createServers: servers come from spec.rules only, and a
// server's certificate from the first Ingress (oldest first) whose rules name
// the host and that has a tls section (extractTLSSecretName: its entry listing
// the host; none listing it leaves the default certificate). A host only under
// tls reaches the default server "_", whose root is the default backend, and
// rootfs/etc/nginx/lua/lua_ingress.lua redirect_to_https redirects only for a
// host with a certificate configured (certificate.lua get_pem_cert_uid).
describe('a host only under tls', () => {
  const secret = `---
apiVersion: v1
kind: Secret
metadata: {name: site-tls}
type: kubernetes.io/tls
data: {tls.crt: LS0tLS1CRUdJTi0tLS0t, tls.key: LS0tLS1CRUdJTi0tLS0t}
`;
  const tls = '  tls:\n  - {hosts: [shop.example.com, other.example.com], secretName: site-tls}\n';
  const text = apps + secret + ingress(paths('shop.example.com', [['/', 'Prefix', 'svc-a']]), tls);

  it('gets no server: plain HTTP is not redirected, and the default backend answers 404', () => {
    const result = send(text, 'http://other.example.com/');
    expect(result).toMatchObject({ outcome: 'http-error', status: 404 });
    // The host with a rule still redirects.
    expect(send(text, 'http://shop.example.com/').status).toBe(308);
  });

  it('gets the fake certificate over HTTPS, and the trace says why', () => {
    const result = send(text, 'https://other.example.com/');
    expect(result.status).toBe(404);
    const hop = result.hops.find((h) => h.kind === 'tls')?.detail ?? '';
    expect(hop).toContain('Fake Certificate');
    expect(hop).toContain('none of its rules names other.example.com');
  });

  it('is warned about at its line under spec.tls', () => {
    const model = buildModel([{ file: 'x.yaml', text }]);
    const warning = model.diagnostics.find((d) => d.code === 'IngressTLSHostNoRule');
    expect(warning?.field).toBe('spec.tls[0].hosts[1]');
    expect(warning?.message).toContain('other.example.com');
    expect(model.diagnostics.filter((d) => d.code === 'IngressTLSHostNoRule')).toHaveLength(1);
  });

  it('does not give its certificate to a host another Ingress’s rule names', () => {
    const onlyTls = `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: certs}
spec:
  ingressClassName: nginx
  tls:
  - {hosts: [shop.example.com], secretName: site-tls}
  defaultBackend: {service: {name: svc-b, port: {number: 80}}}
`;
    const both =
      apps + secret + ingress(paths('shop.example.com', [['/', 'Prefix', 'svc-a']])) + onlyTls;
    expect(landed(send(both, 'http://shop.example.com/'))).toBe('svc-a');
    const https = send(both, 'https://shop.example.com/');
    expect(https.hops.find((h) => h.kind === 'tls')?.detail).toContain('Fake Certificate');
  });

  it('a rule’s host missing from its own Ingress’s tls section gets the default certificate, and the redirect', () => {
    const unlisted =
      apps +
      secret +
      ingress(
        paths('shop.example.com', [['/', 'Prefix', 'svc-a']]),
        '  tls:\n  - {hosts: [www.example.com], secretName: site-tls}\n',
      );
    expect(send(unlisted, 'http://shop.example.com/').status).toBe(308);
    const https = send(unlisted, 'https://shop.example.com/');
    expect(landed(https)).toBe('svc-a');
    expect(https.hops.find((h) => h.kind === 'tls')?.detail).toContain('not simulated');
  });
});

// controller.go getBackendServers sorts each server's locations with
// sort.SliceStable by Path descending, then by len(Path) descending; nginx
// (ngx_http_core_module "location") uses the first regex location that
// matches, in the order of the configuration.
describe('regex locations of equal length', () => {
  const regex = '  annotations: {nginx.ingress.kubernetes.io/use-regex: "true"}\n';
  const both = (first: [string, string], second: [string, string]) =>
    apps +
    ingress(
      paths('foo.example.com', [
        [first[0], 'ImplementationSpecific', first[1]],
        [second[0], 'ImplementationSpecific', second[1]],
      ]),
      '',
      'test',
      regex,
    );

  it('are tried in descending byte order of their paths, whatever order the rules are in', () => {
    // "/abc" > "/a.c": "b" (0x62) sorts after "." (0x2e).
    expect(
      landed(send(both(['/a.c', 'svc-a'], ['/abc', 'svc-b']), 'http://foo.example.com/abc')),
    ).toBe('svc-b');
    expect(
      landed(send(both(['/abc', 'svc-a'], ['/a.c', 'svc-b']), 'http://foo.example.com/abc')),
    ).toBe('svc-a');
  });

  it('after the longer paths', () => {
    const text = both(['/a', 'svc-a'], ['/a.*', 'svc-b']);
    expect(landed(send(text, 'http://foo.example.com/abc'))).toBe('svc-b');
    expect(
      send(text, 'http://foo.example.com/abc').hops.find((h) => h.kind === 'ingress-controller')
        ?.detail,
    ).toContain('~* "^/a.*"');
  });
});

// controller.go serviceEndpoints: the backend's port (its number as text, or
// its name) picks the first Service port whose port, targetPort or name
// equals it ("targetPort could be a string, use either the port name or
// number"), and the upstream is that port's endpoints.
describe('backend port resolution', () => {
  const pod = `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: example/web:1, ports: [{name: http, containerPort: 8080}]}]
`;
  const service = (ports: string) => `---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: ${ports}
`;
  const route = (port: string) =>
    ingress(`  - host: foo.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: ${port}}}}
`);

  it('a number matches a Service port’s targetPort before a later port’s number', () => {
    const text =
      pod +
      service('[{name: a, port: 80, targetPort: 8080}, {name: b, port: 8080, targetPort: 9090}]') +
      route('{number: 8080}');
    const result = send(text, 'http://foo.example.com/');
    expect(landed(result)).toBe('web');
    expect(result.service?.port).toBe(80);
  });

  it('a name matches a Service port whose targetPort has that name', () => {
    const text =
      pod +
      service(
        '[{name: web, port: 80, targetPort: http}, {name: http, port: 81, targetPort: 9090}]',
      ) +
      route('{name: http}');
    const result = send(text, 'http://foo.example.com/');
    expect(landed(result)).toBe('web');
    expect(result.destination?.port).toBe(8080);
  });

  it('nothing matching: 503', () => {
    const text = pod + service('[{name: a, port: 80, targetPort: 8080}]') + route('{number: 81}');
    expect(landed(send(text, 'http://foo.example.com/'))).toBe('503');
  });
});

// endpointslices.go getEndpointsFromSlices: for a Service port with a name, a
// slice port of another name still gives the endpoints on the Service port's
// numeric targetPort ("use service target port if it's a number and no port
// name matched", ingress-nginx issue 7390); a named targetPort has no such
// fallback. kube-proxy matches slice ports by name only.
describe('a selectorless Service whose EndpointSlice port name differs', () => {
  const deployment = `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: example/web:1, ports: [{name: http, containerPort: 8080}]}]
`;
  const podIP =
    buildModel([{ file: 'x.yaml', text: deployment }]).pods.find(
      (p) => p.metadata.labels.app === 'web',
    )?.podIP ?? '';
  const manifests = (targetPort: string) => `${deployment}---
apiVersion: v1
kind: Service
metadata: {name: ext}
spec:
  ports: [{name: web, port: 80, targetPort: ${targetPort}}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: ext-1, labels: {kubernetes.io/service-name: ext}}
addressType: IPv4
ports: [{name: other, port: 8080, protocol: TCP}]
endpoints: [{addresses: [${podIP}], conditions: {ready: true}}]
${ingress(`  - host: foo.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: ext, port: {number: 80}}}}
`)}`;

  it('reaches the address on the numeric targetPort', () => {
    expect(podIP).not.toBe('');
    const result = send(manifests('8080'), 'http://foo.example.com/');
    expect(landed(result)).toBe('web');
    expect(result.destination).toMatchObject({ podIP, port: 8080 });
  });

  it('has no endpoint when the targetPort is a name: 503', () => {
    expect(landed(send(manifests('http'), 'http://foo.example.com/'))).toBe('503');
  });
});

// controller.go serviceEndpoints and externalNamePorts, endpointslices.go
// getEndpointsFromSlices: an ExternalName backend's one upstream is the
// externalName itself on the port externalNamePorts gives, "localhost" and
// loopback addresses refused; nginx's Lua balancer resolves the name by DNS,
// which Routelab does not simulate.
describe('an ExternalName Service as the backend', () => {
  const manifests = (externalName: string, ports: string, port: string) => `---
apiVersion: v1
kind: Service
metadata: {name: api}
spec:
  type: ExternalName
  externalName: ${externalName}
${ports}${ingress(`  - host: foo.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: api, port: ${port}}}}
`)}`;

  it('is followed to the controller, and said to be not simulated past its DNS lookup', () => {
    const text = manifests('api.example.org', '', '{number: 443}');
    const result = send(text, 'http://foo.example.com/');
    expect(result).toMatchObject({ outcome: 'invalid', status: null, destination: null });
    expect(result.reason).toContain('api.example.org:443');
    expect(result.reason).toContain('does not simulate');
    const model = buildModel([{ file: 'x.yaml', text }]);
    expect(model.diagnostics.map((d) => d.code)).toContain('IngressExternalNameNotSimulated');
    expect(model.diagnostics.map((d) => d.code)).not.toContain('IngressServicePortMissing');
  });

  it('uses a named port’s targetPort', () => {
    const text = manifests(
      'api.example.org',
      '  ports: [{name: https, port: 443, targetPort: 8443}]\n',
      '{name: https}',
    );
    expect(send(text, 'http://foo.example.com/').reason).toContain('api.example.org:8443');
  });

  it('answers 503 for localhost or a loopback address, which ingress-nginx refuses', () => {
    for (const name of ['localhost', '127.0.0.1']) {
      const result = send(manifests(name, '', '{number: 80}'), 'http://foo.example.com/');
      expect(result).toMatchObject({ outcome: 'http-error', status: 503 });
      expect(result.reason).toContain('Invalid attempt to use localhost name');
    }
  });
});

// controller.go createServers: the root location of a host carries the
// annotations of the Ingress that created the server (locationApplyAnnotations),
// ssl-redirect among them, so a path no rule matches is not redirected when
// that Ingress turned ssl-redirect off.
describe('the root location of a host with TLS', () => {
  const secret = `---
apiVersion: v1
kind: Secret
metadata: {name: site-tls}
type: kubernetes.io/tls
data: {tls.crt: LS0tLS1CRUdJTi0tLS0t, tls.key: LS0tLS1CRUdJTi0tLS0t}
`;
  const tls = '  tls:\n  - {hosts: [shop.example.com], secretName: site-tls}\n';
  const rules = paths('shop.example.com', [['/app', 'Prefix', 'svc-a']]);

  it('redirects an unmatched path by default, and not with the creator’s ssl-redirect "false"', () => {
    expect(send(apps + secret + ingress(rules, tls), 'http://shop.example.com/other').status).toBe(
      308,
    );
    const off = ingress(
      rules,
      tls,
      'test',
      '  annotations: {nginx.ingress.kubernetes.io/ssl-redirect: "false"}\n',
    );
    expect(send(apps + secret + off, 'http://shop.example.com/other').status).toBe(404);
  });
});

// location.go updateServerLocations gives a Prefix "/a" no "= /a" half when an
// Exact "/a" exists; on a regex host its one location is then ~* "^/a/", and
// "/abc" falls to the Exact "/a", ~* "^/a", after it in the sorted order.
describe('Prefix and Exact of one path on a regex host', () => {
  it('sends what only "^/a" matches to the Exact location', () => {
    const regex = ingress(
      paths('foo.example.com', [['/r.*', 'ImplementationSpecific', 'svc-c']]),
      '',
      'regex',
      '  annotations: {nginx.ingress.kubernetes.io/use-regex: "true"}\n',
    );
    const both = ingress(
      paths('foo.example.com', [
        ['/a', 'Prefix', 'svc-a'],
        ['/a', 'Exact', 'svc-b'],
      ]),
      '',
      'both',
    );
    const text = apps + both + regex;
    expect(landed(send(text, 'http://foo.example.com/a/x'))).toBe('svc-a');
    expect(landed(send(text, 'http://foo.example.com/abc'))).toBe('svc-b');
    expect(landed(send(text, 'http://foo.example.com/a'))).toBe('svc-b');
  });
});

// rootfs/etc/nginx/template/nginx.tmpl, a location's proxy_set_header lines
// (use-forwarded-headers off, the default): Host is $best_http_host, X-Real-IP
// and X-Forwarded-For the client's address ($remote_addr), X-Forwarded-Host,
// -Port ($pass_port), -Proto, -Scheme and X-Scheme ($pass_access_scheme), and a
// client's own X-Forwarded-For is passed on as X-Original-Forwarded-For.
describe('the headers ingress-nginx sends upstream', () => {
  const text = apps + ingress(paths('foo.example.com', [['/', 'Prefix', 'svc-a']]));

  it('are the client’s, with the proxy’s forwarding headers, its X-Forwarded-For replaced and kept aside', () => {
    const model = buildModel([{ file: 'ingress.yaml', text }]);
    const result = trace(model, {
      from: 'external',
      to: 'http://foo.example.com/x?y=1',
      headers: ['X-Team: blue', 'X-Forwarded-For: 192.0.2.9'],
    });
    const client = result.destination?.headers['x-real-ip'];
    expect(result.destination?.headers).toEqual({
      host: 'foo.example.com',
      'x-team': 'blue',
      'x-real-ip': client,
      'x-forwarded-for': client,
      'x-forwarded-host': 'foo.example.com',
      'x-forwarded-port': '80',
      'x-forwarded-proto': 'http',
      'x-forwarded-scheme': 'http',
      'x-scheme': 'http',
      'x-original-forwarded-for': '192.0.2.9',
    });
    expect(client).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(result.destination?.query).toBe('y=1');
  });
});
