// npm run build:cli: the installable `routelab` package. The CLI, the engine
// and js-yaml are bundled by esbuild into files that Node >= 20 runs as they
// are (zero runtime dependencies, so an offline `npm install -g` of the
// tarball needs nothing else); the course's exercises ship as files.
//
// Layout, chosen so that src/cli finds everything where it looks in the
// repository (no seam in src/ needed):
//   dist/cli/routelab.mjs            the command (src/cli/main.ts)
//   dist/cli/grade-worker-boot.mjs   a grading thread (src/cli/grade-worker.ts)
//   dist/cli/trace-worker-boot.mjs   a trace thread (src/cli/trace-worker.ts), for trace's --timeout
//   dist/cli/shared-*.mjs            what both share (the engine)
//   content/exercises/<id>/*.yaml    src/course/read.ts reads ../../content/exercises
//   LICENSE, LICENSE-content         code Apache-2.0, content CC BY 4.0
import {
  copyFileSync,
  cpSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

const pkg = import.meta.dirname;
const root = join(pkg, '..', '..');

const rootVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const pkgVersion = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
if (rootVersion !== pkgVersion)
  throw new Error(
    `packages/routelab is version ${pkgVersion} but the project is ${rootVersion}: give them one version`,
  );

for (const out of ['dist', 'content']) rmSync(join(pkg, out), { recursive: true, force: true });

const result = await build({
  entryPoints: {
    routelab: join(pkg, 'src', 'cli.ts'),
    // src/cli/grade.ts starts this file on Node without type stripping, and
    // `process.features.typescript` is false below: bundled, it is plain JS.
    'grade-worker-boot': join(root, 'src', 'cli', 'grade-worker.ts'),
    'trace-worker-boot': join(root, 'src', 'cli', 'trace-worker.ts'),
  },
  outdir: join(pkg, 'dist', 'cli'),
  outExtension: { '.js': '.mjs' },
  chunkNames: 'shared-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The bundle is JavaScript: grading threads load it as such, never .ts.
  // import.meta.dirname is Node 20.11's; computed from import.meta.url it
  // works on every Node 20.
  define: {
    'process.features.typescript': 'false',
    'import.meta.dirname': '__routelabDirname',
  },
  banner: {
    js: [
      "import { dirname as __routelabDirnameOf } from 'node:path';",
      "import { fileURLToPath as __routelabPathOf } from 'node:url';",
      'const __routelabDirname = __routelabDirnameOf(__routelabPathOf(import.meta.url));',
    ].join('\n'),
  },
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});

// Only what the CLI reads: each exercise's meta, starter and solution.
const exercises = join(root, 'content', 'exercises');
cpSync(exercises, join(pkg, 'content', 'exercises'), {
  recursive: true,
  filter: (from) => statSync(from).isDirectory() || from.endsWith('.yaml'),
});
for (const file of ['LICENSE', 'LICENSE-content']) copyFileSync(join(root, file), join(pkg, file));

const inputs = Object.keys(result.metafile.inputs);
const heavy = inputs.filter((i) =>
  /node_modules\/(astro|@astrojs|playwright|lighthouse|monaco)/.test(i),
);
if (heavy.length > 0) throw new Error(`the CLI bundle pulled in ${heavy.join(', ')}`);

// Bundled packages keep their licences next to the bundle (js-yaml is MIT,
// which asks for its notice in every copy).
const bundled = [
  ...new Set(inputs.flatMap((i) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(i)?.[1] ?? [])),
].sort();
const notices = bundled.map((name) => {
  const dir = join(root, 'node_modules', name);
  const licence = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  if (!licence) throw new Error(`${name} is bundled but has no licence file to ship`);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return `${name} ${version}\n\n${readFileSync(join(dir, licence), 'utf8').trim()}\n`;
});
writeFileSync(
  join(pkg, 'dist', 'THIRD-PARTY-NOTICES'),
  `The routelab command bundles these packages:\n\n${notices.join('\n---\n\n')}`,
);

for (const [file, out] of Object.entries(result.metafile.outputs))
  console.log(
    `${relative(root, file).padEnd(48)} ${(out.bytes / 1024).toFixed(0).padStart(5)} KiB`,
  );
console.log(
  `${readdirSync(join(pkg, 'content', 'exercises')).length} exercises in packages/routelab/content`,
);
