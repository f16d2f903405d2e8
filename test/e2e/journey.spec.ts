// The learner's journey, one story per locale, in a browser profile kept on
// disk as a real one is: read chapter 2, start its exercise and type, close
// the browser in the middle of an edit, open it again and find the text,
// finish, see the progress, open the chapter's scenario in the playground,
// share it, and open the link in a fresh browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { caretAtEndOf, startExercise } from '../support/exercise-page.ts';

const words = {
  ja: {
    prefix: '',
    chapter: 'なぜ Service が必要か',
    exercise: 'どの Pod にも届かない Service を直す',
    allPassed: 'すべてのチェックに合格しました',
    done: '1 / 19 問完了',
    restored: 'リンクの状態を開きました。',
    outcome: '結果: 到達',
  },
  en: {
    prefix: '/en',
    chapter: 'Why a Service',
    exercise: 'Fix a Service that reaches no Pod',
    allPassed: 'Every check passes',
    done: '1 of 19 exercises done',
    restored: 'Opened the state the link holds.',
    outcome: 'Outcome: delivered',
  },
} as const;

/** The Service's selector line, half edited: "app: my-" and nothing after it. */
const selectorLine = (page: Page) =>
  page.locator('.rl-editor .view-line', { hasText: /^\s+app:\s+my-$/ });

for (const locale of ['ja', 'en'] as const) {
  const w = words[locale];
  test(`${locale}: a learner’s journey from chapter 2 to a shared playground`, async ({
    playwright,
    browser,
  }, info) => {
    test.setTimeout(120_000);
    const { baseURL, launchOptions } = info.project.use;
    const profile = mkdtempSync(join(tmpdir(), 'routelab-learner-'));
    const launch = () =>
      playwright.chromium.launchPersistentContext(profile, {
        ...launchOptions,
        ...(baseURL ? { baseURL } : {}),
        serviceWorkers: 'block',
      });
    let context: BrowserContext | undefined;
    try {
      context = await launch();
      let page = context.pages()[0] ?? (await context.newPage());

      // Read chapter 2 down to its exercise, and follow the link.
      await page.goto(`${w.prefix}/chapters/why-service/`);
      await expect(page.locator('h1')).toContainText(w.chapter);
      const link = page.locator('.exercise-list a', { hasText: w.exercise });
      await link.scrollIntoViewIfNeeded();
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${w.prefix}/exercises/service-selector/$`));

      // Start, and get halfway through the fix: "app: my-ap" becomes "app: my-".
      await startExercise(page);
      const reaches = page.locator('li[data-check-id="reaches-my-app"]');
      await expect(reaches).toHaveAttribute('data-state', 'fail', { timeout: 20_000 });
      await caretAtEndOf(page, '    app: my-ap');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await expect(selectorLine(page)).toHaveCount(1);
      // The browser goes away mid-edit, without waiting for anything.
      await context.close();

      context = await launch();
      // Chromium may reopen the tabs it had (session restore): the learner's
      // is the one in front, the others are closed so none is a background
      // tab, which draws no frames.
      page = await context.newPage();
      for (const other of context.pages()) if (other !== page) await other.close();
      await page.bringToFront();
      await page.goto(`${w.prefix}/exercises/service-selector/`);
      await startExercise(page);
      // The caret goes to that line (Monaco draws only the lines in view): as it was left.
      await caretAtEndOf(page, '    app: my-ap');
      await expect(selectorLine(page)).toHaveCount(1);
      await page.keyboard.type('app');
      await expect(page.locator('.rl-summary')).toHaveText(w.allPassed, { timeout: 15_000 });

      // Progress: on the progress page and as a badge in the chapter.
      await page.goto(`${w.prefix}/progress/`);
      await expect(page.locator('.rl-progress-count')).toHaveText(w.done);
      await page.goto(`${w.prefix}/chapters/why-service/`);
      await expect(page.locator('[data-badge-for="service-selector"]')).toBeVisible();

      // The chapter's scenario in the playground, then a link to it.
      const open = page.locator('.rl-open-playground').first();
      await open.scrollIntoViewIfNeeded();
      await open.click();
      await expect(page.locator('.rl-pg-message')).toHaveText(w.restored, { timeout: 20_000 });
      const outcome = page.locator('.rl-pg-outcome');
      await expect(outcome).toContainText(w.outcome);
      await page.locator('button[data-action="share"]').click();
      // Made asynchronously (deflate): read once it is there.
      await expect(page.locator('.rl-pg-share input')).toHaveValue(/#s=/, { timeout: 20_000 });
      const shared = await page.locator('.rl-pg-share input').inputValue();
      const seen = await outcome.textContent();

      const fresh = await browser.newContext();
      const other = await fresh.newPage();
      await other.goto(shared.replace(/^https?:\/\/[^/]+/, ''));
      await expect(other.locator('.rl-pg-message')).toHaveText(w.restored, { timeout: 20_000 });
      await expect(other.locator('.rl-pg-outcome')).toHaveText(seen ?? '');
      await fresh.close();
    } finally {
      await context?.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
}
