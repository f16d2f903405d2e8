// What `routelab get` and `routelab describe` print, against the kubectl code
// that prints it. Each expectation names its upstream function; the layouts
// were worked out from those functions, not from routelab's output.
//   kubernetes/kubernetes pkg/printers/internalversion/printers.go: AddHandlers'
//     serviceColumnDefinitions, deploymentColumnDefinitions, ingressColumnDefinitions,
//     nodeColumnDefinitions, endpointSliceColumnDefinitions; printService,
//     printDeployment, printIngress (formatHosts, formatPorts), printNode,
//     printEndpointSlice (formatDiscoveryPorts/Endpoints), printReplicaSet,
//     printStatefulSet, printDaemonSet (layoutContainerCells); translateTimestampSince.
//   kubernetes/kubectl pkg/cmd/get/get.go Run (multipleGVKsRequested, the
//     separator line, "No resources found in NS namespace."), printGeneric.
//   kubernetes/kubectl pkg/describe/describe.go describePod (describeContainers,
//     describeContainerBasicInfo, describePodIPs, printController), describeService,
//     describeIngressClassV1, describeNamespace (DescribeResourceQuotas, DescribeLimitRanges), describeIngressV1,
//     NodeDescriber.Describe, describeNode (findNodeRoles, printNodeTaintsMultiline),
//     describeNodeResource, getPodsTotalRequestsAndLimits,
//     describeBackendV1, describeEndpointSliceV1, formatEndpointSlices,
//     printLabelsMultiline, printAnnotationsMultiline, DescribeEvents, tabbedString.
//   cli-runtime pkg/printers/tabwriter.go (minwidth 6, padding 3), Go text/tabwriter.
//   cli-runtime pkg/resource/builder.go mappingFor ("the server doesn't have a
//     resource type"), client-go restmapper shortcut.go.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeText, tabwrite } from '../../src/cli/describe.ts';
import { getOutput, lookUp, type Scope } from '../../src/cli/get.ts';
import { readRequest, resolveType, resolveTypes } from '../../src/cli/kinds.ts';
import { buildModel } from '../../src/engine/index.ts';

const text = readFileSync(join(import.meta.dirname, 'fixtures', 'kubectl', 'web.yaml'), 'utf8');
const model = buildModel([{ file: 'web.yaml', text }]);
const inDefault: Scope = { all: false, namespace: 'default' };

const get = (
  args: string[],
  output: 'wide' | 'name' | 'json' | 'yaml' = 'wide',
  scope: Scope = inDefault,
) => getOutput(lookUp(model, readRequest(args), scope), output, scope);

function describeOne(args: string[], from = model): string {
  const answer = lookUp(from, readRequest(args), inDefault);
  const [found] = answer.found;
  const [item] = found?.items ?? [];
  if (!found || !item) throw new Error(`nothing found for ${args.join(' ')}`);
  return describeText(from, found.type, item);
}

describe('kubectl get -o wide tables (printers.go)', () => {
  it('prints one kind without kind/ names, AGE <unknown> for an object with no creationTimestamp', () => {
    expect(get(['svc'])).toBe(
      [
        'NAME   TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)   AGE         SELECTOR',
        'web    ClusterIP   10.100.158.230   <none>        80/TCP    <unknown>   app=web,tier=front',
      ].join('\n'),
    );
  });

  it('prints several kinds as kind.group/name tables with a blank line between (multipleGVKsRequested)', () => {
    expect(get(['svc,deploy,ing'])).toBe(
      [
        'NAME          TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)   AGE         SELECTOR',
        'service/web   ClusterIP   10.100.158.230   <none>        80/TCP    <unknown>   app=web,tier=front',
        '',
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE         CONTAINERS   IMAGES       SELECTOR',
        'deployment.apps/web   2/2     2            2           <unknown>   app          nginx:1.27   app=web,tier=front',
        '',
        'NAME                             CLASS   HOSTS           ADDRESS        PORTS   AGE',
        'ingress.networking.k8s.io/site   nginx   a.example.com   198.51.100.1   80      <unknown>',
      ].join('\n'),
    );
  });

  it('prints nodes with the node info kubectl shows when the kubelet reported none', () => {
    expect(get(['no']).split('\n').slice(0, 2)).toEqual([
      'NAME     STATUS   ROLES    AGE         VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE    KERNEL-VERSION   CONTAINER-RUNTIME',
      'node-1   Ready    <none>   <unknown>             172.18.0.2    <none>        <unknown>   <unknown>        <unknown>',
    ]);
  });

  it('lists every namespace in key order with a NAMESPACE column (as -A)', () => {
    expect(get(['endpointslices'], 'wide', { all: true })).toBe(
      [
        'NAMESPACE       NAME                             ADDRESSTYPE   PORTS    ENDPOINTS               AGE',
        'default         web-7t5kc                        IPv4          8080     10.244.2.2,10.244.3.2   <unknown>',
        'ingress-nginx   ingress-nginx-controller-jrpwd   IPv4          80,443   10.244.1.2              <unknown>',
      ].join('\n'),
    );
  });

  it('prints -o name as kind.group/name, `all` in its category order', () => {
    expect(get(['all'], 'name')).toBe(
      [
        'pod/web-5f54f6dc76-87sj2',
        'pod/web-5f54f6dc76-pgxrq',
        'service/web',
        'deployment.apps/web',
        'replicaset.apps/web-5f54f6dc76',
      ].join('\n'),
    );
  });

  it('prints -o json of one named object as the object, keys sorted, 4-space indent', () => {
    const out = get(['svc/web'], 'json');
    expect(
      out.startsWith('{\n    "apiVersion": "v1",\n    "kind": "Service",\n    "metadata": {'),
    ).toBe(true);
    expect(JSON.parse(get(['svc'], 'json'))).toMatchObject({ apiVersion: 'v1', kind: 'List' });
  });

  it('prints -o yaml as sigs.k8s.io/yaml does: sorted keys, sequences at their key’s indent', () => {
    const out = get(['svc', 'web'], 'yaml');
    expect(out).toContain(
      'spec:\n  clusterIP: 10.100.158.230\n  clusterIPs:\n  - 10.100.158.230\n',
    );
    expect(out.split('\n').slice(0, 3)).toEqual(['apiVersion: v1', 'kind: Service', 'metadata:']);
  });

  it('answers a missing name with apimachinery NewNotFound text, qualified by group', () => {
    expect(lookUp(model, readRequest(['deploy', 'nope', 'web']), inDefault).missing).toEqual([
      'deployments.apps "nope" not found',
    ]);
  });
});

describe('kubectl get for the apps workloads (printers.go)', () => {
  const apps = buildModel([
    {
      file: 'apps.yaml',
      text: readFileSync(join(import.meta.dirname, 'fixtures', 'kubectl', 'apps.yaml'), 'utf8'),
    },
  ]);
  const appsGet = (args: string[], output: 'wide' | 'yaml' = 'wide') =>
    getOutput(lookUp(apps, readRequest(args), inDefault), output, inDefault);

  it('prints a StatefulSet’s READY as ready/desired and a DaemonSet’s node selector', () => {
    expect(appsGet(['sts,ds'])).toBe(
      [
        'NAME                  READY   AGE         CONTAINERS   IMAGES',
        'statefulset.apps/db   2/2     <unknown>   postgres     postgres:17',
        '',
        'NAME                   DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE         CONTAINERS      IMAGES                              SELECTOR',
        'daemonset.apps/agent   3         3         3       3            3           kubernetes.io/os=linux   <unknown>   agent,sidecar   example/agent:2,example/sidecar:1   app=agent',
      ].join('\n'),
    );
  });

  it('prints a Deployment’s ReplicaSet with pod-template-hash in its selector (kubectl get all)', () => {
    expect(get(['rs'])).toBe(
      [
        'NAME             DESIRED   CURRENT   READY   AGE         CONTAINERS   IMAGES       SELECTOR',
        'web-5f54f6dc76   2         2         2       <unknown>   app          nginx:1.27   app=web,pod-template-hash=5f54f6dc76,tier=front',
      ].join('\n'),
    );
  });

  it('quotes YAML strings as go-yaml does, in double quotes', () => {
    expect(appsGet(['sts'], 'yaml')).toMatch(/\nmetadata:\n {2}resourceVersion: ""$/);
  });
});

describe('type arguments (RESTMapper, shortcut expander, ParseResourceArg)', () => {
  it('takes plural, singular, short name and kind, any case, with or without the group', () => {
    for (const word of ['svc', 'service', 'services', 'Service', 'SVC'])
      expect(resolveType(word).resource, word).toBe('services');
    for (const word of ['deploy', 'deployments.apps', 'deployment.apps', 'deployments.v1.apps'])
      expect(resolveType(word).resource, word).toBe('deployments');
    expect(resolveType('ing').resource).toBe('ingresses');
    expect(resolveType('ingressclass').resource).toBe('ingressclasses');
    expect(resolveType('endpointslice').resource).toBe('endpointslices');
    expect(resolveType('no').resource).toBe('nodes');
    expect(resolveType('ns').resource).toBe('namespaces');
  });

  it('refuses a type no installed API serves with kubectl’s text, naming the resource part', () => {
    expect(() => resolveType('grpcroutes')).toThrow(
      'the server doesn\'t have a resource type "grpcroutes"',
    );
    expect(() => resolveType('httproutes.networking.k8s.io')).toThrow(
      'the server doesn\'t have a resource type "httproutes"',
    );
    expect(() => resolveType('deployments.networking.k8s.io')).toThrow(
      'the server doesn\'t have a resource type "deployments"',
    );
  });

  it('resolves Gateway API’s types by their CRDs’ names: plural, singular, short name, kind, with the group', () => {
    for (const arg of ['gtw', 'gateway', 'gateways.gateway.networking.k8s.io', 'Gateway'])
      expect(resolveType(arg).kind, arg).toBe('Gateway');
    expect(resolveType('gc')).toMatchObject({ kind: 'GatewayClass', namespaced: false });
    expect(resolveType('refgrant').kind).toBe('ReferenceGrant');
    expect(resolveType('httproutes.v1.gateway.networking.k8s.io').kind).toBe('HTTPRoute');
  });

  it('expands all to its category in discovery order, each type once', () => {
    expect(resolveTypes('svc,all').types.map((t) => t.resource)).toEqual([
      'services',
      'pods',
      'replicationcontrollers',
      'daemonsets',
      'deployments',
      'replicasets',
      'statefulsets',
      'horizontalpodautoscalers',
      'cronjobs',
      'jobs',
    ]);
  });

  it('refuses a type beside type/name arguments, as ResourceTypeOrNameArgs does', () => {
    expect(() => readRequest(['svc', 'svc/web'])).toThrow(/no need to specify a resource type/);
  });
});

describe('kubectl describe (describe.go, laid out by text/tabwriter)', () => {
  it('aligns each run of tabbed lines on its own, as Go’s tabwriter', () => {
    expect(tabwrite('a\tb\nccc\td\n\neeeee\tf\n')).toBe('a    b\nccc  d\n\neeeee  f\n');
  });

  it('describes a Service: labels one a line, endpoints per port name, Events: <none>', () => {
    expect(describeOne(['svc', 'web'])).toBe(
      [
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   app=web',
        '                          team=blue',
        'Annotations:              example.com/owner: team-blue',
        'Selector:                 app=web,tier=front',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.100.158.230',
        'IPs:                      10.100.158.230',
        'Port:                     http  80/TCP',
        'TargetPort:               8080/TCP',
        'Endpoints:                10.244.2.2:8080,10.244.3.2:8080',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('describes an Ingress: rules table, backends with endpoints or the Service error', () => {
    expect(describeOne(['ingress/site'])).toBe(
      [
        'Name:             site',
        'Labels:           <none>',
        'Namespace:        default',
        'Address:          198.51.100.1',
        'Ingress Class:    nginx',
        'Default backend:  <default>',
        'Rules:',
        '  Host           Path  Backends',
        '  ----           ----  --------',
        // The host line ends in its padded cell: "%s\t\n" leaves the spaces.
        '  a.example.com  ',
        '                 /      web:80 (10.244.2.2:8080,10.244.3.2:8080)',
        '                 /old   gone:http (<error: services "gone" not found>)',
        'Annotations:     <none>',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });

  it('describes an EndpointSlice: ports table, each endpoint with its conditions', () => {
    const lines = describeOne(['endpointslices', 'web-7t5kc']).split('\n');
    expect(lines.slice(0, 18)).toEqual([
      'Name:         web-7t5kc',
      'Namespace:    default',
      'Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io',
      '              kubernetes.io/service-name=web',
      'Annotations:  <none>',
      'AddressType:  IPv4',
      'Ports:',
      '  Name  Port  Protocol',
      '  ----  ----  --------',
      '  http  8080  TCP',
      'Endpoints:',
      '  - Addresses:  10.244.2.2',
      '    Conditions:',
      '      Ready:    true',
      '    Hostname:   <unset>',
      '    TargetRef:  Pod/web-5f54f6dc76-pgxrq',
      '    NodeName:   node-2',
      '    Zone:       <unset>',
    ]);
    expect(lines.at(-2)).toBe('Events:         <none>');
  });

  it('describes a Pod as its served object holds it: node/hostIP, its ReplicaSet, no container status', () => {
    expect(describeOne(['po', 'web-5f54f6dc76-87sj2'])).toBe(
      [
        'Name:         web-5f54f6dc76-87sj2',
        'Namespace:    default',
        'Node:         node-3/172.18.0.4',
        'Labels:       app=web',
        '              pod-template-hash=5f54f6dc76',
        '              tier=front',
        'Annotations:  <none>',
        'Status:       Running',
        'IP:           10.244.3.2',
        'IPs:',
        '  IP:           10.244.3.2',
        'Controlled By:  ReplicaSet/web-5f54f6dc76',
        'Containers:',
        '  app:',
        '    Image:        nginx:1.27',
        '    Port:         8080/TCP',
        '    Host Port:    0/TCP',
        '    Environment:  <none>',
        '    Mounts:       <none>',
        'Conditions:',
        '  Type           Status',
        // "%v \t%v \n": the status keeps its trailing space.
        '  Ready          True ',
        'Volumes:         <none>',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     <none>',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });

  it('describes an IngressClass: labels, the default-class annotation, its controller', () => {
    expect(describeOne(['ingressclass', 'nginx'])).toBe(
      [
        'Name:         nginx',
        'Labels:       app.kubernetes.io/component=controller',
        '              app.kubernetes.io/instance=ingress-nginx',
        '              app.kubernetes.io/name=ingress-nginx',
        'Annotations:  ingressclass.kubernetes.io/is-default-class: true',
        'Controller:   k8s.io/ingress-nginx',
        'Events:       <none>',
        '',
      ].join('\n'),
    );
  });

  it('describes a Namespace with no quota and no limit range, and no Events section', () => {
    expect(describeOne(['ns', 'default'])).toBe(
      [
        'Name:         default',
        'Labels:       kubernetes.io/metadata.name=default',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'No resource quota.',
        '',
        'No LimitRange resource.',
        '',
      ].join('\n'),
    );
  });
  // describeNode over a Node no kubelet reported: zero times print as Go's
  // time.Time{}.Format(time.RFC1123Z); Capacity and Allocatable are printed
  // only when non-empty; node info fields print empty; the Lease GET's error
  // is printed after "Failed to get lease: ". describeNodeResource divides each
  // Pod's requests by allocatable without a zero guard (0/0 = NaN; int64(NaN)
  // is math.MinInt64 on amd64) but guards the totals, which stay 0%.
  const zero = 'Mon, 01 Jan 0001 00:00:00 +0000';
  const nan = '0 (-9223372036854775808%)';
  const nodeHead = (name: string) => [
    `Name:               ${name}`,
    'Roles:              <none>',
    `Labels:             kubernetes.io/hostname=${name}`,
    'Annotations:        <none>',
    `CreationTimestamp:  ${zero}`,
    'Taints:             <none>',
    'Unschedulable:      false',
    `Lease:              Failed to get lease: leases.coordination.k8s.io "${name}" not found`,
    'Conditions:',
    '  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason  Message',
    '  ----    ------  -----------------                 ------------------                ------  -------',
  ];
  const systemInfo = [
    'System Info:',
    '  Machine ID:                 ',
    '  System UUID:                ',
    '  Boot ID:                    ',
    '  Kernel Version:             ',
    '  OS Image:                   ',
    '  Operating System:           ',
    '  Architecture:               ',
    '  Container Runtime Version:  ',
    '  Kubelet Version:            ',
  ];
  const allocated = [
    'Allocated resources:',
    '  (Total limits may be over 100 percent, i.e., overcommitted.)',
    '  Resource           Requests  Limits',
    '  --------           --------  ------',
    '  cpu                0 (0%)    0 (0%)',
    '  memory             0 (0%)    0 (0%)',
    '  ephemeral-storage  0 (0%)    0 (0%)',
    'Events:              <none>',
    '',
  ];

  it('describes a Node as served: zero times, no kubelet info or lease, its Pods at zero requests', () => {
    expect(describeOne(['node', 'node-1'])).toBe(
      [
        ...nodeHead('node-1'),
        // "%v \t%v \t%s \t%s \t%v \t%v\n": an empty reason keeps its space, the message is empty.
        `  Ready   True    ${zero}   ${zero}           `,
        'Addresses:',
        '  InternalIP:  172.18.0.2',
        '  Hostname:    node-1',
        ...systemInfo,
        'PodCIDR:                      10.244.1.0/24',
        'PodCIDRs:                     10.244.1.0/24',
        'Non-terminated Pods:          (1 in total)',
        // The Name column is followed by an empty one ("Name\t\t"): two more spaces.
        `  Namespace                   Name                                         CPU Requests               CPU Limits                 Memory Requests            Memory Limits              Age`,
        `  ---------                   ----                                         ------------               ----------                 ---------------            -------------              ---`,
        `  ingress-nginx               ingress-nginx-controller-56488dd98c-vkw94    ${nan}  ${nan}  ${nan}  ${nan}  <unknown>`,
        ...allocated,
      ].join('\n'),
    );
  });

  it('describes a NotReady Node the allocator gave no pod CIDR: no PodCIDR lines, no Pods', () => {
    const cluster = [
      'apiVersion: routelab.dev/v1alpha1',
      'kind: Cluster',
      'spec:',
      '  clusterCIDR: 10.244.0.0/24',
      '  nodes:',
      '  - name: node-1',
      '  - name: node-2',
      '    ready: false',
    ].join('\n');
    const small = buildModel([
      { file: 'web.yaml', text },
      { file: 'cluster.yaml', text: cluster },
    ]);
    expect(describeOne(['no', 'node-2'], small)).toBe(
      [
        ...nodeHead('node-2'),
        `  Ready   False   ${zero}   ${zero}           `,
        'Addresses:',
        '  InternalIP:  172.18.0.3',
        '  Hostname:    node-2',
        ...systemInfo,
        'Non-terminated Pods:          (0 in total)',
        '  Namespace                   Name    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----    ------------  ----------  ---------------  -------------  ---',
        ...allocated,
      ].join('\n'),
    );
  });
});
