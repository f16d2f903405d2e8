// `validate`: what kube-apiserver would refuse (errors) and what it accepts but
// breaks routing (warnings), for a set of manifests.
import type { Diagnostic } from './diagnostics.ts';
import { buildModel, type InputFile } from './model/build.ts';

export interface ValidateResult {
  schema: 'routelab.dev/validate/v1';
  valid: boolean;
  diagnostics: Diagnostic[];
}

export function validate(files: InputFile[]): ValidateResult {
  const model = buildModel(files);
  return {
    schema: 'routelab.dev/validate/v1',
    valid: !model.diagnostics.some((d) => d.severity === 'error'),
    diagnostics: model.diagnostics,
  };
}
