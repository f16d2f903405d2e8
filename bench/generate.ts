// Generates manifests for the benchmarks: a cluster the size of an exercise,
// and one at Kubernetes' scalability thresholds (5,000 nodes, 150,000 Pods,
// 10,000 Services; sig-scalability's "Kubernetes scalability thresholds").

export function exerciseCluster(): string {
  const parts: string[] = [];
  for (const app of ['my-app-a', 'my-app-b', 'default-app']) {
    parts.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
spec:
  replicas: 3
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
      - name: app
        image: example/${app}:1
        ports:
        - name: http
          containerPort: 8080`);
    parts.push(`apiVersion: v1
kind: Service
metadata:
  name: ${app}
spec:
  type: NodePort
  selector:
    app: ${app}
  ports:
  - port: 80
    targetPort: http`);
  }
  return parts.join('\n---\n');
}

/** Files under the engine's 1 MiB limit per file, like a repository of manifests. */
export function thresholdCluster(
  nodes = 5000,
  services = 10000,
  podsPerService = 15,
): { file: string; text: string }[] {
  const files: { file: string; text: string }[] = [];
  let lines: string[] = [];
  const flush = () => {
    files.push({
      file: `part-${String(files.length).padStart(3, '0')}.yaml`,
      text: lines.join('\n'),
    });
    lines = [];
  };
  lines.push(
    'apiVersion: routelab.dev/v1alpha1',
    'kind: Cluster',
    'spec:',
    '  clusterCIDR: 10.0.0.0/8',
    '  serviceCIDR: 172.16.0.0/12',
    '  nodes:',
  );
  for (let i = 0; i < nodes; i++) {
    const third = Math.floor(i / 250);
    const fourth = i % 250;
    lines.push(
      `  - name: node-${i + 1}`,
      `    internalIP: 192.168.${third}.${fourth + 1}`,
      `    podCIDR: 10.${Math.floor(i / 256)}.${i % 256}.0/24`,
    );
  }
  flush();
  for (let s = 0; s < services; s++) {
    if (s > 0 && s % 500 === 0) flush();
    lines.push(
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      `metadata: {name: app-${s}}`,
      'spec:',
      `  replicas: ${podsPerService}`,
      `  selector: {matchLabels: {app: app-${s}}}`,
      '  template:',
      `    metadata: {labels: {app: app-${s}}}`,
      '    spec:',
      `      containers: [{name: app, image: example/app:1, ports: [{name: http, containerPort: 8080}]}]`,
      '---',
      'apiVersion: v1',
      'kind: Service',
      `metadata: {name: svc-${s}}`,
      'spec:',
      `  type: ${s % 10 === 0 ? 'NodePort' : 'ClusterIP'}`,
      `  selector: {app: app-${s}}`,
      '  ports: [{name: http, port: 80, targetPort: http}]',
    );
  }
  flush();
  return files;
}
