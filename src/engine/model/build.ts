// Applies manifests the way `kubectl apply -f` and the control plane would:
// each object is decoded, defaulted and validated on its own (an invalid one
// is refused, the others are created), then the controllers run.
import { Decoder } from '../api/decode.ts';
import { checkKind } from '../api/kinds.ts';
import {
  decodeEndpointSlice,
  decodeEndpoints,
  decodeNamespace,
  decodeNode,
  decodePod,
  decodeSecret,
  decodeService,
  decodeWorkload,
  objectId,
} from '../api/objects.ts';
import type { EndpointSlice, Node, Pod, Secret, Service, Sourced, Workload } from '../api/types.ts';
import type { ClusterSpec } from '../cluster.ts';
import { decodeCluster, defaultCluster } from '../cluster.ts';
import { Allocator } from '../controllers/allocate.ts';
import { endpointSlicesFor } from '../controllers/endpointslices.ts';
import { runWorkloads } from '../controllers/workloads.ts';
import type { Diagnostic, FieldError } from '../diagnostics.ts';
import { fromFieldError, locate } from '../diagnostics.ts';
import { builtInFile, controllerManifests } from '../ingress/controller.ts';
import { convertIngressV1beta1 } from '../ingress/convert.ts';
import { decodeIngress, decodeIngressClass } from '../ingress/decode.ts';
import { configOf } from '../ingress/nginx.ts';
import type { Ingress, IngressClass } from '../ingress/types.ts';
import { validateIngress, validateIngressClass } from '../ingress/validate.ts';
import { validateObjectMeta } from '../validation/meta.ts';
import { validateSecret } from '../validation/secret.ts';
import { validateService } from '../validation/service.ts';
import { validatePod, validateWorkload } from '../validation/workloads.ts';
import { readManifests, type SourceDocument } from '../yaml/read.ts';
import { type ClusterSource, clusterNodes } from './nodes.ts';
import type { Model } from './types.ts';
import { routingWarnings } from './warnings.ts';

export interface InputFile {
  file: string;
  text: string;
}

const builtInNamespaces = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

interface Declared {
  cluster: ClusterSpec | null;
  clusterSource: ClusterSource | null;
  namespaces: string[];
  nodes: Node[];
  pods: Pod[];
  workloads: Workload[];
  services: Service[];
  slices: EndpointSlice[];
  secrets: Secret[];
  ingresses: Ingress[];
  ingressClasses: IngressClass[];
}

const removedIngressVersions = ['networking.k8s.io/v1beta1', 'extensions/v1beta1'];

export function buildModel(files: InputFile[]): Model {
  const diagnostics: Diagnostic[] = [];
  const documents: SourceDocument[] = [];
  for (const { file, text } of files) {
    const result = readManifests(file, text);
    if (result.ok) documents.push(...result.documents);
    else
      diagnostics.push({
        severity: 'error',
        code: 'YAMLSyntaxError',
        object: '',
        field: '',
        ...result.problem,
      });
  }

  const declared: Declared = {
    cluster: null,
    clusterSource: null,
    namespaces: [],
    nodes: [],
    pods: [],
    workloads: [],
    services: [],
    slices: [],
    secrets: [],
    ingresses: [],
    ingressClasses: [],
  };
  const seen = new Map<string, SourceDocument>();
  const checked = documents
    .filter((doc) => doc.value !== null)
    .map((doc) => ({ doc, kind: checkKind(doc) }));
  // The Cluster document first: it says whether the ingress controller exists and how it is exposed.
  for (const { doc, kind } of checked)
    if (kind.ok && kind.kind === 'Cluster')
      decodeInto(doc, kind.kind, kind.apiVersion, declared, diagnostics, seen);
  const clusterSpec = declared.cluster ?? defaultCluster();
  // The controller's own objects exist before any manifest is applied.
  if (clusterSpec.ingressController === 'ingress-nginx') {
    const builtIn = readManifests(
      builtInFile,
      controllerManifests(clusterSpec.ingressControllerService),
    );
    if (builtIn.ok)
      for (const doc of builtIn.documents) {
        const kind = checkKind(doc);
        if (kind.ok) decodeInto(doc, kind.kind, kind.apiVersion, declared, diagnostics, seen);
      }
  }
  for (const { doc, kind } of checked) {
    if (!kind.ok) {
      diagnostics.push(withIngressFix(doc, kind.diagnostic));
      continue;
    }
    if (kind.kind !== 'Cluster')
      decodeInto(doc, kind.kind, kind.apiVersion, declared, diagnostics, seen);
  }

  const cluster = declared.cluster ?? defaultCluster();
  const nodes = clusterNodes(cluster, declared.clusterSource, declared.nodes, diagnostics);

  const namespaces = [...builtInNamespaces, ...declared.namespaces];
  const inNamespace = <T extends Sourced & { metadata: { namespace: string } }>(items: T[]): T[] =>
    items.filter((item) => {
      if (namespaces.includes(item.metadata.namespace)) return true;
      diagnostics.push({
        severity: 'error',
        code: 'NotFound',
        object: item.id,
        field: 'metadata.namespace',
        message: `Error from server (NotFound): error when creating "${item.doc.file}": namespaces "${item.metadata.namespace}" not found`,
        hint: `Create the Namespace first (kind: Namespace, name: ${item.metadata.namespace}), in this file or another one applied with it.`,
        ...locate(item.doc, ['metadata', 'namespace']),
      });
      return false;
    });

  const workloads = withinPodLimit(inNamespace(declared.workloads), nodes.length, diagnostics);
  const { pods, replicaSets } = runWorkloads(workloads, inNamespace(declared.pods), nodes, cluster);

  const allocator = new Allocator(cluster);
  const services: Service[] = [];
  // Services that ask for a specific address claim it before others are handed out,
  // as they would on a cluster where they already exist.
  const ordered = inNamespace(declared.services).sort(
    (a, b) => Number(b.clusterIP !== '') - Number(a.clusterIP !== ''),
  );
  for (const service of ordered) {
    const { service: allocated, errors } = allocator.allocate(service);
    if (errors.length > 0) report(service.doc, service.id, errors, diagnostics);
    else services.push(allocated);
  }
  // Back to the order the manifests declared them in.
  const declaredAt = new Map(declared.services.map((s, i) => [s.id, i]));
  services.sort((a, b) => (declaredAt.get(a.id) ?? 0) - (declaredAt.get(b.id) ?? 0));

  const zones = new Map(nodes.map((n) => [n.name, n.zone]));
  const endpointSlices = [
    ...services.flatMap((service) => endpointSlicesFor(service, pods, zones)),
    ...inNamespace(declared.slices),
  ];
  const model: Model = {
    cluster,
    nodes,
    namespaces,
    workloads,
    replicaSets,
    pods,
    services,
    endpointSlices,
    secrets: inNamespace(declared.secrets),
    ingresses: inNamespace(declared.ingresses),
    ingressClasses: declared.ingressClasses,
    diagnostics,
    documents,
  };
  diagnostics.push(...routingWarnings(model), ...configOf(model).diagnostics);
  return model;
}

function report(
  doc: SourceDocument,
  id: string,
  errors: FieldError[],
  diagnostics: Diagnostic[],
): void {
  for (const error of errors) diagnostics.push(fromFieldError(doc, id, error));
}

function decodeInto(
  doc: SourceDocument,
  kind: string,
  apiVersion: string,
  declared: Declared,
  diagnostics: Diagnostic[],
  seen: Map<string, SourceDocument>,
): void {
  const meta = (doc.value as { metadata?: { name?: unknown; namespace?: unknown } }).metadata;
  const name = typeof meta?.name === 'string' ? meta.name : '';
  const namespace = typeof meta?.namespace === 'string' ? meta.namespace : 'default';
  const clusterScoped =
    kind === 'Namespace' || kind === 'Node' || kind === 'Cluster' || kind === 'IngressClass';
  const id = objectId(kind, clusterScoped ? '' : namespace, name);
  const d = new Decoder(doc, kind, apiVersion, id);
  const validated = (errors: FieldError[]): boolean => {
    if (d.problems.length > 0) {
      diagnostics.push(...d.problems);
      return false;
    }
    report(doc, id, errors, diagnostics);
    return errors.length === 0;
  };

  // `kubectl apply` of the same object twice configures it twice: the later one wins.
  const earlier = seen.get(id);
  if (earlier && kind !== 'Cluster') {
    diagnostics.push({
      severity: 'warning',
      code: 'Duplicate',
      object: id,
      field: '',
      message: `${id} is defined twice (also in ${earlier.file}, document ${earlier.index + 1}); the later definition wins, as with kubectl apply`,
      ...locate(doc, ['metadata', 'name']),
    });
    for (const list of [
      declared.pods,
      declared.workloads,
      declared.services,
      declared.slices,
      declared.secrets,
    ] as Sourced[][]) {
      const at = list.findIndex((item) => item.id === id);
      if (at >= 0) list.splice(at, 1);
    }
  }
  seen.set(id, doc);

  switch (kind) {
    case 'Cluster': {
      if (declared.cluster) {
        diagnostics.push({
          severity: 'error',
          code: 'Duplicate',
          object: id,
          field: '',
          message: 'only one Cluster document may describe the cluster',
          ...locate(doc, ['kind']),
        });
        return;
      }
      const clusterDiagnostics: Diagnostic[] = [];
      const { spec, namedPodCIDR } = decodeCluster(d, clusterDiagnostics);
      if (validated([])) {
        diagnostics.push(...clusterDiagnostics);
        declared.cluster = spec;
        declared.clusterSource = { doc, id, namedPodCIDR };
      }
      return;
    }
    case 'Namespace': {
      const ns = decodeNamespace(d);
      if (validated(validateObjectMeta(ns.metadata, false, 'DNS1123Label')))
        declared.namespaces.push(ns.metadata.name);
      return;
    }
    case 'Node': {
      const node = decodeNode(d);
      if (
        validated(
          validateObjectMeta(
            { name: node.name, namespace: '', labels: node.labels },
            false,
            'DNS1123Subdomain',
          ),
        )
      )
        declared.nodes.push(node);
      return;
    }
    case 'Pod': {
      const pod = decodePod(d);
      if (validated(validatePod(pod))) declared.pods.push(pod);
      return;
    }
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet': {
      const workload = decodeWorkload(d, kind);
      if (validated(validateWorkload(workload))) declared.workloads.push(workload);
      return;
    }
    case 'Service': {
      const service = decodeService(d);
      if (validated(validateService(service))) declared.services.push(service);
      return;
    }
    case 'EndpointSlice': {
      const slice = decodeEndpointSlice(d);
      if (validated(validateObjectMeta(slice.metadata, true, 'DNS1123Subdomain')))
        declared.slices.push(slice);
      return;
    }
    case 'Endpoints': {
      const slices = decodeEndpoints(d);
      const meta = { name, namespace, labels: {} };
      if (validated(validateObjectMeta(meta, true, 'DNS1123Subdomain')))
        declared.slices.push(...slices);
      return;
    }
    case 'Secret': {
      const secret = decodeSecret(d);
      if (validated(validateSecret(secret))) declared.secrets.push(secret);
      return;
    }
    case 'Answers':
      // A learner's answers to an exercise's questions: read by the grader, not applied.
      return;
    case 'Ingress': {
      const ingress = decodeIngress(d);
      if (validated(validateIngress(ingress))) declared.ingresses.push(ingress);
      return;
    }
    case 'IngressClass': {
      const ingressClass = decodeIngressClass(d);
      if (validated(validateIngressClass(ingressClass))) declared.ingressClasses.push(ingressClass);
      return;
    }
  }
}

/** A removed Ingress version gets, besides kubectl's refusal, the same Ingress in v1. */
function withIngressFix(doc: SourceDocument, diagnostic: Diagnostic): Diagnostic {
  const value = doc.value as { apiVersion?: unknown; kind?: unknown };
  if (
    diagnostic.code !== 'NoKindMatch' ||
    value.kind !== 'Ingress' ||
    !removedIngressVersions.includes(String(value.apiVersion))
  )
    return diagnostic;
  const text = convertIngressV1beta1(doc.value);
  if (!text) return diagnostic;
  return {
    ...diagnostic,
    hint: `${value.apiVersion} Ingress was removed in Kubernetes 1.22. The same Ingress in networking.k8s.io/v1 (serviceName/servicePort become service.name and service.port; pathType ImplementationSpecific keeps the old matching, Prefix is usually what you want):\n${text}`,
    fix: { title: 'Convert to networking.k8s.io/v1', text },
  };
}

/**
 * Kubernetes accepts any int32 of replicas, but a simulation that made two
 * billion Pods would never answer. Well past Kubernetes' own tested threshold
 * (150,000 Pods per cluster) a workload is refused, by routelab, saying so.
 */
export const maxPods = 200_000;

function withinPodLimit(
  workloads: Workload[],
  nodeCount: number,
  diagnostics: Diagnostic[],
): Workload[] {
  let total = 0;
  return workloads.filter((w) => {
    const pods = w.kind === 'DaemonSet' ? nodeCount : w.replicas;
    if (total + pods <= maxPods) {
      total += pods;
      return true;
    }
    diagnostics.push({
      severity: 'error',
      code: 'RoutelabLimit',
      object: w.id,
      field: 'spec.replicas',
      message: `routelab simulates at most ${maxPods.toLocaleString('en')} Pods in a cluster (Kubernetes is tested up to 150,000); ${w.kind} ${w.metadata.name} would make it ${(total + pods).toLocaleString('en')}, so its Pods are not created`,
      ...locate(w.doc, ['spec', 'replicas']),
    });
    return false;
  });
}
