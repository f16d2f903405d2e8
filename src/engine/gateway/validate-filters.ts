// The schema and CEL rules of HTTPRoute filters (Gateway API v1.6.1's standard
// CRD): each filter's enums and path modifiers, and which filters a list may
// hold together.
import type { FieldError, PathStep } from '../diagnostics.ts';
import { notSupported, required } from '../diagnostics.ts';
import type { HTTPRouteFilter, PathModifier } from './types.ts';
import { cel, port } from './validate-rules.ts';

const filterField: Record<string, string> = {
  RequestHeaderModifier: 'requestHeaderModifier',
  ResponseHeaderModifier: 'responseHeaderModifier',
  RequestMirror: 'requestMirror',
  RequestRedirect: 'requestRedirect',
  URLRewrite: 'urlRewrite',
  ExtensionRef: 'extensionRef',
  CORS: 'cors',
};

/** One filter's own schema and CEL rules: its enums, and each path modifier's pairing of type and value. */
function filterFields(f: HTTPRouteFilter, at: readonly PathStep[]): FieldError[] {
  const errors: FieldError[] = [];
  const pathRules = (modifier: PathModifier | null, field: string) => {
    if (!modifier) return;
    const p = [...at, field, 'path'];
    const full = modifier.type === 'ReplaceFullPath';
    const prefix = modifier.type === 'ReplacePrefixMatch';
    if (!full && !prefix)
      errors.push(
        notSupported([...p, 'type'], modifier.type, ['ReplaceFullPath', 'ReplacePrefixMatch']),
      );
    if (full && modifier.replaceFullPath === null)
      errors.push(
        cel(p, 'object', "replaceFullPath must be specified when type is set to 'ReplaceFullPath'"),
      );
    if (!full && modifier.replaceFullPath !== null)
      errors.push(cel(p, 'object', "type must be 'ReplaceFullPath' when replaceFullPath is set"));
    if (prefix && modifier.replacePrefixMatch === null)
      errors.push(
        cel(
          p,
          'object',
          "replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'",
        ),
      );
    if (!prefix && modifier.replacePrefixMatch !== null)
      errors.push(
        cel(p, 'object', "type must be 'ReplacePrefixMatch' when replacePrefixMatch is set"),
      );
  };
  if (f.type === 'RequestRedirect') {
    const r = [...at, 'requestRedirect'];
    if (f.scheme !== null && !['http', 'https'].includes(f.scheme))
      errors.push(notSupported([...r, 'scheme'], f.scheme, ['http', 'https']));
    if (![301, 302, 303, 307, 308].includes(f.statusCode))
      errors.push(
        notSupported([...r, 'statusCode'], f.statusCode, ['301', '302', '303', '307', '308']),
      );
    port(errors, [...r, 'port'], f.port);
    pathRules(f.path, 'requestRedirect');
  }
  if (f.type === 'URLRewrite') pathRules(f.path, 'urlRewrite');
  if (
    f.type === 'RequestMirror' &&
    f.backendRef.group === '' &&
    f.backendRef.kind === 'Service' &&
    f.backendRef.port === null
  )
    errors.push(
      cel([...at, 'requestMirror', 'backendRef'], 'object', 'Must have port for Service reference'),
    );
  return errors;
}

export function filterErrors(filters: HTTPRouteFilter[], at: readonly PathStep[]): FieldError[] {
  const errors: FieldError[] = [];
  const types = Object.keys(filterField);
  filters.forEach((f, i) => {
    const written = f.type === 'unsupported' ? f.written : f.type;
    if (!written) errors.push(required([...at, i, 'type']));
    else if (!types.includes(written))
      errors.push(notSupported([...at, i, 'type'], written, types));
    errors.push(...filterFields(f, [...at, i]));
  });
  const count = (type: string) => filters.filter((f) => f.type === type).length;
  const once: [string, string][] = [
    ['RequestHeaderModifier', 'RequestHeaderModifier filter cannot be repeated'],
    ['ResponseHeaderModifier', 'ResponseHeaderModifier filter cannot be repeated'],
    ['RequestRedirect', 'RequestRedirect filter cannot be repeated'],
    ['URLRewrite', 'URLRewrite filter cannot be repeated'],
  ];
  if (count('RequestRedirect') > 0 && count('URLRewrite') > 0)
    errors.push(
      cel(
        at,
        'array',
        'May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both',
      ),
    );
  for (const [type, text] of once) if (count(type) > 1) errors.push(cel(at, 'array', text));
  return errors;
}
