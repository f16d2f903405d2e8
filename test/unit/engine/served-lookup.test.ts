// servedObject finds the one object named before serving it (a `field` check
// asks on every keystroke); what it returns stays the item servedObjects lists.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { servedKinds } from '../../../src/engine/api/served.ts';
import { servedObject, servedObjects } from '../../../src/engine/index.ts';
import { model } from '../../support/engine.ts';

const scenario = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'content', 'scenarios', 'ingress-article.yaml'),
  'utf8',
);

describe('servedObject', () => {
  it('is, for every served object of every kind, the item servedObjects lists', () => {
    const m = model(scenario);
    for (const kind of servedKinds) {
      const items = servedObjects(m, kind) as {
        metadata: { name: string; namespace?: string };
      }[];
      expect(items.length, kind).toBeGreaterThan(0);
      for (const item of items) {
        const { name, namespace } = item.metadata;
        const ref = namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
        expect(servedObject(m, ref), ref).toEqual(item);
      }
    }
    expect(servedObject(m, 'Node/nowhere')).toBeUndefined();
    expect(servedObject(m, 'Service')).toBeUndefined();
  });
});
