// Embed mode (?embed=1): an exercise or the playground inside another course's
// page, without Starlight's header, sidebar and footer, still working: the
// editor starts, keystrokes are graded, the CSP refuses nothing.
import { expect, type Page, test } from '@playwright/test';
import { caretAtEndOf, startExercise } from '../support/exercise-page.ts';

function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Starlight's chrome, each part as the reader would see it. */
const chrome = (page: Page) => ({
  header: page.locator('header.header'),
  sidebar: page.locator('#starlight__sidebar'),
});

test('without ?embed=1 the page has its header and sidebar, and the footer its licences', async ({
  page,
}) => {
  await page.goto('/en/exercises/service-selector/');
  const { header, sidebar } = chrome(page);
  await expect(header).toBeVisible();
  await expect(sidebar).toBeVisible();
  await expect(page.locator('.rl-licence')).toHaveText(
    'Routelab: code under the Apache License 2.0; course content (chapters and exercises) under CC BY 4.0.',
  );
  await expect(page.locator('.rl-licence a[rel="license"]')).toHaveAttribute(
    'href',
    'https://creativecommons.org/licenses/by/4.0/',
  );
  // A chapter's footer: pagination, then the licences, in Japanese.
  await page.goto('/chapters/clusterip/');
  await expect(page.locator('main footer .pagination-links a').first()).toBeVisible();
  await expect(page.locator('.rl-licence')).toContainText('CC BY 4.0 で公開しています');
});

test('an exercise with ?embed=1 has no chrome, and a learner still fixes it', async ({ page }) => {
  const errors = errorsOf(page);
  await page.goto('/en/exercises/service-selector/?embed=1');
  const { header, sidebar } = chrome(page);
  await expect(header).toBeHidden();
  await expect(sidebar).toBeHidden();
  // The content takes the frame: no room kept for the header (64 px) or the
  // sidebar, so the title starts at the top and sits in the middle.
  const title = await page.locator('main h1').boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(title?.y).toBeLessThan(64);
  expect(Math.abs((title?.x ?? 0) + (title?.width ?? 0) / 2 - width / 2)).toBeLessThan(20);
  // CC BY's attribution stays.
  await expect(page.locator('.rl-licence')).toBeVisible();

  await startExercise(page);
  const reaches = page.locator('li[data-check-id="reaches-my-app"]');
  await expect(reaches).toHaveAttribute('data-state', 'fail', { timeout: 20_000 });
  await caretAtEndOf(page, '    app: my-ap');
  await page.keyboard.type('p');
  await expect(reaches).toHaveAttribute('data-state', 'pass', { timeout: 10_000 });
  expect(errors).toEqual([]);
});

// Here Chromium denies a third-party frame its storage (Playwright blocks
// service workers, which blocks third-party storage too), as a browser that
// blocks third-party data does: the exercise still works and says that the
// text is not kept, offering a download; Starlight's theme scripts, which read localStorage
// unguarded, throw, and those are the only errors.
test('in another site’s iframe, the Japanese exercise works with no chrome', async ({
  page,
  baseURL,
}) => {
  const errors = errorsOf(page);
  // A host page of another origin, as a course would write it.
  await page.setContent(
    `<iframe src="${baseURL}/exercises/service-selector/?embed=1" title="Routelab" width="1000" height="700"></iframe>`,
  );
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('.rl-static').first()).toBeVisible({ timeout: 20_000 });
  await expect(frame.locator('header.header')).toBeHidden();
  await expect(frame.locator('#starlight__sidebar')).toBeHidden();
  await expect(frame.locator('.rl-licence')).toContainText('CC BY 4.0 で公開しています');
  await frame.locator('.rl-static').first().click();
  await expect(frame.locator('.rl-editor .monaco-editor')).toBeVisible({ timeout: 20_000 });
  const reaches = frame.locator('li[data-check-id="reaches-my-app"]');
  await expect(reaches).toHaveAttribute('data-state', 'fail', { timeout: 20_000 });
  await page.keyboard.type('#');
  // The saved-work notice (src/components/storage/ui.ts) says so, with its Download button.
  const notice = frame.locator('.rl-keep-failure');
  await expect(notice).toContainText('入力は保存されません');
  await expect(notice.getByRole('button', { name: 'ダウンロード' })).toBeVisible();
  for (const error of errors)
    expect(error).toMatch(
      /^(Failed to read the 'localStorage' property from 'Window': Access is denied for this document\.|StarlightThemeProvider is not defined)$/,
    );
});

test('the playground with ?embed=1 has no chrome and traces a request', async ({ page }) => {
  const errors = errorsOf(page);
  await page.goto('/en/playground/?embed=1');
  const { header, sidebar } = chrome(page);
  await expect(header).toBeHidden();
  await expect(sidebar).toBeHidden();
  await expect(page.locator('.rl-playground .monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.rl-pg-outcome')).not.toHaveText(/^(|Working…)$/, {
    timeout: 20_000,
  });
  expect(errors).toEqual([]);
});
