// The exercise workspace's place on the screen and in the course: the caret
// goes where the learner clicked the starter; from 1024 px the checks sit
// beside the code and stay in view while typing; on a phone a one-line verdict
// stays pinned under the editor; the sidebar shows which chapter and exercise
// this is; the page ends with the next exercise.
import { expect, test } from '@playwright/test';

test('a click on the starter puts the caret there: one key fixes the selector', async ({
  page,
}) => {
  await page.goto('/en/exercises/service-selector/');
  // The Service's selector "app: my-ap": click just after its last letter.
  const value = page.locator('.rl-static').getByText('my-ap', { exact: true });
  const box = await value.boundingBox();
  if (!box) throw new Error('the starter does not show "my-ap"');
  await value.click({ position: { x: box.width - 1, y: box.height / 2 } });
  await expect(page.locator('.rl-editor .monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.rl-summary')).toHaveText(/\d/);
  await page.keyboard.type('p');
  await expect(page.locator('li[data-check-id="reaches-my-app"]')).toHaveAttribute(
    'data-state',
    'pass',
    { timeout: 10_000 },
  );
  await expect(page.locator('.rl-editor .view-lines')).toContainText('app: my-app');
  // Done: the sidebar marks the exercise at once, and its chapter on every page.
  const mark = (href: string) =>
    page.locator(`#starlight__sidebar a[href="${href}"] .rl-sidebar-done`);
  await expect(mark('/en/exercises/service-selector/')).toHaveText('✓ (done)');
  await page.goto('/en/chapters/ingress/');
  const chapter = mark('/en/chapters/why-service/');
  await expect(chapter.locator('[aria-hidden="true"]')).toHaveText('✓');
  await expect(page.locator('#starlight__sidebar .rl-sidebar-done')).toHaveCount(1);
  await expect(
    page.getByRole('link', { name: /Why a Service \(1 of 1 exercises done\)$/ }),
  ).toHaveCount(1);
  // One of chapter 4's two: a count, not a tick.
  await page.evaluate(() => {
    const key = 'routelab:v2:progress';
    const progress = JSON.parse(localStorage.getItem(key) ?? '{}');
    progress.completed['nodeport-expose'] = '2026-12-01T00:00:00.000Z';
    localStorage.setItem(key, JSON.stringify(progress));
  });
  await page.reload();
  await expect(mark('/en/chapters/nodeport/').locator('[aria-hidden="true"]')).toHaveText('1/2');
});

test('while a request check fails, the goal (the solution’s route) is drawn beside the learner’s', async ({
  page,
}) => {
  await page.goto('/exercises/service-selector/');
  const value = page.locator('.rl-static').getByText('my-ap', { exact: true });
  const box = await value.boundingBox();
  if (!box) throw new Error('the starter does not show "my-ap"');
  await value.click({ position: { x: box.width - 1, y: box.height / 2 } });
  await expect(page.locator('.rl-summary')).toHaveText(/\d/, { timeout: 20_000 });
  const goal = page.locator('.rl-trace .rl-goal');
  await expect(goal).toBeVisible();
  await expect(goal.locator('figcaption')).toHaveText('ゴール: 解答例での経路');
  await expect(page.locator('.rl-yours-caption')).toBeVisible();
  // The solution's request reaches a Pod; the starter's is refused.
  await expect(goal.locator('.rl-route-end')).toHaveClass(/rl-route-ok/);
  await expect(page.locator('.rl-trace .rl-route .rl-route-end')).toHaveClass(/rl-route-failed/);
  expect(await goal.locator('svg').getAttribute('aria-label')).toMatch(/^ゴール/);
  await page.keyboard.type('p');
  await expect(page.locator('li[data-check-id="reaches-my-app"]')).toHaveAttribute(
    'data-state',
    'pass',
    { timeout: 10_000 },
  );
  // Passing, the learner's route is the only one: nothing left to compare.
  await expect(goal).toBeHidden();
  await expect(page.locator('.rl-yours-caption')).toBeHidden();
});

test('from 1024 px the checks are beside the code and in view while typing', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.goto('/en/exercises/ingress-path-routing/');
  await page.keyboard.press('Shift');
  await expect(page.locator('.rl-editor .monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.rl-summary')).toHaveText(/\d/);
  // Typing at the bottom of the editor: the verdict and the checks stay on screen.
  await page.locator('.rl-editor').evaluate((el) => el.scrollIntoView({ block: 'end' }));
  const editor = await page.locator('.rl-editor').boundingBox();
  const verdict = await page.locator('.rl-verdict').boundingBox();
  const checks = await page.locator('.rl-results').boundingBox();
  if (!editor || !verdict || !checks) throw new Error('the workspace is not drawn');
  expect(verdict.x).toBeGreaterThanOrEqual(editor.x + editor.width);
  expect(checks.x).toBeGreaterThanOrEqual(editor.x + editor.width);
  expect(verdict.y).toBeGreaterThanOrEqual(0);
  expect(verdict.y + verdict.height).toBeLessThanOrEqual(768);
  await context.close();
});

test('on a phone the verdict stays pinned under the editor, naming the first failing check', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto('/exercises/service-selector/');
  await page.keyboard.press('Shift');
  await expect(page.locator('.rl-editor .monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.rl-summary')).toHaveText('2 件中 1 件のチェックに合格');
  const failing = await page
    .locator('.rl-results li[data-state="fail"] .rl-check-title')
    .first()
    .textContent();
  await expect(page.locator('.rl-verdict-first')).toHaveText(failing ?? '');
  // Typing at the editor's last lines, the checks (and the verdict's own place
  // in the page) are below the screen: the verdict is pinned to its bottom.
  await page.locator('.rl-editor').evaluate((el) => el.scrollIntoView({ block: 'end' }));
  const verdict = await page.locator('.rl-verdict').boundingBox();
  const checks = await page.locator('.rl-results').boundingBox();
  if (!verdict || !checks) throw new Error('the workspace is not drawn');
  expect(Math.round(verdict.y + verdict.height)).toBe(844);
  expect(checks.y).toBeGreaterThan(844);
  await context.close();
});

for (const [prefix, words] of [
  ['', { exercise: '演習: ', next: '次の演習: ' }],
  ['/en', { exercise: 'Exercise: ', next: 'Next exercise: ' }],
] as const)
  test(`${prefix || '/ja'}: the sidebar marks the exercise in its chapter; the page ends with the next`, async ({
    page,
  }) => {
    await page.goto(`${prefix}/exercises/nodeport-expose/`);
    const title = (await page.locator('h1').textContent())?.trim() ?? '';
    const current = page.locator('#starlight__sidebar a[aria-current="page"]');
    await expect(current).toHaveText(`${words.exercise}${title}`);
    await expect(current).toHaveAttribute('href', `${prefix}/exercises/nodeport-expose/`);
    // Inside its chapter's group, beside the chapter's text.
    const group = page
      .locator('#starlight__sidebar details')
      .filter({ has: page.locator('a[aria-current="page"]') })
      .last();
    await expect(group.locator('a').first()).toHaveAttribute(
      'href',
      `${prefix}/chapters/nodeport/`,
    );
    // The chapter lists nodeport-expose, then nodeport-local-traffic.
    const next = page.locator('a[rel="next"]');
    await expect(next).toHaveAttribute('href', `${prefix}/exercises/nodeport-local-traffic/`);
    await expect(next).toContainText(words.next);
    await next.click();
    await expect(page.locator('#starlight__sidebar a[aria-current="page"]')).toHaveAttribute(
      'href',
      `${prefix}/exercises/nodeport-local-traffic/`,
    );
    // A chapter's last exercise leads to the next chapter's first; the course's last to the progress page.
    await page.goto(`${prefix}/exercises/networkpolicy-default-deny/`);
    await expect(page.locator('a[rel="next"]')).toHaveAttribute(
      'href',
      `${prefix}/exercises/gateway-migrate-ingress/`,
    );
    await page.goto(`${prefix}/exercises/gateway-route-not-attached/`);
    await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', `${prefix}/progress/`);
  });
