// How a learner starts an exercise that a page opens on: a click on the
// highlighted starter, which loads the editor and puts the caret in it.
import { expect, type Page } from '@playwright/test';

export async function startExercise(page: Page) {
  // Monaco's first start takes seconds of two cores shared with the other tests.
  const editor = page.locator('.rl-editor .monaco-editor');
  // The editor may start by itself as the click is on its way (the starter in
  // view, work saved before a reload) and cover the starter: either way ends it.
  await Promise.race([
    page
      .locator('.rl-static')
      .first()
      .click({ timeout: 10_000 })
      .catch(() => {}),
    editor.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {}),
  ]);
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

/** The caret on that line of the editor (Monaco draws only the lines in view, so by keys). */
export async function goToLine(page: Page, line: number) {
  await page.locator('.rl-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
}

/**
 * The caret at the end of the line of `starter` (by default the page's, as
 * written) that reads `text`.
 */
export async function caretAtEndOf(page: Page, text: string, starter?: string) {
  const data = await page.locator('.rl-exercise').getAttribute('data-exercise');
  const lines = (starter ?? (JSON.parse(data ?? '{}').starter as string)).split('\n');
  const line = lines.indexOf(text) + 1;
  expect(line, text).toBeGreaterThan(0);
  await goToLine(page, line);
  await page.keyboard.press('End');
}
