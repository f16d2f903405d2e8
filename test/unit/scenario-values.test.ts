// The values a chapter quotes through <ScenarioValue>: each is what the engine
// itself says about the scenario (its model, kube-proxy's rules), and a value
// that names nothing stops the build instead of printing a blank.
import { describe, expect, it } from 'vitest';
import { serviceListing, servicesTable } from '../../src/course/kubectl-get.ts';
import {
  kubectlGetService,
  scenarioModel,
  scenarioText,
  scenarioValue,
  serviceNFTables,
  serviceRules,
} from '../../src/course/scenario-values.ts';
import { iptables, nftables } from '../../src/engine/index.ts';
import { chapterSlugs, locales, readPage } from '../support/course.ts';
import { model, service } from '../support/engine.ts';

const clusterip = 'service-clusterip.yaml';
const nodeport = 'service-nodeport.yaml';

describe('scenarioValue', () => {
  const model = scenarioModel(nodeport);
  const service = model.services.find((s) => s.metadata.name === 'my-service');
  const app = model.pods.filter((p) => p.owner === 'Deployment/my-app');

  it('gives the Service, node and Pod values of the model', () => {
    expect(scenarioValue(nodeport, 'clusterIP:my-service')).toBe(service?.clusterIP);
    expect(scenarioValue(nodeport, 'nodePort:my-service')).toBe(
      String(service?.ports[0]?.nodePort),
    );
    expect(scenarioValue(nodeport, 'nodeIP:node-2')).toBe(model.nodes[1]?.internalIP);
    expect(scenarioValue(nodeport, 'podCIDR:node-1')).toBe(model.nodes[0]?.podCIDR);
    expect(scenarioValue(nodeport, 'podName:my-app:1')).toBe(app[1]?.metadata.name);
    expect(scenarioValue(nodeport, 'podIP:my-app:0')).toBe(app[0]?.podIP);
    expect(scenarioValue(nodeport, 'externalClient')).toBe(model.cluster.externalClient);
    expect(scenarioValue(nodeport, 'clusterDNS')).toBe(model.cluster.clusterDNS);
  });

  it('picks the node without a my-app Pod as the NodePort figure does', () => {
    const hosting = new Set(app.map((p) => p.nodeName));
    const ip = scenarioValue(nodeport, 'nodeIPWithout:my-app');
    const node = model.nodes.find((n) => n.internalIP === ip);
    expect(node && hosting.has(node.name)).toBe(false);
  });

  it('names the chains kube-proxy writes on the nodes', () => {
    const rules = iptables(model, 'node-1') ?? '';
    const svc = scenarioValue(nodeport, 'svc:my-service');
    const ext = scenarioValue(nodeport, 'ext:my-service');
    const sep = scenarioValue(nodeport, 'sep:my-service:my-app:0');
    expect(svc).toMatch(/^KUBE-SVC-[A-Z2-7]{16}$/);
    expect(ext).toBe(svc.replace('KUBE-SVC-', 'KUBE-EXT-'));
    expect(scenarioValue(nodeport, 'svl:my-service')).toBe(svc.replace('KUBE-SVC-', 'KUBE-SVL-'));
    expect(rules).toContain(`--dport ${service?.ports[0]?.nodePort} -j ${ext}`);
    // The SEP chain of Pod 0 is the one that DNATs to Pod 0's address.
    expect(rules).toContain(
      `-A ${sep} -m comment --comment default/my-service -m tcp -p tcp -j DNAT --to-destination ${app[0]?.podIP}:8080`,
    );
  });

  it('fills a text holding several values', () => {
    expect(scenarioText(nodeport, '{nodeIP:node-1}:{nodePort:my-service}')).toBe(
      `${model.nodes[0]?.internalIP}:${service?.ports[0]?.nodePort}`,
    );
  });

  it('stops on a value the scenario does not have', () => {
    expect(() => scenarioValue(nodeport, 'clusterIP:no-such')).toThrow(/no Service no-such/);
    expect(() => scenarioValue(nodeport, 'podIP:my-app:2')).toThrow(/has 2 Pods/);
    expect(() => scenarioValue(nodeport, 'nodeIP:node-9')).toThrow(/no node node-9/);
    expect(() => scenarioValue(clusterip, 'nodePort:my-service')).toThrow(/no NodePort/);
    expect(() => scenarioValue(nodeport, 'bogus:x')).toThrow(/unknown scenario value/);
    expect(() => scenarioValue('no-such.yaml', 'clusterIP:my-service')).toThrow();
  });
});

describe('serviceRules', () => {
  it('lists only lines of the node’s rules, entry first, each chain after the jump to it', () => {
    const model = scenarioModel(clusterip);
    const all = (iptables(model, 'node-3') ?? '').split('\n');
    const lines = serviceRules(clusterip, 'node-3', 'my-service').split('\n');
    for (const line of lines) expect(all).toContain(line);
    const svc = scenarioValue(clusterip, 'svc:my-service');
    const sep0 = scenarioValue(clusterip, 'sep:my-service:my-app:0');
    const sep1 = scenarioValue(clusterip, 'sep:my-service:my-app:1');
    const first = (chain: string) => lines.findIndex((l) => l.startsWith(`-A ${chain} `));
    expect(lines[0]).toMatch(new RegExp(`^-A KUBE-SERVICES .* -j ${svc}$`));
    expect(first(svc)).toBe(1);
    // Every rule of each chain: 1 entry, 3 in KUBE-SVC, 2 in each KUBE-SEP.
    expect(lines).toHaveLength(8);
    expect(first(sep0)).toBeLessThan(first(sep1));
    expect(lines.filter((l) => l.startsWith(`-A ${sep0} `))).toHaveLength(2);
  });
});

describe('serviceRules, saved', () => {
  it('is what `iptables-save -t nat | grep my-service` shows on the node, in that order', () => {
    const model = scenarioModel(clusterip);
    const saved = (iptables(model, 'node-3', 'save') ?? '').split('\n');
    const nat = saved.slice(saved.indexOf('*nat'));
    const grep = nat.filter((line) => line.includes('my-service'));
    expect(serviceRules(clusterip, 'node-3', 'my-service', 'save').split('\n')).toEqual(grep);
    // The same rules as the restore listing, one for one.
    expect(grep).toHaveLength(serviceRules(clusterip, 'node-3', 'my-service').split('\n').length);
    const svc = scenarioValue(clusterip, 'svc:my-service');
    expect(grep).toContain(
      `-A KUBE-SERVICES -d ${scenarioValue(clusterip, 'clusterIP:my-service')}/32 -p tcp -m comment --comment "default/my-service cluster IP" -m tcp --dport 80 -j ${svc}`,
    );
    // iptables-save sorts the chains: KUBE-SEP-… before KUBE-SERVICES and KUBE-SVC-….
    expect(grep[0]).toMatch(/^-A KUBE-SEP-/);
  });
});

describe('serviceNFTables', () => {
  const loadbalancer = 'service-loadbalancer.yaml';
  const listing = (scenario: string, node: string, svc = 'my-service') =>
    serviceNFTables(scenario, node, svc).split('\n');
  const dump = (scenario: string, node: string) =>
    (nftables(scenarioModel(scenario), node) ?? '').split('\n');
  const rulesOf = (lines: string[], chain: string) =>
    lines.filter((l) => l.startsWith(`add rule ip kube-proxy ${chain} `));
  /** The chain the Service's ClusterIP element sends to, read from the whole table. */
  const serviceChain = (scenario: string, node: string) => {
    const ip = scenarioValue(scenario, 'clusterIP:my-service');
    const element = dump(scenario, node).find((l) =>
      l.startsWith(`add element ip kube-proxy service-ips { ${ip} . tcp . 80 : goto `),
    );
    return /goto (\S+) \}$/.exec(element ?? '')?.[1] ?? '';
  };

  it('lists only lines of the node’s table, the map lookup first, then the element it finds', () => {
    const lines = listing(clusterip, 'node-3');
    const all = dump(clusterip, 'node-3');
    for (const line of lines) expect(all).toContain(line);
    const ip = scenarioValue(clusterip, 'clusterIP:my-service');
    const svc = serviceChain(clusterip, 'node-3');
    expect(svc).toMatch(/^service-[A-Z2-7]{8}-default\/my-service\/tcp\/$/);
    expect(lines.slice(0, 2)).toEqual([
      'add rule ip kube-proxy services ip daddr . meta l4proto . th dport vmap @service-ips',
      `add element ip kube-proxy service-ips { ${ip} . tcp . 80 : goto ${svc} }`,
    ]);
    // Every rule of the service- chain, then of each endpoint- chain it picks from.
    const svcRules = rulesOf(lines, svc);
    expect(svcRules).toEqual(rulesOf(all, svc));
    const pick = svcRules.find((l) => l.includes('numgen random mod 2 vmap')) ?? '';
    const endpoints = [...pick.matchAll(/goto (\S+)/g)].map((m) => m[1] ?? '');
    expect(endpoints).toHaveLength(2);
    for (const [i, chain] of endpoints.entries()) {
      const podIP = scenarioValue(clusterip, `podIP:my-app:${i}`);
      expect(chain).toMatch(
        new RegExp(`^endpoint-[A-Z2-7]{8}-default/my-service/tcp/__${podIP}/8080$`),
      );
      expect(rulesOf(lines, chain)).toEqual(rulesOf(all, chain));
      expect(rulesOf(lines, chain)).toContain(
        `add rule ip kube-proxy ${chain} meta l4proto tcp dnat to ${podIP}:8080`,
      );
      expect(lines.indexOf(rulesOf(lines, chain)[0] ?? '')).toBeGreaterThan(lines.indexOf(pick));
    }
    // The masquerading its rules ask for closes the listing.
    expect(lines.at(-1)).toBe('add rule ip kube-proxy masquerading masquerade fully-random');
    expect(lines).toContain('add rule ip kube-proxy mark-for-masquerade mark set mark or 0x4000');
  });

  it('has nothing of the cluster’s other Services', () => {
    const model = scenarioModel(clusterip);
    const others = model.services.filter((s) => s.metadata.name !== 'my-service');
    expect(others.length).toBeGreaterThan(0);
    const text = serviceNFTables(clusterip, 'node-3', 'my-service');
    for (const other of others) {
      expect(text).not.toContain(other.metadata.name);
      if (other.clusterIP) expect(text).not.toContain(other.clusterIP);
    }
    // The whole table has them, so the listing left them out.
    expect(dump(clusterip, 'node-3').join('\n')).toContain(others[0]?.metadata.name);
    expect(text).not.toContain('service-nodeports');
  });

  it('adds the NodePort lookup and element, and the external- chain it leads to', () => {
    const lines = listing(nodeport, 'node-1');
    const all = dump(nodeport, 'node-1');
    for (const line of lines) expect(all).toContain(line);
    const svc = serviceChain(nodeport, 'node-1');
    const ext = svc.replace(/^service-/, 'external-');
    const lookup =
      'add rule ip kube-proxy services ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports';
    const element = `add element ip kube-proxy service-nodeports { tcp . ${scenarioValue(nodeport, 'nodePort:my-service')} : goto ${ext} }`;
    expect(lines.indexOf(element)).toBe(lines.indexOf(lookup) + 1);
    expect(rulesOf(lines, ext)).toEqual([
      `add rule ip kube-proxy ${ext} jump mark-for-masquerade`,
      `add rule ip kube-proxy ${ext} goto ${svc}`,
    ]);
    const otherPorts = all.filter((l) =>
      l.startsWith('add element ip kube-proxy service-nodeports'),
    );
    expect(otherPorts.length).toBeGreaterThan(1);
    expect(
      lines.filter((l) => l.startsWith('add element ip kube-proxy service-nodeports')),
    ).toEqual([element]);
  });

  it('follows a Service with several ports and a load-balancer address, and no other', () => {
    const text = serviceNFTables(loadbalancer, 'node-1', 'ingress-nginx/ingress-nginx-controller');
    const lbIP = scenarioValue(loadbalancer, 'lbIP:ingress-nginx/ingress-nginx-controller');
    expect(text).toContain(`{ ${lbIP} . tcp . 443 : goto external-`);
    expect(text).toMatch(
      /endpoint-[A-Z2-7]{8}-ingress-nginx\/ingress-nginx-controller\/tcp\/https__/,
    );
    expect(text).not.toContain('default/my-service');
    expect(text).not.toContain(scenarioValue(loadbalancer, 'clusterIP:my-service'));
  });

  it('is empty where kube-proxy is stopped, and stops on a node or Service that is not there', () => {
    expect(serviceNFTables('troubleshoot.yaml', 'node-2', 'my-service')).toBe('');
    expect(serviceNFTables('troubleshoot.yaml', 'node-1', 'my-service')).not.toBe('');
    expect(() => serviceNFTables(clusterip, 'node-9', 'my-service')).toThrow(/no node node-9/);
    expect(() => serviceNFTables(clusterip, 'node-1', 'no-such')).toThrow(/no Service no-such/);
  });
});

describe('the chapters’ nftables listings', () => {
  const calls = locales.flatMap((locale) =>
    chapterSlugs.flatMap((slug) => {
      const page = readPage(locale, slug);
      return [...page.matchAll(/serviceNFTables\('([^']+)', '([^']+)', '([^']+)'\)/g)].map(
        ([, scenario = '', node = '', svc = '']) => ({
          where: `${locale}/${slug}`,
          page,
          scenario,
          node,
          svc,
        }),
      );
    }),
  );

  it('are in chapters 3 and 4 of both locales, each after the same Service’s iptables rules', () => {
    expect(calls.map((c) => c.where).sort()).toEqual([
      'en/chapters/clusterip',
      'en/chapters/nodeport',
      'ja/chapters/clusterip',
      'ja/chapters/nodeport',
    ]);
    for (const { where, page, scenario, node, svc } of calls) {
      const iptablesAt = page.indexOf(`serviceRules('${scenario}', '${node}', '${svc}')`);
      const nftAt = page.indexOf(`serviceNFTables('${scenario}', '${node}', '${svc}')`);
      expect(iptablesAt, where).toBeGreaterThan(-1);
      expect(iptablesAt, where).toBeLessThan(nftAt);
    }
  });

  it('each print rules the node’s kube-proxy writes', () => {
    for (const { where, scenario, node, svc } of calls) {
      const lines = serviceNFTables(scenario, node, svc).split('\n');
      expect(lines.length, where).toBeGreaterThan(5);
      const all = (nftables(scenarioModel(scenario), node) ?? '').split('\n');
      for (const line of lines) expect(all, where).toContain(line);
    }
  });
});

describe('kubectlGetService', () => {
  it('prints the columns kubectl prints, from the model', () => {
    expect(kubectlGetService('service-loadbalancer.yaml', 'my-service', '40s')).toBe(
      [
        'NAME         TYPE           CLUSTER-IP      EXTERNAL-IP    PORT(S)        AGE',
        `my-service   LoadBalancer   ${scenarioValue('service-loadbalancer.yaml', 'clusterIP:my-service')}   ${scenarioValue('service-loadbalancer.yaml', 'lbIP:my-service')}   80:${scenarioValue('service-loadbalancer.yaml', 'nodePort:my-service')}/TCP   40s`,
      ].join('\n'),
    );
    const pending = kubectlGetService('service-loadbalancer-pending.yaml', 'my-service', '10m');
    expect(pending.split('\n')[1]).toMatch(
      /^my-service {3}LoadBalancer {3}\S+ {3}<pending> {5}80:\d+\/TCP {3}10m$/,
    );
    expect(kubectlGetService(clusterip, 'my-service', '5s').split('\n')[1]).toMatch(
      /ClusterIP {3}\S+ {3}<none> {8}80\/TCP {4}5s$/,
    );
  });
});

describe('serviceListing (the chapters’ kubectl get service)', () => {
  const cluster = model(
    [
      service(
        'selector:\n  app: my-app\nports:\n- port: 80\nexternalIPs:\n- 203.0.113.7',
        'with-ips',
      ),
      service('type: ExternalName\nexternalName: db.example.com', 'elsewhere'),
    ].join('---\n'),
  );
  const listed = (name: string) => {
    const svc = cluster.services.find((s) => s.metadata.name === name);
    if (!svc) throw new Error(`no Service ${name}`);
    return serviceListing(svc, '1m').split('\n')[1] ?? '';
  };

  it('shows externalIPs and an ExternalName in EXTERNAL-IP, as routelab get does', () => {
    // The chapters had their own copy that printed <none> for both.
    expect(listed('with-ips')).toMatch(/ClusterIP {3}\S+ {3}203\.0\.113\.7 {3}80\/TCP {4}1m$/);
    expect(listed('elsewhere')).toMatch(/^elsewhere {3}ExternalName {3}<none> {7}db\.example\.com/);
    const cli = servicesTable(cluster);
    expect(cli).toContain('203.0.113.7');
    expect(cli).toContain('db.example.com');
  });
});
