// `routelab get`: the cluster after the engine applied the manifests, as
// kubectl get prints it (kubectl pkg/cmd/get/get.go Run and printGeneric).
import { dump } from 'js-yaml';
import { table } from '../course/kubectl-get.ts';
import { type Model, servedObjects } from '../engine/index.ts';
import {
  qualifiedKind,
  qualifiedResource,
  type Request,
  type ResourceType,
  resolveType,
} from './kinds.ts';
import { type Item, printers } from './tables.ts';

export const outputs = ['wide', 'yaml', 'json', 'name'] as const;
export type Output = (typeof outputs)[number];

/** What `routelab get FILE...` lists without a type: the kinds of the contract's `get`, in this order. */
export const everything = [
  'nodes',
  'pods',
  'deployments',
  'services',
  'endpointslices',
  'ingresses',
  'ingressclasses',
];

/** A type kubectl knows that the engine keeps no objects of (docs/cli-notes.md). */
export class NotShown extends Error {}

function printerOf(type: ResourceType) {
  const printer = printers[type.resource];
  if (!printer)
    throw new NotShown(
      `routelab does not keep ${qualifiedResource(type)}: it shows ${Object.keys(printers).join(', ')}`,
    );
  return printer;
}

/** Where to look: one namespace (-n, or default for a name), or all of them. */
export type Scope = { all: true } | { all: false; namespace: string };

export interface Found {
  type: ResourceType;
  items: Item[];
}

export interface Answer {
  found: Found[];
  /** kubectl's NotFound errors, one per missing name, in order. */
  missing: string[];
  /** Whether a name asked for one object (printGeneric then prints it alone). */
  single: boolean;
  /** Objects asked by name are looked up in one namespace, so the table has no NAMESPACE. */
  byName: boolean;
}

/** A list comes back in etcd's key order: namespace, then name, compared as bytes. */
function byKey(a: Item, b: Item): number {
  const ka = `${a.namespace}/${a.name}`;
  const kb = `${b.namespace}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function inScope(type: ResourceType, item: Item, scope: Scope): boolean {
  return !type.namespaced || scope.all || item.namespace === scope.namespace;
}

/**
 * The objects a request names, by type in the order asked; for a name not
 * there, apimachinery's NewNotFound text (`services "x" not found`).
 */
export function lookUp(model: Model, request: Request, scope: Scope): Answer {
  if (request.by === 'type') {
    // `all` brings in Jobs, CronJobs...: the engine keeps none, so none are listed.
    const found = request.types
      .filter((t) => printers[t.resource] || !request.implied.has(t))
      .map((type) => ({
        type,
        items: printerOf(type)
          .items(model)
          .filter((item) => inScope(type, item, scope))
          .sort(byKey),
      }));
    return { found, missing: [], single: false, byName: false };
  }
  const found: Found[] = [];
  const missing: string[] = [];
  const namespace = scope.all ? 'default' : scope.namespace;
  for (const { type, name } of request.refs) {
    const item = printerOf(type)
      .items(model)
      .find((i) => i.name === name && inScope(type, i, { all: false, namespace }));
    if (!item) {
      missing.push(`${qualifiedResource(type)} "${name}" not found`);
      continue;
    }
    const last = found.at(-1);
    if (last?.type === type) last.items.push(item);
    else found.push({ type, items: [item] });
  }
  return { found, missing, single: request.refs.length === 1, byName: true };
}

/** Go's JSON and YAML of an unstructured object: map keys sorted, at every depth. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/** -o json|yaml: the object alone when one name was asked, else a v1 List (printGeneric). */
function document(answer: Answer): unknown {
  const objects = answer.found.flatMap((f) => f.items.map((i) => i.object()));
  if (answer.single && objects.length === 1) return sorted(objects[0]);
  return sorted({
    apiVersion: 'v1',
    kind: 'List',
    metadata: { resourceVersion: '' },
    items: objects,
  });
}

/**
 * The text kubectl prints for the answer: -o name's `kind.group/name` lines,
 * JSON (4-space indent, printers.JSONPrinter), YAML (sigs.k8s.io/yaml: block
 * sequences not indented under their key), or the tables, one per type with a
 * blank line between and NAME as `kind.group/name` when several types print.
 */
export function getOutput(answer: Answer, output: Output, scope: Scope): string {
  if (output === 'json') return JSON.stringify(document(answer), null, 4);
  if (output === 'yaml')
    return dump(document(answer), {
      noArrayIndent: true,
      lineWidth: -1,
      noRefs: true,
      quotingType: '"',
    }).trimEnd();
  const present = answer.found.filter((f) => f.items.length > 0);
  if (output === 'name')
    return present
      .flatMap((f) => f.items.map((i) => `${qualifiedKind(f.type)}/${i.name}`))
      .join('\n');
  const withKind = present.length > 1;
  return present
    .map(({ type, items }) => {
      const printer = printerOf(type);
      const withNamespace = type.namespaced && scope.all && !answer.byName;
      const name = (i: Item) => (withKind ? `${qualifiedKind(type)}/${i.name}` : i.name);
      return table(
        [
          [...(withNamespace ? ['NAMESPACE'] : []), 'NAME', ...printer.columns],
          ...items.map((i) => [...(withNamespace ? [i.namespace] : []), name(i), ...i.cells]),
        ],
        6,
      );
    })
    .join('\n\n');
}

/** kubectl's line when nothing was printed and nothing failed (get.go Run). */
export function nothingFound(scope: Scope): string {
  return scope.all ? 'No resources found' : `No resources found in ${scope.namespace} namespace.`;
}

/** A v1 List of objects, as kubectl get prints several. */
export const asList = (items: unknown[]) => ({
  apiVersion: 'v1',
  kind: 'List',
  metadata: { resourceVersion: '' },
  items,
});

/** A v1 List of the objects as the API server would return them: `routelab get --json`. */
export function getJson(model: Model, kind?: string): unknown {
  if (kind === undefined) return asList(servedObjects(model));
  return asList(
    printerOf(resolveType(kind))
      .items(model)
      .map((i) => i.object()),
  );
}
