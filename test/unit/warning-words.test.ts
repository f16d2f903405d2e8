// Warnings in the learner's language: each routing warning carries its
// message as data, its English `message` rendered from it (the CLI's words,
// unchanged), and a Japanese page's grade says it in Japanese; what
// kube-apiserver and kubectl print stays English, marked as such.
import { describe, expect, it } from 'vitest';
import { published } from '../../src/cli/render.ts';
import { messageRuns } from '../../src/components/exercise/message.ts';
import { gradeSubmission } from '../../src/course/exercises/grade.ts';
import { applyVariant } from '../../src/course/exercises/load.ts';
import { readExercise } from '../../src/course/read.ts';
import { type Diagnostic, renderer, validate } from '../../src/engine/index.ts';
import { en } from '../../src/i18n/engine/en.ts';
import { ja } from '../../src/i18n/engine/ja.ts';
import { splitVerbatim } from '../../src/i18n/engine/verbatim.ts';
import { model, myApp, service } from '../support/engine.ts';

const english = renderer(en);
/** A Japanese sentence without the program output it quotes (kept in English, marked). */
const wordsOf = (sentence: string) =>
  splitVerbatim(sentence)
    .filter((_, i) => i % 2 === 0)
    .join(' … ');
const japanese = renderer(ja);
const kana = /[\u3040-\u30ff\u4e00-\u9fff]/;
// An English sentence as a Japanese reader would meet one: three plain words
// in a row (test/e2e's measure); Kubernetes' names alone never make one.
const englishRun = /\b[A-Za-z][a-z]+(?:[ ,]+[A-Za-z][a-z]+){2,}\b/;

const doc = (text: string) => `---\n${text}`;
const cluster = (spec: string) =>
  `apiVersion: routelab.dev/v1alpha1\nkind: Cluster\nspec:\n${spec}`;
const svc = (spec: string, name = 'my-service') => doc(service(spec, name));
const routes = 'selector: {app: my-app}\nports: [{port: 80, targetPort: 8080}]';
const ingress = (name: string, spec: string, meta = '') =>
  doc(
    `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\n${meta}spec:\n${spec}`,
  );
const rule = (service: string, port = 80, path = '/') =>
  `  rules:\n  - host: a.example.com\n    http:\n      paths:\n      - {path: ${path}, pathType: Prefix, backend: {service: {name: ${service}, port: {number: ${port}}}}}\n`;
const namedPod = doc(
  'apiVersion: v1\nkind: Pod\nmetadata: {name: extra, labels: {app: my-app}}\nspec:\n  containers: [{name: app, image: x, ports: [{name: http, containerPort: 8080}]}]\n',
);
const traefik = doc(
  'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: traefik}\nspec: {controller: example.com/traefik}\n',
);
const tls = (secret: string) =>
  `  ingressClassName: nginx\n  tls: [{hosts: [a.example.com], secretName: ${secret}}]\n${rule('my-service')}`;

const gatewayClass = (controller = 'gateway.envoyproxy.io/gatewayclass-controller') =>
  doc(
    `apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: eg}\nspec: {controllerName: ${controller}}\n`,
  );
const gateway = (listeners = '[{name: http, protocol: HTTP, port: 80}]', className = 'eg') =>
  doc(
    `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw}\nspec: {gatewayClassName: ${className}, listeners: ${listeners}}\n`,
  );
const httpRoute = (spec: string) =>
  doc(
    `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec: ${spec}\n`,
  );

/** Manifests that each make Routelab warn, one case per kind of warning. */
const cases: Record<string, string> = {
  'gateway class foreign': gatewayClass('example.com/other') + gateway(),
  'no gateway controller': cluster('  gatewayController: none\n') + gatewayClass() + gateway(),
  'gateway class missing': gatewayClass() + gateway(undefined, 'nope'),
  'route without parent':
    myApp +
    svc(routes) +
    httpRoute(
      '{parentRefs: [{name: nope}], rules: [{backendRefs: [{name: my-service, port: 80}]}]}',
    ),
  'route not resolved':
    gatewayClass() +
    gateway() +
    httpRoute('{parentRefs: [{name: gw}], rules: [{backendRefs: [{name: nope, port: 80}]}]}'),
  'listener without certificate':
    gatewayClass() +
    gateway('[{name: https, protocol: HTTPS, port: 443, tls: {certificateRefs: [{name: nope}]}}]'),
  'no endpoints': myApp + svc('selector: {app: my-ap}\nports: [{port: 80, targetPort: 8080}]'),
  'another namespace': `apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n${doc(myApp)}${doc(
    `apiVersion: v1\nkind: Service\nmetadata: {name: my-service, namespace: shop}\nspec: {selector: {app: my-app}, ports: [{port: 80, targetPort: 8080}]}\n`,
  )}`,
  'none ready': `${cluster('  pods:\n  - {workload: Deployment/my-app, index: 0, ready: false}\n  - {workload: Deployment/my-app, index: 1, ready: false}\n')}${doc(myApp)}${svc(routes)}`,
  'kube-proxy stopped': `${cluster('  nodes:\n  - {name: node-1, kubeProxy: Stopped}\n  - {name: node-2}\n')}${doc(myApp)}${svc(`type: NodePort\n${routes}`)}`,
  'named port missing':
    myApp + svc('selector: {app: my-app}\nports: [{port: 80, targetPort: http}]'),
  'named port partly':
    myApp +
    namedPod +
    svc('selector: {app: my-app}\nports: [{name: web, port: 80, targetPort: http}]'),
  'target port': myApp + svc('selector: {app: my-app}\nports: [{port: 80, targetPort: 80}]'),
  'class annotation':
    myApp +
    svc(routes) +
    ingress('a', rule('my-service'), '  annotations: {kubernetes.io/ingress.class: traefik}\n'),
  'no class': `${cluster('  ingressController: none\n')}${doc(myApp)}${svc(routes)}${ingress('a', rule('my-service'))}`,
  'class missing':
    myApp + svc(routes) + ingress('a', `  ingressClassName: traefik\n${rule('my-service')}`),
  'foreign class':
    myApp +
    svc(routes) +
    traefik +
    ingress('a', `  ingressClassName: traefik\n${rule('my-service')}`),
  'path taken':
    myApp +
    svc(routes) +
    ingress('a', `  ingressClassName: nginx\n${rule('my-service')}`) +
    ingress('b', `  ingressClassName: nginx\n${rule('my-service')}`),
  'service missing':
    myApp + svc(routes) + ingress('a', `  ingressClassName: nginx\n${rule('nope')}`),
  'service port missing':
    myApp + svc(routes) + ingress('a', `  ingressClassName: nginx\n${rule('my-service', 81)}`),
  'secret missing': myApp + svc(routes) + ingress('a', tls('nope')),
  'secret type':
    myApp +
    svc(routes) +
    doc('apiVersion: v1\nkind: Secret\nmetadata: {name: opaque}\ntype: Opaque\ndata: {}\n') +
    ingress('a', tls('opaque')),
  'tls host without rule':
    myApp +
    svc(routes) +
    ingress(
      'a',
      `  ingressClassName: nginx\n  tls: [{hosts: [b.example.com]}]\n${rule('my-service')}`,
    ),
  'external name':
    doc(
      'apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec: {type: ExternalName, externalName: api.example.org}\n',
    ) + ingress('a', `  ingressClassName: nginx\n${rule('ext')}`),
  duplicate: myApp + svc(routes) + svc(routes),
  'no pod CIDR left': cluster(
    `  clusterCIDR: 10.244.0.0/23\n  nodes:\n  - name: n1\n  - name: n2\n  - name: n3\n`,
  ),
  'pod CIDR out of range': cluster('  nodes:\n  - name: a\n    podCIDR: 192.168.7.0/24\n'),
  'pod CIDR shared': cluster(
    '  nodes:\n  - name: a\n    podCIDR: 10.244.5.0/24\n  - name: b\n    podCIDR: 10.244.5.0/24\n',
  ),
  'custom resource': `${myApp}${doc('apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: foos.example.com}\nspec: {group: example.com, names: {kind: Foo, plural: foos}, scope: Namespaced, versions: [{name: v1, served: true, storage: true}]}\n')}${doc('apiVersion: example.com/v1\nkind: Foo\nmetadata: {name: f}\n')}`,
  'kind not simulated': `${myApp}${doc('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n')}`,
  'annotation not simulated':
    myApp +
    svc(routes) +
    ingress(
      'a',
      `  ingressClassName: nginx\n${rule('my-service')}`,
      '  annotations: {nginx.ingress.kubernetes.io/proxy-body-size: 8m}\n',
    ),
};

const explained = Object.entries(cases).flatMap(([name, text]) =>
  model(text)
    .diagnostics.filter((d) => d.severity !== 'error')
    .map((d): [string, Diagnostic] => [name, d]),
);

describe('routing warnings as messages', () => {
  it('every warning of the cases carries its message, and the cases reach every warning id', () => {
    const ids = new Set<string>();
    for (const [name, d] of explained) {
      expect(d.explanation, `${name}: ${d.code}`).toBeDefined();
      if (d.explanation) ids.add(d.explanation.id);
    }
    const warningIds = Object.keys(en).filter((id) => /^(warning|info)\./.test(id));
    expect([...ids].sort()).toEqual(warningIds.sort());
  });

  it('has a sentence in each locale for every id', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it('keeps the English message as the English table renders it', () => {
    for (const [name, d] of explained)
      if (d.explanation) expect(english(d.explanation), name).toBe(d.message);
  });

  it('says each warning in Japanese, with no English sentence', () => {
    for (const [name, d] of explained) {
      if (!d.explanation) continue;
      const sentence = japanese(d.explanation);
      expect(sentence, name).toMatch(kana);
      expect(wordsOf(sentence), name).not.toMatch(englishRun);
      expect(sentence, name).not.toMatch(/undefined|\[object|NaN/);
    }
  });

  it('says each hint and quick-fix title in Japanese; the English as the CLI prints it', () => {
    const hinted = [
      ...explained.map(([, d]) => d),
      ...model(
        'apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: shop}\nspec: {ports: [{port: 80}]}\n',
      ).diagnostics,
      ...model('apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\n')
        .diagnostics,
      ...model(
        'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  rules:\n  - http:\n      paths:\n      - backend: {serviceName: s, servicePort: 80}\n',
      ).diagnostics,
    ].flatMap((d) => [
      ...(d.hintMessage ? [[d.hintMessage, d.hint] as const] : []),
      ...(d.fix ? [[d.fix.titleMessage, d.fix.title] as const] : []),
    ]);
    const ids = new Set(hinted.map(([m]) => m.id));
    expect([...ids].sort()).toEqual(
      Object.keys(en)
        .filter((id) => /^(hint|fix)\./.test(id))
        .sort(),
    );
    for (const [m, englishText] of hinted) {
      expect(english(m), m.id).toBe(englishText);
      const sentence = japanese(m);
      expect(sentence, m.id).toMatch(kana);
      expect(wordsOf(sentence), m.id).not.toMatch(englishRun);
    }
  });

  it('leaves the explanation out of validate --json and trace --json (docs/cli.md)', () => {
    const result = published(validate([{ file: 'x.yaml', text: cases['no endpoints'] ?? '' }]));
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(JSON.stringify(result)).not.toContain('explanation');
  });
});

describe('a check message on a Japanese page', () => {
  const exercise = readExercise('service-selector');
  const typo = exercise.mistakes.find((m) => m.message.includes('app=my-ap'));
  const text = typo ? applyVariant(exercise.solution, typo) : '';
  const message = (locale: 'ja' | 'en') =>
    gradeSubmission(exercise, [{ file: 'answer.yaml', text }], locale).checks.find(
      (c) => c.id === 'reaches-my-app',
    );

  it('says a selector that matches no Pod in Japanese, with no English sentence', () => {
    const check = message('ja');
    expect(check?.passed).toBe(false);
    expect(check?.message).toContain(
      'Service my-service のセレクターは app=my-ap ですが、Namespace default にこのラベルの Pod がありません。エンドポイントがないので、この Service への接続は拒否されます。',
    );
    expect(check?.message).not.toMatch(englishRun);
    expect(check?.verbatim).toBeUndefined();
  });

  it('keeps the English message as it was', () => {
    expect(message('en')?.message).toBe(
      'Port 80 of my-service reaches my-app on 8080: the request should have reached a Pod, but it was refused. node-3\'s kube-proxy rejects it: Service default/my-service has no ready endpoints, so the client gets "connection refused" at once. Service my-service selects app=my-ap, but no Pod in namespace default has these labels: it has no endpoints, and connections to it are refused.',
    );
  });

  it('says a request that cannot be made in Japanese', () => {
    const lb = readExercise('loadbalancer-expose');
    const grade = gradeSubmission(lb, [{ file: 'answer.yaml', text: lb.starter }], 'ja');
    const unsent = grade.checks.filter((c) => c.message.includes('リクエストを送れません'));
    expect(unsent.length).toBeGreaterThan(0);
    for (const check of unsent) expect(check.message).not.toMatch(englishRun);
  });

  it('quotes kube-apiserver’s errors verbatim, as pieces to mark English', () => {
    const broken = text.replace('targetPort: 8080', 'targetPort: 80000');
    const valid = gradeSubmission(exercise, [{ file: 'answer.yaml', text: broken }], 'ja')
      .checks[0];
    expect(valid?.passed).toBe(false);
    expect(valid?.verbatim).toEqual([
      'spec.ports[0].targetPort: Invalid value: 80000: must be between 1 and 65535, inclusive',
    ]);
    const runs = messageRuns(valid?.message ?? '', valid?.verbatim);
    expect(runs.filter((r) => r.verbatim).map((r) => r.text)).toEqual(valid?.verbatim);
    expect(runs.map((r) => r.text).join('')).toBe(valid?.message);
  });
});

describe('messageRuns', () => {
  it('cuts out each occurrence, the leftmost first and the longest at a tie', () => {
    expect(
      messageRuns('a: no matches / b: no matches for kind', ['no matches', 'no matches for kind']),
    ).toEqual([
      { text: 'a: ', verbatim: false },
      { text: 'no matches', verbatim: true },
      { text: ' / b: ', verbatim: false },
      { text: 'no matches for kind', verbatim: true },
    ]);
  });

  it('keeps the text whole without pieces, and ignores an empty one', () => {
    expect(messageRuns('<img src=x onerror=alert(1)>', [''])).toEqual([
      { text: '<img src=x onerror=alert(1)>', verbatim: false },
    ]);
    expect(messageRuns('')).toEqual([]);
  });
});
