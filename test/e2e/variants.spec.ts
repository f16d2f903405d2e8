// Seeded variants (issue 19), as a learner and an instructor meet them: the
// learner gives a name on the progress page; the exercise page then shows the
// variant that name gives (its task, starter and checks) and grades the
// learner's text against it; the exported progress file records the seed,
// and the instructor's gradebook grades the answer against the same variant.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { gradeCourse, readBundle } from '../../src/cli/gradebook.ts';
import {
  exerciseVariant,
  seedOf,
  variantCount,
  variantIndex,
} from '../../src/course/exercises/variants.ts';
import { readExercise } from '../../src/course/read.ts';
import { caretAtEndOf, startExercise } from '../support/exercise-page.ts';

const written = readExercise('service-selector');
const count = variantCount(written);
/** A learner whose service-selector is variant 1 (its selector typo is "shp"). */
const learner = Array.from({ length: 100 }, (_, i) => `Learner ${i}`).find(
  (n) => variantIndex(seedOf(n), written.id, count) === 1,
) as string;
const theirs = exerciseVariant(written, 1);

async function giveName(page: Page, prefix: string) {
  await page.goto(`${prefix}/progress/`);
  const field = page.locator('input[name="learner"]');
  await field.fill(learner);
  await field.press('Tab');
}

test('a named learner gets their variant, fixes it, and the gradebook grades that variant', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  await giveName(page, '/en');
  await page.goto('/en/exercises/service-selector/');
  // The learner's task and starter, and the note saying whose version it is.
  await expect(page.locator('.rl-task:visible')).toHaveText(theirs.task.en.replaceAll('`', ''));
  await expect(page.locator('.rl-task:visible')).toHaveCount(1);
  await expect(page.locator('.rl-variant')).toHaveText(
    `Version 2 of ${count}, for “${learner}”. The name or id is set on the progress page.`,
  );
  await expect(page.locator('.rl-static [data-variant="1"]')).toBeVisible();
  await expect(page.locator('.rl-static [data-variant="0"]')).toBeHidden();
  const reaches = page.locator('li[data-check-id="reaches-my-app"]');
  const title = theirs.checks.find((c) => c.id === 'reaches-my-app')?.title.en ?? '';
  await expect(reaches.locator('.rl-check-title')).toHaveText(title);

  // The editor opens on the variant's starter, and its checks grade the variant.
  await startExercise(page);
  await expect(reaches).toHaveAttribute('data-state', 'fail', { timeout: 20_000 });
  await expect(reaches.locator('.rl-message')).toContainText('app=shp');
  await caretAtEndOf(page, '    app: shp', theirs.starter);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('o');
  await expect(page.locator('.rl-summary')).toHaveText('Every check passes', { timeout: 15_000 });

  // The exported file records the seed; the gradebook grades against the learner's variant.
  await page.goto('/en/progress/');
  const download = page.waitForEvent('download');
  await page.locator('button[data-action="export"]').click();
  const path = join(info.outputDir, 'progress.json');
  await (await download).saveAs(path);
  const file = JSON.parse(readFileSync(path, 'utf8'));
  expect(file).toMatchObject({ learner, seed: seedOf(learner) });
  const [row] = await gradeCourse([readBundle(path)], { locale: 'en', timeoutMs: 20_000 }, [
    written,
  ]);
  expect(row?.exercises['service-selector']).toMatchObject({
    answered: true,
    variant: 1,
    score: written.checks.length,
  });
});

test('in Japanese too; without a name, the exercise as written', async ({ page }) => {
  await page.goto('/exercises/service-selector/');
  await expect(page.locator('.rl-task:visible')).toHaveText(written.task.ja.replaceAll('`', ''));
  await expect(page.locator('.rl-variant')).toBeHidden();
  await giveName(page, '');
  await page.goto('/exercises/service-selector/');
  await expect(page.locator('.rl-task:visible')).toHaveText(theirs.task.ja.replaceAll('`', ''));
  await expect(page.locator('.rl-variant')).toContainText(`「${learner}」さん向けの版 2`);
});

test('the site search finds the exercise as written, not the other variants’ words', async ({
  page,
}) => {
  await page.goto('/en/');
  // Pagefind's own API, as its search box calls it: every result, not the first few drawn.
  const found = (term: string) =>
    page.evaluate(async (t) => {
      const url = '/pagefind/pagefind.js';
      const pagefind = await import(/* @vite-ignore */ url);
      const { results } = await pagefind.search(t);
      const data = await Promise.all(
        results.map((r: { data(): Promise<{ url: string }> }) => r.data()),
      );
      return data.map((d) => d.url);
    }, term);
  // "my-ap", the starter's typo as written, finds the exercise; "blg", variant
  // 2's, does not (Pagefind's fuzzy matching may find other pages for it).
  expect(await found('my-ap')).toContain('/en/exercises/service-selector/');
  expect(await found('blg')).not.toContain('/en/exercises/service-selector/');
});
