// A deploy while a learner has a page open. Build A is served; the learner
// opens an exercise (the service worker has cached build A); build B is
// deployed and its service worker takes over the open page; only then does
// the learner start the editor, whose chunk exists in build A alone. It
// loads: the new worker keeps build A's cache while a page of A is open, and
// drops it once none is.
//
// Build B is build A with every file under _astro/ renamed (a changed hash in
// every chunk name, as a rebuild with changed sources gives) and every
// reference to it rewritten; then the build's own last steps — the inline
// script hashes and the service worker with its cache version — run on it.
// Two real builds would take minutes on this machine; the server sees the
// same thing either way: none of build A's chunk names exist any more.
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { filesBelow } from '../../src/build/files.mjs';
import { offline } from '../../src/offline/integration.mjs';
import { inlineScriptHashes } from '../../src/security/csp.mjs';
import { startExercise } from '../support/exercise-page.ts';

test.use({ serviceWorkers: 'allow' });

const root = join(import.meta.dirname, '..', '..');
const buildA = join(root, 'dist');
const buildB = join(root, 'test-results', 'deploy-build-b');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};
const textTypes = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.xml',
  '.txt',
  '.webmanifest',
]);

/** A static server whose folder can be swapped, as a deploy swaps it. */
function serve(): { server: Server; use(dir: string): void } {
  let dir = buildA;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) file = join(dir, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file);
    const body = readFileSync(found ? file : join(dir, '404.html'));
    res.writeHead(found ? 200 : 404, {
      'content-type': types[extname(found ? file : '.html')] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return { server, use: (d) => (dir = d) };
}

function makeBuildB() {
  rmSync(buildB, { recursive: true, force: true });
  cpSync(buildA, buildB, { recursive: true });
  const assets = join(buildB, '_astro');
  const renames: [string, string][] = readdirSync(assets).map((name) => [
    name,
    name.replace(/(\.[a-z0-9]+)$/i, 'b$1'),
  ]);
  for (const [from, to] of renames) renameSync(join(assets, from), join(assets, to));
  // Longest first, and only where a name starts: no chunk name is rewritten inside another.
  renames.sort(([a], [b]) => b.length - a.length);
  const patterns = renames.map(([from, to]): [RegExp, string] => [
    new RegExp(`(?<![A-Za-z0-9_.-])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g'),
    to,
  ]);
  for (const file of filesBelow(buildB)) {
    if (!textTypes.has(extname(file))) continue;
    const text = readFileSync(file, 'utf8');
    let next = text;
    for (const [pattern, to] of patterns) next = next.replace(pattern, to);
    if (next !== text) writeFileSync(file, next);
  }
  const dir = pathToFileURL(`${buildB}/`);
  inlineScriptHashes().hooks['astro:build:done']({ dir });
  offline().hooks['astro:build:done']({ dir });
}

const versionOf = (dir: string) =>
  /const version = "([0-9a-f]+)"/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))?.[1] ?? '';

/** The chunk the exercise page imports when the learner starts: the editor island. */
function islandChunk(dir: string): string {
  const assets = join(dir, '_astro');
  const script = readdirSync(assets).find((n) =>
    n.startsWith('ExerciseWorkspace.astro_astro_type_script'),
  );
  const text = readFileSync(join(assets, script ?? ''), 'utf8');
  const name = /island\.[A-Za-z0-9_-]+\.js/.exec(text)?.[0];
  if (!name) throw new Error('the exercise script imports no island chunk');
  return `/_astro/${name}`;
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

test('a deploy between page load and editor start: the editor still loads', async ({ page }) => {
  test.setTimeout(120_000);
  makeBuildB();
  const { server, use } = serve();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    const [a, b] = [versionOf(buildA), versionOf(buildB)];
    expect(a).not.toBe(b);

    // Build A, cached by its service worker on the first visit.
    await page.goto(`${origin}/en/`);
    await page.waitForFunction(async () => {
      await navigator.serviceWorker.ready;
      return navigator.serviceWorker.controller !== null;
    });
    await page.goto(`${origin}/en/exercises/service-selector/`);
    await expect(page.locator('.rl-status')).toContainText('Click the manifests');

    // Deploy B: build A's editor chunk is gone from the server.
    use(buildB);
    const chunk = islandChunk(buildA);
    expect((await fetch(`${origin}${chunk}`)).status).toBe(404);
    // Taken over: the page's controller changes to build B's worker.
    const takenOver = page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          navigator.serviceWorker.addEventListener('controllerchange', () => resolve('B'));
          setTimeout(() => resolve('not taken over'), 60_000);
        }),
    );
    const installed = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      await r?.update();
      const worker = r?.installing ?? r?.waiting;
      if (!worker) return 'no new worker';
      return new Promise<string>((resolve) => {
        const done = () => {
          if (worker.state === 'activated' || worker.state === 'redundant') resolve(worker.state);
        };
        worker.addEventListener('statechange', done);
        done();
      });
    });
    expect(installed).toBe('activated');
    expect(await takenOver).toBe('B');
    // B's worker has installed, activated and taken over this page of build A.
    await page.waitForFunction(async (version) => {
      const r = await navigator.serviceWorker.getRegistration();
      return (
        (await caches.keys()).includes(`routelab-${version}`) &&
        r?.active?.state === 'activated' &&
        !r.installing &&
        !r.waiting &&
        navigator.serviceWorker.controller === r.active
      );
    }, b);
    expect(await cacheNames(page)).toContain(`routelab-${a}`);

    // Now the learner starts: build A's chunks come from the kept cache.
    await startExercise(page);
    await expect(page.locator('.rl-summary')).toContainText(/checks pass/, { timeout: 20_000 });
    await expect(page.locator('.rl-status')).not.toContainText('could not be loaded');

    // Once no page of build A is open, a later page load drops its cache.
    await expect
      .poll(
        async () => {
          await page.goto(`${origin}/en/progress/`);
          return cacheNames(page);
        },
        { timeout: 30_000 },
      )
      .toEqual([`routelab-${b}`]);
    expect(problems).toEqual([]);
  } finally {
    server.close();
  }
});
