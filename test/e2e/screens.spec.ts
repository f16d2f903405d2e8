// The site where a learner looks: on a phone (390×844, touch, 3× pixels) and
// on a 1280×800 laptop, in both locales, after the slow parts have come —
// the editor started and graded with a failing route drawn, every chapter's
// figures drawn, the playground after a request. The page is never wider than
// the device: with mobile emulation innerWidth grows to fit wide content, so
// scrollWidth is compared with screen.width. Screenshots of each kind of page
// (both sizes, both themes, both locales) go to test-results/screens/ for a
// person to look at. No drawn label lies over another, on any of these pages.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContextOptions,
  expect,
  type Page,
  test,
} from '@playwright/test';
import { chapterSlugs, exerciseFolders } from '../support/course.ts';
import { drawFigures } from '../support/figures.ts';

const screensDir = join(import.meta.dirname, '..', '..', 'test-results', 'screens');

const sizes = {
  phone: {
    viewport: { width: 390, height: 844 },
    screen: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 3,
  },
  laptop: { viewport: { width: 1280, height: 800 }, screen: { width: 1280, height: 800 } },
} satisfies Record<string, BrowserContextOptions>;
type Size = keyof typeof sizes;
const locales = [
  ['ja', ''],
  ['en', '/en'],
] as const;

/**
 * A key press starts the editor of the exercise in view (a tap would too, but
 * on a phone the scroll before the tap may start it first).
 */
async function openEditor(page: Page) {
  await page.keyboard.press('Shift');
  await expect(page.locator('.rl-editor .monaco-editor')).toBeVisible({ timeout: 20_000 });
}

async function contextFor(browser: Browser, size: Size) {
  // Reduced motion: the drawings are complete as soon as they are in the page.
  const context = await browser.newContext({ ...sizes[size], reducedMotion: 'reduce' });
  return { context, page: await context.newPage() };
}

async function widthProblem(page: Page, what: string): Promise<string | null> {
  const { scroll, screen } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    screen: window.screen.width,
  }));
  return scroll > screen ? `${what}: ${scroll} px wide on a ${screen} px screen` : null;
}

/**
 * Route, rules and cluster drawings that scroll sideways in their box, or
 * whose words run past the drawing's edge: a route takes its one-lane form
 * where lanes do not fit, the rules graph and the cluster their one-column form.
 */
async function routeProblems(page: Page, what: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll(
      'svg.rl-route-svg, svg.rl-rules-svg, svg.rl-topology-svg',
    )) {
      const box = svg.parentElement;
      if (!box || box.clientWidth === 0) continue;
      if (box.scrollWidth > box.clientWidth + 1)
        out.push(
          `${svg.getAttribute('class')} scrolls: ${box.scrollWidth} px in ${box.clientWidth} px`,
        );
      const edge = svg.getBoundingClientRect();
      for (const text of svg.querySelectorAll('text')) {
        const r = text.getBoundingClientRect();
        if (r.width > 0 && (r.left < edge.left - 1 || r.right > edge.right + 1))
          out.push(`${svg.getAttribute('class')} text past the edge: "${text.textContent}"`);
      }
    }
    return out;
  });
  return found.map((f) => `${what}: ${f}`);
}

/** Pairs of drawn labels (SVG text) whose boxes overlap by more than a pixel each way. */
async function overlappingLabels(page: Page, what: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll('svg[role="group"]')) {
      const boxes = [...svg.querySelectorAll('text')]
        .filter((t) => t.textContent?.trim() && t.getClientRects().length > 0)
        .map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }));
      for (let a = 0; a < boxes.length; a++)
        for (let b = a + 1; b < boxes.length; b++) {
          const [p, q] = [boxes[a], boxes[b]];
          if (!p || !q) continue;
          const w = Math.min(p.box.right, q.box.right) - Math.max(p.box.left, q.box.left);
          const h = Math.min(p.box.bottom, q.box.bottom) - Math.max(p.box.top, q.box.top);
          if (w > 1 && h > 1)
            out.push(`${svg.getAttribute('class')}: "${p.text}" over "${q.text}"`);
        }
    }
    return out;
  });
  return found.map((f) => `${what}: ${f}`);
}

/** Dark then light, as Starlight's theme switch does it; the view stays where it is. */
async function shoot(page: Page, name: string) {
  mkdirSync(screensDir, { recursive: true });
  for (const theme of ['dark', 'light']) {
    await page.evaluate((t) => {
      document.documentElement.dataset.theme = t;
    }, theme);
    await page.screenshot({ path: join(screensDir, `${name}-${theme}.png`), scale: 'css' });
  }
  await page.evaluate(() => {
    document.documentElement.dataset.theme = 'dark';
  });
}

for (const size of Object.keys(sizes) as Size[])
  for (const [locale, prefix] of locales) {
    test.describe(`${size}, ${locale}`, () => {
      test('every exercise, graded with its failing route, fits the screen; no label over another', async ({
        browser,
      }) => {
        // Fourteen editor starts, 3–20 s each on two cores shared with other tests.
        test.setTimeout(300_000);
        const { context, page } = await contextFor(browser, size);
        const problems: string[] = [];
        for (const id of exerciseFolders()) {
          await page.goto(`${prefix}/exercises/${id}/`);
          await openEditor(page);
          await expect(page.locator('.rl-summary')).toHaveText(/\d/);
          await expect(page.locator('.rl-results li[data-state="fail"]').first()).toBeVisible();
          // A request the starter cannot even send (no Service exposes the
          // controller yet) has no route to draw; every other one does.
          if (await page.locator('.rl-route-button:not([hidden])').count()) {
            await expect(page.locator('.rl-trace .rl-route svg')).toBeVisible();
            await expect(page.locator('.rl-cluster .rl-topology svg')).toBeVisible();
          }
          const problem = await widthProblem(page, id);
          if (problem) problems.push(problem);
          problems.push(...(await overlappingLabels(page, id)));
          problems.push(...(await routeProblems(page, id)));
          if (id === 'ingress-path-routing') {
            await page.locator('.rl-panes').evaluate((el) => el.scrollIntoView());
            await shoot(page, `exercise-${size}-${locale}`);
          }
        }
        expect(problems).toEqual([]);
        await context.close();
      });

      test('every chapter, its figures drawn, fits the screen; no label over another', async ({
        browser,
      }) => {
        test.setTimeout(180_000);
        const { context, page } = await contextFor(browser, size);
        const problems: string[] = [];
        for (const slug of chapterSlugs) {
          await page.goto(`${prefix}/${slug}/`);
          await drawFigures(page);
          const problem = await widthProblem(page, slug);
          if (problem) problems.push(problem);
          problems.push(...(await overlappingLabels(page, slug)));
          problems.push(...(await routeProblems(page, slug)));
          if (slug === 'chapters/nodeport') {
            await page.locator('figure.rl-scenario').first().scrollIntoViewIfNeeded();
            await shoot(page, `chapter-${size}-${locale}`);
          }
        }
        expect(problems).toEqual([]);
        await context.close();
      });

      test('home, playground after a request, and progress fit the screen', async ({ browser }) => {
        test.setTimeout(90_000);
        const { context, page } = await contextFor(browser, size);
        const problems: string[] = [];
        await page.goto(`${prefix}/`);
        problems.push((await widthProblem(page, 'home')) ?? '');
        await shoot(page, `home-${size}-${locale}`);

        await page.goto(`${prefix}/playground/`);
        await expect(page.locator('.rl-playground .monaco-editor')).toBeVisible({
          timeout: 20_000,
        });
        await expect(page.locator('.rl-pg-outcome')).toHaveAttribute('data-outcome', /\w/);
        problems.push((await widthProblem(page, 'playground')) ?? '');
        problems.push(...(await overlappingLabels(page, 'playground')));
        await page.locator('.rl-pg-outcome').scrollIntoViewIfNeeded();
        await shoot(page, `playground-${size}-${locale}`);

        await page.goto(`${prefix}/progress/`);
        problems.push((await widthProblem(page, 'progress')) ?? '');
        await shoot(page, `progress-${size}-${locale}`);
        expect(problems.filter(Boolean)).toEqual([]);
        await context.close();
      });
    });
  }
