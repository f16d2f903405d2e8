// The chapters' live diagrams in Chromium: each chapter draws its own
// scenario from the engine; the route passes the places the engine's trace
// names, in order; the kube-proxy view marks the chains the rules walked;
// every part can be reached by keyboard; reduced motion means no animation.
import { expect, type Page, test } from '@playwright/test';
import { readScenario } from '../../src/course/read.ts';
import { buildModel, trace } from '../../src/engine/index.ts';

const views: Record<string, string[]> = {
  architecture: ['architecture'],
  'why-service': ['topology', 'spread'],
  clusterip: ['topology', 'route', 'rules'],
  nodeport: ['topology', 'route', 'rules'],
  loadbalancer: ['topology', 'route'],
  ingress: ['topology', 'route'],
  'ingress-controller': ['topology', 'route'],
  summary: ['architecture', 'route'],
  'gateway-api': ['topology', 'route'],
};

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

for (const prefix of ['', '/en']) {
  test(`${prefix || '/ja'}: every chapter draws its scenario, without console errors`, async ({
    page,
  }) => {
    const errors = collectErrors(page);
    for (const [slug, wanted] of Object.entries(views)) {
      await page.goto(`${prefix}/chapters/${slug}/`);
      // The first figure is the chapter's own scenario (chapter 8 draws a second, NetworkPolicy's).
      const figure = page.locator('figure.rl-scenario').first();
      // Diagrams are drawn when their figure comes near.
      await figure.scrollIntoViewIfNeeded();
      for (const view of wanted) {
        const svg = figure.locator(`[data-view="${view}"] svg[role="group"]`);
        await expect(svg, `${slug} ${view}`).toBeVisible();
        await expect(svg).toHaveAttribute('aria-label', /\S/);
      }
      // The hop list is there for readers without the picture.
      expect(await figure.locator('details ol li').count()).toBeGreaterThan(1);
    }
    expect(errors).toEqual([]);
  });
}

test('the NodePort route passes the engine’s hops in order, on the topology and in the rules', async ({
  page,
}) => {
  const text = readScenario('service-nodeport.yaml');
  const model = buildModel([{ file: 'service-nodeport.yaml', text }]);
  // The chapter sends to the node that runs no my-app Pod ({nodeIPWithout:my-app}).
  const busy = new Set(
    model.pods.filter((p) => p.metadata.labels.app === 'my-app').map((p) => p.nodeName),
  );
  const idle = model.nodes.find((n) => !busy.has(n.name));
  const expected = trace(model, { from: 'external', to: `http://${idle?.internalIP}:30080/` });

  await page.goto('/en/chapters/nodeport/');
  const figure = page.locator('figure.rl-scenario');
  await figure.scrollIntoViewIfNeeded();
  const steps = figure.locator('.rl-route .rl-step');
  await expect(steps).toHaveCount(expected.hops.length);
  const labels = await steps.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(labels).toEqual(expected.hops.map((h, i) => `${i + 1}. ${h.kind} @ ${h.at}: ${h.detail}`));

  // On the topology: the node it arrived at and the Pod that answered, nothing else.
  const onRoute = await figure
    .locator('.rl-topology .on-route')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')?.split(' ')[1]));
  expect(onRoute.sort()).toEqual(
    [idle?.name, expected.destination?.pod, 'my-service'].sort() as string[],
  );

  // In the rules: the chains the request walked on that node, left to right.
  const chains = await figure
    .locator('.rl-rules .rl-rules-chain.on-path')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')?.split(' ')[0]));
  expect(chains.map((c) => c?.replace(/-[A-Z2-7]{16}$/, ''))).toEqual([
    'KUBE-SERVICES',
    'KUBE-NODEPORTS',
    'KUBE-EXT',
    'KUBE-SVC',
    'KUBE-SEP',
  ]);
  const marked = await figure.locator('.rl-rules-text mark').allTextContents();
  expect(
    marked.some((line) => line.includes(`--to-destination ${expected.destination?.podIP}:8080`)),
  ).toBe(true);

  // Choosing a chain shows its rules in the text.
  const svc = figure.locator('.rl-rules-chain.on-path', { hasText: 'KUBE-SVC-' });
  await svc.focus();
  await page.keyboard.press('Enter');
  await expect(figure.locator('.rl-rules-text .current')).toHaveText(/^-A KUBE-SVC-/);
});

test('keyboard focus reaches every part of the architecture view, which explains it in place', async ({
  page,
}) => {
  await page.goto('/chapters/architecture/');
  const figure = page.locator('figure.rl-scenario');
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('.rl-arch-svg')).toBeVisible();
  const parts = figure.locator('.rl-arch-part');
  const all = await parts.evaluateAll((els) => els.map((e) => e.getAttribute('data-part')));
  expect(all.length).toBeGreaterThan(20);
  await parts.first().focus();
  const reached = new Set<string>();
  for (let i = 0; i < all.length; i++) {
    reached.add(await page.evaluate(() => document.activeElement?.getAttribute('data-part') ?? ''));
    await page.keyboard.press('Tab');
  }
  expect([...reached].sort()).toEqual([...all].sort());

  await figure.locator('[data-part="kube-proxy/node-1"]').focus();
  const panel = figure.locator('.rl-arch-panel');
  await expect(panel).toContainText('kube-proxy (node-1) — Running');
  await expect(panel).toContainText('iptables');
  await expect(panel).toContainText('このリクエストはここを通りました');
  // The control plane is never on a request's path.
  await expect(figure.locator('[data-part="kube-apiserver"]')).not.toHaveClass(/touched/);
  await expect(figure.locator('[data-part="kube-proxy/node-1"]')).toHaveClass(/touched/);
});

test('the topology and route are reachable by keyboard, node by node and hop by hop', async ({
  page,
}) => {
  await page.goto('/en/chapters/clusterip/');
  const figure = page.locator('figure.rl-scenario');
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('.rl-route .rl-route-end')).toBeVisible();
  const focusable = figure.locator('.rl-topology [tabindex="0"], .rl-route [tabindex="0"]');
  const count = await focusable.count();
  await focusable.first().focus();
  const seen: string[] = [];
  for (let i = 0; i < count; i++) {
    seen.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''));
    await page.keyboard.press('Tab');
  }
  const labels = await focusable.evaluateAll((els) =>
    els.map((e) => e.getAttribute('aria-label') ?? ''),
  );
  expect(seen).toEqual(labels);
  expect(labels.filter((l) => l.startsWith('Node '))).toHaveLength(3);
});

test('reduced motion draws the route at once; otherwise the hops appear one by one', async ({
  browser,
}) => {
  const still = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await still.newPage();
  await page.goto('/chapters/nodeport/');
  await page.locator('figure.rl-scenario').scrollIntoViewIfNeeded();
  const steps = page.locator('.rl-route .rl-step');
  await expect(steps.first()).toBeVisible();
  expect(
    await steps.evaluateAll(
      (els) =>
        els.filter((e) => e.getAnimations().length > 0 || getComputedStyle(e).opacity !== '1')
          .length,
    ),
  ).toBe(0);
  await still.close();

  const moving = await browser.newContext({ reducedMotion: 'no-preference' });
  const animated = await moving.newPage();
  await animated.goto('/chapters/nodeport/');
  await animated.locator('figure.rl-scenario').scrollIntoViewIfNeeded();
  const hops = animated.locator('.rl-route .rl-step, .rl-route .rl-route-end');
  await expect(hops.last()).toBeAttached();
  // Each hop fades in later than the one before it, the ending last.
  const delays = await hops.evaluateAll((els) =>
    els.map((e) => Number(e.getAnimations()[0]?.effect?.getTiming().delay ?? -1)),
  );
  expect(delays.length).toBeGreaterThan(2);
  expect(delays[0]).toBe(0);
  for (let i = 1; i < delays.length; i++)
    expect(delays[i] as number).toBeGreaterThan(delays[i - 1] as number);
  await expect.poll(() => hops.last().evaluate((e) => getComputedStyle(e).opacity)).toBe('1');
  await moving.close();
});

// A figure is drawn as it comes near the screen; its box is reserved before,
// so drawing it does not push the text below it (the "next" link included)
// away from where a learner is about to click.
for (const [size, viewport] of [
  ['laptop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const)
  test(`${size}: drawing a figure moves nothing below it`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const moved: string[] = [];
    for (const prefix of ['', '/en'])
      for (const chapter of Object.keys(views)) {
        await page.goto(`${prefix}/chapters/${chapter}/`);
        const figures = page.locator('figure.rl-scenario');
        const heights = () =>
          figures.evaluateAll((all) => all.map((f) => f.getBoundingClientRect().height));
        const before = await heights();
        // The reserved boxes scroll in place like the drawings: the page is never wider than the screen.
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        if (wide > viewport.width)
          moved.push(`${prefix}/chapters/${chapter}: ${wide} px wide before drawing`);
        // A reserved route box never scrolls (a scrolling region with nothing to
        // focus fails axe's scrollable-region-focusable): the route fits its column.
        const scrolling = await page
          .locator('[data-view="route"]')
          .evaluateAll((all) => all.filter((b) => b.scrollWidth > b.clientWidth + 1).length);
        if (scrolling > 0)
          moved.push(
            `${prefix}/chapters/${chapter}: ${scrolling} route boxes scroll before drawing`,
          );
        for (const figure of await figures.all()) {
          await figure.scrollIntoViewIfNeeded();
          await expect(figure.locator('[data-view] svg[role="group"]').first()).toBeVisible();
        }
        const after = await heights();
        // The architecture panel's prompt may wrap to one more line than reserved.
        after.forEach((h, i) => {
          const grew = h - (before[i] ?? 0);
          if (Math.abs(grew) > 24)
            moved.push(`${prefix}/chapters/${chapter} figure ${i + 1}: ${Math.round(grew)} px`);
        });
      }
    expect(moved).toEqual([]);
    await context.close();
  });
