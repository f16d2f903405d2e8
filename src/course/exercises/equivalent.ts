// An `equivalent` check: the submission answers a set of requests as another
// exercise's solution does (the reference, on the default cluster), compared
// field by field. A migration is right when nothing a client can see changed,
// whatever the new manifests look like; the first request answered
// differently says how, in the learner's language.
import {
  buildModel,
  defaultSeed,
  type Model,
  type TraceResult,
  trace,
} from '../../engine/index.ts';
import { outcomeText, reasonIn, say } from './explain.ts';
import { fill } from './placeholders.ts';
import type { Check, Locale, RequestSpec } from './schema.ts';

type Equivalent = Extract<Check, { kind: 'equivalent' }>;

const references = new Map<string, Model>();

/** The reference's cluster, built once per manifests text. */
function referenceModel(manifests: string): Model {
  let model = references.get(manifests);
  if (!model) {
    model = buildModel([{ file: 'reference.yaml', text: manifests }]);
    if (references.size > 8) references.clear();
    references.set(manifests, model);
  }
  return model;
}

function send(model: Model, spec: RequestSpec, entry: string): TraceResult {
  const to = fill(spec.to.replaceAll('{entry}', `{${entry}}`), model);
  const resolve = new Map(
    Object.entries(spec.resolve ?? {}).map(([h, ip]) => [
      h,
      fill(ip.replaceAll('{entry}', `{${entry}}`), model),
    ]),
  );
  return trace(
    model,
    { from: spec.from ?? 'external', to, resolve, headers: spec.headers ?? [] },
    { seed: defaultSeed },
  );
}

function field(result: TraceResult, name: Equivalent['compare'][number]): unknown {
  const d = result.destination;
  switch (name) {
    case 'outcome':
      return result.outcome;
    case 'status':
      return result.status;
    case 'app':
      return d ? (d.labels.app ?? d.workload) : null;
    case 'port':
      return d?.port ?? null;
    case 'path':
      return d?.path ?? null;
  }
}

/** One answer as a clause: where it arrived, or how it ended. */
function answer(result: TraceResult, locale: Locale): string {
  const d = result.destination;
  if (result.outcome === 'delivered' && d)
    return say(
      locale,
      `${d.labels.app ?? d.workload} の ${d.port} 番にパス ${d.path} で届きます`,
      `reaches ${d.labels.app ?? d.workload} on port ${d.port} with path ${d.path}`,
    );
  const how = outcomeText[result.outcome] ?? { ja: result.outcome, en: result.outcome };
  const code = result.status;
  return say(
    locale,
    `${how.ja}${code !== null ? `（${code}）` : ''}`,
    `${how.en}${code !== null ? ` (${code})` : ''}`,
  );
}

/** The request as a client names it: a Host header in place of the way in ({entry}). */
function requestText(spec: RequestSpec): string {
  const host = (spec.headers ?? []).find((h) => /^host:/i.test(h))?.replace(/^host:\s*/i, '');
  if (host && spec.to.includes('{entry}')) return spec.to.replace('{entry}', host);
  return `${spec.to}${host ? ` (Host: ${host})` : ''}`;
}

/** Why the submission is not equivalent, or "" when every request is answered alike. */
export function notEquivalent(check: Equivalent, model: Model, locale: Locale): string {
  const reference = referenceModel(check.reference.manifests ?? '');
  const by = check.reference.exercise;
  for (const spec of check.requests) {
    const theirs = send(reference, spec, 'ingressEntry');
    const ours = send(model, spec, check.via === 'gateway' ? 'gatewayEntry' : 'ingressEntry');
    const request = requestText(spec);
    if (
      check.via === 'gateway' &&
      ours.outcome !== 'dns-error' &&
      !ours.gateway &&
      ours.outcome !== 'invalid'
    )
      return say(
        locale,
        `${request} は Gateway を通りませんでした（${reasonIn(ours, 'ja')}）`,
        `${request} did not go through a Gateway (${reasonIn(ours, 'en')})`,
      );
    const differs = check.compare.filter(
      (f) => JSON.stringify(field(theirs, f)) !== JSON.stringify(field(ours, f)),
    );
    if (differs.length === 0) continue;
    return say(
      locale,
      `${request} に、${by} の解答は「${answer(theirs, 'ja')}」と答えますが、この回答では「${answer(ours, 'ja')}」（${differs.join('、')} が違います）。${reasonIn(ours, 'ja')}`,
      `${request}: the solution of ${by} ${answer(theirs, 'en')}, but this answer ${answer(ours, 'en')} (${differs.join(', ')} differ). ${reasonIn(ours, 'en')}`,
    );
  }
  return '';
}
