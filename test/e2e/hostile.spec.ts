// Hostile text pasted into an exercise: each gets a clear diagnostic from the
// engine (in its worker), and the page answers the learner meanwhile.
import { expect, test } from '@playwright/test';
import { startExercise } from '../support/exercise-page.ts';

const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (let i = 1; i < 9; i++) {
  const [name, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
  laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
}

const inputs: [string, string, string][] = [
  ['an alias bomb', laughs.join('\n'), 'expand to more than 200000 values'],
  [
    '10,000 documents',
    Array.from({ length: 10_000 }, (_, i) => `kind: Namespace\nmetadata: {name: n${i}}`).join(
      '\n---\n',
    ),
    'at most 5000 are read',
  ],
  ['a 2 MB file', `a: "${'x'.repeat(2 * 1024 * 1024)}"`, 'larger than 1 MiB are not read'],
  [
    '50 levels of nesting',
    `a:\n${Array.from({ length: 50 }, (_, i) => `${'  '.repeat(i + 1)}b:`).join('\n')} 1`,
    'nesting exceeded maxDepth (40)',
  ],
];

test('hostile text gets a clear diagnostic and the page keeps answering', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/en/exercises/service-selector/');
  await startExercise(page);
  const valid = page.locator('li[data-check-id="valid"]');
  await expect(valid).toHaveAttribute('data-state', 'pass', { timeout: 20_000 });
  const hints = page.locator('.rl-hints li');
  for (const [name, text, message] of inputs) {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.locator('.rl-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('ControlOrMeta+v');
    await expect(valid.locator('.rl-message'), name).toContainText(message, { timeout: 20_000 });
    await expect(valid).toHaveAttribute('data-state', 'fail');
    // The page still answers: a hint comes when asked.
    const before = await hints.count();
    await page.locator('button[data-action="hint"]').click();
    await expect(hints, name).toHaveCount(Math.min(before + 1, 3));
  }
  // And the learner's way back: undo brings the starter's last state.
  await page.locator('.rl-editor .view-lines').click();
  for (let i = 0; i < inputs.length; i++) await page.keyboard.press('ControlOrMeta+z');
  await expect(valid).toHaveAttribute('data-state', 'pass', { timeout: 20_000 });
  expect(errors).toEqual([]);
});
