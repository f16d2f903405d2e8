import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { filesBelow } from '../../src/build/files.mjs';
import { chapterSlugs } from '../../src/course/sidebar.mjs';
import { drawFigures } from '../support/figures.ts';

const dist = join(import.meta.dirname, '..', '..', 'dist');

/** Every page the build emitted, as a site path ("/", "/en/chapters/nodeport/"...). */
function builtPages(): string[] {
  return filesBelow(dist)
    .filter((file) => file.endsWith('/index.html'))
    .map((file) => `/${relative(dist, file.slice(0, -'index.html'.length))}/`.replace(/\/+/g, '/'));
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // Leaving a page cancels its lazy chunks; that is navigation, not a failure.
    if (reason !== 'net::ERR_ABORTED') errors.push(`${request.url()}: ${reason}`);
  });
  return errors;
}

test('the home page opens in Japanese', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'リクエストは、どうやって Pod に届くのか',
  );
  await page.getByRole('link', { name: 'はじめに' }).first().click();
  await expect(page).toHaveURL(/\/introduction\/$/);
});

for (const [prefix, delivered, playground] of [
  ['', '到達', 'プレイグラウンド'],
  ['/en', 'delivered', 'Playground'],
] as const) {
  test(`the home page (${prefix || '/'}) shows the product: the article's request drawn by the engine, and a way into the playground`, async ({
    page,
  }) => {
    await page.goto(`${prefix}/`);
    await drawFigures(page);
    const route = page.locator('figure.rl-scenario [data-view="route"]');
    // The request's hops down the lanes, ending at a Pod.
    await expect(route.locator('.rl-step')).toHaveCount(15);
    await expect(route.locator('.rl-route-end text')).toHaveText(delivered);
    await page.locator('.hero').getByRole('link', { name: playground }).click();
    await expect(page).toHaveURL(new RegExp(`${prefix}/playground/$`));
  });
}

for (const [locale, prefix, nextLabel] of [
  ['ja', '', '次へ'],
  ['en', '/en', 'Next'],
] as const) {
  test(`${locale}: "next" leads from chapter 1 through the last chapter`, async ({ page }) => {
    // A page load per chapter, on two cores shared with the other tests.
    test.setTimeout(60_000);
    await page.goto(`${prefix}/${chapterSlugs[0]}/`);
    const visited = [new URL(page.url()).pathname];
    for (let i = 1; i < chapterSlugs.length; i++) {
      const next = page.locator('a[rel="next"]');
      await expect(next).toContainText(nextLabel);
      // The old page's h1 is visible too: wait until the address has moved on.
      const from = new URL(page.url()).pathname;
      await next.click();
      await page.waitForURL((url) => url.pathname !== from, { waitUntil: 'domcontentloaded' });
      await expect(page.locator('h1')).toBeVisible();
      visited.push(new URL(page.url()).pathname);
    }
    expect(visited).toEqual(chapterSlugs.map((slug) => `${prefix}/${slug}/`));
    await expect(page.locator('a[rel="next"]')).toHaveCount(0);
  });
}

test('switching to English and back keeps the page', async ({ page }) => {
  await page.goto('/chapters/nodeport/');
  await expect(page.locator('h1')).toContainText('第 4 章');
  const picker = page.locator('starlight-lang-select select').first();
  await picker.selectOption({ label: 'English' });
  await expect(page).toHaveURL(/\/en\/chapters\/nodeport\/$/);
  await expect(page.locator('h1')).toContainText('Chapter 4');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The picker's script may still be starting on the new page: choose again until it navigates.
  // The path itself is compared: a pattern ending in /chapters/nodeport/ also matches /en/.
  await expect(async () => {
    await page.locator('starlight-lang-select select').first().selectOption({ label: '日本語' });
    await expect
      .poll(() => new URL(page.url()).pathname, { timeout: 2_000 })
      .toBe('/chapters/nodeport/');
  }).toPass({ timeout: 20_000 });
});

for (const [locale, start, chapterPath] of [
  ['ja', '/', '/chapters/nodeport/'],
  ['en', '/en/', '/en/chapters/nodeport/'],
] as const) {
  test(`${locale}: search finds NodePort in its own locale`, async ({ page }) => {
    await page.goto(start);
    await page.locator('button[data-open-modal]').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('NodePort');
    const results = dialog.locator('.pagefind-ui__result-link');
    await expect(results.first()).toBeVisible();
    // Pagefind fills its results in one by one as their fragments load: read
    // them until the chapter's has come (CI once read the list half filled).
    const read = () =>
      results.evaluateAll((links) =>
        links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
      );
    await expect.poll(read).toContain(chapterPath);
    const hrefs = await read();
    for (const href of hrefs) expect(href.startsWith('/en/'), href).toBe(locale === 'en');
  });
}

test('no page has a console error or a broken internal link', async ({ page, request }) => {
  test.setTimeout(120_000);
  const pages = builtPages();
  // 11 reading pages, the playground, progress, the instructor guide and 19 exercise pages, per locale.
  expect(pages.length).toBe(66);
  const errors = collectErrors(page);
  const links = new Set<string>();
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const hrefs = await page
      .locator('a[href^="/"]')
      .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).pathname));
    for (const href of hrefs) links.add(href);
  }
  for (const href of links) {
    expect((await request.get(href)).status(), href).toBe(200);
  }
  expect(errors).toEqual([]);
});

test('every page describes itself in its own language', () => {
  const kana = /[\u3040-\u30ff]/;
  for (const path of builtPages()) {
    const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
    const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(description.length, path).toBeGreaterThan(20);
    if (path.startsWith('/en/')) expect(description, path).not.toMatch(kana);
    else expect(description, path).toMatch(kana);
  }
});

// A splash page has no sidebar, so on a phone Starlight shows no language
// menu there: the home page links to the other language itself.
test('on a phone, each home page links to the other language', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
  });
  const page = await context.newPage();
  for (const [home, name, target] of [
    ['/', 'English', '/en/'],
    ['/en/', '日本語', '/'],
  ] as const) {
    await page.goto(home);
    const link = page.getByRole('link', { name, exact: true });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${target.replace(/\//g, '\\/')}$`));
  }
  await context.close();
});
