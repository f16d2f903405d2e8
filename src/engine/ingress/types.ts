// Ingress and IngressClass as the engine holds them (networking.k8s.io/v1).
import type { ObjectMeta, Sourced } from '../api/types.ts';

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

export interface IngressBackend {
  service: { name: string; port: { number: number; name: string } } | null;
  /** spec...backend.resource: accepted, but ingress-nginx serves only Services. */
  resource: { kind: string; name: string } | null;
}

export interface IngressPath {
  path: string;
  pathType: PathType | '';
  backend: IngressBackend;
}

export interface IngressRule {
  host: string;
  /** null when the rule has no http section. */
  paths: IngressPath[] | null;
}

export interface IngressTLS {
  hosts: string[];
  secretName: string;
}

export interface Ingress extends Sourced {
  kind: 'Ingress';
  metadata: ObjectMeta;
  ingressClassName: string | null;
  defaultBackend: IngressBackend | null;
  rules: IngressRule[];
  tls: IngressTLS[];
}

export interface IngressClass extends Sourced {
  kind: 'IngressClass';
  metadata: ObjectMeta;
  controller: string;
  isDefault: boolean;
}
