// Secret validation for the types routing uses.
// Source: kubernetes/kubernetes pkg/apis/core/validation/validation.go
// (ValidateSecret: a kubernetes.io/tls Secret must hold tls.crt and tls.key).
import type { Secret } from '../api/types.ts';
import type { FieldError } from '../diagnostics.ts';
import { required } from '../diagnostics.ts';
import { validateObjectMeta } from './meta.ts';

export function validateSecret(secret: Secret): FieldError[] {
  const errors = validateObjectMeta(secret.metadata, true, 'DNS1123Subdomain');
  if (secret.type === 'kubernetes.io/tls')
    for (const key of ['tls.crt', 'tls.key'])
      if (!secret.keys.includes(key))
        errors.push({ ...required(['data', `[${key}]`]), at: ['data'] });
  return errors;
}
