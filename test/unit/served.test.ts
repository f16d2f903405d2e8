// "The object as the API server returns it" has one home (src/engine/api/served.ts):
// `routelab get --json` prints it and a `field` check reads it, so a default
// the one shows is the value the other grades.
import { describe, expect, it } from 'vitest';
import { getJson } from '../../src/cli/get.ts';
import { gradeSubmission } from '../../src/course/exercises/grade.ts';
import type { Exercise } from '../../src/course/exercises/schema.ts';
import { buildModel, servedObject } from '../../src/engine/index.ts';
import { myApp, service } from '../support/engine.ts';

const manifests = `${myApp}---\n${service('selector:\n  app: my-app\nports:\n- port: 80\n  targetPort: 8080', 'my-app')}`;
const model = buildModel([{ file: 'a.yaml', text: manifests }]);

const fieldCheck = (field: string, equals: unknown): Exercise => ({
  id: 'served',
  chapter: 2,
  title: { ja: '提供', en: 'served' },
  task: { ja: '課題', en: 'task' },
  hints: [],
  checks: [
    {
      id: 'f',
      title: { ja: 'f', en: 'f' },
      kind: 'field',
      object: 'Service/my-app',
      field,
      equals,
    },
  ],
  starter: '',
  solution: '',
});

describe('the served object', () => {
  it('is the item get --json prints, defaults filled in', () => {
    const list = getJson(model, 'services') as { items: unknown[] };
    const served = servedObject(model, 'Service/my-app') as { spec: Record<string, unknown> };
    expect(list.items).toContainEqual(served);
    expect(served.spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
    });
    expect(servedObject(model, 'Service/default/my-app')).toEqual(served);
    expect(servedObject(model, 'Service/other/my-app')).toBeUndefined();
  });

  it('is what a field check grades: a default the manifest never wrote passes', () => {
    const text = [{ file: 'a.yaml', text: manifests }];
    expect(gradeSubmission(fieldCheck('spec.type', 'ClusterIP'), text).passed).toBe(true);
    const wrong = gradeSubmission(fieldCheck('spec.type', 'NodePort'), text);
    expect(wrong.checks[0]?.message).toBe(
      'f: spec.type of Service/my-app should be "NodePort", but is "ClusterIP"',
    );
  });

  it('is the object as applied for a kind the engine fills in no defaults for', () => {
    const ingress = `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: nginx\n  defaultBackend:\n    service:\n      name: my-app\n      port:\n        number: 80\n`;
    const m = buildModel([{ file: 'a.yaml', text: `${manifests}---\n${ingress}` }]);
    expect(servedObject(m, 'Ingress/web')).toMatchObject({ spec: { ingressClassName: 'nginx' } });
  });
});
