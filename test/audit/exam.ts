// npm run test:exam: builds the exam site (ROUTELAB_MODE=exam) into
// dist-exam/ and fails if it gives an answer away: any solution line a
// learner could not read elsewhere in the course (its chapters, scenarios and
// starters), in any encoding a page or script would hold it (as written, as a
// JSON string, HTML-escaped); a "Show solution" button; more than one hint; an
// instructor guide. The same lines must be found in the ordinary build
// (dist/), or the search would prove nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { exerciseVariant, variantCount } from '../../src/course/exercises/variants.ts';
import { readExercises } from '../../src/course/read.ts';

const root = join(import.meta.dirname, '..', '..');
const exam = join(root, 'dist-exam');
const ordinary = join(root, 'dist');
if (!existsSync(join(ordinary, 'index.html'))) {
  console.error('exam: no dist/ to compare with; run `npm run build` first');
  process.exit(2);
}

const built = spawnSync(
  process.execPath,
  [join(root, 'scripts', 'build.ts'), '--outDir', 'dist-exam'],
  { cwd: root, env: { ...process.env, ROUTELAB_MODE: 'exam' }, stdio: 'inherit' },
);
if (built.status !== 0) process.exit(built.status ?? 1);

/** Every text file of a built site (Pagefind's compressed index aside). */
function texts(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'pagefind') out.push(...texts(path));
    } else if (/\.(html|js|mjs|json|css|txt|xml|webmanifest)$/.test(name))
      out.push({ path, text: readFileSync(path, 'utf8') });
  }
  return out;
}

function allFiles(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

// What the course shows anyone: its pages' sources, its scenarios, and the
// engine's own objects (ingress-nginx's Service and Pods, as installed).
const publicText = [
  ...allFiles(join(root, 'content', 'docs'), /\.mdx?$/),
  ...allFiles(join(root, 'content', 'scenarios'), /\.ya?ml$/),
  ...allFiles(join(root, 'src', 'engine'), /\.ts$/),
].join('\n');

const html = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
/** The forms a line takes in a page or a script. */
function forms(line: string): string[] {
  const json = JSON.stringify(line).slice(1, -1);
  return [...new Set([line, json, html(line), html(json)])];
}

const exercises = readExercises();
const shownAnyway = [
  ...allFiles(join(root, 'content', 'scenarios'), /\.ya?ml$/),
  ...exercises.flatMap((e) => [e.starter, ...Object.values(e.starterIn ?? {})]),
].join('\n');

const examFiles = texts(exam);
const ordinaryFiles = texts(ordinary);
const problems: string[] = [];
let searched = 0;
for (const exercise of exercises) {
  const starters = [exercise.starter, ...Object.values(exercise.starterIn ?? {})].join('\n');
  const distinctive = exercise.solution
    .split('\n')
    .map((l) => l.trim())
    .filter(
      (l) =>
        l.length >= 8 && !l.startsWith('#') && !starters.includes(l) && !publicText.includes(l),
    );
  // The whole solution, as the ordinary build carries it to the editor;
  // unless the course shows it anyway (a chapter's scenario, the next
  // exercise's starter, which begins where this one ends).
  const whole = forms(exercise.solution.trim()).slice(1);
  if (shownAnyway.includes(exercise.solution.trim())) {
    searched++;
    continue;
  }
  const has = (files: typeof examFiles) => files.some((f) => whole.some((w) => f.text.includes(w)));
  if (!has(ordinaryFiles)) problems.push(`${exercise.id}: its solution is not in dist/ either`);
  if (has(examFiles)) problems.push(`${exercise.id}: its whole solution is in dist-exam/`);
  searched++;
  if (distinctive.length === 0) continue;
  for (const line of distinctive) {
    const found = (files: typeof examFiles) =>
      files.find((f) => forms(line).some((form) => f.text.includes(form)));
    searched++;
    const leak = found(examFiles);
    if (leak) problems.push(`${exercise.id}: "${line}" is in ${leak.path.slice(root.length + 1)}`);
  }
  if (
    !distinctive.some((line) =>
      ordinaryFiles.some((f) => forms(line).some((x) => f.text.includes(x))),
    )
  )
    problems.push(
      `${exercise.id}: none of its solution's lines is in dist/ either: the search proves nothing`,
    );
}

// Seeded variants: the pages carry every variant's starter (and its renamings),
// never a variant's solution, in either build; the exam site must not either.
// Every variant's starter is shown anyway (one exercise's starter may hold the
// line another's solution adds, as for the exercise as written).
const variantStarters = exercises
  .flatMap((e) => Array.from({ length: variantCount(e) }, (_, i) => exerciseVariant(e, i)))
  .flatMap((v) => [v.starter, ...Object.values(v.starterIn ?? {})])
  .join('\n');
for (const written of exercises)
  for (let i = 1; i < variantCount(written); i++) {
    const v = exerciseVariant(written, i);
    const starters = [v.starter, ...Object.values(v.starterIn ?? {})].join('\n');
    const lines = v.solution
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length >= 8 && !l.startsWith('#') && !starters.includes(l))
      .filter((l) => ![publicText, shownAnyway, variantStarters].some((t) => t.includes(l)));
    for (const text of [v.solution.trim(), ...lines]) {
      searched++;
      const leak = examFiles.find((f) => forms(text).some((form) => f.text.includes(form)));
      if (leak)
        problems.push(
          `${v.id} variant ${i}: "${text.slice(0, 60)}" is in ${leak.path.slice(root.length + 1)}`,
        );
    }
  }

for (const path of ['instructor/index.html', 'en/instructor/index.html'])
  if (existsSync(join(exam, path))) problems.push(`${path}: the exam site has an instructor guide`);
for (const id of readdirSync(join(exam, 'exercises'))) {
  const page = readFileSync(join(exam, 'exercises', id, 'index.html'), 'utf8');
  if (page.includes('data-action="solution"'))
    problems.push(`exercises/${id}: a Show solution button`);
  const data = /data-exercise="([^"]*)"/.exec(page)?.[1] ?? '';
  const exercise = JSON.parse(data.replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
  if (exercise.hints.length > 1) problems.push(`exercises/${id}: ${exercise.hints.length} hints`);
  if (exercise.solution !== '') problems.push(`exercises/${id}: a solution in its data`);
}

if (problems.length > 0) {
  console.error(`\nexam: ${problems.length} problem(s):`);
  for (const p of problems) console.error(`- ${p}`);
  process.exit(1);
}
console.log(
  `\nexam: ${exercises.length} exercises, ${searched} searches (whole solutions and their distinctive lines): in dist/, in none of dist-exam/'s files; no solution button, one hint, no instructor guide`,
);
