// How a learner starts an exercise that a page opens on: a click on the
// highlighted starter, which loads the editor and puts the caret in it.
import type { Page } from '@playwright/test';

export async function startExercise(page: Page) {
  await page.locator('.rl-static').first().click();
  // Monaco's first start takes seconds of two cores shared with the other tests.
  const editor = page.locator('.rl-editor .monaco-editor');
  await editor.waitFor({ state: 'visible', timeout: 40_000 }).catch(() => {});
  if (await editor.isVisible()) return;
  // What the page said and was, for the log: a run on CI once waited here in vain.
  const state = await page.evaluate(() => ({
    status: document.querySelector('.rl-status')?.textContent ?? null,
    visibility: document.visibilityState,
    staticShown: !document.querySelector<HTMLElement>('.rl-static')?.hidden,
  }));
  throw new Error(`the editor did not load after a click on the starter: ${JSON.stringify(state)}`);
}
