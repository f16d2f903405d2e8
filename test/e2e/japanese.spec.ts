// Every word a Japanese learner reads is Japanese: each Japanese page, walked
// as a learner sees it once the slow parts have come (chapters with their
// figures drawn and every disclosure opened, each exercise with its editor
// started and a failing check shown, the playground after a request), has no
// English sentence outside code, the editor and what is marked lang="en".
import { expect, type Page, test } from '@playwright/test';
import { chapterSlugs, exerciseFolders } from '../support/course.ts';
import { englishSentences } from '../support/english.ts';
import { drawFigures } from '../support/figures.ts';

async function openEverything(page: Page) {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
}

test.use({ reducedMotion: 'reduce' });

test('the Japanese reading pages: home, introduction, chapters with figures, progress, instructor', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const found: string[] = [];
  for (const path of [
    '/',
    '/introduction/',
    ...chapterSlugs.map((s) => `/${s}/`),
    '/progress/',
    '/instructor/',
  ]) {
    await page.goto(path);
    await drawFigures(page);
    await openEverything(page);
    for (const s of await englishSentences(page)) found.push(`${path}: ${s}`);
    // Headings break between phrases ("どうやって / Pod に"), not inside a word ("どうや / って").
    const breaks = await page
      .locator('h1')
      .first()
      .evaluate((h) => getComputedStyle(h).wordBreak);
    if (breaks !== 'auto-phrase') found.push(`${path}: h1 breaks with word-break ${breaks}`);
    // And in browsers without auto-phrase: the build's <wbr> between phrases.
    if (path.startsWith('/chapters/')) {
      const wbr = await page.locator('h1 wbr, .sl-markdown-content h2 wbr').count();
      if (wbr === 0) found.push(`${path}: no <wbr> between the phrases of its headings`);
    }
  }
  expect(found).toEqual([]);
});

test('every Japanese exercise, started and graded with a failing check', async ({ page }) => {
  test.setTimeout(300_000);
  const found: string[] = [];
  for (const id of exerciseFolders()) {
    const path = `/exercises/${id}/`;
    await page.goto(path);
    await page.keyboard.press('Shift');
    await expect(page.locator('.rl-editor .monaco-editor')).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('.rl-results li[data-state="fail"]').first()).toBeVisible();
    if (await page.locator('.rl-route-button:not([hidden])').count())
      await expect(page.locator('.rl-trace .rl-route svg')).toBeVisible();
    await openEverything(page);
    for (const s of await englishSentences(page)) found.push(`${path}: ${s}`);
  }
  expect(found).toEqual([]);
});

test('the Japanese playground after a request', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/playground/');
  await expect(page.locator('.rl-playground .monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.rl-pg-outcome')).toHaveAttribute('data-outcome', /\w/);
  await openEverything(page);
  expect(await englishSentences(page)).toEqual([]);
  // The route's steps are named for a screen reader (and in their tooltips) in
  // Japanese too; a step that only quotes a kube-proxy rule has no words to translate.
  const steps = page.locator('.rl-route svg [aria-label]');
  await expect(steps.first()).toBeAttached();
  const labels = await steps.evaluateAll((all) =>
    all.map((s) => s.getAttribute('aria-label') ?? ''),
  );
  const worded = labels.filter((label) => !/^\d+\. iptables @/.test(label));
  expect(worded.length).toBeGreaterThan(2);
  for (const label of worded) expect(label).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  // How it ended, a single word the walk above cannot count: the route's end and the result line.
  await expect(page.locator('.rl-route .rl-route-end text')).toHaveText(
    /^[\u3040-\u30ff\u4e00-\u9fff]/,
  );
  await expect(page.locator('.rl-pg-outcome')).toHaveText(/^結果: [\u3040-\u30ff\u4e00-\u9fff]/);
});

test('the editor speaks Japanese: a warning’s marker and the quick fix’s title', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/exercises/service-selector/');
  await page.keyboard.press('Shift');
  await expect(page.locator('.rl-editor .monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.rl-results li[data-state="fail"]').first()).toBeVisible();
  await page.locator('.rl-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  // F8 goes to the first problem: the selector that matches no Pod, explained in Japanese.
  await page.keyboard.press('F8');
  const marker = page.locator('.marker-widget');
  await expect(marker).toContainText('適用はされますが');
  await expect(marker).toContainText('エンドポイント');

  await page.goto('/exercises/ingress-migrate-v1beta1/');
  await page.keyboard.press('Shift');
  await expect(page.locator('.rl-editor .monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('li[data-check-id="valid"]')).toHaveAttribute('data-state', 'fail');
  await page.locator('.rl-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('F8');
  // kubectl's refusal stays as it prints it; the hint with the converted Ingress is Japanese.
  await expect(marker).toContainText('no matches for kind "Ingress"');
  await expect(marker).toContainText('Kubernetes 1.22 で削除されました');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+.');
  await expect(page.getByText('networking.k8s.io/v1 に書き換える')).toBeVisible({
    timeout: 10_000,
  });
});
