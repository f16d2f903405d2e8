// Import that tells the truth, on the progress page: a file too large is
// refused before it is read; answers this browser lacks are filled in; where
// this browser and the file differ the learner sees both dates and chooses;
// unknown exercises and prototype keys are refused by name; the message
// counts what was done. The playground travels in the file too.
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { startExercise } from '../support/exercise-page.ts';

const schema = 'routelab.dev/progress/v2';
const message = (page: Page) => page.locator('.rl-progress-message');

async function importFile(page: Page, content: string | Buffer) {
  await page.locator('input[data-action="import"]').setInputFiles({
    name: 'routelab-progress.json',
    mimeType: 'application/json',
    buffer: typeof content === 'string' ? Buffer.from(content) : content,
  });
}

test('newer, older and junk: the learner chooses, the message counts, junk is named', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto('/en/progress/');
  // This browser's answers, as another browser's file would bring them.
  await importFile(
    page,
    JSON.stringify({
      schema,
      completed: {},
      answers: {
        'service-selector': { text: '# browser, 1 Nov\n', at: '2026-11-01T00:00:00.000Z' },
        'nodeport-expose': { text: '# browser, 20 Nov\n', at: '2026-11-20T00:00:00.000Z' },
      },
    }),
  );
  await expect(message(page)).toHaveText(
    'Imported 0 completed exercises, 2 answers this browser did not have, and 0 answers replaced by the file’s.',
  );

  // A file made with JSON.parse's own keys: __proto__ is an own key of the parsed object.
  await importFile(
    page,
    `{"schema":"${schema}",
      "completed":{"service-selector":"2026-11-10T00:00:00.000Z","no-such-exercise":"2026-11-10T00:00:00.000Z","__proto__":"x","constructor":"2026-11-10T00:00:00.000Z"},
      "answers":{
        "service-selector":{"text":"# file, 10 Nov\\n","at":"2026-11-10T00:00:00.000Z"},
        "nodeport-expose":{"text":"# file, 10 Nov\\n","at":"2026-11-10T00:00:00.000Z"},
        "prototype":{"text":"x","at":"2026-11-10T00:00:00.000Z"}}}`,
  );
  const form = page.locator('.rl-import-choices');
  await expect(form).toBeVisible();
  await expect(form.locator('legend')).toBeFocused();
  await expect(form.locator('tbody tr')).toHaveCount(2);
  const selector = form.locator('tbody tr', { hasText: 'Fix a Service that reaches no Pod' });
  await expect(selector.locator('td').nth(1)).toContainText('(newer)');
  // Nothing is written before the learner applies: the count is still zero.
  await expect(page.locator('.rl-progress-count')).toHaveText('0 of 19 exercises done');
  // The newer one is chosen to begin with: the file's here, this browser's for the other.
  await expect(selector.getByRole('radio', { name: 'The file’s' })).toBeChecked();
  const nodeport = form.locator('tbody tr').filter({ hasNotText: 'Fix a Service' });
  await expect(nodeport.getByRole('radio', { name: 'This browser’s' })).toBeChecked();
  await form.getByRole('button', { name: 'Import with these choices' }).click();
  await expect(form).toBeHidden();
  await expect(message(page)).toHaveText(
    [
      'Imported 1 completed exercises, 0 answers this browser did not have, and 1 answers replaced by the file’s.',
      'Each replaced answer is under “Earlier versions” on its exercise.',
      'Kept 1 of this browser’s answers.',
      'Refused 1 unknown exercise ids (no-such-exercise).',
      'Refused 3 forbidden keys (__proto__, constructor, prototype).',
    ].join(' '),
  );
  await expect(page.locator('.rl-progress-count')).toHaveText('1 of 19 exercises done');

  // The replaced answer opens as the file's; this browser's is in the earlier versions.
  await page.goto('/en/exercises/service-selector/');
  await startExercise(page);
  await expect(page.locator('.rl-editor .view-lines')).toContainText('# file, 10 Nov');
  await page.getByRole('button', { name: 'Earlier versions (1)' }).click();
  await expect(page.locator('.rl-keep-history li')).toContainText('Before a progress import');
  await expect(page.locator('.rl-keep-history li pre')).toContainText('# browser, 1 Nov');
  await page.goto('/en/exercises/nodeport-expose/');
  await startExercise(page);
  await expect(page.locator('.rl-editor .view-lines')).toContainText('# browser, 20 Nov');
  expect(problems).toEqual([]);
});

test('a cancelled choice changes nothing; a file over 2 MB is refused before it is read', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto('/progress/');
  const answer = (text: string, at: string) => ({
    schema,
    completed: {},
    answers: { 'service-selector': { text, at } },
  });
  await importFile(page, JSON.stringify(answer('# ここ\n', '2026-11-01T00:00:00.000Z')));
  await importFile(page, JSON.stringify(answer('# ファイル\n', '2026-11-02T00:00:00.000Z')));
  await expect(page.locator('.rl-import-choices th').first()).toHaveText('演習');
  await page.getByRole('button', { name: '読み込みをやめる' }).click();
  await expect(message(page)).toHaveText('読み込みをやめました。何も変わっていません。');
  // The size is checked on the File, before reading: a huge file is never parsed.
  await importFile(page, Buffer.alloc(2 * 1024 * 1024 + 1, 0x20));
  await expect(message(page)).toHaveText(
    'ファイルが大きすぎます（上限 2 MB）。何も読み込んでいません。',
  );
  await page.goto('/exercises/service-selector/');
  await startExercise(page);
  await expect(page.locator('.rl-editor .view-lines')).toContainText('# ここ');
});

test('the playground is exported with the progress and imported into a fresh browser', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await page.goto('/en/playground/');
  await expect(page.locator('.rl-playground .monaco-editor')).toBeVisible({ timeout: 20_000 });
  await page.locator('input[name="to"]').fill('http://exported.example/');
  await page.goto('/en/progress/');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('button[data-action="export"]').click(),
  ]);
  const file = readFileSync((await download.path()) ?? '', 'utf8');
  const data = JSON.parse(file);
  expect(data.playground.state.to).toBe('http://exported.example/');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/en/progress/');
  await importFile(other, file);
  await expect(other.locator('.rl-progress-message')).toContainText(
    '1 answers this browser did not have',
  );
  await other.goto('/en/playground/');
  await expect(other.locator('.rl-playground .monaco-editor')).toBeVisible({ timeout: 20_000 });
  await expect(other.locator('input[name="to"]')).toHaveValue('http://exported.example/');
  await fresh.close();
});
