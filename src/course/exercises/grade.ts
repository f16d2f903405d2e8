// Grades a submission by what happens to requests in it, never by its text:
// any correct answer passes, and a failing check says, from the trace, what
// happened and where, in the learner's language (explain.ts).
import { dump } from 'js-yaml';
import {
  buildModel,
  type Diagnostic,
  defaultSeed,
  type InputFile,
  type Model,
  servedObject,
  type TraceResult,
  trace,
} from '../../engine/index.ts';
import { notEquivalent } from './equivalent.ts';
import {
  explanationIn,
  mismatch,
  outcomeText,
  quotedIn,
  reasonIn,
  say,
  sentence,
} from './explain.ts';
import { fill, Unfillable } from './placeholders.ts';
import type { Check, Exercise, Locale, RequestSpec } from './schema.ts';

export interface CheckResult {
  id: string;
  passed: boolean;
  message: string;
  /**
   * Pieces of `message` that stay in English whatever the locale, to be
   * marked so: kube-apiserver's and kubectl's words as they print them, and
   * a warning with no translation.
   */
  verbatim?: string[];
  hint?: string;
  /**
   * For a failed request check: the trace of the request that went wrong, and its headers;
   * for a passing one, its first request's, when asked for (gradeModel's `traces`).
   */
  trace?: TraceResult;
  headers?: string[];
}

export interface Grade {
  passed: boolean;
  score: number;
  maxScore: number;
  checks: CheckResult[];
}

function runRequest(model: Model, spec: RequestSpec, nodeIP = ''): TraceResult {
  const resolve = new Map(
    Object.entries(spec.resolve ?? {}).map(([h, ip]) => [h, fill(ip, model, nodeIP)]),
  );
  return trace(
    model,
    {
      from: spec.from ?? 'external',
      to: fill(spec.to, model, nodeIP),
      resolve,
      headers: spec.headers ?? [],
    },
    { count: spec.count ?? 1, seed: defaultSeed },
  );
}

/** Warnings about the objects a check is about: they usually name the mistake. */
function related(model: Model, names: (string | undefined)[]): Diagnostic[] {
  const wanted = names.filter((n): n is string => Boolean(n));
  return model.diagnostics.filter(
    (d) => d.severity === 'warning' && wanted.some((n) => d.object.endsWith(`/${n}`)),
  );
}

/** The HTTPRoutes that name a request's host: their warnings say why a route does not take it. */
function routesNaming(model: Model, to: string): string[] {
  const host = /^https?:\/\/([^/:?#]+)/i.exec(to)?.[1]?.toLowerCase();
  if (!host) return [];
  return model.httpRoutes.filter((r) => r.hostnames.includes(host)).map((r) => r.metadata.name);
}

/** Warnings as sentences in the learner's language; one the engine has no words for stays English. */
function warningSentences(warnings: Diagnostic[], locale: Locale) {
  const english = [
    ...warnings.filter((d) => !d.explanation).map((d) => sentence(d.message)),
    ...warnings.flatMap((d) => (d.explanation ? quotedIn(d.explanation, locale) : [])),
  ];
  const text = warnings.map((d) =>
    d.explanation ? explanationIn(d.explanation, locale) : sentence(d.message),
  );
  return { text, english };
}

function answersOf(model: Model): Record<string, string> {
  for (const doc of model.documents) {
    const value = doc.value as { kind?: unknown; answers?: unknown } | null;
    if (value && value.kind === 'Answers' && value.answers && typeof value.answers === 'object') {
      const out: Record<string, string> = {};
      // Only a scalar is an answer; a mapping or a list (prototype-free, from YAML) is none.
      for (const [k, v] of Object.entries(value.answers as Record<string, unknown>))
        out[k] = ['string', 'number', 'boolean'].includes(typeof v) ? String(v).trim() : '';
      return out;
    }
  }
  return {};
}

/** A field of an object as the API server returns it (Services with their defaults filled in). */
function fieldOf(model: Model, object: string, field: string): unknown {
  let at = servedObject(model, object);
  for (const step of field.split('.'))
    at = at && typeof at === 'object' ? (at as Record<string, unknown>)[step] : undefined;
  return at;
}

function runCheck(model: Model, check: Check, locale: Locale, traces: boolean): CheckResult {
  const title = check.title[locale];
  const done = (passed: boolean, detail = ''): CheckResult => ({
    id: check.id,
    passed,
    message: passed ? title : `${title}: ${detail}`,
  });
  const errors = model.diagnostics.filter((d) => d.severity === 'error');
  switch (check.kind) {
    case 'valid':
      return checkValid(errors, locale, done);
    case 'field':
      return checkField(check, model, locale, done);
    case 'answer':
      return checkAnswer(check, model, locale, done);
    case 'request':
      return checkRequest(check, model, errors, traces, locale, done);
    case 'equivalent':
      return checkEquivalent(check, model, errors, locale, done);
  }
}

type Done = (passed: boolean, detail?: string) => CheckResult;

const noRequestSent = (locale: Locale) =>
  say(
    locale,
    'マニフェストにエラーがあり適用できないため、リクエストは送られませんでした（エラーは最初のチェックに）',
    'no request was sent: the manifests have errors and cannot be applied (the first check lists them)',
  );

/** The manifests apply without an error; the first three errors, in kube-apiserver's words, say why not. */
function checkValid(errors: Diagnostic[], locale: Locale, done: Done): CheckResult {
  if (errors.length === 0) return done(true);
  const shown = errors.slice(0, 3);
  const quoted = shown.map((e) => e.message.split('\n')[0] ?? '');
  const result = done(
    false,
    [
      ...shown.map((e, i) => `${e.file}:${e.line}:${e.column} ${quoted[i]}`),
      ...(errors.length > 3
        ? [say(locale, `ほか ${errors.length - 3} 件`, `and ${errors.length - 3} more`)]
        : []),
    ].join(' / '),
  );
  const verbatim = quoted.filter((text) => text !== '');
  return verbatim.length > 0 ? { ...result, verbatim } : result;
}

/** A field of an object as the API server returns it. */
function checkField(
  check: Extract<Check, { kind: 'field' }>,
  model: Model,
  locale: Locale,
  done: Done,
): CheckResult {
  const value = fieldOf(model, check.object, check.field);
  return JSON.stringify(value) === JSON.stringify(check.equals)
    ? done(true)
    : done(
        false,
        say(
          locale,
          `${check.object} の ${check.field} は ${JSON.stringify(check.equals)} のはずが ${JSON.stringify(value) ?? '未設定'} です`,
          `${check.field} of ${check.object} should be ${JSON.stringify(check.equals)}, but is ${JSON.stringify(value) ?? 'unset'}`,
        ),
      );
}

/** A learner's answer, accepted from a list or from what happens to a request. */
function checkAnswer(
  check: Extract<Check, { kind: 'answer' }>,
  model: Model,
  locale: Locale,
  done: Done,
): CheckResult {
  const given = answersOf(model)[check.question] ?? '';
  let accepted = check.accept ?? [];
  if (check.acceptTraceOutcome) accepted = [runRequest(model, check.acceptTraceOutcome).outcome];
  if (check.acceptStoppedKubeProxyNodes)
    accepted = model.nodes.filter((n) => n.kubeProxy === 'Stopped').map((n) => n.name);
  if (check.acceptIfDelivered && given !== '') {
    const result = runRequest(model, { ...check.acceptIfDelivered, to: given });
    return result.outcome === 'delivered'
      ? done(true)
      : done(
          false,
          say(
            locale,
            `${given} に送ると${outcomeText[result.outcome]?.ja ?? result.outcome}。${reasonIn(result, 'ja')}`,
            `a request to ${given} ${outcomeText[result.outcome]?.en ?? result.outcome}. ${reasonIn(result, 'en')}`,
          ),
        );
  }
  if (given === '')
    return done(
      false,
      say(
        locale,
        `質問 ${check.question} の答えがありません（kind: Answers の answers.${check.question}）`,
        `question ${check.question} has no answer (answers.${check.question} in the kind: Answers document)`,
      ),
    );
  return accepted.some((a) => a.toLowerCase() === given.toLowerCase())
    ? done(true)
    : done(false, say(locale, `「${given}」は正しくありません`, `"${given}" is not right`));
}

/** Requests sent through the cluster, from outside or from each node, meet their expectation. */
function checkRequest(
  check: Extract<Check, { kind: 'request' }>,
  model: Model,
  errors: Diagnostic[],
  traces: boolean,
  locale: Locale,
  done: Done,
): CheckResult {
  if (errors.length > 0) return done(false, noRequestSent(locale));
  try {
    const runs = check.request.forEachNode
      ? model.nodes
          .filter(
            (n) =>
              n.ready &&
              (check.request.forEachNode !== 'kube-proxy-running' || n.kubeProxy === 'Running'),
          )
          .map((n) => ({
            node: n.name,
            result: runRequest(model, check.request, n.internalIP),
          }))
      : [{ node: '', result: runRequest(model, check.request) }];
    for (const { node, result } of runs) {
      const wrong = mismatch(model, check.expect, result, locale);
      if (!wrong) continue;
      const names = [
        check.expect.service,
        result.service?.name,
        result.ingress?.name,
        result.gateway?.route?.name,
        ...routesNaming(model, result.request.to),
      ];
      const extra = warningSentences(related(model, names).slice(0, 2), locale);
      const where = node ? say(locale, `${node} に送ると、`, `Sent to ${node}: `) : '';
      // Japanese sentences follow one another without a space.
      const warnings = extra.text.map((t) => say(locale, t, ` ${t}`)).join('');
      const quoted = [...extra.english, ...quotedIn(result.reasonMessage, locale)];
      return {
        ...done(false, `${where}${wrong}${warnings}`),
        ...(quoted.length > 0 ? { verbatim: quoted } : {}),
        trace: result,
        headers: check.request.headers ?? [],
      };
    }
    // The editor draws a passing check's route too; the grader has no use for it.
    const first = runs[0];
    return traces && first
      ? { ...done(true), trace: first.result, headers: check.request.headers ?? [] }
      : done(true);
  } catch (error) {
    return unsent(error, locale, done);
  }
}

/** A request that could not be made (a placeholder with nothing to fill it) fails its check, saying why. */
function unsent(error: unknown, locale: Locale, done: Done): CheckResult {
  if (!(error instanceof Unfillable)) throw error;
  return done(
    false,
    say(
      locale,
      `リクエストを送れません: ${error.reason.ja}`,
      `the request cannot be sent: ${error.reason.en}`,
    ),
  );
}

/** The submission answers the requests as the reference does (equivalent.ts). */
function checkEquivalent(
  check: Extract<Check, { kind: 'equivalent' }>,
  model: Model,
  errors: Diagnostic[],
  locale: Locale,
  done: Done,
): CheckResult {
  if (errors.length > 0) return done(false, noRequestSent(locale));
  try {
    const why = notEquivalent(check, model, locale);
    if (!why) return done(true);
    const result = done(false, why.message);
    return why.quoted.length > 0 ? { ...result, verbatim: why.quoted } : result;
  } catch (error) {
    return unsent(error, locale, done);
  }
}

/** The file name under which the exercise's own Cluster document is applied. */
export const environmentFile = '<exercise cluster>';

/** The submission on the exercise's cluster: its Cluster document comes first and cannot be replaced. */
export function withEnvironment(exercise: Exercise, files: InputFile[]): InputFile[] {
  if (!exercise.cluster) return files;
  const text = dump({
    apiVersion: 'routelab.dev/v1alpha1',
    kind: 'Cluster',
    spec: exercise.cluster,
  });
  return [{ file: environmentFile, text }, ...files];
}

export function gradeSubmission(
  exercise: Exercise,
  files: InputFile[],
  locale: Locale = 'en',
): Grade {
  return gradeModel(exercise, buildModel(withEnvironment(exercise, files)), locale);
}

/** Grades a model already built with withEnvironment (the editor's worker reuses it for markers and the diagram). */
export function gradeModel(
  exercise: Exercise,
  model: Model,
  locale: Locale = 'en',
  options: { traces?: boolean } = {},
): Grade {
  const checks = exercise.checks.map((check) => {
    try {
      return runCheck(model, check, locale, options.traces ?? false);
    } catch (error) {
      if (!(error instanceof Unfillable)) throw error;
      const why = say(
        locale,
        `確かめられません: ${error.reason.ja}`,
        `cannot be checked: ${error.reason.en}`,
      );
      return { id: check.id, passed: false, message: `${check.title[locale]}: ${why}` };
    }
  });
  const score = checks.filter((c) => c.passed).length;
  return { passed: score === checks.length, score, maxScore: checks.length, checks };
}
