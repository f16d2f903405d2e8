// Grades a submission by what happens to requests in it, never by its text:
// any correct answer passes, and a failing check says, from the trace, what
// happened and where. The framing is in the learner's language; the engine's
// own reasons (the same the CLI prints) follow in English.
import { dump } from 'js-yaml';
import type { Diagnostic } from '../diagnostics.ts';
import { defaultSeed, trace } from '../index.ts';
import { buildModel, type InputFile } from '../model/build.ts';
import type { Model } from '../model/types.ts';
import type { TraceResult } from '../trace/types.ts';
import type {
  Check,
  CheckResult,
  Exercise,
  Expectation,
  Grade,
  Locale,
  RequestSpec,
} from './types.ts';

const outcomeText: Record<string, { ja: string; en: string }> = {
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
function sentence(text: string): string {
  // Only a plain word is capitalised: never a name such as b.example.com or node-2.
  const capital = /^[a-z]+ /.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  return /[.!?。」)]$/.test(capital) ? capital : `${capital}.`;
}

function say(locale: Locale, ja: string, en: string): string {
  return locale === 'ja' ? ja : en;
}

class Unfillable extends Error {}

/** The address and port from which the ingress controller is reached from outside, if any. */
function ingressEntry(model: Model): string | null {
  const controller = model.pods.find(
    (p) =>
      p.metadata.namespace === 'ingress-nginx' &&
      p.metadata.labels['app.kubernetes.io/component'] === 'controller',
  );
  if (!controller) return null;
  for (const service of model.services) {
    if (service.metadata.namespace !== 'ingress-nginx' || !service.selector) continue;
    if (!Object.entries(service.selector).every(([k, v]) => controller.metadata.labels[k] === v))
      continue;
    // The port meant for HTTP, even when it points at the wrong container port:
    // the request then shows the learner where it goes wrong.
    const port =
      service.ports.find((p) => p.targetPort === 80 || p.targetPort === 'http') ??
      service.ports.find((p) => p.port === 80 || p.name === 'http') ??
      service.ports[0];
    if (!port) continue;
    if (service.type === 'LoadBalancer' && service.loadBalancerIngress[0])
      return `${service.loadBalancerIngress[0]}:${port.port}`;
    const node = model.nodes.find((n) => n.ready && n.kubeProxy === 'Running');
    if ((service.type === 'NodePort' || service.type === 'LoadBalancer') && port.nodePort && node)
      return `${node.internalIP}:${port.nodePort}`;
  }
  return null;
}

function fill(text: string, model: Model, nodeIP = ''): string {
  return text.replace(
    /\{(nodeIP|clusterIP|lbIP|nodePort|nodeIPWith|nodeIPWithout|ingressEntry)(?::([a-z0-9-/.]+))?\}/g,
    (_, what: string, name = '') => {
      if (what === 'nodeIP') return nodeIP;
      if (what === 'ingressEntry') {
        const entry = ingressEntry(model);
        if (!entry)
          throw new Unfillable(
            'no Service exposes the ingress controller’s Pods outside the cluster (a NodePort or LoadBalancer Service in namespace ingress-nginx selecting them)',
          );
        return entry;
      }
      if (what === 'nodeIPWith' || what === 'nodeIPWithout') {
        const hosting = new Set(
          model.pods
            .filter((p) => p.metadata.labels.app === name && p.ready && !p.terminating)
            .map((p) => p.nodeName),
        );
        const node = model.nodes.find(
          (n) => n.ready && (what === 'nodeIPWith') === hosting.has(n.name),
        );
        if (!node)
          throw new Unfillable(
            what === 'nodeIPWith'
              ? `no node runs a ready Pod labelled app=${name}`
              : `every node runs a Pod labelled app=${name}`,
          );
        return node.internalIP;
      }
      const [ns, svc] = name.includes('/') ? name.split('/') : ['default', name];
      const service = model.services.find(
        (s) => s.metadata.name === svc && s.metadata.namespace === ns,
      );
      if (!service) throw new Unfillable(`there is no Service ${name}`);
      if (what === 'clusterIP') return service.clusterIP;
      if (what === 'lbIP') {
        const ip = service.loadBalancerIngress[0];
        if (!ip)
          throw new Unfillable(
            `Service ${svc} has no load-balancer address (its type is ${service.type}${service.type === 'LoadBalancer' ? ', and its EXTERNAL-IP is <pending>' : ''})`,
          );
        return ip;
      }
      const nodePort = service.ports[0]?.nodePort;
      if (!nodePort)
        throw new Unfillable(`Service ${svc} has no NodePort (its type is ${service.type})`);
      return String(nodePort);
    },
  );
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

/** What differs between the expectation and the trace, in plain words; "" when it holds. */
function mismatch(model: Model, expect: Expectation, result: TraceResult, locale: Locale): string {
  const problems: string[] = [];
  const happened = outcomeText[result.outcome] ?? { ja: result.outcome, en: result.outcome };
  // With several requests, every one of them must end as expected.
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
  if (expect.outcome && result.outcome !== expect.outcome) {
    const wanted = outcomeText[expect.outcome] ?? { ja: expect.outcome, en: expect.outcome };
    const controllerStatus = expect.outcome === 'http-error' && expect.status !== undefined;
    const status =
      result.status !== null && result.outcome === 'http-error' ? ` (HTTP ${result.status})` : '';
    problems.push(
      say(
        locale,
        `${controllerStatus ? `Ingress コントローラーが HTTP ${expect.status} を返す` : (expectedJa[expect.outcome] ?? wanted.ja)}はずが、${happened.ja}${status}`,
        `the request should have ${controllerStatus ? `got HTTP ${expect.status} from the ingress controller` : wanted.en}, but it ${happened.en}${status}`,
      ),
    );
  } else {
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
  }
  if (problems.length === 0) return '';
  return `${problems.join(say(locale, '。', '; '))}${say(locale, '。', '.')} ${sentence(result.reason)}`;
}

/** Warnings about the objects a check is about: they usually name the mistake. */
function related(model: Model, names: (string | undefined)[]): Diagnostic[] {
  const wanted = names.filter((n): n is string => Boolean(n));
  return model.diagnostics.filter(
    (d) => d.severity === 'warning' && wanted.some((n) => d.object.endsWith(`/${n}`)),
  );
}

function answersOf(model: Model): Record<string, string> {
  for (const doc of model.documents) {
    const value = doc.value as { kind?: unknown; answers?: unknown } | null;
    if (value && value.kind === 'Answers' && value.answers && typeof value.answers === 'object') {
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(value.answers as Record<string, unknown>))
        out[k] = String(v ?? '').trim();
      return out;
    }
  }
  return {};
}

function walk(value: unknown, field: string): unknown {
  let at = value;
  for (const step of field.split('.'))
    at = at && typeof at === 'object' ? (at as Record<string, unknown>)[step] : undefined;
  return at;
}

/** A field as the API server would return it: Services with their defaults filled in. */
function fieldOf(model: Model, object: string, field: string): unknown {
  const [kind, ...rest] = object.split('/');
  const [ns, name] = rest.length === 2 ? rest : ['default', rest[0]];
  if (kind === 'Service') {
    const s = model.services.find((x) => x.metadata.namespace === ns && x.metadata.name === name);
    if (!s) return undefined;
    const spec = {
      type: s.type,
      clusterIP: s.clusterIP,
      externalTrafficPolicy: s.externalTrafficPolicy || undefined,
      internalTrafficPolicy: s.internalTrafficPolicy,
      sessionAffinity: s.sessionAffinity,
    };
    return walk({ spec }, field);
  }
  for (const doc of model.documents) {
    const v = doc.value as {
      kind?: unknown;
      metadata?: { name?: unknown; namespace?: unknown };
    } | null;
    if (!v || v.kind !== kind || v.metadata?.name !== name) continue;
    if ((v.metadata?.namespace ?? 'default') !== ns && kind !== 'Node') continue;
    return walk(v, field);
  }
  return undefined;
}

function runCheck(model: Model, check: Check, locale: Locale): CheckResult {
  const title = check.title[locale];
  const done = (passed: boolean, detail = ''): CheckResult => ({
    id: check.id,
    passed,
    message: passed ? title : `${title}: ${detail}`,
  });
  const errors = model.diagnostics.filter((d) => d.severity === 'error');
  switch (check.kind) {
    case 'valid':
      return errors.length === 0
        ? done(true)
        : done(
            false,
            [
              ...errors
                .slice(0, 3)
                .map((e) => `${e.file}:${e.line}:${e.column} ${e.message.split('\n')[0]}`),
              ...(errors.length > 3
                ? [say(locale, `ほか ${errors.length - 3} 件`, `and ${errors.length - 3} more`)]
                : []),
            ].join(' / '),
          );
    case 'field': {
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
    case 'answer': {
      const given = answersOf(model)[check.question] ?? '';
      let accepted = check.accept ?? [];
      if (check.acceptTraceOutcome)
        accepted = [runRequest(model, check.acceptTraceOutcome).outcome];
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
                `${given} に送ると${outcomeText[result.outcome]?.ja ?? result.outcome}。${result.reason}`,
                `a request to ${given} ${outcomeText[result.outcome]?.en ?? result.outcome}. ${result.reason}`,
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
    case 'request': {
      if (errors.length > 0)
        return done(
          false,
          say(
            locale,
            'マニフェストにエラーがあり適用できないため、リクエストは送られませんでした（エラーは最初のチェックに）',
            'no request was sent: the manifests have errors and cannot be applied (the first check lists them)',
          ),
        );
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
          const extra = related(model, [
            check.expect.service,
            result.service?.name,
            result.ingress?.name,
          ])
            .map((d) => sentence(d.message))
            .slice(0, 2);
          const where = node ? say(locale, `${node} に送ると、`, `Sent to ${node}: `) : '';
          return {
            ...done(false, `${where}${wrong}${extra.length ? ` ${extra.join(' ')}` : ''}`),
            trace: result,
            headers: check.request.headers ?? [],
          };
        }
        return done(true);
      } catch (error) {
        if (error instanceof Unfillable)
          return done(
            false,
            say(
              locale,
              `リクエストを送れません: ${error.message}`,
              `the request cannot be sent: ${error.message}`,
            ),
          );
        throw error;
      }
    }
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
  const model = buildModel(withEnvironment(exercise, files));
  const checks = exercise.checks.map((check) => {
    try {
      return runCheck(model, check, locale);
    } catch (error) {
      if (!(error instanceof Unfillable)) throw error;
      const why = say(
        locale,
        `確かめられません: ${error.message}`,
        `cannot be checked: ${error.message}`,
      );
      return { id: check.id, passed: false, message: `${check.title[locale]}: ${why}` };
    }
  });
  const score = checks.filter((c) => c.passed).length;
  return { passed: score === checks.length, score, maxScore: checks.length, checks };
}
