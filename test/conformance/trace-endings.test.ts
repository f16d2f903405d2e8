// What a trace says about how it ended: which rule dropped or refused it, and
// which Service the `service` field names (docs/cli.md "trace --json": "the
// Service that chose the pod: for a request through an Ingress, the Ingress
// rule's backend Service ... null when no Service was involved"). Sources:
// - kubernetes/kubernetes pkg/proxy/iptables/proxier.go syncProxyRules: the
//   KUBE-FW-<hash> chain (`-s <range> -j KUBE-EXT-...`, then "other traffic
//   to <svc> will be dropped by KUBE-PROXY-FIREWALL"), the filter chain
//   KUBE-PROXY-FIREWALL ("<svc> traffic not accepted by KUBE-FW-<hash>" -d
//   <lbIP> -j DROP), "has no endpoints" REJECTs and "has no local endpoints"
//   DROPs; proxier_test.go TestOverallIPTablesRules (ns5/svc5 with
//   loadBalancerSourceRanges);
// - kubernetes/cloud-provider service/helpers/helper.go
//   GetLoadBalancerSourceRanges (the ranges a provider programs its firewall
//   with: the field, else the service.beta.kubernetes.io/load-balancer-source-ranges
//   annotation, else 0.0.0.0/0);
// - kubernetes/ingress-nginx docs "TLS/HTTPS" (force-ssl-redirect redirects
//   even without TLS) and internal/ingress/controller/controller.go (the
//   default backend's 404, 503 for an upstream without endpoints).
import { describe, expect, it } from 'vitest';
import { buildModel, type TraceResult, trace } from '../../src/engine/index.ts';
import { engineWordsIn } from '../../src/i18n/engine/tables.ts';
import { myApp } from '../support/engine.ts';
import { apps, ingress, paths, send } from '../support/ingress.ts';

const say = (message: TraceResult['reasonMessage'], locale: 'ja' | 'en') =>
  engineWordsIn[locale].say(message);

const lbService = (extra: string, meta = '') => `---
apiVersion: v1
kind: Service
metadata:
  name: my-service
${meta}spec:
  type: LoadBalancer
${extra}  selector:
    app: my-app
  ports:
  - protocol: TCP
    port: 80
    targetPort: 8080
`;

function run(text: string, from: string, to: (lbIP: string) => string): TraceResult {
  const model = buildModel([{ file: 'scenario.yaml', text }]);
  expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const lbIP = model.services.find((s) => s.metadata.name === 'my-service')?.loadBalancerIngress[0];
  if (!lbIP) throw new Error('the scenario needs a load-balancer address');
  return trace(model, { from, to: to(lbIP) });
}

describe('loadBalancerSourceRanges from outside: the provider’s firewall', () => {
  const ranges = (list: string) => `  loadBalancerSourceRanges: [${list}]\n`;

  it('drops a client outside the ranges at the load balancer, naming the Service and the ranges', () => {
    // The default external client is 203.0.113.10 (docs/cli.md).
    const result = run(
      myApp + lbService(ranges('10.0.0.0/8, 192.168.1.7/16')),
      'external',
      (ip) => `http://${ip}/`,
    );
    expect(result.outcome).toBe('timeout');
    expect(result.status).toBeNull();
    expect(result.destination).toBeNull();
    expect(result.reasonMessage.id).toBe('lb.source-range-reason');
    expect(result.reason).toContain('default/my-service');
    // Each range as the network it is (192.168.1.7/16 is 192.168.0.0/16).
    expect(result.reason).toContain('10.0.0.0/8, 192.168.0.0/16');
    expect(result.reason).toContain('203.0.113.10');
    expect(result.hops.at(-1)).toMatchObject({ kind: 'load-balancer', at: 'cloud' });
    // No node saw it.
    expect(result.hops.some((h) => h.kind === 'node')).toBe(false);
    expect(result.service?.name).toBe('my-service');
  });

  it('lets a client inside the ranges through to a Pod', () => {
    const result = run(
      myApp + lbService(ranges('10.0.0.0/8, 203.0.113.0/24')),
      'external',
      (ip) => `http://${ip}/`,
    );
    expect(result.outcome).toBe('delivered');
    expect(result.hops.some((h) => h.kind === 'node')).toBe(true);
  });

  it('reads the older annotation when the field is empty, as providers do', () => {
    const meta = (v: string) =>
      `  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: "${v}"\n`;
    const outside = run(
      myApp + lbService('', meta('10.0.0.0/8')),
      'external',
      (ip) => `http://${ip}/`,
    );
    expect(outside.outcome).toBe('timeout');
    expect(outside.reason).toContain('10.0.0.0/8');
    const inside = run(
      myApp + lbService('', meta('10.0.0.0/8, 203.0.113.10/32')),
      'external',
      (ip) => `http://${ip}/`,
    );
    expect(inside.outcome).toBe('delivered');
  });
});

describe('loadBalancerSourceRanges inside the cluster: kube-proxy’s KUBE-FW and KUBE-PROXY-FIREWALL', () => {
  const onlyClient = `  loadBalancerSourceRanges: [203.0.113.0/24]\n`;

  it('drops a Pod’s packet to the LB IP in KUBE-PROXY-FIREWALL and says so, not externalTrafficPolicy', () => {
    const result = run(myApp + lbService(onlyClient), 'deployment/my-app', (ip) => `http://${ip}/`);
    expect(result.outcome).toBe('timeout');
    const chains = result.hops
      .filter((h) => h.kind === 'iptables')
      .map((h) => `${h.table} ${h.chain}`);
    // Through the Service's KUBE-FW chain, whose -s rules let no Pod address on:
    // its last rule says where the packet goes next.
    const fw = result.hops.find((h) => h.chain?.startsWith('KUBE-FW-'));
    expect(fw?.detail).toContain('will be dropped by KUBE-PROXY-FIREWALL');
    expect(chains.at(-1)).toBe('filter KUBE-PROXY-FIREWALL');
    expect(result.hops.at(-1)?.detail).toMatch(/traffic not accepted by KUBE-FW-\w+.*-j DROP/);
    expect(result.reasonMessage.id).toBe('iptables.dropped-source-range');
    expect(result.reason).toContain('KUBE-PROXY-FIREWALL');
    expect(result.reason).toContain('203.0.113.0/24');
    expect(result.reason).toContain('default/my-service');
    expect(result.reason).not.toContain('externalTrafficPolicy');
    expect(result.service?.name).toBe('my-service');
  });

  it('drops a node’s own request too (filter OUTPUT), and lets it on when a range holds the node', () => {
    const dropped = run(myApp + lbService(onlyClient), 'node/node-1', (ip) => `http://${ip}/`);
    expect(dropped.outcome).toBe('timeout');
    expect(dropped.reasonMessage.id).toBe('iptables.dropped-source-range');
    expect(dropped.reason).toContain('the source 172.18.0.2');
    const allowed = run(
      myApp + lbService('  loadBalancerSourceRanges: [203.0.113.0/24, 172.18.0.0/16]\n'),
      'node/node-1',
      (ip) => `http://${ip}/`,
    );
    expect(allowed.outcome).toBe('delivered');
  });

  it('lets a Pod whose address is in the ranges through KUBE-FW to KUBE-EXT', () => {
    const result = run(
      myApp + lbService('  loadBalancerSourceRanges: [203.0.113.0/24, 10.244.0.0/16]\n'),
      'deployment/my-app',
      (ip) => `http://${ip}/`,
    );
    expect(result.outcome).toBe('delivered');
    expect(result.hops.some((h) => h.chain?.startsWith('KUBE-EXT-'))).toBe(true);
  });
});

describe('a DROP or REJECT is named by the rule that made it', () => {
  const nodePort = lbService('')
    .replace('type: LoadBalancer', 'type: NodePort')
    .replace('targetPort: 8080', 'targetPort: 8080\n    nodePort: 30080');

  it('externalTrafficPolicy Local: the chain and the "has no local endpoints" comment', () => {
    const local = nodePort.replace(
      'type: NodePort',
      'type: NodePort\n  externalTrafficPolicy: Local',
    );
    const model = buildModel([{ file: 's', text: myApp + local }]);
    const withPod = new Set(
      model.pods.filter((p) => p.metadata.labels.app === 'my-app').map((p) => p.nodeName),
    );
    const without = model.nodes.find((n) => !withPod.has(n.name));
    if (!without) throw new Error('the scenario needs a node without a Pod');
    const result = trace(model, { from: 'external', to: `http://${without.internalIP}:30080/` });
    expect(result.outcome).toBe('timeout');
    expect(result.reasonMessage.id).toBe('iptables.dropped-no-local');
    expect(result.reason).toContain('filter KUBE-EXTERNAL-SERVICES');
    expect(result.reason).toContain('"default/my-service has no local endpoints"');
    expect(result.reason).toContain('externalTrafficPolicy is Local');
    expect(result.service?.name).toBe('my-service');
  });

  it('a REJECT for no endpoints names the Service whose rule rejected', () => {
    const nobody = nodePort.replace('app: my-app\n  ports', 'app: nobody\n  ports');
    const result = run(
      myApp + nobody.replace('type: NodePort', 'type: LoadBalancer'),
      'external',
      () => 'http://172.18.0.2:30080/',
    );
    expect(result.outcome).toBe('refused');
    expect(result.service).toEqual({
      name: 'my-service',
      namespace: 'default',
      type: 'LoadBalancer',
      port: 80,
      targetPort: 8080,
    });
    expect(result.reason).toContain('Service default/my-service has no ready endpoints');
  });

  it('a DROP with no Service behind it names its chain and rule (KUBE-FORWARD’s INVALID drop)', async () => {
    const { filteredEnding } = await import('../../src/engine/trace/dropped.ts');
    const { kubeProxyRules } = await import('../../src/engine/kubeproxy/rules.ts');
    const model = buildModel([{ file: 's', text: myApp }]);
    const node = model.nodes[0];
    if (!node) throw new Error('no node');
    const invalid = kubeProxyRules(model, node).filter.rules.find(
      (r) => r.chain === 'KUBE-FORWARD' && r.jump === 'DROP',
    );
    if (!invalid) throw new Error('kube-proxy writes KUBE-FORWARD’s INVALID drop');
    const packet = { src: '10.244.1.2', dst: '10.244.2.2', dport: 80, protocol: 'tcp' as const };
    const ending = filteredEnding(
      model,
      node.name,
      { verdict: 'DROP', chain: 'KUBE-FORWARD', rule: invalid },
      packet,
      () => {},
    );
    expect(ending.outcome).toBe('timeout');
    const en = say(ending.reason, 'en');
    expect(en).toContain('filter KUBE-FORWARD');
    expect(en).toContain('--ctstate INVALID');
    expect(en).not.toMatch(/TrafficPolicy/);
    expect(say(ending.reason, 'ja')).toContain('KUBE-FORWARD');
  });
});

describe('the service field through an Ingress', () => {
  const one = ingress(paths('myapp.example.com', [['/a', 'Prefix', 'svc-a']]));

  it('is null for the default backend’s 404 (no rule, no Service chose a pod)', () => {
    const result = send(apps + one, 'http://myapp.example.com/zzz');
    expect(result.status).toBe(404);
    expect(result.service).toBeNull();
  });

  it('names the rule’s backend Service for its 503 when it has no endpoints, not the controller’s', () => {
    const empty = apps.replace('selector: {app: svc-a}', 'selector: {app: nobody}');
    const result = send(empty + one, 'http://myapp.example.com/a');
    expect(result.status).toBe(503);
    expect(result.service).toMatchObject({ name: 'svc-a', namespace: 'default', port: 80 });
  });

  it('is null when the backend Service does not exist', () => {
    const missing = ingress(paths('myapp.example.com', [['/a', 'Prefix', 'svc-z']]));
    const result = send(apps + missing, 'http://myapp.example.com/a');
    expect(result.status).toBe(503);
    expect(result.service).toBeNull();
  });

  it('is null for a redirect: the backend was never reached', () => {
    const forced = ingress(
      paths('myapp.example.com', [['/', 'Prefix', 'svc-a']]),
      '',
      'test',
      '  annotations: {nginx.ingress.kubernetes.io/force-ssl-redirect: "true"}\n',
    );
    const result = send(apps + forced, 'http://myapp.example.com/');
    expect(result.status).toBe(308);
    expect(result.service).toBeNull();
  });
});

describe('the service field for an ExternalName backend', () => {
  const api = (ports: string) => `---
apiVersion: v1
kind: Service
metadata: {name: api}
spec:
  type: ExternalName
  externalName: api.example.org
${ports}${ingress(`  - host: foo.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: api, port: {name: https}}}}
`)}`;

  it('is the ExternalName Service when it has the rule’s port, null when it has none', () => {
    const named = send(
      api('  ports: [{name: https, port: 443, targetPort: 8443}]\n'),
      'http://foo.example.com/',
    );
    expect(named.service).toEqual({
      name: 'api',
      namespace: 'default',
      type: 'ExternalName',
      port: 443,
      targetPort: 8443,
    });
    const portless = send(api(''), 'http://foo.example.com/');
    expect(portless.service).toBeNull();
  });
});

describe('force-ssl-redirect’s reason says only what is true', () => {
  it('without a tls section: the annotation forces it, and TLS is not said to be configured', () => {
    const forced = ingress(
      paths('myapp.example.com', [['/', 'Prefix', 'svc-a']]),
      '',
      'test',
      '  annotations: {nginx.ingress.kubernetes.io/force-ssl-redirect: "true"}\n',
    );
    const result = send(apps + forced, 'http://myapp.example.com/');
    expect(result.status).toBe(308);
    expect(result.reason).toContain('force-ssl-redirect');
    expect(result.reason).not.toContain('TLS is configured');
    expect(result.reason).toContain('no tls section');
    const ja = say(result.reasonMessage, 'ja');
    expect(ja).toContain('force-ssl-redirect');
    expect(ja).not.toContain('TLS が設定されています');
  });
});
