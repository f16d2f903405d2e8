// Which apiVersion/kind pairs exist, which the engine simulates, and what
// kubectl says about the rest.
import type { Diagnostic } from '../diagnostics.ts';
import { locate } from '../diagnostics.ts';
import { message } from '../messages.ts';
import { explained, hinted } from '../trace/english.ts';
import type { SourceDocument } from '../yaml/read.ts';

export const simulatedKinds = {
  v1: ['Namespace', 'Pod', 'Service', 'Endpoints', 'Node', 'Secret'],
  'apps/v1': ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'],
  'discovery.k8s.io/v1': ['EndpointSlice'],
  'networking.k8s.io/v1': ['Ingress', 'IngressClass', 'NetworkPolicy'],
  // Gateway API v1.6's standard channel serves v1 and, still, v1beta1 of each.
  'gateway.networking.k8s.io/v1': ['GatewayClass', 'Gateway', 'HTTPRoute', 'ReferenceGrant'],
  'gateway.networking.k8s.io/v1beta1': ['GatewayClass', 'Gateway', 'HTTPRoute', 'ReferenceGrant'],
  'routelab.dev/v1alpha1': ['Cluster', 'Answers'],
} as const satisfies Record<string, readonly string[]>;

/** Kinds a real cluster serves that play no part in routing here: accepted, not simulated. */
const servedElsewhere: Record<string, readonly string[]> = {
  v1: [
    'ConfigMap',
    'ServiceAccount',
    'PersistentVolumeClaim',
    'PersistentVolume',
    'LimitRange',
    'ResourceQuota',
    'Event',
    'ReplicationController',
    'PodTemplate',
  ],
  'apps/v1': ['ControllerRevision'],
  // What charts such as ingress-nginx's carry beside their workloads.
  'admissionregistration.k8s.io/v1': [
    'ValidatingWebhookConfiguration',
    'MutatingWebhookConfiguration',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
  ],
  'apiextensions.k8s.io/v1': ['CustomResourceDefinition'],
  'apiregistration.k8s.io/v1': ['APIService'],
  'scheduling.k8s.io/v1': ['PriorityClass'],
  'storage.k8s.io/v1': ['StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment'],
  'coordination.k8s.io/v1': ['Lease'],
  'node.k8s.io/v1': ['RuntimeClass'],
  'certificates.k8s.io/v1': ['CertificateSigningRequest'],
  'batch/v1': ['Job', 'CronJob'],
  'autoscaling/v2': ['HorizontalPodAutoscaler'],
  'autoscaling/v1': ['HorizontalPodAutoscaler'],
  'policy/v1': ['PodDisruptionBudget'],
  'rbac.authorization.k8s.io/v1': ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'],
  'gateway.networking.k8s.io/v1': ['GRPCRoute', 'BackendTLSPolicy', 'ListenerSet'],
  'gateway.networking.k8s.io/v1alpha2': ['TCPRoute', 'TLSRoute', 'UDPRoute'],
};

/** API versions Kubernetes has removed, with where the kind lives now (and since when). */
interface Removal {
  /** Where the kind is served now. */
  to: string;
  /** What was removed, as the hint names it. */
  from: string;
  removedIn: string;
}

const removed: Record<string, Record<string, Removal>> = {
  'extensions/v1beta1': {
    Deployment: { to: 'apps/v1', from: 'extensions/v1beta1', removedIn: '1.16' },
    DaemonSet: { to: 'apps/v1', from: 'extensions/v1beta1', removedIn: '1.16' },
    ReplicaSet: { to: 'apps/v1', from: 'extensions/v1beta1', removedIn: '1.16' },
    Ingress: { to: 'networking.k8s.io/v1', from: 'extensions/v1beta1 Ingress', removedIn: '1.22' },
  },
  'apps/v1beta1': {
    Deployment: { to: 'apps/v1', from: 'apps/v1beta1', removedIn: '1.16' },
    StatefulSet: { to: 'apps/v1', from: 'apps/v1beta1', removedIn: '1.16' },
  },
  'apps/v1beta2': {
    Deployment: { to: 'apps/v1', from: 'apps/v1beta2', removedIn: '1.16' },
    StatefulSet: { to: 'apps/v1', from: 'apps/v1beta2', removedIn: '1.16' },
    DaemonSet: { to: 'apps/v1', from: 'apps/v1beta2', removedIn: '1.16' },
    ReplicaSet: { to: 'apps/v1', from: 'apps/v1beta2', removedIn: '1.16' },
  },
  'networking.k8s.io/v1beta1': {
    Ingress: { to: 'networking.k8s.io/v1', from: 'networking.k8s.io/v1beta1', removedIn: '1.22' },
    IngressClass: {
      to: 'networking.k8s.io/v1',
      from: 'networking.k8s.io/v1beta1',
      removedIn: '1.22',
    },
  },
  'discovery.k8s.io/v1beta1': {
    EndpointSlice: {
      to: 'discovery.k8s.io/v1',
      from: 'discovery.k8s.io/v1beta1',
      removedIn: '1.25',
    },
  },
};

export type KindCheck =
  | { ok: true; apiVersion: string; kind: string }
  | { ok: false; diagnostic: Diagnostic };

/** A table's own entry: "constructor" or "__proto__" as an apiVersion is a string, not a lookup. */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function str(value: unknown, key: string): string {
  if (value === null || typeof value !== 'object') return '';
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : '';
}

/** Whether an installed API serves the kind at that version (simulated here or not). */
export function serves(apiVersion: string, kind: string): boolean {
  const simulated = own(simulatedKinds as Record<string, readonly string[]>, apiVersion);
  return Boolean(simulated?.includes(kind) || own(servedElsewhere, apiVersion)?.includes(kind));
}

/**
 * The kinds the CustomResourceDefinitions among the documents install, as
 * "group/version:Kind" for each served version: a dump of a real cluster
 * carries its CRDs and their objects, which play no part in routing here.
 */
export function installedKinds(documents: readonly SourceDocument[]): Set<string> {
  const kinds = new Set<string>();
  for (const doc of documents) {
    const value = doc.value as Record<string, unknown> | null;
    if (str(value, 'apiVersion') !== 'apiextensions.k8s.io/v1') continue;
    if (str(value, 'kind') !== 'CustomResourceDefinition') continue;
    const spec = value?.spec as Record<string, unknown> | undefined;
    const group = str(spec, 'group');
    const kind = str(spec?.names, 'kind');
    const versions = Array.isArray(spec?.versions) ? spec.versions : [];
    for (const version of versions) {
      const served = (version as Record<string, unknown> | null)?.served;
      if (group && kind && served !== false) kinds.add(`${group}/${str(version, 'name')}:${kind}`);
    }
  }
  return kinds;
}

/** Checks a document's apiVersion and kind the way kubectl does before sending it. */
export function checkKind(
  doc: SourceDocument,
  installed: ReadonlySet<string> = new Set(),
): KindCheck {
  const apiVersion = str(doc.value, 'apiVersion');
  const kind = str(doc.value, 'kind');
  const metadata = (doc.value as Record<string, unknown> | null)?.metadata;
  const name = str(metadata, 'name');
  const namespace = str(metadata, 'namespace');
  const at = (field: string) => locate(doc, field ? [field] : []);
  const base = {
    object: kind ? `${kind}/${namespace ? `${namespace}/` : ''}${name}` : '',
    field: '',
  };

  if (doc.value === null || typeof doc.value !== 'object' || Array.isArray(doc.value)) {
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        code: 'NotAnObject',
        ...base,
        message: `error validating "${doc.file}": error validating data: a manifest must be a mapping with apiVersion, kind and metadata`,
        ...at(''),
      },
    };
  }
  const missing = [apiVersion ? '' : 'apiVersion not set', kind ? '' : 'kind not set'].filter(
    Boolean,
  );
  if (missing.length > 0) {
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        code: 'MissingKind',
        ...base,
        message: `error validating "${doc.file}": error validating data: [${missing.join(', ')}]; if you choose to ignore these errors, turn validation off with --validate=false`,
        ...at(apiVersion ? 'kind' : 'apiVersion'),
      },
    };
  }
  const simulated = own(simulatedKinds as Record<string, readonly string[]>, apiVersion);
  if (simulated?.includes(kind)) return { ok: true, apiVersion, kind };
  const custom = installed.has(`${apiVersion}:${kind}`);
  if (own(servedElsewhere, apiVersion)?.includes(kind) || custom) {
    return {
      ok: false,
      diagnostic: {
        severity: 'info',
        code: 'NotSimulated',
        ...base,
        ...explained(
          message(custom ? 'info.custom-not-simulated' : 'info.not-simulated', {
            kind,
            apiVersion,
          }),
        ),
        ...at('kind'),
      },
    };
  }
  const moved = own(removed, apiVersion);
  const movedTo = moved ? own(moved, kind) : undefined;
  return {
    ok: false,
    diagnostic: {
      severity: 'error',
      code: 'NoKindMatch',
      ...base,
      message: `resource mapping not found for name: "${name}" namespace: "${namespace}" from "${doc.file}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
      ...(movedTo ? hinted(message('hint.kind-moved', { kind, ...movedTo })) : {}),
      ...at('apiVersion'),
    },
  };
}
