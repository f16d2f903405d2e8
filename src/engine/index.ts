// The engine's public face: what the CLI, the browser and the tests call.
import type { Diagnostic } from './diagnostics.ts';
import { kubeProxyRules } from './kubeproxy/rules.ts';
import { iptablesSave } from './kubeproxy/save.ts';
import { buildModel, type InputFile } from './model/build.ts';
import type { Model } from './model/types.ts';
import { newSession, type TraceRequest, traceRequest } from './trace/trace.ts';
import type { Outcome, TraceResult } from './trace/types.ts';
import { seededRandom } from './util/hash.ts';

/** The networking.k8s.io/v1 form of a removed v1beta1 Ingress (the editor's quick fix). */
export { convertIngressV1beta1 } from './ingress/convert.ts';
export { ingressAddress, ingressEntry, isControllerPod } from './ingress/entry.ts';
export type { Message, MessageId, MessageParams, MessageTable, Render } from './messages.ts';
export { renderer } from './messages.ts';
export type { Diagnostic, InputFile, Model, TraceRequest, TraceResult };
export { buildModel };

/** The seed used when none is given: equal inputs give equal outputs. */
export const defaultSeed = 1;

export interface ValidateResult {
  schema: 'routelab.dev/validate/v1';
  valid: boolean;
  diagnostics: Diagnostic[];
}

export function validate(files: InputFile[]): ValidateResult {
  const model = buildModel(files);
  return {
    schema: 'routelab.dev/validate/v1',
    valid: !model.diagnostics.some((d) => d.severity === 'error'),
    diagnostics: model.diagnostics,
  };
}

export interface TraceOptions {
  count?: number;
  seed?: number;
}

/** Sends `count` requests; the first one is described in full, the others are counted. */
export function trace(
  model: Model,
  request: TraceRequest,
  options: TraceOptions = {},
): TraceResult {
  const count = Math.max(1, Math.floor(options.count ?? 1));
  const session = newSession(options.seed ?? defaultSeed, seededRandom);
  const first = traceRequest(model, request, session);
  if (count === 1) return first;
  const outcomes: Partial<Record<Outcome, number>> = {};
  const spread = new Map<string, { pod: string; node: string; count: number }>();
  const tally = (result: TraceResult) => {
    outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
    if (!result.destination) return;
    const key = `${result.destination.namespace}/${result.destination.pod}`;
    const entry = spread.get(key) ?? {
      pod: result.destination.pod,
      node: result.destination.node,
      count: 0,
    };
    entry.count++;
    spread.set(key, entry);
  };
  tally(first);
  for (let i = 1; i < count; i++) tally(traceRequest(model, request, session));
  const distribution = [...spread.values()].sort(
    (a, b) => b.count - a.count || (a.pod < b.pod ? -1 : 1),
  );
  return { ...first, distribution, outcomes };
}

/** The rules kube-proxy writes on a node, as iptables-restore input; null when there is no such node. */
export function iptables(model: Model, nodeName: string): string | null {
  const node = model.nodes.find((n) => n.name === nodeName);
  return node ? iptablesSave(kubeProxyRules(model, node)) : null;
}
