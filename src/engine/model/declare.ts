// Takes documents in the way `kubectl apply -f` would: each object decoded,
// defaulted and validated on its own, an invalid one refused, the others
// declared; the Cluster document and the ingress controller's own objects first.
import { Decoder } from '../api/decode.ts';
import { checkKind, installedKinds } from '../api/kinds.ts';
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
import { maxNamedUnknownFields, strictDecodingMessage, unknownFields } from '../api/strict.ts';
import type { EndpointSlice, Node, Pod, Secret, Service, Sourced, Workload } from '../api/types.ts';
import type { ClusterSpec } from '../cluster.ts';
import { decodeCluster, defaultCluster } from '../cluster.ts';
import type { Diagnostic, FieldError, PathStep } from '../diagnostics.ts';
import { formatPath, fromFieldError, locate } from '../diagnostics.ts';
import {
  CustomResourceDecoder,
  decodeGateway,
  decodeGatewayClass,
  decodeHTTPRoute,
  decodeReferenceGrant,
} from '../gateway/decode.ts';
import type { Gateway, GatewayClass, HTTPRoute, ReferenceGrant } from '../gateway/types.ts';
import {
  validateGateway,
  validateGatewayClass,
  validateHTTPRoute,
  validateReferenceGrant,
} from '../gateway/validate.ts';
import { builtInFile, controllerManifests } from '../ingress/controller.ts';
import { convertIngressV1beta1 } from '../ingress/convert.ts';
import { decodeIngress, decodeIngressClass } from '../ingress/decode.ts';
import type { Ingress, IngressClass } from '../ingress/types.ts';
import { validateIngress, validateIngressClass } from '../ingress/validate.ts';
import { message } from '../messages.ts';
import { decodeNetworkPolicy } from '../netpol/decode.ts';
import type { NetworkPolicy } from '../netpol/types.ts';
import { english, explained, hinted } from '../trace/english.ts';
import { validateObjectMeta } from '../validation/meta.ts';
import { validateNetworkPolicy } from '../validation/networkpolicy.ts';
import { validateSecret } from '../validation/secret.ts';
import { validateService } from '../validation/service.ts';
import { validatePod, validateWorkload } from '../validation/workloads.ts';
import { readManifests, type SourceDocument } from '../yaml/read.ts';
import type { ClusterSource } from './nodes.ts';

export interface Declared {
  cluster: ClusterSpec | null;
  clusterSource: ClusterSource | null;
  namespaces: string[];
  /** The labels each declared Namespace was written with. */
  namespaceLabels: Map<string, Record<string, string>>;
  nodes: Node[];
  pods: Pod[];
  workloads: Workload[];
  services: Service[];
  slices: EndpointSlice[];
  secrets: Secret[];
  ingresses: Ingress[];
  ingressClasses: IngressClass[];
  networkPolicies: NetworkPolicy[];
  gatewayClasses: GatewayClass[];
  gateways: Gateway[];
  httpRoutes: HTTPRoute[];
  referenceGrants: ReferenceGrant[];
}

const removedIngressVersions = ['networking.k8s.io/v1beta1', 'extensions/v1beta1'];

/** Every document decoded and validated, as kubectl apply would take them in. */
export function declareAll(documents: SourceDocument[], diagnostics: Diagnostic[]): Declared {
  const declared: Declared = {
    cluster: null,
    clusterSource: null,
    namespaces: [],
    namespaceLabels: new Map(),
    nodes: [],
    pods: [],
    workloads: [],
    services: [],
    slices: [],
    secrets: [],
    ingresses: [],
    ingressClasses: [],
    networkPolicies: [],
    gatewayClasses: [],
    gateways: [],
    httpRoutes: [],
    referenceGrants: [],
  };
  const seen = new Map<string, SourceDocument>();
  const installed = installedKinds(documents);
  const checked = documents
    .filter((doc) => doc.value !== null)
    .map((doc) => ({ doc, kind: checkKind(doc, installed) }));
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
  return declared;
}

/** Objects a controller in the cluster made (its own, or for a Gateway), decoded as manifests are. */
export function declareBuiltIn(
  file: string,
  text: string,
  declared: Declared,
  diagnostics: Diagnostic[],
): void {
  const builtIn = readManifests(file, text);
  if (!builtIn.ok) return;
  const seen = new Map<string, SourceDocument>();
  for (const doc of builtIn.documents) {
    const kind = checkKind(doc);
    if (kind.ok) decodeInto(doc, kind.kind, kind.apiVersion, declared, diagnostics, seen);
  }
}

export function report(
  doc: SourceDocument,
  id: string,
  errors: FieldError[],
  diagnostics: Diagnostic[],
): void {
  for (const error of errors) diagnostics.push(fromFieldError(doc, id, error));
}

// size: one case per kind, each the same three steps (decode, validate, declare); split, the kinds would be spread over as many functions.
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
    kind === 'Namespace' ||
    kind === 'Node' ||
    kind === 'Cluster' ||
    kind === 'IngressClass' ||
    kind === 'GatewayClass';
  const id = objectId(kind, clusterScoped ? '' : namespace, name);
  const d = apiVersion.startsWith('gateway.networking.k8s.io/')
    ? new CustomResourceDecoder(doc, kind, apiVersion, id)
    : new Decoder(doc, kind, apiVersion, id);
  const unknown = unknownFields(apiVersion, kind, doc.value);
  // A value of the wrong type fails decoding outright; only a decoded object has its unknown fields named.
  const validated = (errors: FieldError[]): boolean => {
    if (d.problems.length > 0) {
      diagnostics.push(...d.problems);
      return false;
    }
    if (unknown.length > 0) {
      diagnostics.push(...strictDiagnostics(doc, id, kind, apiVersion, unknown));
      return false;
    }
    report(doc, id, errors, diagnostics);
    return errors.length === 0;
  };

  if (kind !== 'Cluster') forgetEarlier(doc, id, declared, diagnostics, seen);
  seen.set(id, doc);

  switch (kind) {
    case 'Cluster': {
      if (declared.cluster) {
        diagnostics.push({
          severity: 'error',
          code: 'Duplicate',
          object: id,
          field: '',
          ...explained(message('error.cluster-twice', {})),
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
      if (validated(validateObjectMeta(ns.metadata, false, 'DNS1123Label'))) {
        declared.namespaces.push(ns.metadata.name);
        declared.namespaceLabels.set(ns.metadata.name, ns.metadata.labels);
      }
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
    case 'NetworkPolicy': {
      const policy = decodeNetworkPolicy(d);
      if (validated(validateNetworkPolicy(policy))) declared.networkPolicies.push(policy);
      return;
    }
    case 'GatewayClass': {
      const gatewayClass = decodeGatewayClass(d);
      if (validated(validateGatewayClass(gatewayClass))) declared.gatewayClasses.push(gatewayClass);
      return;
    }
    case 'Gateway': {
      const gateway = decodeGateway(d);
      if (validated(validateGateway(gateway))) declared.gateways.push(gateway);
      return;
    }
    case 'HTTPRoute': {
      const route = decodeHTTPRoute(d);
      if (validated(validateHTTPRoute(route))) declared.httpRoutes.push(route);
      return;
    }
    case 'ReferenceGrant': {
      const grant = decodeReferenceGrant(d);
      if (validated(validateReferenceGrant(grant))) declared.referenceGrants.push(grant);
      return;
    }
  }
}

/** One error per unknown field (the first few), at its key, each with the one line kubectl prints for the object. */
function strictDiagnostics(
  doc: SourceDocument,
  id: string,
  kind: string,
  apiVersion: string,
  unknown: PathStep[][],
): Diagnostic[] {
  const message = strictDecodingMessage(doc.file, kind, apiVersion, unknown);
  return unknown.slice(0, maxNamedUnknownFields).map((path) => ({
    severity: 'error',
    code: 'BadRequest',
    object: id,
    field: formatPath(path),
    message,
    ...locate(doc, path, 'key'),
  }));
}

/** `kubectl apply` of the same object twice configures it twice: the later one wins. */
function forgetEarlier(
  doc: SourceDocument,
  id: string,
  declared: Declared,
  diagnostics: Diagnostic[],
  seen: Map<string, SourceDocument>,
): void {
  const earlier = seen.get(id);
  if (earlier) {
    const explanation = message('warning.duplicate', {
      object: id,
      file: earlier.file,
      document: earlier.index + 1,
    });
    diagnostics.push({
      severity: 'warning',
      code: 'Duplicate',
      object: id,
      field: '',
      ...explained(explanation),
      ...locate(doc, ['metadata', 'name']),
    });
    for (const list of [
      declared.pods,
      declared.workloads,
      declared.services,
      declared.slices,
      declared.secrets,
      declared.networkPolicies,
      declared.gatewayClasses,
      declared.gateways,
      declared.httpRoutes,
      declared.referenceGrants,
    ] as Sourced[][]) {
      const at = list.findIndex((item) => item.id === id);
      if (at >= 0) list.splice(at, 1);
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
  const title = message('fix.convert-ingress', {});
  return {
    ...diagnostic,
    ...hinted(message('hint.ingress-v1', { apiVersion: String(value.apiVersion), text })),
    fix: { title: english(title), titleMessage: title, text },
  };
}
