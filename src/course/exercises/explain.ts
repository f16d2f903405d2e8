// Says, in the learner's language, how a trace differs from what a check
// expected, and the engine's own reason for how it ended, in that language too
// (only what kube-apiserver and kube-proxy themselves print stays as printed).
import type { Message, Model, TraceResult } from '../../engine/index.ts';
import { renderer } from '../../engine/index.ts';
import { engineTable, engineWordsIn } from '../../i18n/engine/tables.ts';
import { splitVerbatim } from '../../i18n/engine/verbatim.ts';
import type { Expectation, Locale } from './schema.ts';

export const outcomeText: Record<string, { ja: string; en: string }> = {
  delivered: { ja: 'Pod に届きました', en: 'reached a Pod' },
  refused: { ja: '接続を拒否されました', en: 'was refused' },
  timeout: { ja: 'タイムアウトしました', en: 'timed out' },
  'dns-error': { ja: '名前を解決できませんでした', en: 'could not resolve the name' },
  'http-error': {
    ja: 'アプリ以外から HTTP エラーが返りました',
    en: 'got an HTTP error that is not the app’s',
  },
  invalid: {
    ja: 'マニフェストを適用できないため送れませんでした',
    en: 'could not be sent: the manifests cannot be applied',
  },
};

// What was expected, as Japanese puts it before はずが.
const expectedJa: Record<string, string> = {
  delivered: 'Pod に届く',
  refused: '接続を拒否される',
  timeout: 'タイムアウトする',
  'dns-error': '名前の解決に失敗する',
  'http-error': 'アプリ以外から HTTP エラーが返る',
  invalid: 'マニフェストが適用できない',
};

// With several requests: "of 60 requests, 32 were refused".
const outcomeCountText: Record<string, { ja: string; en: string }> = {
  ...outcomeText,
  delivered: { ja: '回は Pod に届きました', en: 'reached a Pod' },
  refused: { ja: '回は接続を拒否されました', en: 'were refused' },
  timeout: { ja: '回はタイムアウトしました', en: 'timed out' },
  'http-error': { ja: '回は HTTP エラーでした', en: 'got an HTTP error' },
};

/** Engine reasons are bare clauses; end them as sentences before joining. */
export function sentence(text: string): string {
  // Only a plain word is capitalised: never a name such as b.example.com or node-2.
  const capital = /^[a-z]+ /.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  return /[.!?。」)]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * An engine clause as a sentence of the learner's language. A Japanese one
 * ends with 。 and is never capitalised (it may open with a name, a node
 * called worker); an English one goes through sentence().
 */
function asSentence(text: string, locale: Locale): string {
  if (locale !== 'ja') return sentence(text);
  return /[。」]$/.test(text) ? text : `${text.replace(/\.$/, '')}。`;
}

/** Why a request ended as it did, as a sentence in the learner's language. */
/** What a message quotes of a program's own output (kept in English, marked on a page). */
export function quotedIn(m: Message, locale: Locale): string[] {
  // Without its final period: a Japanese sentence ends the quote with 。 (asSentence).
  return splitVerbatim(renderer(engineTable[locale])(m))
    .filter((_, i) => i % 2 === 1)
    .map((piece) => piece.replace(/\.$/, ''));
}

export function reasonIn(result: Pick<TraceResult, 'reasonMessage'>, locale: Locale): string {
  return asSentence(engineWordsIn[locale].reason(result), locale);
}

/** What a warning explains, as a sentence in the learner's language. */
export function explanationIn(explanation: Message, locale: Locale): string {
  return asSentence(engineWordsIn[locale].say(explanation), locale);
}

export function say(locale: Locale, ja: string, en: string): string {
  return locale === 'ja' ? ja : en;
}

/**
 * What differs between the expectation and the trace, in plain words; "" when it holds.
 * The clauses come in the order a learner reads them: how the requests ended, then
 * where they went, then what the app received.
 */
export function mismatch(
  model: Model,
  expect: Expectation,
  result: TraceResult,
  locale: Locale,
): string {
  const problems = mixedOutcomes(expect, result, locale);
  if (expect.outcome && result.outcome !== expect.outcome)
    problems.push(
      wrongOutcome(expect, expect.outcome, result, locale),
      ...policiesLetThrough(model, expect, result, locale),
    );
  else
    problems.push(
      ...routeProblems(model, expect, result, locale),
      ...receivedProblems(expect, result, locale),
    );
  if (problems.length === 0) return '';
  // Japanese sentences follow one another without a space.
  return `${problems.join(say(locale, '。', '; '))}${say(locale, '。', '. ')}${reasonIn(result, locale)}`;
}

/** With several requests, every one of them must end as expected. */
function mixedOutcomes(expect: Expectation, result: TraceResult, locale: Locale): string[] {
  const problems: string[] = [];
  const others = Object.entries(result.outcomes ?? {}).filter(
    ([o, n]) => o !== expect.outcome && (n ?? 0) > 0,
  );
  if (expect.outcome && result.outcome === expect.outcome && others.length > 0) {
    const total = Object.values(result.outcomes ?? {}).reduce((a, b) => a + (b ?? 0), 0);
    const bad = others.map(([o, n]) => `${n} ${outcomeCountText[o]?.[locale] ?? o}`).join(', ');
    problems.push(
      say(locale, `${total} 回のリクエストのうち ${bad}`, `of ${total} requests, ${bad}`),
    );
  }
  return problems;
}

function wrongOutcome(
  expect: Expectation,
  outcome: NonNullable<Expectation['outcome']>,
  result: TraceResult,
  locale: Locale,
): string {
  const happened = outcomeText[result.outcome] ?? { ja: result.outcome, en: result.outcome };
  const wanted = outcomeText[outcome] ?? { ja: outcome, en: outcome };
  const controllerStatus = outcome === 'http-error' && expect.status !== undefined;
  const status =
    result.status !== null && result.outcome === 'http-error' ? ` (HTTP ${result.status})` : '';
  return say(
    locale,
    `${controllerStatus ? `Ingress コントローラーが HTTP ${expect.status} を返す` : (expectedJa[outcome] ?? wanted.ja)}はずが、${happened.ja}${status}`,
    `the request should have ${controllerStatus ? `got HTTP ${expect.status} from the ingress controller` : wanted.en}, but it ${happened.en}${status}`,
  );
}

/**
 * A connection that should have been dropped and arrived: which NetworkPolicy
 * rules let it through, or that no policy isolates either end. That names the
 * rule to narrow, or the Pods no policy selects yet (a default deny deleted).
 */
function policiesLetThrough(
  model: Model,
  expect: Expectation,
  result: TraceResult,
  locale: Locale,
): string[] {
  if (expect.outcome !== 'timeout' || result.outcome !== 'delivered') return [];
  if (model.cluster.networkPolicy !== 'enforced' || model.networkPolicies.length === 0) return [];
  const allowed = result.hops.filter((h) => h.message.id === 'netpol.allowed');
  if (allowed.length > 0)
    return allowed.map((h) => engineWordsIn[locale].say(h.message).replace(/[.。]$/, ''));
  return [
    say(
      locale,
      'この接続の送り手の送信（egress）も、受け手の受信（ingress）も、どの NetworkPolicy にも制限されていません',
      'no NetworkPolicy isolates the sender for egress or the receiver for ingress on this connection',
    ),
  ];
}

/** Where the request went: its status, Service, Pod, port and the source address the Pod saw. */
/** The weight a Gateway rule gives a Service, as a share of its requests. */
function shareProblems(expect: Expectation, result: TraceResult, locale: Locale): string[] {
  const want = expect.weightShare;
  if (!want) return [];
  const refs = result.gateway?.route?.backendRefs ?? [];
  const total = refs.reduce((sum, b) => sum + b.weight, 0);
  const mine = refs.filter((b) => b.name === want.service).reduce((sum, b) => sum + b.weight, 0);
  const share = total > 0 ? mine / total : 0;
  if (share >= want.min && share <= want.max) return [];
  const pct = (n: number) => `${Math.round(n * 1000) / 10}%`;
  const range = `${pct(want.min)}–${pct(want.max)}`;
  if (!result.gateway?.route)
    return [
      say(
        locale,
        `Gateway のルールで Service ${want.service} に ${range} を振り分けるはずが、リクエストはどのルートにも一致しませんでした`,
        `a Gateway rule should give Service ${want.service} ${range} of its requests, but the request matched no route`,
      ),
    ];
  const weights = refs.map((b) => `${b.name}=${b.weight}`).join(', ') || '—';
  return [
    say(
      locale,
      `一致したルールの重み（${weights}）では Service ${want.service} に ${pct(share)} が行きます。${range} のはずです`,
      `the matched rule’s weights (${weights}) give Service ${want.service} ${pct(share)} of its requests; it should be ${range}`,
    ),
  ];
}

function routeProblems(
  model: Model,
  expect: Expectation,
  result: TraceResult,
  locale: Locale,
): string[] {
  const problems: string[] = [...shareProblems(expect, result, locale)];
  if (expect.status !== undefined && result.status !== expect.status)
    problems.push(
      say(
        locale,
        `HTTP ${expect.status} のはずが ${result.status ?? 'なし'} でした`,
        `expected HTTP ${expect.status}, got ${result.status ?? 'none'}`,
      ),
    );
  if (expect.service && result.service?.name !== expect.service)
    problems.push(
      say(
        locale,
        `Service ${expect.service} を通るはずが、${result.service ? `Service ${result.service.name}` : 'Service を通りません'}でした`,
        `it should go through Service ${expect.service}, but it went through ${result.service ? `Service ${result.service.name}` : 'no Service'}`,
      ),
    );
  const app = result.destination?.labels.app;
  if (expect.app && app !== expect.app)
    problems.push(
      say(
        locale,
        `app=${expect.app} の Pod が答えるはずが、${app ? `app=${app} の Pod` : 'どの Pod も'}答えました`,
        `a Pod labelled app=${expect.app} should answer, but ${app ? `one labelled app=${app}` : 'no Pod'} did`,
      ),
    );
  if (expect.port !== undefined && result.destination && result.destination.port !== expect.port)
    problems.push(
      say(
        locale,
        `ポート ${expect.port} に届くはずが ${result.destination.port} でした`,
        `it should arrive on port ${expect.port}, but arrived on ${result.destination.port}`,
      ),
    );
  if (expect.sourceIP && result.destination) {
    const seen = result.destination.sourceIP;
    const isClient =
      seen === model.cluster.externalClient || result.hops[0]?.packet?.src.startsWith(`${seen}:`);
    if (expect.sourceIP === 'client' && !isClient)
      problems.push(
        say(
          locale,
          `Pod はクライアントのアドレスを見るはずが、${seen} を見ました（SNAT されています）`,
          `the Pod should see the client's address, but saw ${seen} (the request was SNATed)`,
        ),
      );
    if (expect.sourceIP === 'not-client' && isClient)
      problems.push(
        say(
          locale,
          `Pod から見た送信元はクラスター内のアドレスのはずです`,
          `the Pod should see a cluster address as the source`,
        ),
      );
  }
  return problems;
}

/** What the app received: its path, scheme and TLS, and how many Pods shared the requests. */
function receivedProblems(expect: Expectation, result: TraceResult, locale: Locale): string[] {
  const problems: string[] = [];
  if (expect.path !== undefined && result.destination && result.destination.path !== expect.path)
    problems.push(
      say(
        locale,
        `アプリが受け取るパスは ${expect.path} のはずが ${result.destination.path} でした`,
        `the app should receive path ${expect.path}, but received ${result.destination.path}`,
      ),
    );
  if (
    expect.scheme !== undefined &&
    result.destination &&
    result.destination.scheme !== expect.scheme
  )
    problems.push(`scheme ${result.destination.scheme} ≠ ${expect.scheme}`);
  if (expect.certificateFromSecret && result.ingress?.certificate !== 'secret')
    problems.push(
      say(
        locale,
        'TLS は Ingress の Secret の証明書で終端されるはずが、ingress-nginx の仮の証明書が使われました',
        'TLS should use the certificate from the Ingress’s Secret, but ingress-nginx used its fake certificate',
      ),
    );
  if (expect.tls !== undefined && (result.ingress?.tls ?? false) !== expect.tls)
    problems.push(
      say(
        locale,
        expect.tls ? 'TLS で終端されるはずです' : 'TLS は使われないはずです',
        expect.tls ? 'it should be terminated with TLS' : 'it should not use TLS',
      ),
    );
  if (
    expect.distinctPods !== undefined &&
    (result.distribution?.length ?? (result.destination ? 1 : 0)) < expect.distinctPods
  )
    problems.push(
      say(
        locale,
        `${expect.distinctPods} 個以上の Pod に振り分けられるはずです`,
        `it should spread over at least ${expect.distinctPods} Pods`,
      ),
    );

  return problems;
}
