// `kubectl describe` of a custom resource (Gateway API's kinds): kubectl has
// no describer of its own for them and uses GenericDescriberFor's, which
// prints Name, Namespace, Labels and Annotations, then every other field of
// the object, recursively, keys sorted and named by smartLabelFor
// (pkg/describe/describe.go printUnstructuredContent), then the events.
import {
  type Model,
  servedGateway,
  servedGatewayClass,
  servedHTTPRoute,
  servedReferenceGrant,
} from '../engine/index.ts';

/** github.com/fatih/camelcase Split: runs of lower, upper, digit and other characters. */
function camelSplit(text: string): string[] {
  const kind = (c: string) => (/[a-z]/.test(c) ? 1 : /[A-Z]/.test(c) ? 2 : /[0-9]/.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of text) {
    const k = kind(c);
    if (k === last) runs[runs.length - 1]?.push(c);
    else runs.push([c]);
    last = k;
  }
  // An upper run followed by a lower one gives its last letter to the lower run:
  // "HTTPRoute" -> HTTP, Route; "apiVersion" -> api, Version.
  for (let i = 0; i < runs.length - 1; i++) {
    const here = runs[i] ?? [];
    const next = runs[i + 1] ?? [];
    if (kind(here[0] ?? '') === 2 && kind(next[0] ?? '') === 1 && here.length > 0) {
      const moved = here.pop();
      if (moved) next.unshift(moved);
    }
  }
  return runs.map((r) => r.join('')).filter(Boolean);
}

const acronyms = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** smartLabelFor: "controllerName" -> "Controller Name", "apiVersion" -> "API Version". */
export function smartLabel(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) =>
      acronyms.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1),
    )
    .join(' ');
}

const level = (n: number, text: string) => `${'  '.repeat(n)}${text}`;

function content(
  lines: string[],
  depth: number,
  value: Record<string, unknown>,
  prefix: string,
  skip: string[],
): void {
  for (const field of Object.keys(value).sort()) {
    const at = `${prefix}.${field}`;
    if (skip.includes(at)) continue;
    const v = value[field];
    if (Array.isArray(v)) {
      lines.push(level(depth, `${smartLabel(field)}:`));
      for (const child of v)
        if (child !== null && typeof child === 'object' && !Array.isArray(child))
          content(lines, depth + 1, child as Record<string, unknown>, at, skip);
        else lines.push(level(depth + 1, String(child)));
    } else if (v !== null && typeof v === 'object') {
      lines.push(level(depth, `${smartLabel(field)}:`));
      content(lines, depth + 1, v as Record<string, unknown>, at, skip);
    } else lines.push(level(depth, `${smartLabel(field)}:\t${v === null ? '<nil>' : String(v)}`));
  }
}

function labelled(title: string, map: Record<string, string> | undefined, sep: string): string[] {
  const keys = Object.keys(map ?? {}).sort();
  if (keys.length === 0) return [`${title}:\t<none>`];
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ''}\t${k}${sep}${map?.[k]}`);
}

/** GenericDescriber.Describe for one served object. */
export function describeGeneric(object: Record<string, unknown>): string[] {
  const meta = (object.metadata ?? {}) as {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  const lines = [
    `Name:\t${meta.name ?? ''}`,
    `Namespace:\t${meta.namespace ?? ''}`,
    ...labelled('Labels', meta.labels, '='),
    ...labelled('Annotations', meta.annotations, ': '),
  ];
  content(lines, 0, object, '', [
    '.metadata.managedFields',
    '.metadata.name',
    '.metadata.namespace',
    '.metadata.labels',
    '.metadata.annotations',
  ]);
  return lines;
}

/** The served object of a Gateway API kind, for describe; undefined when there is none so named. */
export function gatewayObject(
  model: Model,
  resource: string,
  namespace: string,
  name: string,
): Record<string, unknown> | undefined {
  const at = (o: { metadata: { name: string; namespace: string } }) =>
    o.metadata.name === name && o.metadata.namespace === namespace;
  switch (resource) {
    case 'gatewayclasses': {
      const gc = model.gatewayClasses.find((c) => c.metadata.name === name);
      return gc && servedGatewayClass(model, gc);
    }
    case 'gateways': {
      const g = model.gateways.find(at);
      return g && servedGateway(model, g);
    }
    case 'httproutes': {
      const r = model.httpRoutes.find(at);
      return r && servedHTTPRoute(model, r);
    }
    case 'referencegrants': {
      const g = model.referenceGrants.find(at);
      return g && servedReferenceGrant(g);
    }
    default:
      return undefined;
  }
}
