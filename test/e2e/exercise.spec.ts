// An exercise as a learner does it, in Chromium: the editor loads, the
// schema and the engine both speak, real keystrokes fix the manifest, checks
// turn green, a reload keeps the text and the progress, and the downloaded
// answer passes `routelab grade`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { caretAtEndOf, goToLine, startExercise } from '../support/exercise-page.ts';

const root = join(import.meta.dirname, '..', '..');

function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function openEditor(page: Page, path: string) {
  await page.goto(path);
  await startExercise(page);
  const editor = page.locator('.rl-editor .monaco-editor');
  // The engine's first grade has arrived when the summary names a count.
  await expect(page.locator('.rl-summary')).toContainText(
    /checks pass|件のチェックに合格|Every check/,
  );
  return editor;
}

test('fix a Service selector with keystrokes; the checks turn green and stay after a reload', async ({
  page,
}) => {
  const errors = errorsOf(page);
  await openEditor(page, '/en/exercises/service-selector/');
  const reaches = page.locator('li[data-check-id="reaches-my-app"]');
  await expect(reaches).toHaveAttribute('data-state', 'fail');
  await expect(reaches.locator('.rl-message')).toContainText('selects app=my-ap, but no Pod');
  // The trace of the failing request is listed hop by hop.
  await expect(page.locator('.rl-trace li').first()).toContainText('http://my-service/');

  // The starter's line "    app: my-ap" (the Service's selector): add the missing "p".
  await caretAtEndOf(page, '    app: my-ap');
  await page.keyboard.type('p');
  await expect(reaches).toHaveAttribute('data-state', 'pass', { timeout: 10_000 });
  await expect(page.locator('.rl-summary')).toHaveText('Every check passes');
  // A passing check's route is drawn too, on request: it now ends at a Pod.
  await reaches.locator('[data-route-check]').click();
  await expect(page.locator('.rl-trace-check')).toContainText(
    (await reaches.locator('.rl-check-title').textContent()) ?? '',
  );
  await expect(page.locator('.rl-route .rl-route-end')).toHaveAttribute(
    'aria-label',
    /^delivered: /,
  );

  await page.reload();
  await openEditor(page, '/en/exercises/service-selector/');
  await expect(page.locator('.rl-editor .view-lines')).toContainText('app: my-app');
  await expect(reaches).toHaveAttribute('data-state', 'pass');
  // The chapter's list shows the badge.
  await page.goto('/en/chapters/why-service/');
  await expect(page.locator('[data-badge-for="service-selector"]')).toBeVisible();

  // The downloaded answer passes the instructor's grader too.
  await openEditor(page, '/en/exercises/service-selector/');
  const download = page.waitForEvent('download');
  await page.locator('button[data-action="download"]').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('service-selector.yaml');
  const path = join(root, 'test-results', 'service-selector.yaml');
  await file.saveAs(path);
  const graded = spawnSync(
    process.execPath,
    [join(root, 'bin', 'routelab.mjs'), 'grade', 'service-selector', path],
    { encoding: 'utf8' },
  );
  expect(graded.stdout).toContain('PASS');
  expect(graded.status).toBe(0);
  expect(errors).toEqual([]);
});

test('the schema marks an unknown field and completes a known one', async ({ page }) => {
  await openEditor(page, '/en/exercises/nodeport-expose/');
  await goToLine(page, 1);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('bogusField: 1');
  // monaco-yaml's validation against /schema/kubernetes.json: F8 opens the problem.
  await expect(
    page.locator('.rl-editor .squiggly-error, .rl-editor .squiggly-warning').first(),
  ).toBeVisible({
    timeout: 15_000,
  });
  // Graded as it is typed, the line is a YAML syntax error until its colon: F8
  // again until the marker is the finished line's (the schema's, or
  // kube-apiserver's strict decoding error for the same key).
  // From the top each time: the refused Deployment also leaves my-service
  // without endpoints, a warning further down.
  await expect(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('F8');
    await expect(page.locator('.marker-widget')).toContainText('bogusField', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+z');

  // Completion inside a Service's spec offers its fields, from kubernetes-types.
  await page.keyboard.press('ControlOrMeta+End');
  // Inserted as text (no Enter key), so no suggestion or auto-indent interferes.
  await page.keyboard.insertText('\n---\napiVersion: v1\nkind: Service\nspec:\n  externalTr');
  // The YAML worker may still be reading the new text: ask again until it answers.
  await expect(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Space');
    await expect(page.locator('.suggest-widget')).toContainText('externalTrafficPolicy', {
      timeout: 2_000,
    });
  }).toPass({ timeout: 20_000 });
});

test('hints one at a time; the solution beside the text; reset can be undone (Japanese)', async ({
  page,
}) => {
  await openEditor(page, '/exercises/nodeport-expose/');
  const text = page.locator('.rl-editor .view-lines');
  await goToLine(page, 1);
  await page.keyboard.type('# mine\n');
  await page.locator('button[data-action="hint"]').click();
  await expect(page.locator('.rl-hints li')).toHaveCount(1);
  await page.locator('button[data-action="hint"]').click();
  await expect(page.locator('.rl-hints li')).toHaveCount(2);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.locator('button[data-action="solution"]').click();
  await expect(page.locator('.rl-solution pre')).toContainText('nodePort: 30080');
  // The solution against the learner's own text: theirs (with "# mine") on one
  // side, the solution on the other, the difference marked.
  const diff = page.locator('.rl-solution-diff .monaco-diff-editor');
  await expect(diff).toBeVisible({ timeout: 20_000 });
  await expect(diff.locator('.editor.original .view-lines')).toContainText('# mine');
  // (On a narrow column the diff is inline: theirs shows as removed lines inside the solution's side.)
  await expect(diff.locator('.editor.modified')).toContainText('apiVersion: apps/v1');
  // Lines of theirs the solution does not have ("# mine", the starter's comment) are marked removed.
  await expect(diff.locator('.line-delete, .char-delete').first()).toBeAttached();
  await expect(text).toContainText('# mine');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.locator('button[data-action="reset"]').click();
  await expect(text).not.toContainText('# mine');
  await page.locator('.rl-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(text).toContainText('# mine');
  await expect(page.locator('li[data-check-id="every-node"] .rl-message')).toContainText(
    'に送ると',
  );
});

test('the progress page imports and exports progress; instructor mode is remembered', async ({
  page,
}) => {
  await page.goto('/en/progress/');
  await expect(page.locator('.rl-progress-count')).toHaveText('0 of 19 exercises done');
  const file = {
    schema: 'routelab.dev/progress/v1',
    completed: { 'service-selector': '2026-11-25T00:00:00.000Z' },
    answers: { 'service-selector': '# brought from another browser\n' },
  };
  await page.locator('input[data-action="import"]').setInputFiles({
    name: 'routelab-progress.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(page.locator('.rl-progress-message')).toHaveText(
    'Imported 1 completed exercises, 1 answers this browser did not have, and 0 answers replaced by the file’s.',
  );
  await expect(page.locator('[data-progress-for="service-selector"]')).toHaveAttribute(
    'data-state',
    'done',
  );
  await expect(page.locator('.rl-progress-count')).toHaveText('1 of 19 exercises done');
  // A bar for the course and one per chapter: only the chapter holding the exercise moved.
  await expect(page.locator('.rl-progress-total progress')).toHaveJSProperty('value', 1);
  const chapter = page.locator('.rl-progress-chapter', {
    has: page.locator('[data-progress-for="service-selector"]'),
  });
  await expect(chapter.locator('progress')).toHaveJSProperty('value', 1);
  await expect(chapter.locator('.rl-progress-of')).toHaveText(/^1 of [1-9] exercises done$/);
  const moved = await page
    .locator('.rl-progress-chapter progress')
    .evaluateAll((bars) => bars.filter((b) => (b as HTMLProgressElement).value > 0).length);
  expect(moved).toBe(1);
  // A file that is not ours changes nothing.
  await page.locator('input[data-action="import"]').setInputFiles({
    name: 'x.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"completed": 1}'),
  });
  await expect(page.locator('.rl-progress-message')).toHaveText(
    'This is not a Routelab progress file. Nothing was imported.',
  );

  // The name the learner gives goes into the file, for the instructor's gradebook.
  await page.getByLabel('Your name or student id (when you hand it in)').fill('Aiko Sato');
  const download = page.waitForEvent('download');
  await page.locator('button[data-action="export"]').click();
  const exported = await download;
  const path = join(root, 'test-results', 'routelab-progress.json');
  await exported.saveAs(path);
  const data = JSON.parse(readFileSync(path, 'utf8'));
  expect(data.completed['service-selector']).toBe('2026-11-25T00:00:00.000Z');
  expect(data.learner).toBe('Aiko Sato');
  // Each answer travels with the time it was saved (a v1 file had none: the import's time).
  expect(data.answers['service-selector'].text).toBe('# brought from another browser\n');
  expect(Number.isNaN(Date.parse(data.answers['service-selector'].at))).toBe(false);

  // The imported answer is what the exercise opens with.
  await openEditor(page, '/en/exercises/service-selector/');
  await expect(page.locator('.rl-editor .view-lines')).toContainText(
    'brought from another browser',
  );

  await page.goto('/instructor/');
  const notes = page.locator('.rl-instructor-notes');
  await expect(notes).toBeHidden();
  await page.getByLabel('講師モード（解答と指導メモを表示）').check();
  await expect(notes).toBeVisible();
  await expect(notes.locator('#ingress-path-routing')).toContainText('other-path-reaches-default');
  await page.reload();
  await expect(page.locator('.rl-instructor-notes')).toBeVisible();
});

test('the v1beta1 Ingress is refused at its line and converted by a quick fix', async ({
  page,
}) => {
  await openEditor(page, '/en/exercises/ingress-migrate-v1beta1/');
  const valid = page.locator('li[data-check-id="valid"]');
  await expect(valid).toHaveAttribute('data-state', 'fail');
  await expect(valid.locator('.rl-message')).toContainText(
    'no matches for kind "Ingress" in version "networking.k8s.io/v1beta1"',
  );
  await page.locator('.rl-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  // F8 goes to the problem; its marker carries kube-apiserver's words.
  await page.keyboard.press('F8');
  await expect(page.locator('.marker-widget')).toContainText('networking.k8s.io/v1beta1');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+.');
  await expect(page.getByText('Convert to networking.k8s.io/v1')).toBeVisible({ timeout: 10_000 });
  await page.getByText('Convert to networking.k8s.io/v1').click();
  await expect(page.locator('.rl-editor .view-lines')).toContainText(
    'apiVersion: networking.k8s.io/v1',
  );
  await expect(valid).toHaveAttribute('data-state', 'pass', { timeout: 10_000 });
});

test('when the browser cannot store the text, the learner is told and can download it', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await openEditor(page, '/en/exercises/service-selector/');
  await page.locator('.rl-editor .view-lines').click();
  await page.keyboard.type('# typed');
  // Said where the work is, with the way to keep it (src/components/storage/ui.ts).
  const notice = page.locator('.rl-keep-failure');
  await expect(notice).toContainText('storage is full: your text cannot be saved');
  await expect(notice.getByRole('button', { name: 'Download' })).toBeVisible();
  await expect(page.locator('button[data-action="download"]')).toBeVisible();
});

test('the failing request is drawn as a route, hop by hop, each hop reachable by keyboard', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openEditor(page, '/en/exercises/service-selector/');
  const route = page.locator('.rl-route svg[role="group"]');
  await expect(route).toBeVisible();
  const hops = await page.locator('.rl-trace ol li').count();
  // The list has the request line and the reason around the hops.
  await expect(route.locator('.rl-step')).toHaveCount(hops - 2);
  await expect(route.locator('.rl-route-end')).toHaveAttribute('aria-label', /^refused: /);
  // Reduced motion: everything is there at once, nothing fades in.
  expect(
    await route
      .locator('.rl-step, .rl-route-end')
      .evaluateAll((els) =>
        els.filter((e) => e.getAnimations().length > 0 || getComputedStyle(e).opacity !== '1'),
      ),
  ).toHaveLength(0);
  await route.locator('.rl-step').first().focus();
  await expect(route.locator('.rl-step').first()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(route.locator('.rl-step').nth(1)).toBeFocused();
});

test('the learner’s cluster is drawn, and the failing route is highlighted in it', async ({
  page,
}) => {
  await openEditor(page, '/en/exercises/troubleshoot-routing/');
  const cluster = page.locator('.rl-topology svg[role="group"]');
  await expect(cluster).toHaveAttribute(
    'aria-label',
    /^Your cluster: 3 nodes, \d+ Pods, \d+ Services$/,
  );
  // The exercise's cluster: node-2's kube-proxy is stopped, one my-app Pod is not ready.
  await expect(cluster.locator('.rl-topo-node.degraded')).toHaveCount(1);
  await expect(cluster.locator('.rl-topo-node.degraded')).toHaveAttribute(
    'aria-label',
    /^Node node-2 .*kube-proxy Stopped/,
  );
  await expect(cluster.locator('.rl-topo-pod.not-ready')).toHaveCount(1);
  await expect(cluster.locator('.rl-topo-service.on-route')).toHaveAttribute(
    'aria-label',
    /^Service my-service \(NodePort\)/,
  );
  await expect(cluster.locator('.rl-topo-node.on-route').first()).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('an exercise page is its task and the highlighted starter, promising no editor', async ({
    page,
  }) => {
    await page.goto('/en/exercises/service-selector/');
    // The exercise as written: its seeded variants are in the page, hidden.
    await expect(page.locator('.rl-task:visible')).toHaveCount(1);
    await expect(page.locator('.rl-task:visible')).toContainText('my-service');
    await expect(page.locator('.rl-static [data-variant]:visible')).toHaveCount(1);
    await expect(page.locator('.rl-static [data-variant]:visible')).toContainText('app: my-ap');
    await expect(page.locator('.rl-status')).toBeHidden();
    await expect(page.locator('.rl-toolbar')).toBeHidden();
  });
});
