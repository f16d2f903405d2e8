// axe-core on every kind of page, in both locales and both themes, with the
// dynamic parts (editor, diagrams, results) drawn: no violations at all.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { startExercise } from '../support/exercise-page.ts';

const pages: [string, string | null][] = [
  ['/', null],
  ['/chapters/architecture/', '.rl-arch-svg'],
  ['/chapters/nodeport/', '.rl-rules-svg'],
  ['/chapters/why-service/', '.rl-spread-svg'],
  ['/exercises/service-selector/', '.rl-topology-svg'],
  ['/playground/', '.rl-arch-svg'],
  ['/progress/', null],
  ['/instructor/', null],
];

async function drawn(page: Page, selector: string | null) {
  if (!selector) return;
  const figure = page.locator('figure.rl-scenario');
  if (await figure.count()) await figure.first().scrollIntoViewIfNeeded();
  if (await page.locator('.rl-static').count()) await startExercise(page);
  await expect(page.locator(selector).first()).toBeVisible({ timeout: 20_000 });
  // Let the route's fade-in finish: axe measures contrast of what is on screen.
  await page.waitForTimeout(1500);
}

for (const theme of ['light', 'dark'] as const)
  for (const prefix of ['', '/en'])
    test(`${theme} ${prefix || '/ja'}: no accessibility violations on any page kind`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      const found: string[] = [];
      for (const [path, selector] of pages) {
        await page.goto(`${prefix}${path}`);
        await drawn(page, selector);
        const results = await new AxeBuilder({ page }).analyze();
        for (const v of results.violations)
          found.push(
            `${path} ${v.id} (${v.impact}): ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
          );
      }
      expect(found).toEqual([]);
    });
