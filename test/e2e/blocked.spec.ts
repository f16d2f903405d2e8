// Storage blocked for the site, as a learner who blocks all site data gets it:
// a profile whose preferences block cookies and site data, in which Chromium
// throws a SecurityError at any touch of localStorage. The progress page says
// so (Export too, instead of an uncaught exception), and an exercise says
// its text is not kept and offers it as a file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, expect, test } from '@playwright/test';
import { startExercise } from '../support/exercise-page.ts';

test('blocked storage: the progress page and an exercise say so, and offer a file', async ({
  playwright,
}, info) => {
  test.setTimeout(90_000);
  const { baseURL, launchOptions } = info.project.use;
  const profile = mkdtempSync(join(tmpdir(), 'routelab-blocked-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }),
  );
  let context: BrowserContext | undefined;
  try {
    context = await playwright.chromium.launchPersistentContext(profile, {
      ...launchOptions,
      ...(baseURL ? { baseURL } : {}),
      serviceWorkers: 'block',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    // Starlight's own inline theme scripts (in the page's HTML) read localStorage
    // unguarded and throw here; what matters is that none of Routelab's bundled
    // scripts (/_astro/) does.
    const problems: string[] = [];
    page.on('pageerror', (e) => {
      if (`${e.stack}`.includes('/_astro/')) problems.push(`${e.stack}`);
    });

    await page.goto('/en/progress/');
    // The premise: this browser really refuses the page its storage.
    expect(
      await page.evaluate(() => {
        try {
          return typeof window.localStorage;
        } catch (e) {
          return (e as DOMException).name;
        }
      }),
    ).toBe('SecurityError');
    const blocked =
      'This browser blocks storage for this site: no progress or answer is kept here, so there is nothing to export. Download each answer from its exercise (“Download my answer”).';
    const message = page.locator('.rl-progress-message');
    await expect(message).toHaveText(blocked);
    await page.evaluate(() => {
      (document.querySelector('.rl-progress-message') as HTMLElement).textContent = '';
    });
    await page.locator('button[data-action="export"]').click();
    await expect(message).toHaveText(blocked);
    await expect(page.locator('.rl-progress-count')).toHaveText('0 of 19 exercises done');

    await page.goto('/en/exercises/service-selector/');
    await startExercise(page);
    await page.locator('.rl-editor .view-lines').click();
    await page.keyboard.type('# not kept\n');
    const notice = page.locator('.rl-keep-failure');
    await expect(notice).toHaveAttribute('role', 'alert');
    await expect(notice).toContainText(
      'This browser blocks storage for this site: your text is not saved. Download it as a file.',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      notice.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('service-selector.yaml');
    expect(problems).toEqual([]);
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
