// The chapters' diagrams where a class meets them: on a 360 px phone and on
// a projector (1280×720). Text is drawn no smaller than 12 px (a diagram too
// wide scrolls in its own box, never the page).
import { expect, type Page, test } from '@playwright/test';
import { chapterSlugs } from '../support/course.ts';

/** The smallest text in the chapter's diagrams, in CSS pixels as drawn. */
async function smallestText(page: Page): Promise<{ px: number; where: string }> {
  return page.evaluate(() => {
    let smallest = { px: Number.POSITIVE_INFINITY, where: '' };
    for (const svg of document.querySelectorAll<SVGSVGElement>('figure.rl-scenario svg')) {
      const box = svg.viewBox.baseVal;
      if (!box || box.width === 0) continue;
      const scale = svg.getBoundingClientRect().width / box.width;
      for (const text of svg.querySelectorAll('text')) {
        if (!text.textContent?.trim()) continue;
        const px = Number.parseFloat(getComputedStyle(text).fontSize) * scale;
        if (px < smallest.px)
          smallest = { px, where: `${svg.getAttribute('class')}: ${text.textContent}` };
      }
    }
    return smallest;
  });
}

for (const [screen, viewport, minimum] of [
  ['a 360 px phone', { width: 360, height: 740 }, 12],
  ['a projector', { width: 1280, height: 720 }, 12],
] as const)
  test(`on ${screen}, diagram text is at least ${minimum} px and the page never scrolls sideways`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const found: string[] = [];
    for (const prefix of ['', '/en'])
      for (const slug of chapterSlugs) {
        const response = await page.goto(`${prefix}/${slug}/`);
        expect(response?.status(), slug).toBe(200);
        const figures = page.locator('figure.rl-scenario');
        expect(await figures.count(), slug).toBeGreaterThan(0);
        for (let i = 0; i < (await figures.count()); i++) {
          await figures.nth(i).scrollIntoViewIfNeeded();
          await expect(figures.nth(i).locator('svg[role="group"]').first()).toBeVisible();
        }
        const { px, where } = await smallestText(page);
        expect(Number.isFinite(px), `${slug}: no diagram text was measured`).toBe(true);
        if (px < minimum - 0.01) found.push(`${prefix}/${slug}: ${px.toFixed(1)} px (${where})`);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        if (overflow > 0)
          found.push(`${prefix}/${slug}: the page scrolls sideways by ${overflow}px`);
      }
    expect(found).toEqual([]);
    await context.close();
  });
