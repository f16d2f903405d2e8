// The resource types `routelab get` and `describe` take, resolved as kubectl's
// RESTMapper resolves a type argument against a stock cluster's discovery:
// plural, singular, short name (each registry's ShortNames(), e.g.
// pkg/registry/core/service/storage ShortNames: "svc"), or kind, any case,
// optionally with its group (`deployments.apps`, `ing.networking.k8s.io`).
// Sources: cli-runtime pkg/resource/builder.go mappingFor and
// ResourceTypeOrNameArgs, apimachinery pkg/runtime/schema ParseResourceArg,
// client-go restmapper shortcut.go expandResourceShortcut.

export interface ResourceType {
  /** The plural, as discovery names the resource. */
  resource: string;
  singular: string;
  kind: string;
  /** "" for the core group. */
  group: string;
  version: string;
  shortNames: readonly string[];
  namespaced: boolean;
  /** In kubectl's `all` category (the resources' discovery categories). */
  all?: true;
}

const core = (
  resource: string,
  kind: string,
  shortNames: string[],
  namespaced = true,
  all?: true,
): ResourceType => ({
  resource,
  singular: kind.toLowerCase(),
  kind,
  group: '',
  version: 'v1',
  shortNames,
  namespaced,
  ...(all ? { all } : {}),
});

const grouped = (group: string, version: string) =>
  function type(
    resource: string,
    kind: string,
    shortNames: string[],
    namespaced = true,
    all?: true,
  ): ResourceType {
    return { ...core(resource, kind, shortNames, namespaced, all), group, version };
  };

const apps = grouped('apps', 'v1');
const batch = grouped('batch', 'v1');
const networking = grouped('networking.k8s.io', 'v1');
const rbac = grouped('rbac.authorization.k8s.io', 'v1');

/**
 * The built-in resources a stock cluster serves, in discovery's order (group
 * by group, each group's resources by name), which is the order `all` expands in.
 */
export const resourceTypes: readonly ResourceType[] = [
  core('configmaps', 'ConfigMap', ['cm']),
  core('endpoints', 'Endpoints', ['ep']),
  core('events', 'Event', ['ev']),
  core('limitranges', 'LimitRange', ['limits']),
  core('namespaces', 'Namespace', ['ns'], false),
  core('nodes', 'Node', ['no'], false),
  core('persistentvolumeclaims', 'PersistentVolumeClaim', ['pvc']),
  core('persistentvolumes', 'PersistentVolume', ['pv'], false),
  core('pods', 'Pod', ['po'], true, true),
  core('podtemplates', 'PodTemplate', []),
  core('replicationcontrollers', 'ReplicationController', ['rc'], true, true),
  core('resourcequotas', 'ResourceQuota', ['quota']),
  core('secrets', 'Secret', []),
  core('serviceaccounts', 'ServiceAccount', ['sa']),
  core('services', 'Service', ['svc'], true, true),
  grouped('admissionregistration.k8s.io', 'v1')(
    'mutatingwebhookconfigurations',
    'MutatingWebhookConfiguration',
    [],
    false,
  ),
  grouped('admissionregistration.k8s.io', 'v1')(
    'validatingwebhookconfigurations',
    'ValidatingWebhookConfiguration',
    [],
    false,
  ),
  grouped('apiextensions.k8s.io', 'v1')(
    'customresourcedefinitions',
    'CustomResourceDefinition',
    ['crd', 'crds'],
    false,
  ),
  apps('controllerrevisions', 'ControllerRevision', []),
  apps('daemonsets', 'DaemonSet', ['ds'], true, true),
  apps('deployments', 'Deployment', ['deploy'], true, true),
  apps('replicasets', 'ReplicaSet', ['rs'], true, true),
  apps('statefulsets', 'StatefulSet', ['sts'], true, true),
  grouped('autoscaling', 'v2')(
    'horizontalpodautoscalers',
    'HorizontalPodAutoscaler',
    ['hpa'],
    true,
    true,
  ),
  batch('cronjobs', 'CronJob', ['cj'], true, true),
  batch('jobs', 'Job', [], true, true),
  grouped('coordination.k8s.io', 'v1')('leases', 'Lease', []),
  grouped('discovery.k8s.io', 'v1')('endpointslices', 'EndpointSlice', []),
  // Gateway API's CRDs (v1.6.1 standard channel): their spec.names.shortNames.
  grouped('gateway.networking.k8s.io', 'v1')('gatewayclasses', 'GatewayClass', ['gc'], false),
  grouped('gateway.networking.k8s.io', 'v1')('gateways', 'Gateway', ['gtw']),
  grouped('gateway.networking.k8s.io', 'v1')('httproutes', 'HTTPRoute', []),
  grouped('gateway.networking.k8s.io', 'v1')('referencegrants', 'ReferenceGrant', ['refgrant']),
  networking('ingressclasses', 'IngressClass', [], false),
  networking('ingresses', 'Ingress', ['ing']),
  networking('networkpolicies', 'NetworkPolicy', ['netpol']),
  grouped('policy', 'v1')('poddisruptionbudgets', 'PodDisruptionBudget', ['pdb']),
  rbac('clusterrolebindings', 'ClusterRoleBinding', [], false),
  rbac('clusterroles', 'ClusterRole', [], false),
  rbac('rolebindings', 'RoleBinding', []),
  rbac('roles', 'Role', []),
  grouped('scheduling.k8s.io', 'v1')('priorityclasses', 'PriorityClass', ['pc'], false),
  grouped('storage.k8s.io', 'v1')('storageclasses', 'StorageClass', ['sc'], false),
];

/** kubectl's error for a type argument no resource matches (cmdutil / builder mappingFor). */
export class NoResourceType extends Error {}

/** One resource type argument ("svc", "deployments.apps", "Ingress"), or NoResourceType. */
export function resolveType(arg: string): ResourceType {
  const lower = arg.toLowerCase();
  // ParseResourceArg: "resource.group" or "resource.version.group".
  const dot = lower.indexOf('.');
  const name = dot < 0 ? lower : lower.slice(0, dot);
  const rest = dot < 0 ? '' : lower.slice(dot + 1);
  const found = resourceTypes.find(
    (t) =>
      [t.resource, t.singular, ...t.shortNames].includes(name) &&
      (rest === '' || rest === t.group || rest === `${t.version}.${t.group}`),
  );
  if (!found) throw new NoResourceType(`the server doesn't have a resource type "${name}"`);
  return found;
}

/**
 * "svc,po" or "all": the types in the order given, `all` as its category
 * expands, each once; `implied` holds those that only `all` brought in.
 */
export function resolveTypes(list: string): { types: ResourceType[]; implied: Set<ResourceType> } {
  const types: ResourceType[] = [];
  const named = new Set<ResourceType>();
  for (const word of list.split(',')) {
    const all = word.toLowerCase() === 'all';
    for (const t of all ? resourceTypes.filter((r) => r.all) : [resolveType(word)]) {
      if (!all) named.add(t);
      if (!types.includes(t)) types.push(t);
    }
  }
  return { types, implied: new Set(types.filter((t) => !named.has(t))) };
}

/** `kind.group` as kubectl names a type in `-o name` and in a table of several kinds. */
export function qualifiedKind(t: ResourceType): string {
  return t.group ? `${t.singular}.${t.group}` : t.singular;
}

/** The resource as an API error names it: `services`, `deployments.apps`. */
export function qualifiedResource(t: ResourceType): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

/** What the type arguments ask for: every object of some types, or some objects by name. */
export type Request =
  | { by: 'type'; types: ResourceType[]; implied: Set<ResourceType> }
  | { by: 'name'; refs: { type: ResourceType; name: string }[] };

/**
 * The arguments after the files, as kubectl's ResourceTypeOrNameArgs reads
 * them: `TYPE[,TYPE...] [NAME...]`, or `TYPE/NAME...` (every one with a slash).
 */
export function readRequest(args: string[]): Request {
  const [first = '', ...names] = args;
  if (args.some((a) => a.includes('/'))) {
    if (!args.every((a) => a.includes('/')))
      throw new RequestError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'routelab get resource/<resource_name>' instead of 'routelab get resource resource/<resource_name>'",
      );
    return {
      by: 'name',
      refs: args.map((a) => {
        const at = a.indexOf('/');
        const name = a.slice(at + 1);
        if (!name || !a.slice(0, at))
          throw new RequestError(
            `arguments in resource/name form must have a single resource and name`,
          );
        return { type: resolveType(a.slice(0, at)), name };
      }),
    };
  }
  const { types, implied } = resolveTypes(first);
  if (names.length === 0) return { by: 'type', types, implied };
  if (types.length > 1 || first.toLowerCase() === 'all')
    throw new RequestError('you must specify only one resource');
  const type = types[0] as ResourceType;
  return { by: 'name', refs: names.map((name) => ({ type, name })) };
}

/** kubectl refuses the arguments' form before asking the server anything. */
export class RequestError extends Error {}
