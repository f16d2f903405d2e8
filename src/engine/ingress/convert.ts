// Turns a removed networking.k8s.io/v1beta1 (or extensions/v1beta1) Ingress
// into the same Ingress in networking.k8s.io/v1, field for field as the API
// server's own conversion did (pkg/apis/networking/v1beta1 conversion.go):
// serviceName/servicePort become service.name and port.number or port.name,
// spec.backend becomes spec.defaultBackend, and a missing pathType takes the
// v1beta1 default, ImplementationSpecific, which keeps the old meaning.
import yaml from 'js-yaml';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function backend(old: unknown): Obj | undefined {
  if (!isObj(old)) return undefined;
  if (isObj(old.resource)) return { resource: old.resource };
  const port = old.servicePort;
  return {
    service: {
      name: old.serviceName ?? '',
      // A port of another shape is carried over as it is, for v1 validation to refuse.
      port:
        typeof port === 'string' && !/^\d+$/.test(port)
          ? { name: port }
          : { number: typeof port === 'string' ? Number(port) : (port ?? 0) },
    },
  };
}

/** The v1 manifest for a v1beta1 Ingress document, as YAML; null if it is not one. */
export function convertIngressV1beta1(value: unknown): string | null {
  if (!isObj(value) || value.kind !== 'Ingress') return null;
  const spec = isObj(value.spec) ? value.spec : {};
  const out: Obj = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' };
  if (isObj(value.metadata)) out.metadata = value.metadata;
  const next: Obj = {};
  if (typeof spec.ingressClassName === 'string') next.ingressClassName = spec.ingressClassName;
  const defaultBackend = backend(spec.backend);
  if (defaultBackend) next.defaultBackend = defaultBackend;
  if (Array.isArray(spec.tls)) next.tls = spec.tls;
  if (Array.isArray(spec.rules))
    next.rules = spec.rules.map((rule: unknown) => {
      if (!isObj(rule)) return rule;
      const converted: Obj = {};
      if (rule.host !== undefined) converted.host = rule.host;
      const http = isObj(rule.http) ? rule.http : null;
      if (http && Array.isArray(http.paths))
        converted.http = {
          paths: http.paths.map((p: unknown) => {
            if (!isObj(p)) return p;
            const path: Obj = {};
            if (p.path !== undefined) path.path = p.path;
            path.pathType = typeof p.pathType === 'string' ? p.pathType : 'ImplementationSpecific';
            path.backend = backend(p.backend) ?? {};
            return path;
          }),
        };
      return converted;
    });
  out.spec = next;
  return yaml.dump(out, { lineWidth: -1, noRefs: true });
}
