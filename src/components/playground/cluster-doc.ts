// The playground's fault switches edit the Cluster document (routelab.dev/
// v1alpha1, docs/cli.md) inside the learner's YAML, so a fault is part
// of the text: it is saved, shared and graded like any manifest. Only that one
// document is rewritten; every other line keeps its exact text. A namespace's
// default deny is a manifest of its own, which policy-doc.ts adds or removes.
import { dump, load } from 'js-yaml';
import { documents } from './documents.ts';
import { switchDefaultDeny } from './policy-doc.ts';

export type Fault =
  | { kind: 'kubeProxy'; node: string; running: boolean }
  | { kind: 'nodeReady'; node: string; ready: boolean }
  | { kind: 'podReady'; pod: string; ready: boolean }
  | { kind: 'loadBalancer'; provider: 'cloud' | 'none' }
  | { kind: 'ingressController'; exposure: 'LoadBalancer' | 'NodePort' | 'None' | 'absent' }
  | { kind: 'networkPolicy'; enforced: boolean }
  | { kind: 'gatewayController'; installed: boolean }
  | { kind: 'gatewayClass'; name: string; accepted: boolean }
  | { kind: 'defaultDeny'; namespace: string; on: boolean };

const isCluster = (text: string) =>
  /^kind:\s*["']?Cluster["']?\s*(#.*)?$/m.test(text) &&
  /^apiVersion:\s*["']?routelab\.dev\//m.test(text);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The text with one fault switched, or an error when the Cluster document
 * cannot be read (the learner's text is then left alone). `nodes` are the
 * model's node names in order: a Cluster without `spec.nodes` gets them
 * written out, so that defaults (IPs by position) stay what they were.
 */
export function applyFault(
  text: string,
  fault: Fault,
  nodes: string[],
): { text: string } | { error: string } {
  if (fault.kind === 'defaultDeny')
    return { text: switchDefaultDeny(text, fault.namespace, fault.on) };
  if (fault.kind === 'gatewayClass') return switchGatewayClass(text, fault.name, fault.accepted);
  const lines = text.split('\n');
  const span = documents(lines).find((s) => isCluster(lines.slice(s.from, s.to).join('\n')));
  let doc: Obj = { apiVersion: 'routelab.dev/v1alpha1', kind: 'Cluster', spec: {} };
  if (span) {
    let parsed: unknown;
    try {
      parsed = load(lines.slice(span.from, span.to).join('\n'));
    } catch (error) {
      return { error: `the Cluster document is not valid YAML: ${(error as Error).message}` };
    }
    if (!isObj(parsed)) return { error: 'the Cluster document is not a mapping' };
    doc = parsed;
  }
  const spec: Obj = isObj(doc.spec) ? doc.spec : {};
  doc.spec = spec;
  const problem = edit(spec, fault, nodes);
  if (problem) return { error: problem };

  const written = dump(doc, { lineWidth: -1, noRefs: true }).trimEnd().split('\n');
  if (span) lines.splice(span.from, span.to - span.from, ...written);
  else lines.unshift(...written, '---');
  return { text: lines.join('\n') };
}

function nodeEntry(spec: Obj, name: string, nodes: string[]): Obj | string {
  if (!Array.isArray(spec.nodes)) spec.nodes = nodes.map((n) => ({ name: n }));
  const list = spec.nodes as unknown[];
  const found = list.find((n) => isObj(n) && n.name === name);
  return isObj(found) ? found : `no node named ${name} in the Cluster document`;
}

function edit(spec: Obj, fault: Fault, nodes: string[]): string | null {
  switch (fault.kind) {
    case 'kubeProxy': {
      const node = nodeEntry(spec, fault.node, nodes);
      if (typeof node === 'string') return node;
      if (fault.running) delete node.kubeProxy;
      else node.kubeProxy = 'Stopped';
      return null;
    }
    case 'nodeReady': {
      const node = nodeEntry(spec, fault.node, nodes);
      if (typeof node === 'string') return node;
      if (fault.ready) delete node.ready;
      else node.ready = false;
      return null;
    }
    case 'podReady': {
      const pods = (Array.isArray(spec.pods) ? spec.pods : []).filter(
        (p) => !(isObj(p) && p.name === fault.pod),
      );
      if (!fault.ready) pods.push({ name: fault.pod, ready: false });
      if (pods.length > 0) spec.pods = pods;
      else delete spec.pods;
      return null;
    }
    case 'loadBalancer':
      spec.loadBalancer = fault.provider;
      return null;
    case 'ingressController':
      if (fault.exposure === 'absent') {
        spec.ingressController = 'none';
        delete spec.ingressControllerService;
      } else {
        spec.ingressController = 'ingress-nginx';
        spec.ingressControllerService = fault.exposure;
      }
      return null;
    case 'networkPolicy':
      // enforced is the default: switched back on, the field goes away.
      if (fault.enforced) delete spec.networkPolicy;
      else spec.networkPolicy = 'ignored';
      return null;
    case 'gatewayController':
      // Envoy Gateway is the default: installed again, the field goes away.
      if (fault.installed) delete spec.gatewayController;
      else spec.gatewayController = 'none';
      return null;
    case 'defaultDeny':
    case 'gatewayClass':
      return 'this switch edits a manifest, not the Cluster document';
  }
}

/** A controller no cluster here runs: a class naming it is accepted by nobody. */
export const otherController = 'example.com/not-installed';

/**
 * A GatewayClass accepted or not: its spec.controllerName line names Envoy
 * Gateway's controller or one that is not installed. Only that line changes.
 */
function switchGatewayClass(
  text: string,
  name: string,
  accepted: boolean,
): { text: string } | { error: string } {
  const lines = text.split('\n');
  for (const span of documents(lines)) {
    let doc: unknown;
    try {
      doc = load(lines.slice(span.from, span.to).join('\n'));
    } catch {
      continue;
    }
    if (!isObj(doc) || doc.kind !== 'GatewayClass') continue;
    if (!isObj(doc.metadata) || doc.metadata.name !== name) continue;
    const at = lines.slice(span.from, span.to).findIndex((l) => /controllerName:/.test(l));
    if (at < 0) return { error: `GatewayClass ${name} has no controllerName line` };
    const controller = accepted ? 'gateway.envoyproxy.io/gatewayclass-controller' : otherController;
    const line = lines[span.from + at] ?? '';
    lines[span.from + at] = line.replace(
      /(controllerName:\s*)("[^"]*"|'[^']*'|[^,}\s#]+)/,
      `$1${controller}`,
    );
    return { text: lines.join('\n') };
  }
  return { error: `no GatewayClass named ${name} in the text` };
}
