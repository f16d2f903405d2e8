import { buildModel, type Model } from '../../src/engine/index.ts';

export function model(text: string, file = 'test.yaml'): Model {
  return buildModel([{ file, text }]);
}

/** The error messages, as kubectl would print them, in order. */
export function errors(text: string): string[] {
  return model(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.message);
}

export function warnings(text: string): string[] {
  return model(text)
    .diagnostics.filter((d) => d.severity === 'warning')
    .map((d) => d.message);
}

export function service(spec: string, name = 'my-service'): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${spec
    .trim()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')}\n`;
}

export const myApp = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-app
spec:
  replicas: 2
  selector:
    matchLabels:
      app: my-app
  template:
    metadata:
      labels:
        app: my-app
    spec:
      containers:
      - name: app
        image: ghcr.io/example/my-app:1.0
        ports:
        - containerPort: 8080
`;
