// Reads fields out of a parsed manifest with the types Kubernetes' Go structs
// expect. A value of the wrong type is what the API server refuses before any
// validation runs, with encoding/json's message; we say the same.
import type { Diagnostic, PathStep } from '../diagnostics.ts';
import { formatPath, locate } from '../diagnostics.ts';
import type { SourceDocument } from '../yaml/read.ts';

/** The Go struct that holds the field at `path` of a `kind`, for json's error text. */
function goStruct(kind: string, path: readonly PathStep[]): string {
  const names = path.filter((step): step is string => typeof step === 'string');
  const parent = names.at(-2) ?? '';
  const structs: Record<string, string> = {
    metadata: 'ObjectMeta',
    ports: names.includes('containers')
      ? 'ContainerPort'
      : kind === 'Service'
        ? 'ServicePort'
        : kind === 'NetworkPolicy'
          ? 'NetworkPolicyPort'
          : 'EndpointPort',
    containers: 'Container',
    selector: kind === 'Service' ? 'ServiceSpec' : 'LabelSelector',
    template: 'PodTemplateSpec',
    sessionAffinityConfig: 'SessionAffinityConfig',
    clientIP: 'ClientIPConfig',
    endpoints: 'Endpoint',
    conditions: 'EndpointConditions',
    ...(kind === 'NetworkPolicy'
      ? {
          ingress: 'NetworkPolicyIngressRule',
          egress: 'NetworkPolicyEgressRule',
          from: 'NetworkPolicyPeer',
          to: 'NetworkPolicyPeer',
          ipBlock: 'IPBlock',
          podSelector: 'LabelSelector',
          namespaceSelector: 'LabelSelector',
          matchExpressions: 'LabelSelectorRequirement',
        }
      : {}),
  };
  if (parent === 'spec') {
    if (names.includes('template')) return 'PodSpec';
    return `${kind}Spec`;
  }
  if (parent === 'status') return `${kind}Status`;
  if (parent === '') return kind;
  return structs[parent] ?? kind;
}

export class Decoder {
  readonly problems: Diagnostic[] = [];
  readonly doc: SourceDocument;
  readonly kind: string;
  readonly apiVersion: string;
  readonly object: string;

  constructor(doc: SourceDocument, kind: string, apiVersion: string, object: string) {
    this.doc = doc;
    this.kind = kind;
    this.apiVersion = apiVersion;
    this.object = object;
  }

  protected wrongType(path: readonly PathStep[], found: unknown, goType: string): void {
    // encoding/json names a number by its literal: "number 1.5", "number 99999999999".
    const jsonType = Array.isArray(found)
      ? 'array'
      : found === null
        ? 'null'
        : typeof found === 'object'
          ? 'object'
          : typeof found === 'number'
            ? `number ${found}`
            : typeof found;
    const goPath = path.filter((step) => typeof step === 'string').join('.');
    this.problems.push({
      severity: 'error',
      code: 'BadRequest',
      object: this.object,
      field: formatPath(path),
      message: `${this.kind} in version "${this.apiVersion.split('/').at(-1)}" cannot be handled as a ${this.kind}: json: cannot unmarshal ${jsonType} into Go struct field ${goStruct(this.kind, path)}.${goPath} of type ${goType}`,
      ...locate(this.doc, path),
    });
  }

  /** The raw value at a path, or undefined. */
  raw(path: readonly PathStep[]): unknown {
    let value: unknown = this.doc.value;
    for (const step of path) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string, unknown>)[step as string];
    }
    return value;
  }

  string(path: readonly PathStep[]): string | undefined {
    const value = this.raw(path);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    this.wrongType(path, value, 'string');
    return undefined;
  }

  int(path: readonly PathStep[], goType = 'int32'): number | undefined {
    const value = this.raw(path);
    if (value === undefined || value === null) return undefined;
    // Beyond int32 (or a float64's exact integers for int64), Go's decoder refuses the number.
    const fits =
      goType === 'int32' ? (n: number) => n >= -(2 ** 31) && n < 2 ** 31 : Number.isSafeInteger;
    if (typeof value === 'number' && Number.isInteger(value) && fits(value)) return value;
    this.wrongType(path, value, goType);
    return undefined;
  }

  bool(path: readonly PathStep[]): boolean | undefined {
    const value = this.raw(path);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    this.wrongType(path, value, 'bool');
    return undefined;
  }

  /** intstr.IntOrString: a number or a string. */
  intOrString(path: readonly PathStep[]): number | string | undefined {
    const value = this.raw(path);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value)))
      return value;
    this.wrongType(path, value, 'intstr.IntOrString');
    return undefined;
  }

  list(path: readonly PathStep[], goType: string): unknown[] {
    const value = this.raw(path);
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value;
    this.wrongType(path, value, goType);
    return [];
  }

  has(path: readonly PathStep[]): boolean {
    const value = this.raw(path);
    return value !== undefined && value !== null;
  }

  /** A map[string]string such as labels, selectors and annotations. */
  stringMap(path: readonly PathStep[]): Record<string, string> | undefined {
    const value = this.raw(path);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.wrongType(path, value, 'map[string]string');
      return undefined;
    }
    const out: Record<string, string> = Object.create(null);
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string') out[key] = item;
      else this.wrongType([...path, key], item, 'string');
    }
    return out;
  }

  stringList(path: readonly PathStep[]): string[] {
    return this.list(path, '[]string').flatMap((_, i) => this.string([...path, i]) ?? []);
  }
}
