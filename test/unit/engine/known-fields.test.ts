// The engine's table of known fields is generated from kubernetes-types and
// checked in; regenerating it must give the same file, and it must stay small
// enough for the engine's worker.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { simulatedKinds } from '../../../src/engine/api/kinds.ts';
import { knownKinds, knownStructs } from '../../../src/engine/api/known-fields.generated.ts';
import { generatedPath, knownFieldsModule } from '../../../src/schema/known-fields.ts';

describe('the known-fields table', () => {
  it('is what the generator writes today (run node src/schema/known-fields.ts when it is not)', () => {
    expect(readFileSync(generatedPath, 'utf8')).toBe(knownFieldsModule());
  });

  it('stays under 15 KB gzipped', () => {
    expect(gzipSync(readFileSync(generatedPath)).length).toBeLessThan(15 * 1024);
  });

  it('covers every Kubernetes kind the engine decodes, and none of routelab’s own', () => {
    const decoded = Object.entries(simulatedKinds)
      .filter(([apiVersion]) => apiVersion !== 'routelab.dev/v1alpha1')
      .flatMap(([apiVersion, kinds]) => kinds.map((kind) => `${apiVersion}/${kind}`));
    expect(Object.keys(knownKinds).sort()).toEqual(decoded.sort());
  });

  it('knows a Service port’s fields, and that labels take any key', () => {
    const fieldsOf = (i: number | undefined) =>
      new Map(
        (knownStructs[i ?? -1] ?? '').split(' ').map((f) => [f.split(':')[0], f.split(':')[1]]),
      );
    const service = fieldsOf(knownKinds['v1/Service']);
    const spec = fieldsOf(Number(service.get('spec')));
    const port = fieldsOf(Number(spec.get('ports')));
    expect([...port.keys()].sort()).toEqual(
      ['appProtocol', 'name', 'nodePort', 'port', 'protocol', 'targetPort'].sort(),
    );
    const meta = fieldsOf(Number(service.get('metadata')));
    expect(meta.has('labels')).toBe(true);
    expect(meta.get('labels')).toBeUndefined();
  });
});
