// Name resolution as CoreDNS and the kubelet make it. Sources, per case below:
// coredns/coredns plugin/kubernetes/kubernetes.go (findServices,
// endpointHostname), plugin/backend_lookup.go (A: following a CNAME inside the
// zone), kubernetes/dns docs/specification.md, kubernetes/kubernetes
// pkg/kubelet/network/dns/dns.go (GetPodDNS, getPodDNSType,
// generateSearchesForDNSClusterFirst) and pkg/kubelet/kubelet_pods.go
// (managedHostsFileContent).
import { describe, expect, it } from 'vitest';
import {
  buildModel,
  type Model,
  servedObjects,
  type TraceResult,
  trace,
} from '../../src/engine/index.ts';

const deployment = (name: string, ns: string) => `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - name: app
        image: ghcr.io/example/${name}:1.0
        ports: [{containerPort: 8080}]
`;
const service = (name: string, ns: string, extra = '') => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {app: ${name}}
  ports: [{port: 80, targetPort: 8080}]
${extra}`;
const externalName = (name: string, target: string) => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  type: ExternalName
  externalName: ${target}
`;
const client = deployment('client', 'default');

function build(text: string): Model {
  const model = buildModel([{ file: 'scenario.yaml', text }]);
  expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return model;
}

function run(model: Model, to: string, from = 'deployment/client'): TraceResult {
  return trace(model, { from, to }, { count: 1 });
}

const clusterIPOf = (model: Model, ns: string, name: string) =>
  model.services.find((s) => s.metadata.namespace === ns && s.metadata.name === name)?.clusterIP;
const podOf = (model: Model, owner: string) => model.pods.find((p) => p.owner === owner);

// CoreDNS answers an ExternalName Service with a CNAME (kubernetes.go
// findServices: `Host: svc.ExternalName`), and plugin/backend_lookup.go A
// follows it itself when the target is in its zone
// (`dns.IsSubDomain(zone, dns.Fqdn(serv.Host))`: the CNAME and the target's
// A records in one response); a target outside the zone goes to the upstream
// resolver (`b.Lookup`), as any outside name does.
describe('an ExternalName Service', () => {
  const other = `---
apiVersion: v1
kind: Namespace
metadata: {name: ns2}
${deployment('other', 'ns2')}${service('other', 'ns2')}`;

  it('naming a Service in the cluster domain reaches that Service', () => {
    for (const target of ['other.ns2.svc.cluster.local', 'other.ns2.svc.cluster.local.']) {
      const model = build(client + other + externalName('ext-svc', target));
      const result = run(model, 'http://ext-svc/');
      expect(result.outcome).toBe('delivered');
      expect(result.destination?.pod).toBe(podOf(model, 'Deployment/other')?.metadata.name);
      expect(result.service).toMatchObject({ name: 'other', namespace: 'ns2', port: 80 });
      expect(result.hops[0]?.message).toEqual({
        id: 'dns.cname-in-zone',
        params: {
          host: 'ext-svc',
          externalName: target,
          ip: clusterIPOf(model, 'ns2', 'other'),
          service: 'ns2/other',
        },
      });
    }
  });

  it('follows a chain of ExternalName Services inside the zone', () => {
    const model = build(
      client +
        other +
        externalName('ext-svc', 'hop.default.svc.cluster.local') +
        externalName('hop', 'other.ns2.svc.cluster.local'),
    );
    const result = run(model, 'http://ext-svc/');
    expect(result.outcome).toBe('delivered');
    expect(result.hops[0]?.message.params).toMatchObject({
      ip: clusterIPOf(model, 'ns2', 'other'),
    });
  });

  it('naming a Service the zone does not have does not resolve', () => {
    const model = build(client + externalName('ext-svc', 'missing.ns2.svc.cluster.local'));
    const result = run(model, 'http://ext-svc/');
    expect(result.outcome).toBe('dns-error');
    expect(result.reasonMessage).toEqual({
      id: 'dns.cname-failed',
      params: {
        fqdn: 'ext-svc.default.svc.cluster.local',
        externalName: 'missing.ns2.svc.cluster.local',
        inner: { id: 'dns.zone-no-record', params: { fqdn: 'missing.ns2.svc.cluster.local' } },
      },
    });
  });

  it('naming an outside host is resolved as outside names are (no record here)', () => {
    const model = build(client + externalName('ext-svc', 'db.example.com'));
    const result = run(model, 'http://ext-svc/');
    expect(result.outcome).toBe('dns-error');
    expect(result.reasonMessage.params).toMatchObject({
      externalName: 'db.example.com',
      inner: { id: 'dns.not-found', params: { host: 'db.example.com' } },
    });
  });

  it('naming a short in-cluster name is an outside name: CoreDNS does not search', () => {
    const model = build(client + other + externalName('ext-svc', 'other'));
    const result = run(model, 'http://ext-svc/');
    expect(result.outcome).toBe('dns-error');
    expect(result.reasonMessage.id).toBe('dns.cname-failed');
  });
});

const myService = deployment('my-svc', 'default') + service('my-svc', 'default');
const barePod = (spec: string) => `---
apiVersion: v1
kind: Pod
metadata: {name: probe}
spec:
  containers: [{name: probe, image: ghcr.io/example/probe:1.0}]
${spec}`;

// kubelet writes a Pod's resolv.conf by its dnsPolicy (dns.go getPodDNSType,
// GetPodDNS): ClusterFirst is cluster DNS with the search path
// generateSearchesForDNSClusterFirst makes, except on a hostNetwork Pod, where
// it "falls back to DNSDefault" unless the policy is ClusterFirstWithHostNet;
// Default is the node's resolv.conf; None is only the Pod's dnsConfig, which
// appendDNSConfig otherwise adds after what the policy gave.
describe('dnsPolicy', () => {
  const lookup = (spec: string, to = 'http://my-svc/') =>
    run(build(myService + barePod(spec)), to, 'pod/probe');

  it('ClusterFirst (the default) resolves a Service through cluster DNS', () => {
    for (const spec of ['', '  dnsPolicy: ClusterFirst\n']) {
      const result = lookup(spec);
      expect(result.outcome).toBe('delivered');
      expect(result.hops[0]?.message.id).toBe('dns.cluster-ip');
    }
  });

  it("Default asks the node's resolver, which knows no cluster names, short or full", () => {
    for (const to of ['http://my-svc/', 'http://my-svc.default.svc.cluster.local/']) {
      const result = lookup('  dnsPolicy: Default\n', to);
      expect(result.outcome).toBe('dns-error');
      expect(result.reasonMessage).toEqual({
        id: 'dns.node-resolver',
        params: { host: new URL(to).hostname, because: 'Default', clusterDNS: '10.96.0.10' },
      });
    }
  });

  it('ClusterFirst on a hostNetwork Pod falls back to Default; ClusterFirstWithHostNet uses cluster DNS', () => {
    const fallback = lookup('  hostNetwork: true\n');
    expect(fallback.outcome).toBe('dns-error');
    expect(fallback.reasonMessage.params).toMatchObject({ because: 'hostNetwork' });
    const withHostNet = lookup('  hostNetwork: true\n  dnsPolicy: ClusterFirstWithHostNet\n');
    expect(withHostNet.outcome).toBe('delivered');
    expect(withHostNet.hops[0]?.message.id).toBe('dns.cluster-ip');
  });

  it('None with cluster DNS as nameserver searches only the dnsConfig searches', () => {
    const none = (searches: string) =>
      `  dnsPolicy: None\n  dnsConfig:\n    nameservers: [10.96.0.10]\n${searches}`;
    const searched = lookup(none('    searches: [default.svc.cluster.local]\n'));
    expect(searched.outcome).toBe('delivered');
    expect(searched.hops[0]?.message.params).toMatchObject({
      fqdn: 'my-svc.default.svc.cluster.local',
    });
    // No search list: the short name is asked as it is, and the zone has no "my-svc".
    expect(lookup(none('')).reasonMessage).toEqual({
      id: 'dns.pod-not-found',
      params: { host: 'my-svc' },
    });
    expect(lookup(none(''), 'http://my-svc.default.svc.cluster.local/').outcome).toBe('delivered');
  });

  it('None with another nameserver is outside the simulation: said so, never answered', () => {
    const result = lookup('  dnsPolicy: None\n  dnsConfig: {nameservers: [1.1.1.1, 10.96.0.10]}\n');
    expect(result.outcome).toBe('dns-error');
    expect(result.reasonMessage).toEqual({
      id: 'dns.nameserver-not-simulated',
      params: { host: 'my-svc', nameserver: '1.1.1.1' },
    });
  });

  it('ClusterFirst keeps cluster DNS first and appends dnsConfig searches after its own', () => {
    const text = `---
apiVersion: v1
kind: Namespace
metadata: {name: ns2}
${deployment('other', 'ns2')}${service('other', 'ns2')}${barePod(
  '  dnsConfig:\n    nameservers: [1.1.1.1]\n    searches: [ns2.svc.cluster.local]\n',
)}`;
    const result = run(build(text), 'http://other/', 'pod/probe');
    expect(result.outcome).toBe('delivered');
    expect(result.hops[0]?.message.params).toMatchObject({ fqdn: 'other.ns2.svc.cluster.local' });
  });

  it('is validated as the API server does (validateDNSPolicy, validatePodDNSConfig)', () => {
    const errors = (spec: string) =>
      buildModel([{ file: 'scenario.yaml', text: barePod(spec) }])
        .diagnostics.filter((d) => d.severity === 'error')
        .map((d) => d.message.replace(/^.*?spec\./, 'spec.'));
    expect(errors('  dnsPolicy: Cluster\n')).toEqual([
      'spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ]);
    expect(errors('  dnsPolicy: None\n')).toEqual([
      'spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None',
    ]);
    expect(errors('  dnsPolicy: None\n  dnsConfig: {searches: [a.example]}\n')).toEqual([
      'spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None',
    ]);
    expect(errors('  dnsConfig: {nameservers: [dns.example]}\n')).toEqual([
      'spec.dnsConfig.nameservers[0]: Invalid value: "dns.example": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
  });
});

// A Pod's own name under a Service. The EndpointSlice controller gives an
// endpoint the Pod's hostname when the Pod's subdomain is the Service's name
// in the same namespace (pkg/controller/util/endpoint/controller_utils.go
// ShouldSetHostname); CoreDNS answers "endpoint.service.namespace.svc.zone"
// (parse.go parseRequest) with the ready addresses whose endpointHostname is
// that label: the hostname, or the address with dashes when none was set
// (kubernetes.go findServices, endpointHostname). The DNS spec
// (kubernetes/dns docs/specification.md, 2.4.1) names these records for a
// headless Service; CoreDNS answers the query for any Service with endpoints
// (`svc.Headless() || r.endpoint != ""`). The StatefulSet controller sets
// each Pod's hostname to its name and its subdomain to spec.serviceName
// (pkg/controller/statefulset/stateful_set_utils.go initIdentity).
describe('hostname and subdomain', () => {
  const headless = (name: string) => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  clusterIP: None
  selector: {app: db}
  ports: [{port: 8080}]
`;
  const dbPod = (subdomain: string) => `---
apiVersion: v1
kind: Pod
metadata: {name: db-pod, labels: {app: db}}
spec:
  hostname: primary
  subdomain: ${subdomain}
  containers: [{name: db, image: ghcr.io/example/db:1.0, ports: [{containerPort: 8080}]}]
`;

  it('a Pod with hostname h and subdomain s is h.s.<ns>.svc under the headless Service s', () => {
    const model = build(client + dbPod('db') + headless('db'));
    const pod = model.pods.find((p) => p.metadata.name === 'db-pod');
    for (const to of [
      'http://primary.db:8080/',
      'http://primary.db.default.svc.cluster.local:8080/',
    ]) {
      const result = run(model, to);
      expect(result.outcome).toBe('delivered');
      expect(result.destination?.pod).toBe('db-pod');
      expect(result.hops[0]?.message).toEqual({
        id: 'dns.endpoint',
        params: {
          host: new URL(to).hostname,
          ip: pod?.podIP,
          fqdn: 'primary.db.default.svc.cluster.local',
          service: 'default/db',
          endpoint: 'primary',
        },
      });
    }
  });

  it('a subdomain naming another Service gives no hostname: only the dashed address names the endpoint', () => {
    const model = build(client + dbPod('elsewhere') + headless('db'));
    const pod = model.pods.find((p) => p.metadata.name === 'db-pod');
    const slice = model.endpointSlices.find((s) => s.serviceName === 'db');
    expect(slice?.endpoints.map((e) => e.hostname)).toEqual(['']);
    expect(run(model, 'http://primary.db:8080/').reasonMessage).toEqual({
      id: 'dns.pod-not-found',
      params: { host: 'primary.db' },
    });
    const dashed = `${pod?.podIP.replaceAll('.', '-')}.db`;
    const result = run(model, `http://${dashed}:8080/`);
    expect(result.outcome).toBe('delivered');
    expect(result.hops[0]?.message.params).toMatchObject({ ip: pod?.podIP });
  });

  it('CoreDNS answers an endpoint name under a Service with a cluster IP too', () => {
    const clusterIP = headless('db').replace('  clusterIP: None\n', '');
    const model = build(client + dbPod('db') + clusterIP);
    const result = run(model, 'http://primary.db:8080/');
    expect(result.outcome).toBe('delivered');
    expect(result.hops[0]?.message.id).toBe('dns.endpoint');
  });

  it('StatefulSet Pods are <pod>.<serviceName>.<ns>.svc through their governing Service', () => {
    const text = `${client}---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: ghcr.io/example/web:1.0, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  clusterIP: None
  selector: {app: web}
  ports: [{port: 8080}]
`;
    const model = build(text);
    const web1 = model.pods.find((p) => p.metadata.name === 'web-1');
    expect(web1?.spec).toMatchObject({ hostname: 'web-1', subdomain: 'web' });
    const slice = model.endpointSlices.find((s) => s.serviceName === 'web');
    expect(slice?.endpoints.map((e) => e.hostname).sort()).toEqual(['web-0', 'web-1']);
    const served = (
      servedObjects(model, 'EndpointSlice') as {
        metadata: { labels: Record<string, string> };
        endpoints: { hostname?: string }[];
      }[]
    ).find((e) => e.metadata.labels['kubernetes.io/service-name'] === 'web');
    expect(served?.endpoints.map((e) => e.hostname).sort()).toEqual(['web-0', 'web-1']);
    for (let i = 0; i < 4; i++) {
      const result = run(model, 'http://web-1.web.default.svc.cluster.local:8080/');
      expect(result.outcome).toBe('delivered');
      expect(result.destination?.pod).toBe('web-1');
      expect(result.hops[0]?.message.params).toMatchObject({ ip: web1?.podIP, endpoint: 'web-1' });
    }
    expect(run(model, 'http://web-2.web:8080/').outcome).toBe('dns-error');
  });
});

// kubelet writes each Pod's /etc/hosts (pkg/kubelet/kubelet_pods.go
// managedHostsFileContent): "127.0.0.1\tlocalhost", the IPv6 lines, then
// "<podIP>\t<hostname>.<subdomain>.<ns>.svc.<domain>\t<hostname>" (or
// "<podIP>\t<hostname>" without a subdomain; GeneratePodHostNameAndDomain:
// the hostname is the Pod's name unless spec.hostname is set), then one
// "<ip>\t<hostname>" line per hostAliases entry (hostsEntriesFromHostAliases).
// A hostNetwork Pod gets the node's file with its hostAliases appended
// (nodeHostsFileContent). The resolver reads the file before DNS, first
// matching line first.
describe('/etc/hosts', () => {
  const probe = (spec: string) =>
    build(myService + barePod(spec)).pods.find((p) => p.metadata.name === 'probe');
  const lookup = (spec: string, to: string) =>
    run(build(myService + barePod(spec)), to, 'pod/probe');

  it("maps the Pod's own name to its Pod IP, and its FQDN when it has a subdomain", () => {
    const bare = probe('');
    expect(lookup('', 'http://probe/').hops[0]?.message).toEqual({
      id: 'dns.hosts-own',
      params: { host: 'probe', ip: bare?.podIP },
    });
    const spec = '  hostname: h\n  subdomain: s\n';
    const named = probe(spec);
    for (const host of ['h', 'h.s.default.svc.cluster.local']) {
      expect(lookup(spec, `http://${host}/`).hops[0]?.message).toEqual({
        id: 'dns.hosts-own',
        params: { host, ip: named?.podIP },
      });
    }
    // The Pod's name is no longer in the file once spec.hostname replaces it.
    expect(lookup(spec, 'http://probe/').outcome).toBe('dns-error');
  });

  it("a Deployment's Pod reaches itself by its own name", () => {
    const model = build(myService);
    const pod = podOf(model, 'Deployment/my-svc');
    const result = run(model, `http://${pod?.metadata.name}:8080/`, `pod/${pod?.metadata.name}`);
    expect(result.outcome).toBe('delivered');
    expect(result.destination?.pod).toBe(pod?.metadata.name);
    expect(result.hops[0]?.message.id).toBe('dns.hosts-own');
  });

  it('adds hostAliases after the managed lines, for hostNetwork Pods too; localhost stays first', () => {
    const aliases =
      '  hostAliases:\n  - ip: 10.1.2.3\n    hostnames: [db.example.com, localhost]\n  - ip: 10.1.2.4\n    hostnames: [db.example.com, cache]\n';
    for (const net of ['', '  hostNetwork: true\n']) {
      expect(lookup(aliases + net, 'http://db.example.com/').hops[0]?.message).toEqual({
        id: 'dns.hosts-alias',
        params: { host: 'db.example.com', ip: '10.1.2.3' },
      });
      expect(lookup(aliases + net, 'http://cache/').hops[0]?.message.params).toMatchObject({
        ip: '10.1.2.4',
      });
      expect(lookup(aliases + net, 'http://localhost/').hops[0]?.message).toEqual({
        id: 'dns.hosts-file',
        params: { host: 'localhost', ip: '127.0.0.1' },
      });
    }
    // A hostNetwork Pod's file is the node's: the Pod's own name is not in it.
    expect(lookup('  hostNetwork: true\n', 'http://probe/').outcome).toBe('dns-error');
  });

  it('comes before cluster DNS: a hostAlias shadows a Service of the same name', () => {
    const result = lookup(
      '  hostAliases: [{ip: 10.1.2.3, hostnames: [my-svc]}]\n',
      'http://my-svc/',
    );
    expect(result.hops[0]?.message.id).toBe('dns.hosts-alias');
    expect(result.hops[0]?.packet?.dst).toBe('10.1.2.3:80');
  });

  it('hostAliases, hostname and subdomain are validated as the API server does', () => {
    const errors = buildModel([
      {
        file: 'scenario.yaml',
        text: barePod(
          '  hostname: Web_1\n  hostAliases: [{ip: db, hostnames: [ok.example, -bad]}]\n',
        ),
      },
    ])
      .diagnostics.filter((d) => d.severity === 'error')
      .map((d) =>
        d.message.replace(/^.*?spec\./, 'spec.').replace(/: (a lowercase|must be).*$/, ''),
      );
    expect(errors).toEqual([
      'spec.hostname: Invalid value: "Web_1"',
      'spec.hostAliases[0].ip: Invalid value: "db"',
      'spec.hostAliases[0].hostnames[1]: Invalid value: "-bad"',
    ]);
  });
});
