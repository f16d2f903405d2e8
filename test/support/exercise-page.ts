// How a learner starts an exercise that a page opens on: a click on the
// highlighted starter, which loads the editor and puts the caret in it.
import { expect, type Page } from '@playwright/test';

export async function startExercise(page: Page) {
  await page.locator('.rl-static').first().click();
  await expect(page.locator('.rl-editor .monaco-editor')).toBeVisible({ timeout: 20_000 });
}
