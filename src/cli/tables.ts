// The rows `kubectl get -o wide` prints for each kind routelab shows, with the
// columns of kubernetes/kubernetes pkg/printers/internalversion/printers.go
// (AddHandlers' *ColumnDefinitions, Priority 1 columns included: -o wide) and
// the cells of its print* functions. AGE is translateTimestampSince of an
// object without creationTimestamp: the engine has no clock, and kubectl
// prints "<unknown>" for such an object.
import { labelSelector, serviceCells, serviceColumns } from '../course/kubectl-get.ts';
import {
  type ClusterNode,
  type EndpointSlice,
  formatLabelSelector,
  type Ingress,
  ingressStatusAddresses,
  type Model,
  type RunningPod,
  servedObject,
  servedObjects,
  storedClassName,
  type Workload,
} from '../engine/index.ts';
import {
  servedIngress,
  servedIngressClass,
  servedNamespace,
  servedNetworkPolicy,
} from './served-more.ts';
import { appsPrinters } from './tables-apps.ts';
import { gatewayPrinters } from './tables-gateway.ts';

const age = '<unknown>';

/** One object of a table: where it lives, its cells after NAME, and its API form. */
export interface Item {
  namespace: string;
  name: string;
  cells: string[];
  object: () => unknown;
}

export interface Printer {
  /** The columns after NAME. */
  columns: string[];
  items: (model: Model) => Item[];
}

/** printers.go listWithMoreString: the first `max`, then "+ N more...", or <unset>. */
function listWithMore(all: string[], max = 3): string {
  const ret = all.slice(0, max).join(',');
  if (all.length > max) return `${ret} + ${all.length - max} more...`;
  return ret || '<unset>';
}

function podReady(pod: RunningPod): string {
  const n = pod.spec.containers.length;
  return `${pod.ready && !pod.terminating ? n : 0}/${n}`;
}

/** printPod: a Pod being deleted shows Terminating, else its phase. */
const podStatus = (pod: RunningPod): string => (pod.terminating ? 'Terminating' : pod.phase);

/** The served object of a kind the engine serves, by its index in servedObjects' order. */
function served(model: Model, kind: 'Node' | 'Pod' | 'Deployment' | 'Service' | 'EndpointSlice') {
  let all: unknown[] | undefined;
  return (i: number) => () => {
    all ??= servedObjects(model, kind);
    return all[i];
  };
}

const containersOf = (w: Workload) => w.template.spec.containers;

/** printDeployment: READY is ready/desired, UP-TO-DATE and AVAILABLE count the Pods. */
function deploymentItems(model: Model): Item[] {
  const object = served(model, 'Deployment');
  return model.workloads
    .filter((w) => w.kind === 'Deployment')
    .map((w, i) => {
      const pods = model.pods.filter(
        (p) =>
          p.owner === `Deployment/${w.metadata.name}` &&
          p.metadata.namespace === w.metadata.namespace,
      );
      const ready = pods.filter((p) => p.ready && !p.terminating).length;
      return {
        namespace: w.metadata.namespace,
        name: w.metadata.name,
        cells: [
          `${ready}/${w.replicas}`,
          String(w.replicas),
          String(ready),
          age,
          containersOf(w)
            .map((c) => c.name)
            .join(','),
          containersOf(w)
            .map((c) => c.image)
            .join(','),
          labelSelector(w.selector?.matchLabels ?? null),
        ],
        object: object(i),
      };
    });
}

/** printNode: Ready or NotReady; wide, the addresses and node info (unknown here). */
function nodeItems(model: Model): Item[] {
  const object = served(model, 'Node');
  return model.nodes.map((n: ClusterNode, i) => ({
    namespace: '',
    name: n.name,
    // ROLES from node-role.kubernetes.io/* labels (none here); VERSION is
    // status.nodeInfo.kubeletVersion as it is, empty; the rest "<unknown>" when empty.
    cells: [
      n.ready ? 'Ready' : 'NotReady',
      '<none>',
      age,
      '',
      n.internalIP,
      '<none>',
      '<unknown>',
      '<unknown>',
      '<unknown>',
    ],
    object: object(i),
  }));
}

/** printIngress: CLASS, HOSTS (formatHosts), ADDRESS (the status, sorted), PORTS (formatPorts). */
function ingressItems(model: Model): Item[] {
  return model.ingresses.map((ing: Ingress) => {
    // formatHosts: the first three hosts; once three are listed, any rule after makes "+ N more".
    const named: string[] = [];
    let more = false;
    for (const rule of ing.rules) {
      if (named.length === 3) more = true;
      if (!more && rule.host) named.push(rule.host);
    }
    const addresses = [...new Set(ingressStatusAddresses(model, ing))].sort();
    return {
      namespace: ing.metadata.namespace,
      name: ing.metadata.name,
      cells: [
        storedClassName(model, ing) ?? '<none>',
        named.length === 0
          ? '*'
          : `${named.join(',')}${more ? ` + ${ing.rules.length - 3} more...` : ''}`,
        addresses.join(','),
        ing.tls.length > 0 ? '80, 443' : '80',
        age,
      ],
      object: () => servedIngress(model, ing),
    };
  });
}

export const printers: Record<string, Printer> = {
  pods: {
    columns: [
      'READY',
      'STATUS',
      'RESTARTS',
      'AGE',
      'IP',
      'NODE',
      'NOMINATED NODE',
      'READINESS GATES',
    ],
    items: (model) => {
      const object = served(model, 'Pod');
      return model.pods.map((p, i) => ({
        namespace: p.metadata.namespace,
        name: p.metadata.name,
        cells: [
          podReady(p),
          podStatus(p),
          '0',
          age,
          p.podIP || '<none>',
          p.nodeName || '<none>',
          '<none>',
          '<none>',
        ],
        object: object(i),
      }));
    },
  },
  services: {
    columns: ['TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', 'SELECTOR'],
    items: (model) => {
      const object = served(model, 'Service');
      return model.services.map((s, i) => {
        const cells = serviceCells(s);
        const [, , ...rest] = serviceColumns.map((c) => cells[c]);
        const selector = rest.pop() ?? '';
        return {
          namespace: s.metadata.namespace,
          name: s.metadata.name,
          cells: [...rest, age, selector],
          object: object(i),
        };
      });
    },
  },
  nodes: {
    columns: [
      'STATUS',
      'ROLES',
      'AGE',
      'VERSION',
      'INTERNAL-IP',
      'EXTERNAL-IP',
      'OS-IMAGE',
      'KERNEL-VERSION',
      'CONTAINER-RUNTIME',
    ],
    items: nodeItems,
  },
  namespaces: {
    columns: ['STATUS', 'AGE'],
    items: (model) =>
      model.namespaces.map((name) => ({
        namespace: '',
        name,
        cells: ['Active', age],
        object: () => servedNamespace(name, model.namespaceLabels.get(name)),
      })),
  },
  secrets: {
    columns: ['TYPE', 'DATA', 'AGE'],
    items: (model) =>
      model.secrets.map((s) => ({
        namespace: s.metadata.namespace,
        name: s.metadata.name,
        cells: [s.type, String(s.keys.length), age],
        object: () => servedObject(model, `Secret/${s.metadata.namespace}/${s.metadata.name}`),
      })),
  },
  deployments: {
    columns: ['READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR'],
    items: deploymentItems,
  },
  endpointslices: {
    columns: ['ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    items: (model) => {
      const object = served(model, 'EndpointSlice');
      return model.endpointSlices.map((e: EndpointSlice, i) => ({
        namespace: e.metadata.namespace,
        name: e.metadata.name,
        // formatDiscoveryPorts and formatDiscoveryEndpoints: at most three each.
        cells: [
          e.addressType,
          listWithMore(e.ports.map((p) => String(p.port))),
          listWithMore(e.endpoints.flatMap((x) => x.addresses)),
          age,
        ],
        object: object(i),
      }));
    },
  },
  ...appsPrinters,
  ...gatewayPrinters,
  ingresses: {
    columns: ['CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
    items: ingressItems,
  },
  ingressclasses: {
    columns: ['CONTROLLER', 'PARAMETERS', 'AGE'],
    items: (model) =>
      model.ingressClasses.map((c) => ({
        namespace: '',
        name: c.metadata.name,
        cells: [c.controller, '<none>', age],
        object: () => servedIngressClass(c),
      })),
  },
  // printNetworkPolicy: the pod selector as metav1.FormatLabelSelector writes it.
  networkpolicies: {
    columns: ['POD-SELECTOR', 'AGE'],
    items: (model) =>
      model.networkPolicies.map((p) => ({
        namespace: p.metadata.namespace,
        name: p.metadata.name,
        cells: [formatLabelSelector(p.podSelector), age],
        object: () => servedNetworkPolicy(p),
      })),
  },
};
