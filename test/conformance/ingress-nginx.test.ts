// How ingress-nginx turns Ingresses into nginx servers and locations, where
// that differs from a plain reading of the Ingress spec. Each case cites the
// ingress-nginx source (kubernetes/ingress-nginx) that decides it.
import { describe, expect, it } from 'vitest';
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
    const both =
      text + ingress(paths('foo.example.com', [['/', 'Prefix', 'svc-b']]), '', 'second');
    expect(landed(send(both, 'http://foo.example.com/'))).toBe('svc-a');
    expect(landed(send(both, 'http://foo.example.com/other'))).toBe('svc-b');
  });
});
