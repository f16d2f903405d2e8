// The spread of several requests over Pods as horizontal bars: one row per Pod
// that answered, longest first (the engine's distribution order), each bar's
// length its share of all requests sent — failures included, so the bars of
// a half-failing Service add up to half.
import type { TraceResult } from '../../engine/index.ts';

export interface Bar {
  pod: string;
  node: string;
  count: number;
  /** 0..1 of all requests sent. */
  share: number;
  y: number;
  width: number;
}

export interface SpreadLayout {
  width: number;
  height: number;
  total: number;
  bars: Bar[];
  /** Requests that reached no Pod. */
  failed: number;
}

export const spreadGeometry = { label: 260, bar: 220, row: 22, margin: 8 };

export function layoutSpread(result: Pick<TraceResult, 'distribution' | 'outcomes'>): SpreadLayout {
  const g = spreadGeometry;
  const total = Object.values(result.outcomes ?? {}).reduce((a, b) => a + (b ?? 0), 0);
  const distribution = result.distribution ?? [];
  const bars = distribution.map((d, i) => ({
    ...d,
    share: total > 0 ? d.count / total : 0,
    y: g.margin + i * g.row,
    width: total > 0 ? Math.max(1, Math.round((d.count / total) * g.bar)) : 0,
  }));
  const reached = distribution.reduce((a, d) => a + d.count, 0);
  return {
    width: g.label + g.bar + 90,
    height: 2 * g.margin + Math.max(1, bars.length) * g.row,
    total,
    bars,
    failed: total - reached,
  };
}
