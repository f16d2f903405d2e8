// What the chapters and the playground share in drawing a scene: the cluster's
// label (the Pods a node holds beyond those drawn counted, as the chapters
// counted them from the model), and the draw measures, of which only the
// latest answer's are kept.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterLabel } from '../../src/components/diagrams/draw.ts';
import { views } from '../../src/components/diagrams/scene.ts';
import { layoutTopology } from '../../src/components/diagrams/topology-layout.ts';
import { clearMeasures, measureNames, timed } from '../../src/components/playground/results.ts';
import { buildModel } from '../../src/engine/index.ts';
import { loadUi } from '../../src/i18n/index.ts';

const dir = join(import.meta.dirname, '..', '..', 'content', 'scenarios');

describe('clusterLabel', () => {
  it('counts what the chapters counted from the model, for every scenario', async () => {
    const words = (await loadUi('en')).diagrams;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const model = buildModel([{ file, text: readFileSync(join(dir, file), 'utf8') }]);
      const pods = model.pods.filter((p) => p.nodeName).length;
      expect(clusterLabel(layoutTopology(model), words), file).toBe(
        words.cluster(model.nodes.length, pods, model.services.length),
      );
    }
  });

  it('counts the Pods a node holds beyond those drawn', async () => {
    const words = (await loadUi('en')).diagrams;
    const layout = {
      nodes: [{ pods: [{}, {}], hidden: 5 }],
      services: [{}],
    } as unknown as Parameters<typeof clusterLabel>[0];
    expect(clusterLabel(layout, words)).toBe(words.cluster(1, 7, 1));
  });
});

describe('draw measures', () => {
  it('name every view and the hop table', () => {
    for (const view of [...views, 'hops']) expect(measureNames).toContain(`routelab:draw:${view}`);
  });

  it('keep only the latest answer’s', () => {
    for (let i = 0; i < 3; i++) {
      clearMeasures();
      timed('topology', () => {});
    }
    expect(performance.getEntriesByName('routelab:draw:topology')).toHaveLength(1);
  });
});
