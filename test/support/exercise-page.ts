// How a learner starts an exercise that a page opens on: a click on the
// highlighted starter, which loads the editor and puts the caret in it.
import { expect, type Page } from '@playwright/test';

export async function startExercise(page: Page) {
  await page.locator('.rl-static').first().click();
  // Monaco's first start takes seconds of two cores shared with the other tests.
  await expect(page.locator('.rl-editor .monaco-editor')).toBeVisible({ timeout: 40_000 });
}
