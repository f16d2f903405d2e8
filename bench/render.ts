// The diagrams drawn in Chromium: the playground opened on a generated cluster
// through a share link, and the time from the engine's answer to the last
// diagram on the page (the island's "routelab:draw" measure: route, hop table,
// spread, topology, kube-proxy rules, architecture), each view's own share,
// and the time to the frame that shows them; medians of 10 redraws. Beside
// them, the worker's own work for the same cluster and request (build the
// model, then the scene: the trace and every view's layout), timed in Node.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { scene } from '../src/components/diagrams/scene.ts';
import { encodeState, type PlaygroundState } from '../src/components/playground/share.ts';
import { buildModel } from '../src/engine/index.ts';

const port = 4339;

/** A cluster of `nodes` nodes and `pods` Pods behind one NodePort Service. */
function sizedCluster(nodes: number, pods: number): string {
  const names = Array.from({ length: nodes }, (_, i) => `    - name: node-${i + 1}`).join('\n');
  return `apiVersion: routelab.dev/v1alpha1
kind: Cluster
spec:
  nodes:
${names}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-app
spec:
  replicas: ${pods}
  selector:
    matchLabels:
      app: my-app
  template:
    metadata:
      labels:
        app: my-app
    spec:
      containers:
        - name: app
          image: example/my-app:1
          ports:
            - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  type: NodePort
  selector:
    app: my-app
  ports:
    - port: 80
      targetPort: 8080
      nodePort: 30080
`;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
};

/** dist/ served as astro preview would (astro preview refuses to run twice on one machine). */
function serveDist(): Promise<Server> {
  const root = join(process.cwd(), 'dist');
  const server = createServer((req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (path.endsWith('/')) path += 'index.html';
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** The playground worker's work for one state, as its worker does it (median of 10, in ms). */
function sceneTime(state: PlaygroundState): number {
  const runs: number[] = [];
  for (let i = 0; i < 11; i++) {
    const start = performance.now();
    const model = buildModel([{ file: 'playground.yaml', text: state.yaml }]);
    scene(model, state, { node: state.node, maxRuleLines: 20_000 });
    runs.push(performance.now() - start);
  }
  // The first run warms the JIT up, as the worker's first answer does.
  const sorted = runs.slice(1).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function renderBench(): Promise<[string, string][]> {
  if (!existsSync('dist/en/playground/index.html'))
    spawnSync('npx', ['astro', 'build'], { stdio: 'ignore' });
  const server = await serveDist();
  const rows: [string, string][] = [];
  try {
    const browser = await chromium.launch({
      ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
      args: ['--no-sandbox', '--disable-gpu'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    for (const [nodes, pods] of [
      [3, 9],
      [5, 50],
      [50, 500],
    ] as const) {
      rows.push(...(await measureDraws(page, nodes, pods)));
    }
    rows.push(...(await measureKeystrokes(page)));
    await browser.close();
  } finally {
    server.close();
  }
  return rows;
}

/** Ten redraws of a cluster of this size in the built playground: each view's median, and the frame's. */
async function measureDraws(page: Page, nodes: number, pods: number): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  const state: PlaygroundState = {
    yaml: sizedCluster(nodes, pods),
    from: 'external',
    to: 'http://172.18.0.2:30080/',
    method: 'GET',
    count: 1,
    seed: 1,
    node: '',
    resolve: '',
  };
  const fragment = await encodeState(state);
  await page.goto(`http://127.0.0.1:${port}/en/playground/#${fragment}`);
  // The page keeps only its latest answer's measures: each redraw's are read as it lands.
  const names = [
    'routelab:draw',
    ...['topology', 'route', 'rules', 'architecture', 'spread', 'hops'].map(
      (view) => `routelab:draw:${view}`,
    ),
    'routelab:frame',
  ];
  const frameStart = () =>
    page.evaluate(() => performance.getEntriesByName('routelab:frame').at(-1)?.startTime ?? -1);
  await page.waitForFunction(
    () => performance.getEntriesByName('routelab:frame').length > 0,
    null,
    {
      timeout: 60_000,
    },
  );
  const runs = new Map<string, number[]>(names.map((n) => [n, []]));
  for (let i = 0; i < 10; i++) {
    const before = await frameStart();
    await page.locator('.rl-pg-request button[type="submit"]').click();
    await page.waitForFunction(
      (t) => (performance.getEntriesByName('routelab:frame').at(-1)?.startTime ?? -1) > t,
      before,
      { timeout: 60_000 },
    );
    const latest = await page.evaluate(
      (ns) => ns.map((n) => performance.getEntriesByName(n).at(-1)?.duration ?? null),
      names,
    );
    names.forEach((n, k) => {
      const d = latest[k];
      if (d !== null && d !== undefined) runs.get(n)?.push(d);
    });
  }
  const median = async (name: string) => {
    const sorted = (runs.get(name) ?? []).sort((a, b) => a - b);
    return `${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(1)} ms`;
  };
  const drawn = await page.locator('.rl-topology .rl-topo-pod').count();
  rows.push([
    `diagrams drawn in Chromium, ${pods} Pods on ${nodes} nodes (${drawn} Pods drawn; median of 10)`,
    await median('routelab:draw'),
  ]);
  for (const view of ['topology', 'route', 'rules', 'architecture', 'spread', 'hops'])
    rows.push([`  ${view}`, await median(`routelab:draw:${view}`)]);
  rows.push([
    '  to the frame that shows them (style, layout, paint)',
    await median('routelab:frame'),
  ]);
  rows.push([
    "  the worker's work before it: model + scene (in Node, median of 10)",
    `${sceneTime(state).toFixed(1)} ms`,
  ]);
  return rows;
}

/**
 * Keystroke to verdict on screen in an exercise, as a learner types: one key,
 * then a pause long enough for the grade, 30 times (half of them typing a
 * character into a value, half deleting it again). The island measures each
 * from the edit to the frame that shows the grade ("routelab:verdict").
 */
async function measureKeystrokes(page: Page): Promise<[string, string][]> {
  const id = 'ingress-path-routing';
  await page.goto(`http://127.0.0.1:${port}/en/exercises/${id}/`);
  await page.keyboard.press('Shift');
  await page.locator('.rl-editor .monaco-editor').waitFor({ timeout: 60_000 });
  await page.locator('.rl-results li[data-state]').first().waitFor({ timeout: 60_000 });
  // The end of the first Deployment's name: the grade changes with each key.
  await page.locator('.rl-editor .view-line', { hasText: 'name: my-app-a' }).first().click();
  await page.keyboard.press('End');
  const latest = () =>
    page.evaluate(() => performance.getEntriesByName('routelab:verdict').at(-1)?.startTime ?? -1);
  const runs: number[] = [];
  for (let i = 0; i < 30; i++) {
    const before = await latest();
    await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
    await page.waitForFunction(
      (t) => (performance.getEntriesByName('routelab:verdict').at(-1)?.startTime ?? -1) !== t,
      before,
      { timeout: 10_000 },
    );
    runs.push(
      await page.evaluate(
        () => performance.getEntriesByName('routelab:verdict').at(-1)?.duration ?? 0,
      ),
    );
  }
  const sorted = runs.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return [
    [
      `keystroke to verdict on screen, exercise ${id} (30 keys; was 425–670 ms with a 400 ms wait)`,
      `median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms`,
    ],
  ];
}
