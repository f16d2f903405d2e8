// The playground in Chromium: a request built from the menus, each fault
// switch changing the route as the engine (and Kubernetes) says, share links
// that reproduce a state in a fresh browser, and links that are tampered with
// opening an empty (or the saved) playground with a message — never an error
// or a script.
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { buildModel, trace } from '../../src/engine/index.ts';

function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return problems;
}

async function open(page: Page, path = '/en/playground/') {
  await page.goto(path);
  await expect(page.locator('.rl-playground .monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.rl-pg-outcome')).not.toHaveText(/^(|Working…)$/);
}

const outcome = (page: Page) => page.locator('.rl-pg-outcome');

async function savedFile(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.rl-pg-bar button[data-action="download"]').click(),
  ]);
  return readFileSync((await download.path()) ?? '', 'utf8');
}

/** What the engine says for the page's current YAML and request. */
async function engineOutcome(page: Page) {
  const file = await savedFile(page);
  const header = JSON.parse(file.slice(file.indexOf('{'), file.indexOf('\n')));
  const model = buildModel([{ file: 'playground.yaml', text: file }]);
  return trace(model, { from: header.from, to: header.to }).outcome;
}

async function openScenario(page: Page, id: string) {
  await page.locator('.rl-pg-scenario').selectOption(id);
  await page.locator('button[data-action="scenario"]').click();
  await expect(page.locator('.rl-pg-message')).toContainText('Opened the scenario');
}

test('a request built from the menus is traced, drawn, tabulated and spread over Pods', async ({
  page,
}) => {
  const problems = watch(page);
  await open(page);
  const from = page.locator('select[name="from"]');
  const sources = await from.locator('option').allTextContents();
  expect(sources.slice(0, 4)).toEqual(['external', 'node/node-1', 'node/node-2', 'node/node-3']);
  const pod = sources.find((s) => s.startsWith('pod/my-app-')) ?? '';
  await from.selectOption(pod);
  // The target field completes from the cluster's own addresses.
  const targets = await page
    .locator('#rl-pg-targets option')
    .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
  expect(targets).toContain('http://my-service/');
  expect(targets).toContain('http://172.18.0.3:30080/');
  await page.locator('input[name="to"]').fill('http://my-service/');
  await page.locator('input[name="count"]').fill('40');
  await page.locator('.rl-pg-request button[type="submit"]').click();

  await expect(outcome(page)).toContainText('Outcome: delivered (200)');
  const hops = page.locator('.rl-pg-hops tbody tr');
  await expect(hops.first()).toContainText('dns');
  await expect(page.locator('.rl-pg-hops caption')).toHaveText(`GET http://my-service/ (${pod})`);
  await expect(page.locator('.rl-route .rl-route-end')).toHaveAttribute('aria-label', /^delivered/);
  const bars = page.locator('.rl-spread .rl-spread-bar');
  await expect(bars).toHaveCount(2);
  const counts = await bars.evaluateAll((els) =>
    els.map((e) => Number(/: (\d+)\//.exec(e.getAttribute('aria-label') ?? '')?.[1])),
  );
  expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
  // The rules shown are the sending Pod's node's, with the route marked.
  await expect(page.locator('.rl-rules .rl-rules-chain.on-path').first()).toBeVisible();
  expect(problems).toEqual([]);
});

test('each fault switch edits the Cluster document and the route changes as the engine says', async ({
  page,
}) => {
  const problems = watch(page);
  await open(page);
  await expect(outcome(page)).toContainText('Outcome: delivered');
  const node1 = page.locator('.rl-pg-fault-nodes li', { hasText: 'node-1' });

  // kube-proxy stopped on the node the request goes to: no rules, connection refused.
  await node1.getByLabel('kube-proxy running').uncheck();
  await expect(outcome(page)).toContainText('Outcome: refused');
  expect(await savedFile(page)).toMatch(/kind: Cluster[\s\S]*name: node-1\n\s+kubeProxy: Stopped/);
  await expect(page.locator('[data-part="kube-proxy/node-1"]')).toHaveClass(/degraded/);
  await node1.getByLabel('kube-proxy running').check();
  await expect(outcome(page)).toContainText('Outcome: delivered');

  // A node that is not ready: the topology says so, and the outcome is the engine's.
  await node1.getByLabel('Ready').uncheck();
  await expect(page.locator('.rl-topology .rl-topo-node').first()).toHaveAttribute(
    'aria-label',
    /NotReady/,
  );
  await expect(outcome(page)).toContainText(`Outcome: ${await engineOutcome(page)}`);
  await node1.getByLabel('Ready').check();

  // Every my-app Pod not ready: the Service has no ready endpoint, kube-proxy rejects.
  const pods = page.locator('.rl-pg-fault-pods input');
  for (let i = 0; i < (await pods.count()); i++) await pods.nth(i).uncheck();
  await expect(outcome(page)).toContainText('Outcome: refused');
  expect(await savedFile(page)).toMatch(/pods:\n\s+- name: my-app-\S+\n\s+ready: false/);
  await page.keyboard.press('ControlOrMeta+z');

  // The load balancer's address goes when the provider goes.
  await openScenario(page, 'loadbalancer');
  await expect(outcome(page)).toContainText('Outcome: delivered');
  await expect(page.locator('input[name="to"]')).toHaveValue(/^http:\/\/198\.51\.100\.\d+\/$/);
  await page.getByLabel('Cloud load-balancer provider').uncheck();
  await expect(outcome(page)).toContainText('Outcome: timeout');
  await expect(page.locator('.rl-topology .rl-topo-service').first()).toHaveAttribute(
    'aria-label',
    /<pending>/,
  );

  // The ingress controller removed, then exposed by a NodePort only.
  await openScenario(page, 'ingress');
  await expect(outcome(page)).toContainText('Outcome: delivered');
  const controller = page.locator('.rl-pg-faults select');
  await controller.selectOption('absent');
  await expect(outcome(page)).toContainText('Outcome: DNS error');
  await controller.selectOption('NodePort');
  await expect(outcome(page)).toContainText(`Outcome: ${await engineOutcome(page)}`);
  expect(await savedFile(page)).toContain('ingressControllerService: NodePort');
  expect(problems).toEqual([]);
});

test('a share link reproduces the state exactly in a fresh browser', async ({ browser }) => {
  const first = await browser.newContext();
  const page = await first.newPage();
  await open(page);
  await openScenario(page, 'troubleshoot');
  await page.locator('.rl-pg-fault-nodes li', { hasText: 'node-3' }).getByLabel('Ready').uncheck();
  await page.locator('input[name="count"]').fill('5');
  await expect(outcome(page)).toContainText('Outcome: refused');
  // The rules shown are the node the request reached: it has none.
  await expect(page.locator('.rl-rules-empty')).toHaveText(
    'node-2 has no kube-proxy rules (kube-proxy is stopped there)',
  );
  const text = await outcome(page).textContent();
  const file = await savedFile(page);
  await page.locator('button[data-action="share"]').click();
  const input = page.locator('.rl-pg-share input');
  await expect(input).toHaveValue(/\/en\/playground\/#s=[A-Za-z0-9_-]+$/);
  const link = await input.inputValue();
  await first.close();

  const second = await browser.newContext();
  const again = await second.newPage();
  const problems = watch(again);
  await open(again, link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(again.locator('.rl-pg-message')).toHaveText('Opened the state the link holds.');
  await expect(outcome(again)).toHaveText(text ?? '');
  expect(await savedFile(again)).toBe(file);
  expect(problems).toEqual([]);
  await second.close();
});

test('a chapter’s diagram opens the same cluster and request in the playground', async ({
  page,
}) => {
  await page.goto('/en/chapters/nodeport/');
  await page.locator('.rl-open-playground').click();
  await expect(page.locator('.rl-playground .monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.rl-pg-message')).toHaveText('Opened the state the link holds.');
  await expect(outcome(page)).toContainText('Outcome: delivered');
  const route = await page.locator('.rl-route .rl-step').count();
  expect(route).toBeGreaterThan(5);
});

test('a tampered or malformed link opens an empty playground with a message, never a script', async ({
  page,
}) => {
  const problems = watch(page);
  const links = [
    '#s=AAAA',
    '#s=<img src=x onerror=alert(1)>',
    '#s=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    '#s=q1YqS8wpTVWyUkpLLClNzsxLVaoFAA',
  ];
  for (const hash of links) {
    await page.goto('about:blank');
    await open(page, `/en/playground/${hash}`);
    await expect(page.locator('.rl-pg-message')).toContainText('The link could not be opened');
    await expect(outcome(page)).toHaveText(
      'Type where to send a request, and its result appears here.',
    );
    expect((await savedFile(page)).split('\n').slice(1).join('\n')).toBe('');
    // The bad fragment is gone: a reload opens the learner's own playground.
    expect(new URL(page.url()).hash).toBe('');
  }
  // A damaged link pasted into an open playground's address bar changes
  // nothing: the open (and saved) playground stays as it is (issue 18).
  await openScenario(page, 'nodeport');
  await expect(outcome(page)).toContainText('Outcome:');
  const before = await outcome(page).textContent();
  await page.evaluate(() => {
    window.location.hash = '#s=!!';
  });
  await expect(page.locator('.rl-pg-message')).toContainText('The link could not be opened');
  await expect(page.locator('.rl-pg-message')).toContainText('Your saved playground is unchanged');
  await expect(outcome(page)).toHaveText(before ?? '');
  expect(problems).toEqual([]);
});

test('a file saved from the playground opens again with its request; shortcuts are listed', async ({
  page,
}) => {
  await open(page);
  await openScenario(page, 'ingress');
  const file = await savedFile(page);
  expect(
    file.startsWith('# routelab-playground: {"from":"external","to":"http://myapp.example.com/a"'),
  ).toBe(true);
  await openScenario(page, 'nodeport');
  await page.locator('.rl-pg-file').setInputFiles({
    name: 'mine.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(file.replace('http://myapp.example.com/a', 'http://myapp.example.com/b')),
  });
  await expect(page.locator('.rl-pg-message')).toHaveText('Opened mine.yaml.');
  await expect(page.locator('input[name="to"]')).toHaveValue('http://myapp.example.com/b');
  await expect(outcome(page)).toContainText('my-app-b');

  await page.locator('h1').click();
  await page.keyboard.press('?');
  await expect(page.locator('.rl-pg-help')).toHaveAttribute('open', '');
  await expect(page.locator('.rl-pg-help dt').first()).toContainText('Ctrl+Enter');
});

test('at 360 px the playground fits the screen: no sideways scrolling of the page', async ({
  browser,
}) => {
  const narrow = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await narrow.newPage();
  await open(page, '/playground/');
  await expect(outcome(page)).toContainText('結果: 到達');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await narrow.close();
});

test('a state too large for a link says so and offers a file that opens it again', async ({
  page,
}) => {
  const problems = watch(page);
  await open(page);
  // 600 Services, each with 40 pseudo-random characters that deflate cannot shrink much.
  let seed = 7;
  const random = () => {
    let text = '';
    for (let i = 0; i < 40; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      text += (seed >> 16).toString(36).slice(-1);
    }
    return text;
  };
  const names = Array.from({ length: 600 }, (_, i) => `svc-${i}`);
  const yaml = names
    .map(
      (name) =>
        `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  annotations:\n    note: ${random()}\nspec:\n  ports:\n  - port: 80\n`,
    )
    .join('---\n');
  await page.locator('.rl-pg-file').setInputFiles({
    name: 'large.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(yaml),
  });
  await expect(page.locator('.rl-pg-message')).toHaveText('Opened large.yaml.');
  await page.locator('button[data-action="share"]').click();
  await expect(page.locator('.rl-pg-message')).toHaveText(
    /^The state is too large for a link \(\d+ characters, the limit is 16000\)\. Save it as a file instead\.$/,
  );
  await expect(page.locator('.rl-pg-share input')).toHaveValue('');
  expect(new URL(page.url()).hash).toBe('');
  const offered = page.locator('.rl-pg-share button[data-action="download"]');
  const [download] = await Promise.all([page.waitForEvent('download'), offered.click()]);
  const file = readFileSync((await download.path()) ?? '', 'utf8');
  expect(file).toContain(`name: ${names.at(-1)}`);

  await openScenario(page, 'nodeport');
  await page.locator('.rl-pg-file').setInputFiles({
    name: 'state.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(file),
  });
  await expect(page.locator('.rl-pg-message')).toHaveText('Opened state.yaml.');
  expect(await savedFile(page)).toBe(file);
  expect(problems).toEqual([]);
});

test('“invalid” shows why beside the result, each problem a way to its line; a host with no record is resolved by a field', async ({
  page,
}) => {
  const problems = watch(page);
  await open(page);
  // Pasted over the whole text (typing would be auto-indented by the editor).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  // The click goes to the first line: the lines' box is as tall as the whole
  // scenario, and its middle can lie below the editor, on the Send button.
  const paste = async (text: string) => {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.locator('.rl-editor .view-line').first().click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('ControlOrMeta+v');
  };
  // A NodePort outside the range: kube-apiserver refuses the Service.
  await paste(
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n  - port: 80\n    nodePort: 80\n',
  );
  const list = page.locator('.rl-pg-diagnostics');
  const refusal = list.locator('li[data-severity="error"] button').first();
  await expect(refusal).toContainText('Line 10');
  await expect(refusal).toContainText('kube-apiserver refuses this');
  await expect(refusal.locator('[lang="en"]')).toContainText(
    'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range',
  );
  // The caret goes to that line: what is typed next lands there.
  await refusal.click();
  await page.keyboard.press('End');
  await page.keyboard.insertText(' # here');
  await expect(
    page.locator('.rl-editor .view-line', { hasText: 'nodePort: 80 # here' }),
  ).toHaveCount(1);

  // A name with no DNS record: the reason points at the field, not at a CLI flag.
  await paste(
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n  - port: 80\n    nodePort: 30080\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n  containers: [{name: c, image: x, ports: [{containerPort: 80}]}]\n',
  );
  await expect(list).toBeHidden();
  await page.locator('input[name="to"]').fill('http://shop.example.com:30080/');
  await page.locator('.rl-pg-request button[type="submit"]').click();
  await expect(outcome(page)).toContainText('Outcome: DNS error');
  await expect(outcome(page)).toContainText('“Resolve the host to” gives shop.example.com');
  await expect(outcome(page)).not.toContainText('--resolve');
  await page.locator('input[name="resolve"]').fill('172.18.0.2');
  await page.locator('.rl-pg-request button[type="submit"]').click();
  await expect(outcome(page)).toContainText('Outcome: delivered');
  expect(problems).toEqual([]);
});

test('an Ingress is offered as Gateway API: the quick fix writes the Gateway and HTTPRoutes, and the request still arrives', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const problems = watch(page);
  await open(page);
  await openScenario(page, 'ingress');
  // The offer is listed with the problems; choosing it puts the caret on the Ingress.
  const offer = page.locator('.rl-pg-diagnostics li[data-severity="info"] button', {
    hasText: 'can be converted to Gateway API',
  });
  await expect(offer).toHaveCount(1);
  await offer.click();
  await page.keyboard.press('ControlOrMeta+.');
  const action = page.getByText('Convert this Ingress to Gateway API (Gateway and HTTPRoute)');
  await expect(action).toBeVisible({ timeout: 10_000 });
  await action.click();
  // The whole Ingress document is replaced (lines below the view are not drawn: read the file).
  await expect.poll(async () => (await savedFile(page)).includes('kind: HTTPRoute')).toBe(true);
  const file = await savedFile(page);
  expect(file).toContain(
    '# Ingress ingress-example converted to Gateway API as ingress2gateway converts it',
  );
  expect(file).not.toMatch(/^kind: Ingress$/m);
  await expect(outcome(page)).toContainText('Outcome: delivered');
  expect(await engineOutcome(page)).toBe('delivered');
  expect(problems).toEqual([]);
});
