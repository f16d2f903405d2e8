// The README's quick start, `npm run dev`, gives the same editor as the built
// site: the YAML worker runs (vite serves a worker's imports unbundled in dev,
// and a CommonJS one killed it with "module is not defined"), so the schema
// marks an unknown field. This spec starts its own `astro dev` on another port.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const root = join(import.meta.dirname, '..', '..');
const port = 4339;
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = spawn(
    process.execPath,
    [
      join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'),
      'dev',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    { cwd: root, stdio: 'ignore' },
  );
  await expect(async () => {
    const response = await fetch(`${base}/`);
    expect(response.ok).toBe(true);
  }).toPass({ timeout: 110_000, intervals: [500] });
});

test.afterAll(() => {
  server?.kill();
});

test('under astro dev the YAML worker checks the schema', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/en/exercises/nodeport-expose/`, { timeout: 90_000 });
  await page.locator('.rl-static').first().click();
  await expect(page.locator('.rl-editor .monaco-editor')).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('.rl-summary')).toHaveText(/\d/, { timeout: 60_000 });
  await page.locator('.rl-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('bogusField: 1');
  await expect(
    page.locator('.rl-editor .squiggly-error, .rl-editor .squiggly-warning').first(),
  ).toBeVisible({ timeout: 30_000 });
  // yaml-language-server's words: the schema, not the engine, found it. The
  // engine refuses the same key (kube-apiserver's strict decoding error), so
  // F8 goes from one marker to the next until it shows the schema's.
  await expect(async () => {
    await page.keyboard.press('F8');
    await expect(page.locator('.marker-widget')).toContainText(
      'Property bogusField is not allowed',
      { timeout: 1_000 },
    );
  }).toPass({ timeout: 20_000 });
  expect(errors).toEqual([]);
});
