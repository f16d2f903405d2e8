// Page weight, checked on the built site: what each kind of page makes the
// browser run at once (gzip), and what it loads only on demand. Budgets sit a
// little above the figures measured when they were written (in comments), so
// growth is a decision, not an accident.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startExercise } from '../support/exercise-page.ts';
import { moduleWeight, pageWeight } from '../support/page-weight.ts';

const dist = join(import.meta.dirname, '..', '..', 'dist');
const KB = 1024;
const chunks = readdirSync(join(dist, '_astro')).filter((f) => f.endsWith('.js'));
const entry = (prefix: string) => {
  const found = chunks.filter((f) => f.startsWith(prefix));
  expect(found.length, prefix).toBeGreaterThan(0);
  return found.map((f) => `/_astro/${f}`);
};

// At once, per page (measured: home 5.2 KB; chapter 9.6; exercise 9.1; playground 9.4; progress 8.9).
const atOnce: [string, number][] = [
  ['/', 8 * KB],
  ['/en/', 8 * KB],
  ['/chapters/architecture/', 12 * KB],
  ['/en/chapters/nodeport/', 12 * KB],
  ['/exercises/service-selector/', 12 * KB],
  ['/en/exercises/ingress-tls/', 12 * KB],
  ['/playground/', 12 * KB],
  // The progress page carries the import with the learner's choice per answer,
  // the storage migration and the persistence request (measured 15.2 KB; 16.1
  // with the chapter bars and the sidebar's progress marks every page has;
  // 17.1 with the export's seed for the exercises' variants, FNV-1a as the
  // grader computes it).
  ['/en/progress/', 17.5 * KB],
  ['/instructor/', 12 * KB],
];

test('each kind of page runs little JavaScript at once', () => {
  for (const [path, budget] of atOnce) {
    const weight = pageWeight(dist, path);
    expect(weight.gzip, `${path}: ${weight.files.join(' ')}`).toBeLessThanOrEqual(budget);
  }
});

// On demand (measured: editor 0.82–0.84 MB with the island; diagrams 18.8 KB;
// yaml worker 307 KB, editor worker 91 KB, engine workers 84–88 KB: 47 KB until
// the engine learnt strict field validation (its known-fields table, 4 KB),
// iptables-save and more of ingress-nginx and kube-proxy, and the engine's
// words grew; 67–70 KB until kube-proxy's nftables mode (its table writer and
// packet walk) and NetworkPolicy (decoding, validation, the evaluator) came,
// which any cluster may switch on; 96–104 KB until Gateway API came (its
// decoding, CRD validation, Envoy Gateway's status and routing, its fields in
// the known-fields table, and in the playground the Ingress conversion), which
// any manifest may use; both locales' tables are a third of it, the Japanese
// one the larger, since the grader says a check in either).
test('the editor, the diagrams and the workers stay within their budgets', () => {
  const budgets: [string, number][] = [
    ['island.', 900 * KB],
    ['scenario.', 24 * KB],
    ['yaml.worker-', 330 * KB],
    ['editor.worker-', 100 * KB],
    ['grade.worker-', 116 * KB],
    ['playground.worker-', 120 * KB],
  ];
  for (const [prefix, budget] of budgets)
    for (const file of entry(prefix))
      expect(moduleWeight(dist, file).gzip, file).toBeLessThanOrEqual(budget);
});

/** The heavy files only loaded on demand: the editor, d3 and the diagrams, the engine's workers. */
function onDemand(): Set<string> {
  const heavy = new Set<string>();
  for (const file of [...entry('island.'), ...entry('scenario.'), ...entry('yaml.worker-')]) {
    for (const f of moduleWeight(dist, file).files)
      if (moduleWeight(dist, f).gzip > 4 * KB && !f.includes('.astro_astro_type_script'))
        heavy.add(f);
  }
  for (const w of [
    ...entry('grade.worker-'),
    ...entry('playground.worker-'),
    ...entry('editor.worker-'),
  ])
    heavy.add(w);
  return heavy;
}

test('reading pages load no editor, engine or d3 chunk until a diagram is reached', async ({
  page,
}) => {
  const heavy = onDemand();
  expect([...heavy].some((f) => f.includes('/island.'))).toBe(true);
  for (const [path] of atOnce.filter(
    ([p]) => !p.includes('exercises') && !p.includes('playground'),
  ))
    for (const f of pageWeight(dist, path).files)
      expect(heavy.has(f), `${path} loads ${f}`).toBe(false);

  // In the browser: nothing heavy at first; the diagram's code when its figure comes near.
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto('/en/chapters/nodeport/');
  await page.waitForLoadState('networkidle');
  expect(requested.filter((p) => heavy.has(p))).toEqual([]);
  expect(requested.some((p) => p.includes('/scenario.'))).toBe(false);
  await page.locator('figure.rl-scenario').scrollIntoViewIfNeeded();
  // The drawing, not the box reserved for it in the page.
  await expect(page.locator('.rl-topology svg[role="group"]')).toBeVisible();
  expect(requested.some((p) => p.includes('/scenario.'))).toBe(true);
  expect(requested.some((p) => p.includes('/island.'))).toBe(false);
});

test('an exercise page loads the editor when the learner starts it, not before', async ({
  page,
}) => {
  const heavy = onDemand();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  // A phone: the exercise is on screen as the page opens.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/en/exercises/service-selector/');
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.rl-status')).toHaveText(
    'Click the manifests, or press a key, to open the editor.',
  );
  expect(requested.filter((p) => heavy.has(p))).toEqual([]);
  // Nothing that needs the editor is offered before it: no inert buttons.
  await expect(page.locator('.rl-toolbar')).toBeHidden();

  await startExercise(page);
  await expect(page.locator('.rl-toolbar')).toBeVisible();
  expect(requested.some((p) => p.includes('/island.'))).toBe(true);
  // The click on the starter put the caret in the editor.
  await expect(page.locator('.rl-editor .monaco-editor')).toHaveClass(/\bfocused\b/);
});
