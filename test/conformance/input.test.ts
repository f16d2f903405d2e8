// Manifests as `kubectl apply -f` reads them.
//
// Lists: k8s.io/cli-runtime pkg/resource/visitor.go FlattenListVisitor (each
// item visited as an object of its own, lists inside lists flattened too);
// k8s.io/apimachinery pkg/apis/meta/v1/unstructured (decodeToList: items of a
// typed list that name neither apiVersion nor kind take the list's apiVersion
// and its kind without "List"); kubectl pkg/validation/schema.go
// (schemaValidation.validateList: each item of a v1 List needs apiVersion and kind).
//
// Strict field validation (kubectl asks for it by default: --validate=strict):
// sigs.k8s.io/json UnmarshalStrict (json_test.go TestUnmarshal "unknown fields",
// "case-sensitive": every unknown field reported, names matched case-sensitively);
// k8s.io/apimachinery pkg/runtime/error.go strictDecodingError.Error ("strict
// decoding error: " and the errors joined by ", "); k8s.io/apiserver
// pkg/endpoints/handlers/rest.go (transformDecodeError: "%s in version %q cannot be
// handled as a %s: %v"); sigs.k8s.io/yaml YAMLToJSON (the YAML reaches the
// server as JSON made through a Go map, so keys arrive sorted).
import { describe, expect, it } from 'vitest';
import { getJson } from '../../src/cli/get.ts';
import { buildModel } from '../../src/engine/index.ts';
import { errors, model, myApp, service } from '../support/engine.ts';

const strict = (kind: string, fields: string[], version = 'v1') =>
  `Error from server (BadRequest): error when creating "test.yaml": ${kind} in version "${version}" cannot be handled as a ${kind}: strict decoding error: ${fields.map((f) => `unknown field "${f}"`).join(', ')}`;

const mine = (text: string) =>
  model(text)
    .services.filter((s) => s.metadata.namespace === 'default')
    .map((s) => s.metadata.name);

const at = (text: string) =>
  model(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.line}:${d.column} ${d.field}`);

describe('a List is its items', () => {
  const list = `apiVersion: v1
kind: List
metadata:
  resourceVersion: ""
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: a
  spec:
    selector: {app: a}
    ports:
    - port: 80
- apiVersion: v1
  kind: Service
  metadata:
    name: b
  spec:
    ports:
    - port: 0
`;

  it('applies each item of a v1 List, an error in one at that item’s line', () => {
    expect(mine(list)).toEqual(['a']);
    expect(errors(list)).toEqual([
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]);
    expect(at(list)[0]).toBe('20:13 spec.ports[0].port');
  });

  it('gives the items of a typed list that name no kind the list’s own', () => {
    const text = `apiVersion: v1
kind: ServiceList
items:
- metadata: {name: a}
  spec:
    ports:
    - port: 80
- metadata: {name: b}
  spec:
    ports:
    - port: 81
`;
    expect(errors(text)).toEqual([]);
    expect(mine(text)).toEqual(['a', 'b']);
    const deployments = `apiVersion: apps/v1\nkind: DeploymentList\nitems:\n- ${myApp
      .split('\n')
      .filter((line) => !/^(apiVersion|kind):/.test(line))
      .join('\n  ')}`;
    expect(errors(deployments)).toEqual([]);
    expect(model(deployments).workloads.map((w) => w.id)).toContain('Deployment/default/my-app');
  });

  it('needs apiVersion and kind on every item of a v1 List, said at the item', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Namespace
  metadata: {name: shop}
- metadata: {name: p}
  spec: {}
`;
    expect(errors(text)).toEqual([
      'error validating "test.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    ]);
    expect(at(text)).toEqual(['7:3 ']);
    expect(model(text).namespaces).toContain('shop');
  });

  it('flattens a List inside a List', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: List
  items:
  - apiVersion: v1
    kind: Namespace
    metadata: {name: inner}
`;
    expect(errors(text)).toEqual([]);
    expect(model(text).namespaces).toContain('inner');
  });

  it('refuses items that are not a list, and a list kind no API serves', () => {
    expect(errors('apiVersion: v1\nkind: List\nitems: {a: 1}\n')).toEqual([
      'unable to decode "test.yaml": json: cannot unmarshal object into Go struct field decodeList.items of type []json.RawMessage',
    ]);
    expect(errors('apiVersion: v1\nkind: GadgetList\nitems: []\n')[0]).toContain(
      'no matches for kind "GadgetList" in version "v1"',
    );
  });

  it('reads back what `routelab get --json` prints, without an error', () => {
    const text0 = `${myApp}---\n${service('selector: {app: my-app}\nports:\n- port: 80\n  targetPort: 8080')}`;
    const first = buildModel([{ file: 'app.yaml', text: text0 }]);
    const text = JSON.stringify(getJson(first), null, 2);
    const again = buildModel([{ file: 'list.json', text }]);
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(again.workloads.map((w) => w.id)).toContain('Deployment/default/my-app');
    expect(again.services.map((s) => s.id)).toContain('Service/default/my-service');
  });
});

describe('strict field validation', () => {
  const svc = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector: {app: web}
  ports:
  - port: 80
    nodeport: 30080
`;

  it('refuses a Service with spec.ports[0].nodeport, at the key, and creates nothing', () => {
    expect(errors(svc)).toEqual([strict('Service', ['spec.ports[0].nodeport'])]);
    expect(at(svc)).toEqual(['10:5 spec.ports[0].nodeport']);
    expect(mine(svc)).toEqual([]);
  });

  it('names every unknown field of an object in one message, in the order they reach the server', () => {
    const text = myApp
      .replace(
        '  template:\n    metadata:\n      labels:',
        '  template:\n    metadata:\n      lables:',
      )
      .replace('metadata:\n  name: my-app', 'metadata:\n  name: my-app\n  lables: {a: b}');
    const message = strict(
      'Deployment',
      ['metadata.lables', 'spec.template.metadata.lables'],
      'v1',
    );
    expect(errors(text)).toEqual([message, message]);
    expect(at(text).map((a) => a.split(' ')[1])).toEqual([
      'metadata.lables',
      'spec.template.metadata.lables',
    ]);
    // Sorted as a Go map sorts: spec before status, whatever the file's order.
    const reversed =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nzeta: 1\nalpha: 1\nspec:\n  containers: [{name: c, image: i}]\n';
    // One error per field, each at its key, each with the object's one message.
    expect(errors(reversed)).toEqual([
      strict('Pod', ['alpha', 'zeta']),
      strict('Pod', ['alpha', 'zeta']),
    ]);
    expect(at(reversed)).toEqual(['5:1 alpha', '4:1 zeta']);
  });

  it('matches field names case-sensitively, as Go’s strict decoder does', () => {
    const text = svc.replace('nodeport: 30080', 'NodePort: 30080');
    expect(errors(text)).toEqual([strict('Service', ['spec.ports[0].NodePort'])]);
  });

  it('takes any key in maps (labels, annotations, nodeSelector, selector, data) and managedFields', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
  labels: {anything: goes}
  annotations: {example.com/whatever: "1"}
  managedFields:
  - manager: kubectl
    operation: Apply
    fieldsType: FieldsV1
    fieldsV1: {"f:metadata": {"f:labels": {}}}
spec:
  nodeSelector: {disk: ssd}
  containers:
  - name: c
    image: i
    resources: {limits: {cpu: "1"}}
---
apiVersion: v1
kind: Secret
metadata: {name: s}
data: {any.key: YQ==}
`;
    expect(errors(text)).toEqual([]);
  });

  it('says a value of the wrong type first: decoding stops there', () => {
    const text = svc.replace('- port: 80', '- port: "80"');
    expect(errors(text)).toEqual([
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    ]);
  });

  it('checks Ingress and Node too, and leaves kinds it does not simulate alone', () => {
    const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: i}
spec:
  ingressClassName: nginx
  tls:
  - secretNmae: x
`;
    expect(errors(ingress)).toEqual([strict('Ingress', ['spec.tls[0].secretNmae'])]);
    const node = 'apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nspec: {podCidr: 10.0.0.0/24}\n';
    expect(errors(node)).toEqual([strict('Node', ['spec.podCidr'])]);
    const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndatta: {a: b}\n';
    expect(errors(configMap)).toEqual([]);
  });

  it('keeps routelab’s own Cluster document as it was: unknown keys are not refused', () => {
    const text =
      'apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n  kubeProxyModee: iptables\n';
    expect(errors(text)).toEqual([]);
  });
});

// Kinds that do not route: what `helm template ingress-nginx` prints beside its
// Deployment and Services (kubernetes/ingress-nginx charts/ingress-nginx/templates:
// admission-webhooks/validating-webhook.yaml, job-patch/*, clusterrole.yaml...),
// and custom resources. A CustomResourceDefinition installs its kind for each
// served version (apiextensions-apiserver pkg/apiserver/customresource_discovery
// serves spec.versions[].served); a kind no installed API serves is still
// kubectl's "no matches for kind".
describe('kinds that play no part in routing', () => {
  const crd = (served: boolean) => `---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: foos.example.com}
spec:
  group: example.com
  names: {kind: Foo, plural: foos}
  scope: Namespaced
  versions: [{name: v1, served: ${served}, storage: true}]
`;
  const foo = '---\napiVersion: example.com/v1\nkind: Foo\nmetadata: {name: f}\n';
  const chart = `${myApp}---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: ingress-nginx-admission}
webhooks: []
---
apiVersion: batch/v1
kind: Job
metadata: {name: ingress-nginx-admission-create}
spec: {template: {spec: {containers: [{name: create, image: x}], restartPolicy: OnFailure}}}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: ingress-nginx}
rules: []
---
apiVersion: v1
kind: ConfigMap
metadata: {name: ingress-nginx-controller}
data: {allow-snippet-annotations: "false"}
`;

  it('accepts a chart’s webhook, Job, RBAC and ConfigMap as not simulated', () => {
    const built = model(chart);
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(built.diagnostics.filter((d) => d.code === 'NotSimulated').map((d) => d.object)).toEqual(
      [
        'ValidatingWebhookConfiguration/ingress-nginx-admission',
        'Job/ingress-nginx-admission-create',
        'ClusterRole/ingress-nginx',
        'ConfigMap/ingress-nginx-controller',
      ],
    );
  });

  it('accepts a custom resource whose CRD is among the manifests, at a served version only', () => {
    expect(errors(crd(true) + foo)).toEqual([]);
    expect(model(crd(true) + foo).diagnostics.map((d) => d.explanation?.id)).toContain(
      'info.custom-not-simulated',
    );
    expect(errors(foo).join('\n')).toContain(
      'no matches for kind "Foo" in version "example.com/v1"',
    );
    expect(errors(crd(false) + foo).join('\n')).toContain('no matches for kind "Foo"');
  });
});

// A dump of a real cluster (`kubectl get nodes,pods,services -A -o yaml`) is a
// cluster (docs/cli.md): its Nodes replace the default ones, and what the
// objects' status records is kept. The kubelet does not renumber a running Pod:
// its sandbox's address is status.podIP (pkg/kubelet/kubelet_pods.go
// generateAPIPodStatus, podIPs from the runtime); the address allocator
// (host-local IPAM) hands out only addresses no Pod holds.
describe('a dump of a real cluster', () => {
  const dump = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata: {name: kind-worker}
  spec: {podCIDR: 10.244.7.0/24}
  status:
    addresses: [{type: InternalIP, address: 172.18.0.9}]
    conditions: [{type: Ready, status: "True"}]
- apiVersion: v1
  kind: Node
  metadata: {name: kind-worker2}
  spec: {podCIDR: 10.244.8.0/24}
  status:
    conditions: [{type: Ready, status: "False"}]
- apiVersion: v1
  kind: Pod
  metadata: {name: web-1, labels: {app: web}}
  spec: {nodeName: kind-worker, containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]}
  status: {podIP: 10.244.7.2, hostIP: 172.18.0.9}
- apiVersion: v1
  kind: Pod
  metadata: {name: web-2, labels: {app: web}}
  spec: {nodeName: kind-worker, containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]}
`;
  const built = buildModel([{ file: 'dump.yaml', text: dump }]);

  it('has the dump’s nodes only, with their addresses, pod CIDRs and Ready conditions', () => {
    expect(built.nodes.map((n) => [n.name, n.internalIP, n.podCIDR, n.ready])).toEqual([
      ['kind-worker', '172.18.0.9', '10.244.7.0/24', true],
      // No InternalIP in the dump: the first default node address no node holds.
      ['kind-worker2', '172.18.0.2', '10.244.8.0/24', false],
    ]);
  });

  it('keeps a Pod’s status.podIP and gives no other Pod that address', () => {
    const ip = (name: string) => built.pods.find((p) => p.metadata.name === name)?.podIP;
    expect(ip('web-1')).toBe('10.244.7.2');
    expect(ip('web-2')).toBe('10.244.7.3');
  });
});
