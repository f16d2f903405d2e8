// A cluster with a Gateway for the diagrams' tests: an HTTP listener and an
// HTTPS one for myapp.example.com, two HTTPRoutes (a header filter on /a, a
// weighted split on /b, a catch-all) and a third whose sectionName names no
// listener, so it attaches nowhere; Envoy Gateway's proxy made for it as the
// engine makes it.
import { buildModel, type Model } from '../../src/engine/index.ts';

export const gatewayYaml = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: eg}
spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: eg}
spec:
  gatewayClassName: eg
  listeners:
  - {name: http, protocol: HTTP, port: 80}
  - {name: https, protocol: HTTPS, port: 443, hostname: myapp.example.com, tls: {certificateRefs: [{name: myapp-tls}]}}
---
apiVersion: v1
kind: Secret
metadata: {name: myapp-tls}
type: kubernetes.io/tls
data:
  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCnJvdXRlbGFiLXBsYWNlaG9sZGVyCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K
  tls.key: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpyb3V0ZWxhYi1wbGFjZWhvbGRlcgotLS0tLUVORCBSU0EgUFJJVkFURSBLRVktLS0tLQo=
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: app}
spec:
  parentRefs: [{name: eg}]
  hostnames: [myapp.example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /a}}]
    filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: x-team, value: a}]}}]
    backendRefs: [{name: my-app-a, port: 4200}]
  - matches: [{path: {type: PathPrefix, value: /b}}]
    backendRefs: [{name: my-app-a, port: 4200, weight: 90}, {name: my-app-b, port: 8080, weight: 10}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: fallback}
spec:
  parentRefs: [{name: eg}]
  rules:
  - backendRefs: [{name: default-app, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: stray}
spec:
  parentRefs: [{name: eg, sectionName: grpc}]
  rules:
  - backendRefs: [{name: stray-app, port: 80}]
${['my-app-a:4200', 'my-app-b:8080', 'default-app:80', 'stray-app:80']
  .map((s) => {
    const [name, port] = s.split(':');
    return `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: app, image: x, ports: [{containerPort: ${port}}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec: {selector: {app: ${name}}, ports: [{port: ${port}}]}`;
  })
  .join('\n')}
`;

export const gatewayModel = (): Model => buildModel([{ file: 'gateway.yaml', text: gatewayYaml }]);
