// The spread bars: each Pod's share of all requests sent, failures included.
import { describe, expect, it } from 'vitest';
import { layoutSpread } from '../../src/components/diagrams/spread-layout.ts';
import { readScenario } from '../../src/course/read.ts';
import { buildModel, trace } from '../../src/engine/index.ts';

const text = readScenario('service-nodeport.yaml');

describe('layoutSpread', () => {
  it('gives each Pod its share of 100 requests, longest bar first', () => {
    const m = buildModel([{ file: 'a.yaml', text }]);
    const r = trace(m, { from: 'external', to: 'http://172.18.0.2:30080/' }, { count: 100 });
    const l = layoutSpread(r);
    expect(l.total).toBe(100);
    expect(l.bars).toHaveLength(2);
    expect(l.bars.reduce((a, b) => a + b.count, 0)).toBe(100);
    expect(l.bars[0]?.count).toBeGreaterThanOrEqual(l.bars[1]?.count ?? 0);
    expect(l.failed).toBe(0);
  });

  it('counts requests that reached no Pod as failed, not as bars', () => {
    const m = buildModel([{ file: 'a.yaml', text }]);
    const r = trace(m, { from: 'external', to: 'http://172.18.0.2:30081/' }, { count: 10 });
    const l = layoutSpread(r);
    expect(l.bars).toEqual([]);
    expect(l.failed).toBe(10);
  });
});
