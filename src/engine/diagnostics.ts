// Diagnostics in kube-apiserver's own words. A field error reads exactly as
// apimachinery's field.Error prints it ("<path>: <Type>: <value>: <detail>"),
// so that what a learner sees here is what `kubectl apply` prints there.
// Source: k8s.io/apimachinery pkg/util/validation/field/errors.go (ErrorBody).
import type { Message } from './messages.ts';
import { nodeAt, type SourceDocument } from './yaml/read.ts';

export type Severity = 'error' | 'warning' | 'info';

export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany';

export interface Diagnostic {
  severity: Severity;
  /** A field error's reason, or one of ours (YAMLSyntaxError, NoKindMatch, ...). */
  code: string;
  /** "Kind/namespace/name", or "Kind/name" for cluster-scoped objects; "" when unknown. */
  object: string;
  /** The field path as Kubernetes writes it ("spec.ports[0].port"); "" for the whole object. */
  field: string;
  message: string;
  /**
   * A warning's `message` as data, for a page to say in its own language
   * (`message` is its English rendering). Absent where the text is
   * kube-apiserver's or kubectl's, which stays as they print it.
   */
  explanation?: Message;
  /** A suggestion with the fix, when there is one (in English, as the CLI prints it). */
  hint?: string;
  /** The same suggestion as data, for a page to say in its own language. */
  hintMessage?: Message;
  /**
   * A replacement for the whole document that fixes it (an editor's quick fix);
   * `titleMessage` is its title as data, `title` the English.
   */
  fix?: { title: string; titleMessage: Message; text: string };
  file: string;
  line: number;
  column: number;
}

export type PathStep = string | number;

/** "spec.ports[0].port" from ["spec", "ports", 0, "port"], as field.Path prints it. */
export function formatPath(path: readonly PathStep[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    // A map key, as field.Path.Key prints it: data[tls.crt].
    else if (step.startsWith('[')) out += step;
    else out += out ? `.${step}` : step;
  }
  return out;
}

const typeText: Record<FieldErrorType, string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
};

/** How Go's %v / %q / json.Marshal render a bad value in ErrorBody. */
export function formatBadValue(value: unknown): string {
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(value);
}

/** Go's strconv.Quote for the printable strings manifests hold. */
export function goQuote(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface FieldError {
  type: FieldErrorType;
  path: readonly PathStep[];
  value?: unknown;
  detail: string;
  /** Where to point when it is more precise than `path` (a label's own key). */
  at?: readonly PathStep[];
}

export function fieldErrorMessage(error: FieldError): string {
  const omitsValue =
    error.type === 'FieldValueRequired' ||
    error.type === 'FieldValueForbidden' ||
    error.type === 'FieldValueTooLong';
  let body = typeText[error.type];
  if (!omitsValue) body += `: ${formatBadValue(error.value)}`;
  if (error.detail) body += `: ${error.detail}`;
  return `${formatPath(error.path)}: ${body}`;
}

export const required = (path: readonly PathStep[], detail = ''): FieldError => ({
  type: 'FieldValueRequired',
  path,
  detail,
});
export const invalid = (path: readonly PathStep[], value: unknown, detail: string): FieldError => ({
  type: 'FieldValueInvalid',
  path,
  value,
  detail,
});
export const forbidden = (path: readonly PathStep[], detail: string): FieldError => ({
  type: 'FieldValueForbidden',
  path,
  detail,
});
export const duplicate = (path: readonly PathStep[], value: unknown): FieldError => ({
  type: 'FieldValueDuplicate',
  path,
  value,
  detail: '',
});
export function notSupported(
  path: readonly PathStep[],
  value: unknown,
  supported: readonly string[],
): FieldError {
  return {
    type: 'FieldValueNotSupported',
    path,
    value,
    detail: `supported values: ${supported.map(goQuote).join(', ')}`,
  };
}

/** Where a diagnostic about `path` in `doc` should point. */
export function locate(
  doc: SourceDocument,
  path: readonly PathStep[],
  prefer: 'key' | 'value' = 'value',
): { file: string; line: number; column: number } {
  const node = nodeAt(doc.node, path, prefer);
  return { file: doc.file, line: node?.start.line ?? 1, column: node?.start.column ?? 1 };
}

/** A kube-apiserver field error as a diagnostic on the object it belongs to. */
export function fromFieldError(doc: SourceDocument, object: string, error: FieldError): Diagnostic {
  const pointAtKey = error.type === 'FieldValueRequired' || error.type === 'FieldValueForbidden';
  return {
    severity: 'error',
    code: error.type,
    object,
    field: formatPath(error.path),
    message: fieldErrorMessage(error),
    ...locate(doc, error.at ?? error.path, pointAtKey ? 'key' : 'value'),
  };
}
