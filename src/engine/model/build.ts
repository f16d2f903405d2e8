import { flattenLists } from '../api/lists.ts';
import type { Service, Sourced, Workload } from '../api/types.ts';
import type { ClusterSpec } from '../cluster.ts';
import { defaultCluster } from '../cluster.ts';
import { Allocator } from '../controllers/allocate.ts';
import { endpointSlicesFor } from '../controllers/endpointslices.ts';
import { runWorkloads } from '../controllers/workloads.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { locate } from '../diagnostics.ts';
import { provisionGateways } from '../gateway/provision.ts';
import { gatewayWarnings } from '../gateway/warnings.ts';
import { configOf } from '../ingress/nginx.ts';
import { message } from '../messages.ts';
import { explained, hinted } from '../trace/english.ts';
import { limits, readManifests, type SourceDocument } from '../yaml/read.ts';
import { declareAll, report } from './declare.ts';
import { clusterNodes } from './nodes.ts';
import type { Model } from './types.ts';
import { routingWarnings } from './warnings.ts';

export interface InputFile {
  file: string;
  text: string;
}

const builtInNamespaces = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export function buildModel(files: InputFile[]): Model {
  const diagnostics: Diagnostic[] = [];
  const documents = readDocuments(files, diagnostics);
  const declared = declareAll(documents, diagnostics);
  const cluster = declared.cluster ?? defaultCluster();
  const namespaces = [...builtInNamespaces, ...declared.namespaces];
  const nodes = clusterNodes(cluster, declared.clusterSource, declared.nodes, diagnostics);

  const inNamespace = <T extends Sourced & { metadata: { namespace: string } }>(items: T[]): T[] =>
    items.filter((item) => {
      if (namespaces.includes(item.metadata.namespace)) return true;
      diagnostics.push({
        severity: 'error',
        code: 'NotFound',
        object: item.id,
        field: 'metadata.namespace',
        message: `Error from server (NotFound): error when creating "${item.doc.file}": namespaces "${item.metadata.namespace}" not found`,
        ...hinted(message('hint.create-namespace', { namespace: item.metadata.namespace })),
        ...locate(item.doc, ['metadata', 'namespace']),
      });
      return false;
    });

  const gateways = inNamespace(declared.gateways);
  // Envoy Gateway's own objects and its proxies come after the manifests' objects, so that
  // adding a Gateway never moves the addresses everything else was given.
  provisionGateways(cluster, declared, gateways, diagnostics);
  namespaces.push(...declared.namespaces.filter((n) => !namespaces.includes(n)));
  const workloads = withinPodLimit(inNamespace(declared.workloads), nodes.length, diagnostics);
  const { pods, replicaSets } = runWorkloads(workloads, inNamespace(declared.pods), nodes, cluster);

  const services = allocateServices(
    cluster,
    inNamespace(declared.services),
    declared.services,
    diagnostics,
  );

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
    networkPolicies: inNamespace(declared.networkPolicies),
    gatewayClasses: declared.gatewayClasses,
    gateways,
    httpRoutes: inNamespace(declared.httpRoutes),
    referenceGrants: inNamespace(declared.referenceGrants),
    namespaceLabels: namespaceLabels(namespaces, declared.namespaceLabels),
    diagnostics,
    documents,
  };
  diagnostics.push(
    ...routingWarnings(model),
    ...configOf(model).diagnostics,
    ...gatewayWarnings(model),
  );
  return model;
}

/**
 * Every Namespace's labels as the API server stores them: the NamespaceDefaultLabelName
 * admission (GA in 1.22) sets kubernetes.io/metadata.name to the name, over whatever
 * the manifest wrote; the built-in Namespaces carry that label alone.
 */
function namespaceLabels(
  namespaces: readonly string[],
  written: ReadonlyMap<string, Record<string, string>>,
): Map<string, Record<string, string>> {
  return new Map(
    namespaces.map((name) => [name, { ...written.get(name), 'kubernetes.io/metadata.name': name }]),
  );
}

/**
 * The documents of every file, lists as their items; a file that is not YAML is
 * one error and no documents, and so is one whose Lists hold more objects than
 * the reader takes documents (a List must not be a way round that bound).
 */
function readDocuments(files: InputFile[], diagnostics: Diagnostic[]): SourceDocument[] {
  const documents: SourceDocument[] = [];
  for (const { file, text } of files) {
    const result = readManifests(file, text);
    if (!result.ok) {
      diagnostics.push({
        severity: 'error',
        code: 'YAMLSyntaxError',
        object: '',
        field: '',
        ...result.problem,
      });
      continue;
    }
    const objects = flattenLists(result.documents, diagnostics);
    if (objects.length <= limits.maxDocuments) documents.push(...objects);
    else
      diagnostics.push({
        severity: 'error',
        code: 'TooLarge',
        object: '',
        field: '',
        file,
        line: 1,
        column: 1,
        message: `file has ${objects.length} objects, the items of its Lists counted; at most ${limits.maxDocuments} are read`,
      });
  }
  return documents;
}

function allocateServices(
  cluster: ClusterSpec,
  applied: Service[],
  declaredServices: Service[],
  diagnostics: Diagnostic[],
): Service[] {
  const allocator = new Allocator(cluster);
  const services: Service[] = [];
  // Services that ask for a specific address claim it before others are handed out,
  // as they would on a cluster where they already exist.
  const ordered = applied.sort((a, b) => Number(b.clusterIP !== '') - Number(a.clusterIP !== ''));
  for (const service of ordered) {
    const { service: allocated, errors } = allocator.allocate(service);
    if (errors.length > 0) report(service.doc, service.id, errors, diagnostics);
    else services.push(allocated);
  }
  // Back to the order the manifests declared them in.
  const declaredAt = new Map(declaredServices.map((s, i) => [s.id, i]));
  services.sort((a, b) => (declaredAt.get(a.id) ?? 0) - (declaredAt.get(b.id) ?? 0));
  return services;
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
      ...explained(
        message('error.pod-limit', {
          limit: maxPods,
          kind: w.kind,
          name: w.metadata.name,
          total: total + pods,
        }),
      ),
      ...locate(w.doc, ['spec', 'replicas']),
    });
    return false;
  });
}
