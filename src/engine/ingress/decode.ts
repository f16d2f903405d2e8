// Reads Ingress and IngressClass manifests (networking.k8s.io/v1).
import type { Decoder } from '../api/decode.ts';
import { decodeMeta, objectId } from '../api/objects.ts';
import type { PathStep } from '../diagnostics.ts';
import type { Ingress, IngressBackend, IngressClass, PathType } from './types.ts';

function decodeBackend(d: Decoder, path: readonly PathStep[]): IngressBackend | null {
  if (!d.has(path)) return null;
  const service = d.has([...path, 'service'])
    ? {
        name: d.string([...path, 'service', 'name']) ?? '',
        port: {
          number: d.int([...path, 'service', 'port', 'number']) ?? 0,
          name: d.string([...path, 'service', 'port', 'name']) ?? '',
        },
      }
    : null;
  const resource = d.has([...path, 'resource'])
    ? {
        kind: d.string([...path, 'resource', 'kind']) ?? '',
        name: d.string([...path, 'resource', 'name']) ?? '',
      }
    : null;
  return { service, resource };
}

export function decodeIngress(d: Decoder): Ingress {
  const metadata = decodeMeta(d, true);
  return {
    kind: 'Ingress',
    doc: d.doc,
    id: objectId('Ingress', metadata.namespace, metadata.name),
    metadata,
    ingressClassName: d.string(['spec', 'ingressClassName']) ?? null,
    defaultBackend: decodeBackend(d, ['spec', 'defaultBackend']),
    rules: d.list(['spec', 'rules'], '[]v1.IngressRule').map((_, r) => ({
      host: d.string(['spec', 'rules', r, 'host']) ?? '',
      paths: d.has(['spec', 'rules', r, 'http'])
        ? d.list(['spec', 'rules', r, 'http', 'paths'], '[]v1.HTTPIngressPath').map((__, p) => {
            const at = ['spec', 'rules', r, 'http', 'paths', p];
            return {
              path: d.string([...at, 'path']) ?? '',
              pathType: (d.string([...at, 'pathType']) ?? '') as PathType | '',
              backend: decodeBackend(d, [...at, 'backend']) ?? { service: null, resource: null },
            };
          })
        : null,
    })),
    tls: d.list(['spec', 'tls'], '[]v1.IngressTLS').map((_, t) => ({
      hosts: d.stringList(['spec', 'tls', t, 'hosts']),
      secretName: d.string(['spec', 'tls', t, 'secretName']) ?? '',
    })),
  };
}

export function decodeIngressClass(d: Decoder): IngressClass {
  const metadata = decodeMeta(d, false);
  return {
    kind: 'IngressClass',
    doc: d.doc,
    id: objectId('IngressClass', '', metadata.name),
    metadata,
    controller: d.string(['spec', 'controller']) ?? '',
    isDefault: metadata.annotations['ingressclass.kubernetes.io/is-default-class'] === 'true',
  };
}
