// npm run bench: engine speed on an exercise-size cluster and at Kubernetes'
// scalability thresholds. Benchmarks report; they do not fail.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gradeAll } from '../src/cli/grade.ts';
import { collectSubmissions } from '../src/cli/submissions.ts';
import { layoutRoute } from '../src/components/diagrams/route-layout.ts';
import { layoutTopology } from '../src/components/diagrams/topology-layout.ts';
import { applyVariant } from '../src/course/exercises/load.ts';
import { readExercise } from '../src/course/read.ts';
import {
  buildModel,
  iptablesSave,
  kubeProxyRules,
  newSession,
  seededRandom,
  trace,
  traceRequest,
} from '../src/engine/index.ts';
import { exerciseCluster, thresholdCluster } from './generate.ts';
import { renderBench } from './render.ts';

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

function median(runs: number[]): number {
  const sorted = [...runs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const rows: [string, string][] = [];
const fmt = (ms: number) => (ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(0)} ms`);

// Exercise size: parse + validate + build, then 10 traces.
{
  const text = exerciseCluster();
  const runs: number[] = [];
  for (let i = 0; i < 30; i++) {
    const [, ms] = time(() => {
      const model = buildModel([{ file: 'exercise.yaml', text }]);
      for (let t = 0; t < 10; t++)
        trace(model, {
          from: 'external',
          to: `http://172.18.0.${2 + (t % 3)}:${model.services[t % 3]?.ports[0]?.nodePort}/`,
        });
    });
    runs.push(ms);
  }
  rows.push([
    'exercise-size cluster (6 objects, 9 Pods): build + 10 traces (median of 30)',
    fmt(median(runs)),
  ]);
}

// The installable package (packages/routelab): its size as npm packs it
// (target: at most 2 MB) and an offline `npm install -g` of the tarball.
{
  const pkg = join(import.meta.dirname, '..', 'packages', 'routelab');
  const dir = mkdtempSync(join(tmpdir(), 'routelab-bench-pack-'));
  const sh = (cmd: string, args: string[], cwd: string) => {
    const out = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${out.stderr}`);
    return out.stdout;
  };
  sh(process.execPath, [join(pkg, 'build.ts')], pkg);
  const [packed] = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', dir], pkg));
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;
  rows.push([
    `routelab package: npm pack (${packed.entryCount} files, ${kb(packed.unpackedSize)} unpacked)`,
    kb(packed.size),
  ]);
  const [, installMs] = time(() =>
    sh('npm', ['install', '-g', '--offline', '--prefix', dir, join(dir, packed.filename)], dir),
  );
  rows.push(['  npm install -g of the tarball, offline', fmt(installMs)]);
  rmSync(dir, { recursive: true });
}

// Scalability thresholds.
// The diagrams' layouts (the drawing itself is SVG in the browser): the
// exercise-size cluster and one with 500 Pods.
{
  const small = buildModel([{ file: 'exercise.yaml', text: exerciseCluster() }]);
  const big = buildModel([
    { file: 'big.yaml', text: exerciseCluster().replace(/replicas: \d+/g, 'replicas: 166') },
  ]);
  for (const [label, model] of [
    ['exercise-size cluster', small],
    [`${big.pods.length} Pods`, big],
  ] as const) {
    const route = trace(model, {
      from: 'external',
      to: `http://172.18.0.2:${model.services[0]?.ports[0]?.nodePort}/`,
    });
    const runs: number[] = [];
    for (let i = 0; i < 30; i++)
      runs.push(time(() => [layoutTopology(model), layoutRoute(route)])[1]);
    rows.push([`diagram layouts (topology + route), ${label} (median of 30)`, fmt(median(runs))]);
  }
}

// The same diagrams drawn in a browser (skipped with --no-browser).
if (!process.argv.includes('--no-browser')) rows.push(...(await renderBench()));

// A class's answers graded the way an instructor does it: 1,000 submissions of
// ingress-path-routing (solutions, starters and each recorded mistake in turn),
// on worker threads, with the JSON report's work included.
{
  const exercise = readExercise('ingress-path-routing');
  const answers = [
    exercise.solution,
    exercise.starter,
    ...exercise.mistakes.map((m) => applyVariant(exercise.solution, m)),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'routelab-bench-'));
  for (let i = 0; i < 1000; i++)
    writeFileSync(
      join(dir, `learner-${String(i).padStart(4, '0')}.yaml`),
      answers[i % answers.length] ?? '',
    );
  const start = performance.now();
  const results = await gradeAll(exercise, collectSubmissions([dir]).submissions, {
    locale: 'en',
    timeoutMs: 20_000,
  });
  const ms = performance.now() - start;
  rmSync(dir, { recursive: true });
  const passed = results.filter((r) => r.passed).length;
  rows.push([
    `grade 1,000 submissions (${passed} pass; ${availableParallelism()} threads)`,
    `${fmt(ms)} (${((1000 / ms) * 1000).toFixed(0)}/s)`,
  ]);
}

{
  const only = process.argv.includes('--quick');
  const [nodes, services] = only ? [500, 1000] : [5000, 10000];
  const files = thresholdCluster(nodes, services, 15);
  const [model, buildMs] = time(() => buildModel(files));
  const errors = model.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`threshold cluster is invalid: ${errors[0]?.message}`);
  const node = model.nodes[0];
  if (!node) throw new Error('no node');
  const [rules, rulesMs] = time(() => kubeProxyRules(model, node));
  // kubeProxyRules keeps the rules it wrote for this model: the traces below reuse them.
  const session = newSession(1, seededRandom);
  const to = `${model.services[0]?.clusterIP}:80`;
  const traceRuns: number[] = [];
  for (let i = 0; i < 20; i++)
    traceRuns.push(time(() => traceRequest(model, { from: `node/${node.name}`, to }, session))[1]);
  // The kernel's high-water mark: the true peak, garbage V8 had not yet collected included.
  const peak = process.resourceUsage().maxRSS * 1024;
  const [text, saveMs] = time(() => iptablesSave(rules));
  const peakWithText = process.resourceUsage().maxRSS * 1024;
  const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
  const label = `${nodes} nodes, ${model.pods.length} Pods, ${model.services.length} Services`;
  const ruleCount = rules.nat.rules.length + rules.filter.rules.length;
  rows.push([`threshold cluster (${label}): parse + validate + controllers`, fmt(buildMs)]);
  rows.push([`  one node's rules (${ruleCount} rules)`, fmt(rulesMs)]);
  rows.push(['  one trace through those rules (median of 20)', fmt(median(traceRuns))]);
  rows.push(['  peak resident memory: build + rules + traces', gib(peak)]);
  rows.push([
    `  those rules rendered as iptables-save text (${(text.length / 1e6).toFixed(1)} MB)`,
    fmt(saveMs),
  ]);
  rows.push(['  peak resident memory with the text too', gib(peakWithText)]);
}

const width = Math.max(...rows.map(([k]) => k.length));
console.log('routelab bench');
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
