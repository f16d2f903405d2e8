// The editor's Kubernetes schema, generated from kubernetes-types at build time.
import { describe, expect, it } from 'vitest';
import { kubernetesSchema } from '../../src/schema/kubernetes.ts';

type Schema = Record<string, unknown> & {
  oneOf?: Schema[];
  definitions?: Record<string, Schema>;
  properties?: Record<string, Schema>;
  $ref?: string;
};

const schema = kubernetesSchema() as Schema;
const definitions = schema.definitions ?? {};
const resolve = (s: Schema | undefined): Schema =>
  s?.$ref ? (definitions[s.$ref.replace('#/definitions/', '')] ?? {}) : (s ?? {});

describe('the Kubernetes schema', () => {
  it('offers every kind the engine understands, lists of them, and the engine’s own two', () => {
    const kinds = (schema.oneOf ?? [])
      .map((branch) => resolve(branch).properties?.kind)
      .map((kind) => (kind?.enum as string[] | undefined)?.[0] ?? kind?.const ?? kind?.pattern);
    expect(kinds).toEqual([
      'Pod',
      'Service',
      'Secret',
      'Namespace',
      'Endpoints',
      'Node',
      'Deployment',
      'ReplicaSet',
      'StatefulSet',
      'DaemonSet',
      'Ingress',
      'IngressClass',
      'NetworkPolicy',
      'EndpointSlice',
      // Gateway API's, from @kubernetes-models/gateway-api: v1 and v1beta1.
      ...['v1', 'v1beta1'].flatMap(() => [
        'GatewayClass',
        'Gateway',
        'HTTPRoute',
        'ReferenceGrant',
      ]),
      // v1 List and ServiceList, PodList...: the engine applies each item.
      'List$',
      'Answers',
      'Cluster',
    ]);
  });

  it('carries the API’s own field docs and Kubernetes’ shapes', () => {
    const spec = resolve(definitions['core.v1.ServiceSpec']);
    const policy = spec.properties?.externalTrafficPolicy;
    expect(policy?.description).toMatch(/externalTrafficPolicy describes how nodes distribute/);
    // targetPort is an IntOrString: a number or a name.
    const port = resolve(definitions['core.v1.ServicePort']).properties?.targetPort;
    expect(port?.anyOf).toEqual([{ type: 'number' }, { type: 'string' }]);
    // Unknown fields are marked, as kubectl's strict field validation refuses them.
    expect(spec.additionalProperties).toBe(false);
    // metadata.labels is a map of strings.
    const labels = resolve(definitions['meta.v1.ObjectMeta']).properties?.labels;
    expect(labels).toMatchObject({ type: 'object', additionalProperties: { type: 'string' } });
  });

  it('is the same every time it is generated', () => {
    expect(JSON.stringify(kubernetesSchema())).toBe(JSON.stringify(schema));
  });
});
