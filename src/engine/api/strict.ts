// kube-apiserver's strict field validation (fieldValidation=Strict, what kubectl
// asks for since 1.27): decoding an object into its Go struct with unknown
// fields disallowed (sigs.k8s.io/json UnmarshalStrict), every unknown field
// named by its path, all of them in one error (k8s.io/apimachinery
// pkg/runtime/error.go, strictDecodingError: "strict decoding error: " and the
// errors joined by ", "). Field names match case-sensitively, as Go's do there.
import type { PathStep } from '../diagnostics.ts';
import { formatPath } from '../diagnostics.ts';
import { knownKinds, knownStructs } from './known-fields.generated.ts';

/** A field's value: null when its keys are not checked, else the struct it holds. */
type Holds = null | { struct: number; map: boolean };

let parsed: Map<string, Holds>[] | null = null;

function structs(): Map<string, Holds>[] {
  parsed ??= knownStructs.map((line) => {
    const fields = new Map<string, Holds>();
    for (const field of line.split(' ')) {
      const [name = '', target] = field.split(':');
      if (target === undefined) fields.set(name, null);
      else if (target.startsWith('*'))
        fields.set(name, { struct: Number(target.slice(1)), map: true });
      else fields.set(name, { struct: Number(target), map: false });
    }
    return fields;
  });
  return parsed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The paths of the fields of an object that its kind does not have, in the
 * order the decoder meets them; [] for a kind without a known schema (routelab's
 * own kinds, kinds that are accepted but not simulated). A value of the wrong
 * type is not looked into: decoding refuses it with its own error first.
 */
export function unknownFields(apiVersion: string, kind: string, value: unknown): PathStep[][] {
  const root = Object.hasOwn(knownKinds, `${apiVersion}/${kind}`)
    ? knownKinds[`${apiVersion}/${kind}`]
    : undefined;
  if (root === undefined) return [];
  const found: PathStep[][] = [];
  walk(value, root, [], found);
  return found;
}

/** `path` is the way to `value`, grown and shrunk in place: copied only for a field found unknown. */
function walk(value: unknown, struct: number, path: PathStep[], found: PathStep[][]): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walk(value[i], struct, path, found);
      path.pop();
    }
    return;
  }
  if (!isRecord(value)) return;
  const fields = structs()[struct];
  if (!fields) return;
  // kubectl sends JSON that sigs.k8s.io/yaml made from the YAML through a Go
  // map, so the keys reach the decoder sorted, and its errors come in that order.
  for (const key of Object.keys(value).sort()) {
    path.push(key);
    const holds = fields.get(key);
    const inner = value[key];
    if (!fields.has(key)) found.push([...path]);
    else if (holds && !holds.map) walk(inner, holds.struct, path, found);
    else if (holds && isRecord(inner))
      for (const entry of Object.keys(inner)) {
        path.push(entry);
        walk(inner[entry], holds.struct, path, found);
        path.pop();
      }
    path.pop();
  }
}

/**
 * kube-apiserver names every unknown field; a file can hold tens of thousands
 * (each then its own diagnostic, each carrying the whole list), so past this
 * many routelab names the first ones and counts the rest.
 */
export const maxNamedUnknownFields = 10;

/** kubectl's line for an object strict decoding refuses. */
export function strictDecodingMessage(
  file: string,
  kind: string,
  apiVersion: string,
  unknown: readonly PathStep[][],
): string {
  const named = unknown.slice(0, maxNamedUnknownFields);
  const fields = named.map((path) => `unknown field "${formatPath(path)}"`).join(', ');
  const more =
    unknown.length > named.length
      ? ` (and ${unknown.length - named.length} more unknown fields; routelab names the first ${maxNamedUnknownFields})`
      : '';
  return `Error from server (BadRequest): error when creating "${file}": ${kind} in version "${apiVersion.split('/').at(-1)}" cannot be handled as a ${kind}: strict decoding error: ${fields}${more}`;
}
