// How a CRD's OpenAPI schema and CEL rules word their errors, as
// kube-apiserver prints them.
import type { FieldError, PathStep } from '../diagnostics.ts';
import { formatPath, invalid } from '../diagnostics.ts';

export const matches = (pattern: string, value: string) => new RegExp(pattern).test(value);

export const pattern = (path: readonly PathStep[], value: string, p: string): FieldError =>
  invalid(path, value, `${formatPath(path)} in body should match '${p}'`);
export const cel = (path: readonly PathStep[], type: string, detail: string): FieldError =>
  invalid(path, type, detail);
export const tooMany = (path: readonly PathStep[], count: number, max: number): FieldError => ({
  type: 'FieldValueTooMany',
  path,
  value: count,
  detail: `must have at most ${max} items`,
});
export const atLeast = (path: readonly PathStep[], value: number, min: number): FieldError =>
  invalid(path, value, `${formatPath(path)} in body should be greater than or equal to ${min}`);
export const atMost = (path: readonly PathStep[], value: number, max: number): FieldError =>
  invalid(path, value, `${formatPath(path)} in body should be less than or equal to ${max}`);

export function port(errors: FieldError[], path: readonly PathStep[], value: number | null): void {
  if (value === null) return;
  if (value < 1) errors.push(atLeast(path, value, 1));
  else if (value > 65535) errors.push(atMost(path, value, 65535));
}
