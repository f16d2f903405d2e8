// kube-apiserver's answers to invalid manifests, message for message.
// Sources: kubernetes/kubernetes pkg/apis/core/validation/validation.go
// (ValidateService, validateServicePort, ValidateServiceClusterIPsRelatedFields,
// validateContainerPorts) and its validation_test.go cases; pkg/apis/apps/validation;
// k8s.io/apimachinery pkg/util/validation (name and port messages) and
// field/errors.go (how an error prints); the Service registry's allocators
// (ipallocator ErrNotInRange/ErrAllocated, portallocator) as kubectl prints them.
import { describe, expect, it } from 'vitest';
import { iptablesSave, kubeProxyRules } from '../../src/engine/index.ts';
import { errors, model, myApp, service } from '../support/engine.ts';

const dns1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

describe('Service validation', () => {
  it('names a Service with a DNS-1035 label', () => {
    expect(errors(service('ports:\n- port: 80', 'My-Svc'))).toEqual([
      `metadata.name: Invalid value: "My-Svc": ${dns1035}`,
    ]);
    // A leading digit is a valid DNS-1123 label but not a DNS-1035 one.
    expect(errors(service('ports:\n- port: 80', '1svc'))).toEqual([
      `metadata.name: Invalid value: "1svc": ${dns1035}`,
    ]);
  });

  it('requires a name', () => {
    expect(
      errors('apiVersion: v1\nkind: Service\nmetadata: {}\nspec:\n  ports:\n  - port: 80\n'),
    ).toEqual(['metadata.name: Required value: name or generateName is required']);
  });

  it('checks the port range, and targetPort defaults to port', () => {
    expect(errors(service('ports:\n- port: 0'))).toEqual([
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]);
    expect(errors(service('ports:\n- port: 80\n  targetPort: 65536'))).toEqual([
      'spec.ports[0].targetPort: Invalid value: 65536: must be between 1 and 65535, inclusive',
    ]);
  });

  it('requires ports unless headless or ExternalName', () => {
    expect(errors(service('selector: {app: x}'))).toEqual(['spec.ports: Required value']);
    expect(errors(service('clusterIP: None\nselector: {app: x}'))).toEqual([]);
  });

  it('requires unique names when there are several ports', () => {
    expect(errors(service('ports:\n- port: 80\n- port: 443'))).toEqual([
      'spec.ports[0].name: Required value',
      'spec.ports[1].name: Required value',
    ]);
    expect(errors(service('ports:\n- name: http\n  port: 80\n- name: http\n  port: 443'))).toEqual([
      'spec.ports[1].name: Duplicate value: "http"',
    ]);
  });

  it('refuses the same port and protocol twice', () => {
    expect(errors(service('ports:\n- name: a\n  port: 80\n- name: b\n  port: 80'))).toEqual([
      'spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}',
    ]);
  });

  it('lists the supported protocols', () => {
    expect(errors(service('ports:\n- port: 80\n  protocol: HTTP'))).toEqual([
      'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });

  it('checks a named targetPort as an IANA service name', () => {
    expect(errors(service('ports:\n- port: 80\n  targetPort: HTTP_PORT'))).toEqual([
      'spec.ports[0].targetPort: Invalid value: "HTTP_PORT": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.ports[0].targetPort: Invalid value: "HTTP_PORT": must contain at least one letter (a-z)',
    ]);
    expect(errors(service('ports:\n- port: 80\n  targetPort: web--port-name-long'))).toEqual([
      'spec.ports[0].targetPort: Invalid value: "web--port-name-long": must be no more than 15 characters',
      'spec.ports[0].targetPort: Invalid value: "web--port-name-long": must not contain consecutive hyphens',
    ]);
  });

  it('lists the supported types', () => {
    expect(errors(service('type: Ingress\nports:\n- port: 80'))).toEqual([
      'spec.type: Unsupported value: "Ingress": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });

  it('forbids a nodePort on a ClusterIP Service', () => {
    expect(errors(service('ports:\n- port: 80\n  nodePort: 30080'))).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
  });

  // validation.go ValidateService; pkg/registry/core/service/strategy.go
  // PrepareForCreate drops nothing type-dependent (dropTypeDependentFields runs
  // only in PrepareForUpdate), so a create keeps the field and is refused.
  it('forbids allocateLoadBalancerNodePorts unless the type is LoadBalancer', () => {
    expect(
      errors(service('type: NodePort\nallocateLoadBalancerNodePorts: true\nports:\n- port: 80')),
    ).toEqual([
      "spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'",
    ]);
    expect(errors(service('allocateLoadBalancerNodePorts: false\nports:\n- port: 80'))).toEqual([
      "spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'",
    ]);
    expect(
      errors(
        service('type: LoadBalancer\nallocateLoadBalancerNodePorts: false\nports:\n- port: 80'),
      ),
    ).toEqual([]);
  });

  it('refuses clusterIP None for NodePort and LoadBalancer', () => {
    expect(errors(service('type: NodePort\nclusterIP: None\nports:\n- port: 80'))).toEqual([
      `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`,
    ]);
    expect(errors(service('type: LoadBalancer\nclusterIP: None\nports:\n- port: 80'))).toEqual([
      `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for LoadBalancer services`,
    ]);
  });

  it('checks a requested clusterIP: an address, in range, not taken', () => {
    expect(errors(service('clusterIP: 10.96.0.300\nports:\n- port: 80'))).toEqual([
      'spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
    expect(errors(service('clusterIP: 1.1.1.1\nports:\n- port: 80'))).toEqual([
      'spec.clusterIPs: Invalid value: ["1.1.1.1"]: failed to allocate IP 1.1.1.1: the provided IP (1.1.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    ]);
    // 10.96.0.10 belongs to cluster DNS (kube-dns) on every cluster.
    expect(errors(service('clusterIP: 10.96.0.10\nports:\n- port: 80'))).toEqual([
      'spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    ]);
    const two = `${service('clusterIP: 10.96.100.1\nports:\n- port: 80', 'a')}---\n${service('clusterIP: 10.96.100.1\nports:\n- port: 80', 'b')}`;
    expect(errors(two)).toEqual([
      'spec.clusterIPs: Invalid value: ["10.96.100.1"]: failed to allocate IP 10.96.100.1: provided IP is already allocated',
    ]);
  });

  it('checks a requested nodePort against the range and the ports already taken', () => {
    expect(errors(service('type: NodePort\nports:\n- port: 80\n  nodePort: 80'))).toEqual([
      'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ]);
    const two = `${service('type: NodePort\nports:\n- port: 80\n  nodePort: 30080', 'a')}---\n${service('type: NodePort\nports:\n- port: 80\n  nodePort: 30080', 'b')}`;
    expect(errors(two)).toEqual([
      'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    ]);
  });

  // pkg/registry/core/service/storage/alloc.go initNodePorts and
  // findRequestedNodePort; validation.go ValidateService keys duplicate
  // nodePorts by (protocol, nodePort). The registry's own cases: rest_test.go
  // TestInitNodePorts (pkg/registry/core/service/storage, older releases).
  it('lets ports with the same number share one nodePort, TCP and UDP alike', () => {
    const nodePorts = (spec: string) =>
      model(service(spec))
        .services.filter((s) => s.metadata.name === 'my-service')
        .map((s) => s.ports.map((p) => p.nodePort));
    const dns = (tcp: string, udp: string) =>
      `type: NodePort\nports:\n- name: dns-tcp\n  port: 53\n  protocol: TCP${tcp}\n- name: dns-udp\n  port: 53\n  protocol: UDP${udp}`;
    expect(errors(service(dns('\n  nodePort: 30053', '\n  nodePort: 30053')))).toEqual([]);
    expect(nodePorts(dns('\n  nodePort: 30053', '\n  nodePort: 30053'))).toEqual([[30053, 30053]]);
    // A 0 nodePort takes the one a later port of the same number asks for.
    expect(nodePorts(dns('', '\n  nodePort: 30053'))).toEqual([[30053, 30053]]);
    const [allocated] = nodePorts(dns('', ''));
    expect(allocated?.[0]).toBeGreaterThanOrEqual(30000);
    expect(allocated?.[1]).toBe(allocated?.[0]);
    // Only the same protocol twice is a duplicate.
    expect(
      errors(
        service(
          'type: NodePort\nports:\n- name: a\n  port: 53\n  nodePort: 30053\n- name: b\n  port: 54\n  nodePort: 30053',
        ),
      ),
    ).toEqual(['spec.ports[1].nodePort: Duplicate value: 30053']);
    // Different port numbers do not share: the second claim finds it taken.
    expect(
      errors(
        service(
          'type: NodePort\nports:\n- name: a\n  port: 53\n  nodePort: 30053\n- name: b\n  port: 54\n  protocol: UDP\n  nodePort: 30053',
        ),
      ),
    ).toEqual(['spec.ports[1].nodePort: Invalid value: 30053: provided port is already allocated']);
  });

  it('keeps the nodePorts a LoadBalancer asks for even with allocateLoadBalancerNodePorts: false', () => {
    const lb = (nodePort: string) =>
      service(
        `type: LoadBalancer\nallocateLoadBalancerNodePorts: false\nports:\n- name: http\n  port: 80${nodePort}\n- name: https\n  port: 443`,
      );
    const ports = model(lb('\n  nodePort: 30080')).services.find(
      (s) => s.metadata.name === 'my-service',
    )?.ports;
    expect(ports?.map((p) => p.nodePort)).toEqual([30080, 0]);
    // kube-proxy writes a NodePort rule for the one it has (here the REJECT of
    // a Service with no endpoints), none for the other.
    const m = model(lb('\n  nodePort: 30080'));
    const node = m.nodes[0];
    if (!node) throw new Error('no node');
    const saved = iptablesSave(kubeProxyRules(m, node));
    expect(saved).toMatch(
      /"default\/my-service:http has no endpoints" -m addrtype --dst-type LOCAL .* --dport 30080 -j REJECT/,
    );
    expect(saved).not.toMatch(/"default\/my-service:https has no endpoints" -m addrtype/);
    // "Don't allocate new ports, but do respect specific requests": the
    // request is checked against the range and the ports already taken.
    expect(errors(lb('\n  nodePort: 80'))).toEqual([
      'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ]);
    const two = `${lb('\n  nodePort: 30080')}---\n${service('type: NodePort\nports:\n- port: 80\n  nodePort: 30080', 'b')}`;
    expect(errors(two)).toEqual([
      'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    ]);
  });

  // validation.go ValidateService ("Validate SourceRanges field or
  // annotation") with apimachinery pkg/util/validation/ip.go IsValidCIDR, which
  // parses with k8s.io/utils/net ParseCIDRSloppy.
  it('requires each loadBalancerSourceRanges entry to be a CIDR', () => {
    const lb = (ranges: string) =>
      service(`type: LoadBalancer\nloadBalancerSourceRanges: ${ranges}\nports:\n- port: 80`);
    const cidr = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';
    expect(errors(lb('[10.0.0.0/8, 203.0.113.7, " 192.168.0.0/16 ", 2001:db8::/64]'))).toEqual([
      `spec.LoadBalancerSourceRanges[1]: Invalid value: "203.0.113.7": ${cidr}`,
    ]);
    expect(errors(lb('[10.0.0.0/33]'))).toEqual([
      `spec.LoadBalancerSourceRanges[0]: Invalid value: "10.0.0.0/33": ${cidr}`,
    ]);
    // The error points at the entry's own line.
    const m = model(lb('\n  - 10.0.0.0/8\n  - office'));
    expect(m.diagnostics[0]).toMatchObject({ field: 'spec.LoadBalancerSourceRanges[1]', line: 9 });
    expect(errors(service('loadBalancerSourceRanges: [10.0.0.0/8]\nports:\n- port: 80'))).toEqual([
      "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
    ]);
  });

  it('checks the load-balancer-source-ranges annotation when the field is empty', () => {
    const annotated = (value: string, spec: string) =>
      service(spec).replace(
        'name: my-service',
        `name: my-service\n  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: "${value}"`,
      );
    const key = 'metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]';
    expect(
      errors(annotated('10.0.0.0/8, office', 'type: LoadBalancer\nports:\n- port: 80')),
    ).toEqual([
      `${key}: Invalid value: "office": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`,
    ]);
    expect(errors(annotated('10.0.0.0/8', 'ports:\n- port: 80'))).toEqual([
      `${key}: Forbidden: may only be used when \`type\` is 'LoadBalancer'`,
    ]);
    // The field, when given, is what is checked.
    expect(
      errors(
        annotated(
          'office',
          'type: LoadBalancer\nloadBalancerSourceRanges: [10.0.0.0/8]\nports:\n- port: 80',
        ),
      ),
    ).toEqual([]);
  });

  it('allows externalTrafficPolicy only on externally-accessible Services', () => {
    expect(errors(service('externalTrafficPolicy: Local\nports:\n- port: 80'))).toEqual([
      'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    ]);
    expect(
      errors(service('type: NodePort\nexternalTrafficPolicy: local\nports:\n- port: 80')),
    ).toEqual([
      'spec.externalTrafficPolicy: Unsupported value: "local": supported values: "Cluster", "Local"',
    ]);
    expect(
      errors(service('type: NodePort\nhealthCheckNodePort: 31000\nports:\n- port: 80')),
    ).toEqual([
      "spec.healthCheckNodePort: Invalid value: 31000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
    ]);
  });

  it('bounds the ClientIP affinity timeout', () => {
    expect(
      errors(
        service(
          'sessionAffinity: ClientIP\nsessionAffinityConfig:\n  clientIP:\n    timeoutSeconds: 0\nports:\n- port: 80',
        ),
      ),
    ).toEqual([
      'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400',
    ]);
  });

  it('requires an externalName for ExternalName Services', () => {
    expect(errors(service('type: ExternalName'))).toEqual(['spec.externalName: Required value']);
    expect(errors(service('type: ExternalName\nexternalName: db.example.com.'))).toEqual([]);
  });

  it('checks selector labels', () => {
    expect(errors(service('selector:\n  app: "my app"\nports:\n- port: 80'))).toEqual([
      `spec.selector: Invalid value: "my app": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]);
  });

  it('refuses a value of the wrong type before validating, as the API server decodes', () => {
    expect(errors(service('ports:\n- port: eighty'))).toEqual([
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    ]);
  });

  it('points each error at its line and column', () => {
    const m = model(service('type: NodePort\nports:\n- port: 80\n  nodePort: 80'));
    expect(m.diagnostics[0]).toMatchObject({
      file: 'test.yaml',
      line: 9,
      column: 15,
      field: 'spec.ports[0].nodePort',
      code: 'FieldValueInvalid',
    });
  });
});

describe('Pod and workload validation', () => {
  const deployment = (replace: [string, string]) => myApp.replace(...replace);

  it('requires the selector to match the template labels', () => {
    expect(
      errors(
        deployment(['      labels:\n        app: my-app', '      labels:\n        app: other']),
      ),
    ).toEqual([
      'spec.template.metadata.labels: Invalid value: {"app":"other"}: `selector` does not match template `labels`',
    ]);
  });

  it('requires a selector in apps/v1', () => {
    expect(errors(deployment(['  selector:\n    matchLabels:\n      app: my-app\n', '']))).toEqual([
      'spec.selector: Required value',
    ]);
  });

  it('checks container ports', () => {
    expect(errors(deployment(['containerPort: 8080', 'containerPort: 70000']))).toEqual([
      'spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
    expect(
      errors(
        deployment(['- containerPort: 8080', '- name: "8080"\n          containerPort: 8080']),
      ),
    ).toEqual([
      'spec.template.spec.containers[0].ports[0].name: Invalid value: "8080": must contain at least one letter (a-z)',
    ]);
  });

  // validation.go validatePodHostNetworkDeps (opts.ResourceIsPod) and
  // validateContainerPorts; pkg/apis/core/v1/defaults.go SetDefaults_Pod
  // (defaultHostNetworkPorts), which since 1.28 no longer runs on templates.
  it('requires hostPort to match containerPort on the host network', () => {
    const onHost = (port: string) =>
      deployment(['      containers:', '      hostNetwork: true\n      containers:']).replace(
        '- containerPort: 8080',
        `- containerPort: 8080${port}`,
      );
    expect(errors(onHost('\n          hostPort: 9090'))).toEqual([
      'spec.template.spec.containers[0].ports[0].hostPort: Invalid value: 9090: must match `containerPort` when `hostNetwork` is true',
    ]);
    expect(errors(onHost('\n          hostPort: 8080'))).toEqual([]);
    // Unset in the template; its Pods are defaulted to the containerPort.
    const m = model(onHost(''));
    expect(m.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const mine = m.pods.filter((p) => p.metadata.labels.app === 'my-app');
    expect(mine.map((p) => p.spec.containers[0]?.ports[0]?.hostPort)).toEqual([8080, 8080]);
    expect(errors(onHost('\n          hostPort: 70000'))).toEqual([
      'spec.template.spec.containers[0].ports[0].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.template.spec.containers[0].ports[0].hostPort: Invalid value: 70000: must match `containerPort` when `hostNetwork` is true',
    ]);
    // Without hostNetwork any hostPort is fine.
    expect(
      errors(
        myApp.replace('- containerPort: 8080', '- containerPort: 8080\n          hostPort: 9090'),
      ),
    ).toEqual([]);
  });

  it("requires a hostNetwork Pod's hostPort, once defaulted, to match its containerPort", () => {
    const pod = (port: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: true\n  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: 80${port}\n`;
    expect(errors(pod(''))).toEqual([]);
    expect(errors(pod('\n      hostPort: 8080'))).toEqual([
      'spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true',
    ]);
  });

  it('refuses negative replicas', () => {
    expect(errors(deployment(['replicas: 2', 'replicas: -1']))).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });

  it('requires an image', () => {
    expect(errors(deployment(['        image: ghcr.io/example/my-app:1.0\n', '']))).toEqual([
      'spec.template.spec.containers[0].image: Required value',
    ]);
  });
});

// pkg/apis/networking/validation/validation.go ValidateIngressCreate and
// validation_test.go TestValidateIngressCreate ("class field and annotation
// set with same value" / "... with different value"). Earlier releases refused
// the annotation beside the field whatever its value ("can not be set when the
// class field is also set").
describe('Ingress class validation', () => {
  const classed = (annotation: string) =>
    `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    kubernetes.io/ingress.class: ${annotation}\nspec:\n  ingressClassName: nginx\n  defaultBackend: {service: {name: my-service, port: {number: 80}}}\n`;

  it('allows the deprecated annotation beside ingressClassName when both name the same class', () => {
    expect(errors(classed('nginx'))).toEqual([]);
  });

  it('refuses them when they differ, at the annotation', () => {
    expect(errors(classed('traefik'))).toEqual([
      'annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified',
    ]);
    expect(model(classed('traefik')).diagnostics[0]).toMatchObject({ line: 6 });
  });
});

describe('what kubectl refuses before the server', () => {
  it('names an unknown kind or a removed version, with a hint where the kind moved', () => {
    const m = model('apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: web\n');
    expect(m.diagnostics[0]).toMatchObject({
      code: 'NoKindMatch',
      message:
        'resource mapping not found for name: "web" namespace: "" from "test.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first',
      hint: 'Deployment is served as apps/v1 (extensions/v1beta1 was removed in Kubernetes 1.16).',
      line: 1,
      column: 13,
    });
    expect(errors('apiVersion: v1\nkind: Servce\nmetadata:\n  name: web\n')).toEqual([
      'resource mapping not found for name: "web" namespace: "" from "test.yaml": no matches for kind "Servce" in version "v1"\nensure CRDs are installed first',
    ]);
  });

  it('requires apiVersion and kind', () => {
    expect(errors('metadata:\n  name: web\n')).toEqual([
      'error validating "test.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    ]);
  });

  it('refuses objects in a namespace that does not exist', () => {
    expect(
      errors(
        service('ports:\n- port: 80').replace(
          'name: my-service',
          'name: my-service\n  namespace: shop',
        ),
      ),
    ).toEqual([
      'Error from server (NotFound): error when creating "test.yaml": namespaces "shop" not found',
    ]);
    const withNamespace = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n${service('ports:\n- port: 80').replace('name: my-service', 'name: my-service\n  namespace: shop')}`;
    expect(errors(withNamespace)).toEqual([]);
  });
});
