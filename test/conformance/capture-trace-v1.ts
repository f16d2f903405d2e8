// Writes the trace/v1 golden files (fixtures/trace-v1/): for every case of
// trace-v1-cases.ts, the CLI's `trace --json` and text output, and for every
// scenario `iptables --node` on node-1 and node-2. Run it once, from the
// repository root, before a change that must not alter them:
//   node test/conformance/capture-trace-v1.ts
// trace-v1.test.ts then proves the output only grew.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { fill } from '../../src/course/exercises/placeholders.ts';
import { buildModel } from '../../src/engine/index.ts';
import { goldenCases, rulesNodes, scenarios } from './trace-v1-cases.ts';

const root = join(import.meta.dirname, '..', '..');
const out = join(import.meta.dirname, 'fixtures', 'trace-v1');
const scenarioFile = (name: string) => join('content', 'scenarios', `${name}.yaml`);

async function run(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await main(args, { out: (t) => (stdout += `${t}\n`), err: () => {} });
  return { code, stdout };
}

process.chdir(root);
mkdirSync(out, { recursive: true });
const cases: { name: string; args: string[] }[] = [];
for (const c of goldenCases) {
  const file = scenarioFile(c.scenario);
  const model = buildModel([{ file, text: readFileSync(file, 'utf8') }]);
  const args = [
    'trace',
    file,
    '--from',
    c.from,
    '--to',
    fill(c.to, model),
    ...(c.count ? ['--count', String(c.count)] : []),
    ...(c.extra ?? []).map((a) => fill(a, model)),
  ];
  cases.push({ name: c.name, args });
  writeFileSync(join(out, `${c.name}.json`), (await run([...args, '--json'])).stdout);
  writeFileSync(join(out, `${c.name}.txt`), (await run(args)).stdout);
}
for (const s of scenarios)
  for (const node of rulesNodes) {
    const args = ['iptables', scenarioFile(s), '--node', node];
    cases.push({ name: `${s}.${node}`, args });
    writeFileSync(join(out, `${s}.${node}.rules`), (await run(args)).stdout);
  }
writeFileSync(join(out, 'cases.json'), `${JSON.stringify(cases, null, 2)}\n`);
