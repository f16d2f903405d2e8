// ObjectMeta and label validation as kube-apiserver does it.
// Source: k8s.io/apimachinery pkg/api/validation/objectmeta.go (ValidateObjectMeta),
// pkg/apis/meta/v1/validation (ValidateLabels, ValidateLabelSelector).
import type { FieldError, PathStep } from '../diagnostics.ts';
import { invalid, required } from '../diagnostics.ts';
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isLabelKey,
  isLabelValue,
} from './names.ts';

export type NameRule = 'DNS1035Label' | 'DNS1123Label' | 'DNS1123Subdomain';

const nameRules: Record<NameRule, (name: string) => string[]> = {
  DNS1035Label: isDNS1035Label,
  DNS1123Label: isDNS1123Label,
  DNS1123Subdomain: isDNS1123Subdomain,
};

export function validateObjectMeta(
  meta: { name: string; namespace: string; labels: Record<string, string> },
  namespaced: boolean,
  rule: NameRule,
): FieldError[] {
  const errors: FieldError[] = [];
  if (meta.name === '')
    errors.push(required(['metadata', 'name'], 'name or generateName is required'));
  else
    for (const msg of nameRules[rule](meta.name))
      errors.push(invalid(['metadata', 'name'], meta.name, msg));
  if (namespaced && meta.namespace !== '') {
    for (const msg of isDNS1123Label(meta.namespace))
      errors.push(invalid(['metadata', 'namespace'], meta.namespace, msg));
  }
  errors.push(...validateLabels(meta.labels, ['metadata', 'labels']));
  return errors;
}

/** Errors name the map; each points at the offending key or value itself. */
export function validateLabels(
  labels: Record<string, string>,
  path: readonly PathStep[],
): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(labels)) {
    for (const msg of isLabelKey(key))
      errors.push({ ...invalid(path, key, msg), at: [...path, key] });
    for (const msg of isLabelValue(value))
      errors.push({ ...invalid(path, value, msg), at: [...path, key] });
  }
  return errors;
}
