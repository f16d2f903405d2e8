// Gateway API's hostname rules (apis/v1 shared_types.go Hostname, HTTPRouteSpec
// Hostnames) and the order of routes with equal matches (the specification:
// the oldest route, then namespace/name; Envoy Gateway's provider sorts so).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replacePrefix } from '../../../src/engine/gateway/filters.ts';
import { hostMatches, intersect, specificity } from '../../../src/engine/gateway/hostnames.ts';
import { buildModel, trace } from '../../../src/engine/index.ts';

describe('hostnames', () => {
  it('a wildcard covers one label or more before its suffix, never the suffix itself', () => {
    expect(hostMatches('*.example.com', 'foo.example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'foo.bar.example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'example.com')).toBe(false);
    expect(hostMatches('*.example.com', 'fooexample.com')).toBe(false);
  });

  it('a route serves on a listener where their hostnames intersect, the more specific of each pair', () => {
    expect(intersect(null, [])).toEqual(['*']);
    expect(intersect('*.example.com', [])).toEqual(['*.example.com']);
    expect(intersect('*.example.com', ['a.example.com', 'example.com', '*.b.example.com'])).toEqual(
      ['a.example.com', '*.b.example.com'],
    );
    expect(intersect('a.example.com', ['*.example.com'])).toEqual(['a.example.com']);
    expect(intersect('a.example.com', ['b.example.com'])).toEqual([]);
  });

  it('an exact name beats a longer wildcard, which beats a shorter one, and "*" comes last', () => {
    const host = 'a.b.example.com';
    const ranked = ['*', '*.example.com', '*.b.example.com', 'a.b.example.com'].sort(
      (x, y) => specificity(y, host) - specificity(x, host),
    );
    expect(ranked).toEqual(['a.b.example.com', '*.b.example.com', '*.example.com', '*']);
  });
});

const base = readFileSync(
  join(import.meta.dirname, '..', '..', 'conformance', 'fixtures', 'kubectl', 'gateway.yaml'),
  'utf8',
);
const route = (name: string, service: string, timestamp = '') => `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${name}
${timestamp ? `  creationTimestamp: "${timestamp}"\n` : ''}spec:
  parentRefs: [{name: eg}]
  hostnames: [tie.example.com]
  rules: [{backendRefs: [{name: ${service}, port: 80}]}]
`;
const answered = (text: string) =>
  trace(buildModel([{ file: 't.yaml', text }]), { from: 'external', to: 'http://tie.example.com/' })
    .gateway?.route?.name;

describe('routes with equal matches', () => {
  it('go by namespace/name when created together, whatever the manifests’ order', () => {
    expect(
      answered(base + route('my-app-v2', 'default-app') + route('my-app', 'default-app')),
    ).toBe('my-app');
  });

  it('go to the older route when their creationTimestamps differ', () => {
    const older = route('my-app-v2', 'default-app', '2026-01-01T00:00:00Z');
    const newer = route('my-app', 'default-app', '2026-02-01T00:00:00Z');
    expect(answered(base + newer + older)).toBe('my-app-v2');
  });
});

describe('a host a route names but no Gateway serves', () => {
  it('does not resolve, and the reason names the route and why no Gateway took it', () => {
    const text = `${base}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: stray}
spec:
  parentRefs: [{name: eg, sectionName: https}]
  hostnames: [stray.example.com]
  rules: [{backendRefs: [{name: default-app, port: 80}]}]
`;
    const result = trace(buildModel([{ file: 's.yaml', text }]), {
      from: 'external',
      to: 'http://stray.example.com/',
    });
    expect(result.outcome).toBe('dns-error');
    expect(result.reason).toContain(
      'HTTPRoute default/stray names it, but no Gateway took the route',
    );
    expect(result.reason).toContain('Accepted is False: NoMatchingParent');
  });
});

// apis/v1/httproute_types.go, HTTPPathModifier.ReplacePrefixMatch: the
// specification's table of request path, prefix match, replacement and result.
describe('ReplacePrefixMatch', () => {
  it('rewrites each row of the specification’s table as it says', () => {
    const table: [string, string, string, string][] = [
      ['/foo/bar', '/foo', '/xyz', '/xyz/bar'],
      ['/foo/bar', '/foo', '/xyz/', '/xyz/bar'],
      ['/foo/bar', '/foo/', '/xyz', '/xyz/bar'],
      ['/foo/bar', '/foo/', '/xyz/', '/xyz/bar'],
      ['/foo', '/foo', '/xyz', '/xyz'],
      ['/foo/', '/foo', '/xyz', '/xyz/'],
      ['/foo/bar', '/foo', '', '/bar'],
      ['/foo/', '/foo', '', '/'],
      ['/foo', '/foo', '', '/'],
      ['/foo/', '/foo', '/', '/'],
      ['/foo', '/foo', '/', '/'],
    ];
    for (const [path, prefix, replacement, result] of table)
      expect(replacePrefix(path, prefix, replacement), `${path} ${prefix} ${replacement}`).toBe(
        result,
      );
  });
});
