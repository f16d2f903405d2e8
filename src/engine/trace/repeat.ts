// `trace --count N`: the same request sent N times in one session (so session
// affinity and the random choices of kube-proxy's probability rules play out as
// they would), the first described hop by hop and the rest counted.
import type { Model } from '../model/types.ts';
import { seededRandom } from '../util/hash.ts';
import { newSession, type TraceRequest, traceRequest } from './trace.ts';
import type { Outcome, TraceResult } from './types.ts';

/** The seed used when none is given: equal inputs give equal outputs. */
export const defaultSeed = 1;

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
