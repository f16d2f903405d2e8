// An `equivalent` check: the submission answers a set of requests as another
// exercise's solution does (the reference, on the default cluster), compared
// field by field. A migration is right when nothing a client can see changed,
// whatever the new manifests look like; the first request answered
// differently says how, in the learner's language. The reference's answers
// are worked out when the course is read, so a page (an exam's too) carries
// the answers, not the other exercise's solution.
import {
  buildModel,
  defaultSeed,
  type Model,
  type TraceResult,
  trace,
} from '../../engine/index.ts';
import { outcomeText, quotedIn, reasonIn, say } from './explain.ts';
import { fill } from './placeholders.ts';
import type { Answer, Check, Locale, RequestSpec } from './schema.ts';

type Equivalent = Extract<Check, { kind: 'equivalent' }>;

/** One answer as the check compares it. */
export function answerOf(result: TraceResult): Answer {
  const d = result.destination;
  return {
    outcome: result.outcome,
    status: result.status,
    app: d ? (d.labels.app ?? d.workload) : null,
    port: d?.port ?? null,
    path: d?.path ?? null,
  };
}

/** The reference's answers: its solution on the default cluster, each request sent by way of the ingress controller. */
export function referenceAnswers(check: Equivalent, manifests: string): Answer[] {
  const model = buildModel([{ file: 'reference.yaml', text: manifests }]);
  return check.requests.map((spec) => answerOf(send(model, spec, 'ingressEntry')));
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

/** One answer as a clause: where it arrived, or how it ended. */
function clause(a: Answer, locale: Locale): string {
  if (a.outcome === 'delivered' && a.app !== null)
    return say(
      locale,
      `${a.app} の ${a.port} 番にパス ${a.path} で届きます`,
      `reaches ${a.app} on port ${a.port} with path ${a.path}`,
    );
  const how = outcomeText[a.outcome] ?? { ja: a.outcome, en: a.outcome };
  const code = a.status;
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

/**
 * Why the submission is not equivalent, with what it quotes of a program's
 * output (kept in English on a page); null when every request is answered alike.
 */
export function notEquivalent(
  check: Equivalent,
  model: Model,
  locale: Locale,
): { message: string; quoted: string[] } | null {
  const by = check.reference.exercise;
  for (const [i, spec] of check.requests.entries()) {
    const theirs = check.reference.answers?.[i];
    if (!theirs)
      throw new Error(`check ${check.id}: the reader gave no reference answer for request ${i}`);
    const ours = send(model, spec, check.via === 'gateway' ? 'gatewayEntry' : 'ingressEntry');
    const mine = answerOf(ours);
    const request = requestText(spec);
    if (
      check.via === 'gateway' &&
      ours.outcome !== 'dns-error' &&
      !ours.gateway &&
      ours.outcome !== 'invalid'
    )
      return {
        message: say(
          locale,
          `${request} は Gateway を通りませんでした（${reasonIn(ours, 'ja')}）`,
          `${request} did not go through a Gateway (${reasonIn(ours, 'en')})`,
        ),
        quoted: quotedIn(ours.reasonMessage, locale),
      };
    const differs = check.compare.filter((f) => theirs[f] !== mine[f]);
    if (differs.length === 0) continue;
    return {
      message: say(
        locale,
        `${request} に、${by} の解答は「${clause(theirs, 'ja')}」と答えますが、この回答では「${clause(mine, 'ja')}」（${differs.join('、')} が違います）。${reasonIn(ours, 'ja')}`,
        `${request}: the solution of ${by} ${clause(theirs, 'en')}, but this answer ${clause(mine, 'en')} (${differs.join(', ')} differ). ${reasonIn(ours, 'en')}`,
      ),
      quoted: quotedIn(ours.reasonMessage, locale),
    };
  }
  return null;
}
