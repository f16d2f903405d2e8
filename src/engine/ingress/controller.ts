// The ingress controller as it exists in the cluster: ingress-nginx installed
// in namespace ingress-nginx, as its Helm chart installs it (a Deployment of
// the controller, its own Service exposing ports 80 and 443, and the
// IngressClass "nginx" for controller k8s.io/ingress-nginx, marked default).
// These objects go through the same pipeline as the learner's manifests.

/** The file name the built-in objects' diagnostics would carry. */
export const builtInFile = '<ingress-nginx>';
export const controllerName = 'k8s.io/ingress-nginx';
export const controllerNamespace = 'ingress-nginx';
export const controllerService = 'ingress-nginx-controller';
export const controllerLabels = {
  'app.kubernetes.io/name': 'ingress-nginx',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/component': 'controller',
};

const labels = `{app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/instance: ingress-nginx, app.kubernetes.io/component: controller}`;

export function controllerManifests(serviceType: 'LoadBalancer' | 'NodePort' | 'None'): string {
  const parts = [
    `apiVersion: v1
kind: Namespace
metadata: {name: ${controllerNamespace}}`,
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ingress-nginx-controller
  namespace: ${controllerNamespace}
  labels: ${labels}
spec:
  replicas: 1
  selector:
    matchLabels: ${labels}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers:
      - name: controller
        image: registry.k8s.io/ingress-nginx/controller
        ports:
        - {name: http, containerPort: 80, protocol: TCP}
        - {name: https, containerPort: 443, protocol: TCP}`,
    `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx
  labels: ${labels}
  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
spec:
  controller: ${controllerName}`,
  ];
  if (serviceType !== 'None')
    parts.push(`apiVersion: v1
kind: Service
metadata:
  name: ${controllerService}
  namespace: ${controllerNamespace}
  labels: ${labels}
spec:
  type: ${serviceType}
  selector: ${labels}
  ports:
  - {name: http, port: 80, targetPort: http, protocol: TCP}
  - {name: https, port: 443, targetPort: https, protocol: TCP}`);
  return parts.join('\n---\n');
}
