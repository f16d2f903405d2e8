// The Ingress fixtures' shared pieces: apps (a Deployment and Service each),
// an Ingress of class nginx, and a request sent from outside.
import { expect } from 'vitest';
import { buildModel, type TraceResult, trace } from '../../src/engine/index.ts';

export function app(name: string, port = 8080): string {
  return `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: app, image: example/${name}:1, ports: [{containerPort: ${port}}]}]
---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  selector: {app: ${name}}
  ports: [{name: http, port: 80, targetPort: ${port}}]
`;
}

export const backend = (service: string) =>
  `backend: {service: {name: ${service}, port: {number: 80}}}`;

export function ingress(rules: string, extra = '', name = 'test', meta = ''): string {
  return `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
${meta}spec:
  ingressClassName: nginx
${extra}  rules:
${rules}`;
}

export function paths(host: string, entries: [string, string, string][]): string {
  return `  - ${host ? `host: ${host}\n    ` : ''}http:
      paths:
${entries.map(([path, type, svc]) => `      - {path: ${path}, pathType: ${type}, ${backend(svc)}}`).join('\n')}
`;
}

export function send(
  text: string,
  url: string,
  extra: { from?: string; resolve?: string } = {},
): TraceResult {
  const model = buildModel([{ file: 'ingress.yaml', text }]);
  const errors = model.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => d.message)).toEqual([]);
  const resolve = new Map<string, string>();
  if (extra.resolve) {
    const lb =
      model.services.find((s) => s.metadata.name === 'ingress-nginx-controller')
        ?.loadBalancerIngress[0] ?? '';
    resolve.set(extra.resolve, lb);
  }
  return trace(model, { from: extra.from ?? 'external', to: url, resolve });
}

/** Which app answered, or the status of an HTTP error. */
export function landed(result: TraceResult): string {
  if (result.outcome === 'delivered') return result.destination?.labels.app ?? '?';
  return String(result.status ?? result.outcome);
}

export const apps = ['svc-a', 'svc-b', 'svc-c', 'svc-d'].map((n) => app(n)).join('');
