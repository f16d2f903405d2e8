// The requests the chapters' figures, the playground and a few neighbours of
// them make on each scenario in content/scenarios/, for the trace/v1 golden
// files: issue 12 allows `routelab trace --json` only to grow (new fields),
// never to change what it already says. Placeholders are filled once, when
// capture-trace-v1.ts writes the golden files, so the cases stay plain CLI
// arguments.
export interface GoldenCase {
  /** The golden file's name (without extension) under fixtures/trace-v1/. */
  name: string;
  scenario: string;
  from: string;
  to: string;
  count?: number;
  extra?: string[];
}

const c = (
  name: string,
  scenario: string,
  from: string,
  to: string,
  count?: number,
  extra?: string[],
): GoldenCase => ({
  name,
  scenario,
  from,
  to,
  ...(count ? { count } : {}),
  ...(extra ? { extra } : {}),
});

export const goldenCases: GoldenCase[] = [
  c('clusterip-pod', 'service-clusterip', 'deployment/my-app', 'http://my-service/'),
  c('clusterip-pod-x20', 'service-clusterip', 'deployment/my-app', 'http://my-service/', 20),
  c('clusterip-external', 'service-clusterip', 'external', 'http://{clusterIP:my-service}/'),
  c('clusterip-node', 'service-clusterip', 'node/node-1', 'http://my-service/'),
  c('clusterip-wrong-port', 'service-clusterip', 'deployment/my-app', 'http://my-service:81/'),
  c(
    'clusterip-pod-ip',
    'service-clusterip',
    'deployment/my-app',
    'http://{clusterIP:my-service}:80/',
  ),
  c('nodeport-node1', 'service-nodeport', 'external', 'http://172.18.0.2:30080/'),
  c('nodeport-without', 'service-nodeport', 'external', 'http://{nodeIPWithout:my-app}:30080/'),
  c(
    'nodeport-without-x20',
    'service-nodeport',
    'external',
    'http://{nodeIPWithout:my-app}:30080/',
    20,
  ),
  c('nodeport-with', 'service-nodeport', 'external', 'http://{nodeIPWith:my-app}:30080/'),
  c('nodeport-closed', 'service-nodeport', 'external', 'http://172.18.0.2:30081/'),
  c('nodeport-from-node', 'service-nodeport', 'node/node-1', 'http://127.0.0.1:30080/'),
  c('loadbalancer', 'service-loadbalancer', 'external', 'http://{lbIP:my-service}/'),
  c('loadbalancer-x20', 'service-loadbalancer', 'external', 'http://{lbIP:my-service}/', 20),
  c('loadbalancer-wrong-port', 'service-loadbalancer', 'external', 'http://{lbIP:my-service}:81/'),
  c(
    'lb-pending-nodeport',
    'service-loadbalancer-pending',
    'external',
    'http://172.18.0.2:{nodePort:my-service}/',
  ),
  c(
    'lb-pending-x20',
    'service-loadbalancer-pending',
    'external',
    'http://172.18.0.2:{nodePort:my-service}/',
    20,
  ),
  c('ingress-a', 'ingress-article', 'external', 'http://myapp.example.com/a'),
  c('ingress-b', 'ingress-article', 'external', 'http://myapp.example.com/b'),
  c('ingress-root', 'ingress-article', 'external', 'http://myapp.example.com/'),
  c('ingress-other-host', 'ingress-article', 'external', 'http://{ingressEntry}/a', undefined, [
    '--header',
    'Host: other.example.com',
  ]),
  c('ingress-a-x20', 'ingress-article', 'external', 'http://myapp.example.com/a', 20),
  c('ingress-https-no-tls', 'ingress-article', 'external', 'https://myapp.example.com/a'),
  c('ingress-unknown-host', 'ingress-article', 'external', 'http://nowhere.example.com/'),
  c('ingress-from-pod', 'ingress-article', 'deployment/my-app-a', 'http://my-app-b/'),
  c('tls-https', 'ingress-tls', 'external', 'https://myapp.example.com/'),
  c('tls-http-redirect', 'ingress-tls', 'external', 'http://myapp.example.com/'),
  c('tls-other-host', 'ingress-tls', 'external', 'http://{ingressEntry}/', undefined, [
    '--header',
    'Host: other.example.com',
  ]),
  c('tls-x20', 'ingress-tls', 'external', 'https://myapp.example.com/', 20),
  c('troubleshoot-node2', 'troubleshoot', 'external', 'http://172.18.0.3:30080/'),
  c('troubleshoot-node1', 'troubleshoot', 'external', 'http://172.18.0.2:30080/'),
  c('troubleshoot-node3', 'troubleshoot', 'external', 'http://172.18.0.4:30080/'),
  c('troubleshoot-x20', 'troubleshoot', 'external', 'http://172.18.0.2:30080/', 20),
  c('troubleshoot-pod', 'troubleshoot', 'deployment/my-app', 'http://my-service/', 20),
  c('v1beta1-a', 'ingress-article-v1beta1', 'external', 'http://myapp.example.com/a'),
  c('gateway-a', 'gateway-article', 'external', 'http://myapp.example.com/a'),
  c('gateway-root', 'gateway-article', 'external', 'http://myapp.example.com/'),
  c('gateway-canary-x20', 'gateway-canary', 'external', 'http://shop.example.com/', 20),
  c(
    'gateway-cross-namespace',
    'gateway-cross-namespace',
    'external',
    'http://shop.example.com/reports',
  ),
];

export const scenarios = [
  'gateway-article',
  'gateway-canary',
  'gateway-cross-namespace',
  'ingress-article-v1beta1',
  'ingress-article',
  'ingress-tls',
  'service-clusterip',
  'service-loadbalancer-pending',
  'service-loadbalancer',
  'service-nodeport',
  'troubleshoot',
];

export const rulesNodes = ['node-1', 'node-2'];
