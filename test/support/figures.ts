// A chapter's figures as a learner gets them: each scrolled into view and
// every view drawn (the drawing, not the box the page reserves for it).
import { expect, type Page } from '@playwright/test';

export async function drawFigures(page: Page) {
  const figures = page.locator('figure.rl-scenario');
  for (let i = 0; i < (await figures.count()); i++) {
    const figure = figures.nth(i);
    await figure.scrollIntoViewIfNeeded();
    const views = figure.locator('[data-view]');
    for (let v = 0; v < (await views.count()); v++)
      await expect(views.nth(v).locator('svg[role="group"]').first()).toBeVisible();
  }
}
