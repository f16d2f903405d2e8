// Security in Chromium: every built page carries a Content-Security-Policy
// that runs no script but the site's own (by file or by hash), every kind of
// page works under it with no request to anyone else, and script/HTML in
// names, hosts, paths, images, annotations, requests and file names is shown
// as text everywhere — the editor, the results, the diagrams, the hop table,
// share links — never as markup.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { filesBelow } from '../../src/build/files.mjs';
import { encodeState } from '../../src/components/playground/share.ts';
import { myApp } from '../support/engine.ts';
import { startExercise } from '../support/exercise-page.ts';

const dist = join(import.meta.dirname, '..', '..', 'dist');

test('every page’s policy comes first and allows only this site’s scripts and its own inline ones', () => {
  const files = filesBelow(dist).filter((f) => f.endsWith('.html'));
  expect(files.length).toBeGreaterThan(50);
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const where = file.slice(dist.length);
    const meta = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html);
    expect(meta, where).not.toBeNull();
    // Nothing that runs may come before the policy.
    expect(html.indexOf('<script'), where).toBeGreaterThan(meta?.index ?? 0);
    const policy = new Map(
      (meta?.[1] ?? '')
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...sources]) => [name, sources]),
    );
    expect(policy.get('default-src'), where).toEqual(["'self'"]);
    expect(policy.get('object-src'), where).toEqual(["'none'"]);
    const scripts = policy.get('script-src') ?? [];
    expect(scripts, where).not.toContain("'unsafe-inline'");
    expect(scripts, where).not.toContain("'unsafe-eval'");
    expect(
      scripts.filter((s) => !s.startsWith("'")),
      where,
    ).toEqual([]);
    for (const [, body] of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      const hash = `'sha256-${createHash('sha256')
        .update(body ?? '')
        .digest('base64')}'`;
      expect(scripts, `${where}: ${body?.slice(0, 60)}`).toContain(hash);
    }
  }
});

/** Records what must never happen: a dialog, a blocked script, an injected element, a foreign request. */
async function guard(page: Page) {
  const problems: string[] = [];
  const origin = new URL(test.info().project.use.baseURL ?? '').origin;
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin)
      problems.push(`third-party request: ${r.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __violations?: string[] };
      w.__violations = [...(w.__violations ?? []), `${e.violatedDirective} ${e.blockedURI}`];
    });
  });
  return async function check(where: string) {
    const seen = await page.evaluate(() => ({
      injected: document.querySelectorAll('[data-pwned]').length,
      ran: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      violations: (window as unknown as { __violations?: string[] }).__violations ?? [],
    }));
    expect(seen.injected, `${where}: an element made from a payload`).toBe(0);
    expect(seen.ran, `${where}: a payload ran`).toBeNull();
    expect(seen.violations, `${where}: CSP violations`).toEqual([]);
    expect(problems, where).toEqual([]);
  };
}

test('every kind of page works under the policy and asks nothing of anyone else', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const check = await guard(page);
  await page.goto('/en/');
  await check('home');
  // Search runs Pagefind's WebAssembly.
  await page.locator('button[data-open-modal]').first().click();
  await page.getByRole('dialog').getByRole('textbox').fill('NodePort');
  await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
  await check('search');
  await page.goto('/en/chapters/nodeport/');
  await page.locator('figure.rl-scenario').first().scrollIntoViewIfNeeded();
  await expect(page.locator('.rl-rules-svg').first()).toBeVisible({ timeout: 20_000 });
  await check('chapter with diagrams');
  // The editor, its schema worker, and the engine's worker.
  await page.goto('/en/exercises/service-selector/');
  await startExercise(page);
  await expect(page.locator('.rl-summary')).toContainText('checks pass', { timeout: 20_000 });
  await check('exercise');
  await page.goto('/en/playground/');
  await expect(page.locator('.rl-pg-outcome')).toContainText('Outcome:', { timeout: 20_000 });
  await check('playground');
  await page.goto('/en/progress/');
  await page.goto('/en/instructor/');
  await check('progress and instructor pages');
});

const img = '<img src=x data-pwned onerror=window.__pwned=1>';
const script = '<script data-pwned>window.__pwned=1</script>';
const svg = '<svg data-pwned onload=window.__pwned=1>';

/** Accepted by kube-apiserver with a payload inside: an image, an annotation, an Ingress path. */
const accepted = `${myApp
  .replace('  name: my-app\n', `  name: my-app\n  annotations:\n    note: "${img}"\n`)
  .replace('image: ghcr.io/example/my-app:1.0', `image: "${script}"`)}---
apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: {app: my-app}
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: nginx
  rules:
  - http:
      paths:
      - path: "/${img}"
        pathType: ImplementationSpecific
        backend: {service: {name: my-service, port: {number: 80}}}
`;

/** Refused, with kube-apiserver's message quoting the payload: a name and a host. */
const refused = `${accepted}---
apiVersion: v1
kind: Service
metadata:
  name: "${svg}"
spec:
  selector: {app: my-app}
  ports:
  - port: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: hosts
spec:
  ingressClassName: nginx
  rules:
  - host: "${img}.example.com"
`;

async function openLink(page: Page, yaml: string, to: string) {
  const fragment = await encodeState({
    yaml,
    from: 'external',
    to,
    method: 'GET',
    count: 3,
    seed: 1,
    node: '',
    resolve: '',
  });
  await page.goto(`/en/playground/#${fragment}`);
  await expect(page.locator('.rl-pg-message')).toHaveText('Opened the state the link holds.', {
    timeout: 20_000,
  });
}

test('payloads in a shared playground are text in every view', async ({ page }) => {
  test.setTimeout(90_000);
  const check = await guard(page);
  // The payloads really are in the manifests (myApp's text was edited to hold them).
  expect(accepted).toContain(`note: "${img}"`);
  expect(accepted).toContain(`image: "${script}"`);
  const to = `http://198.51.100.1/${img}`;
  await openLink(page, accepted, to);
  const outcome = page.locator('.rl-pg-outcome');
  await expect(outcome).toContainText('Outcome: delivered');
  await expect(page.locator('input[name="to"]')).toHaveValue(to);
  // The hop table and the route show the path as the learner wrote it.
  await page.locator('.rl-pg-hops-box summary').click();
  await expect(page.locator('.rl-pg-hops')).toContainText(img);
  await expect(page.locator('.rl-route')).toBeVisible();
  // The topology's Ingress rules carry the path, in text and in the label read aloud.
  const topology = page.locator('.rl-topology');
  await expect(topology).toContainText(img.slice(0, 12));
  await expect(page.locator('.rl-pg-edit .monaco-editor')).toContainText('data-pwned');
  // Every node's rules.
  const nodes = page.locator('.rl-pg-node option');
  for (let i = 0; i < (await nodes.count()); i++) {
    await page.locator('.rl-pg-node').selectOption({ index: i });
    await expect(page.locator('.rl-rules-text, .rl-rules-empty').first()).toBeVisible();
  }
  // Focus walks the diagrams' parts, whose labels hold the names.
  await topology.locator('[tabindex="0"]').first().focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('Tab');
  await check('accepted payloads');

  // A share link made from this state carries the payloads back intact.
  await page.locator('button[data-action="share"]').click();
  // The link is made asynchronously (deflate): read it once it is there, not before.
  await expect(page.locator('.rl-pg-share input')).toHaveValue(/#s=/, { timeout: 20_000 });
  const link = await page.locator('.rl-pg-share input').inputValue();
  await page.goto('about:blank');
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.locator('input[name="to"]')).toHaveValue(to, { timeout: 20_000 });
  await check('the link made from them');

  // Refused objects: kube-apiserver's messages quote the payloads, as text.
  await openLink(page, refused, to);
  await expect(outcome).toContainText('Outcome: invalid');
  await page.locator('.rl-pg-edit .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  // F8 walks the markers in order (the schema's may come first): to kube-apiserver's refusal.
  await expect(async () => {
    await page.keyboard.press('F8');
    await expect(page.locator('.marker-widget').first()).toContainText(`Invalid value: "${svg}"`, {
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
  await check('refused payloads');

  // A file whose name is a payload.
  await page.locator('.rl-pg-file').setInputFiles({
    name: `${img}.yaml`,
    mimeType: 'application/yaml',
    buffer: Buffer.from(accepted),
  });
  await expect(page.locator('.rl-pg-message')).toHaveText(`Opened ${img}.yaml.`);
  await check('file name');
});

test('payloads in an exercise answer are text in the editor, the results and the diagrams', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const check = await guard(page);
  // An answer brought from a progress file, as a learner moving browsers would.
  await page.goto('/en/progress/');
  await page.locator('input[data-action="import"]').setInputFiles({
    name: 'routelab-progress.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        schema: 'routelab.dev/progress/v1',
        completed: {},
        answers: { 'service-selector': refused },
      }),
    ),
  });
  // The import is stored before the page is left (a busy machine reads the file slowly).
  await expect(page.locator('.rl-progress-message')).toContainText(
    'Imported 0 completed exercises, 1',
  );
  await page.goto('/en/exercises/service-selector/');
  await startExercise(page);
  const reaches = page.locator('li[data-check-id="reaches-my-app"]');
  await expect(reaches).toHaveAttribute('data-state', 'fail', { timeout: 20_000 });
  await expect(page.locator('.rl-results')).toContainText(svg);
  await check('refused answer');

  // Without the refused objects the cluster is drawn, payload path and all.
  // Pasted over the whole text, as a learner would bring YAML from elsewhere.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), accepted);
  await page.locator('.rl-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(reaches).toHaveAttribute('data-state', 'pass', { timeout: 20_000 });
  await expect(page.locator('.rl-cluster')).toBeVisible();
  await expect(page.locator('.rl-topology')).toContainText(img.slice(0, 12));
  await check('accepted answer');
});
