// The installable package as an instructor gets it: `npm run build:cli`,
// `npm pack`, `npm install -g` of the tarball into an empty folder with no
// network (npm --offline, and a registry that does not answer), then the
// installed `routelab` grades a class on the oldest Node >= 20 on this machine.
// The GitHub Classroom recipe (examples/classroom) then runs on that install:
// its GitHub actions (`uses:`) cannot run here, its shell steps and the
// commands its Classroom graders run do.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const pkg = join(root, 'packages', 'routelab');
const exercise = (id: string, file: string) => join(root, 'content', 'exercises', id, file);

function run(command: string, args: string[], cwd: string, env = process.env) {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function nodeMajor(node: string): number {
  return Number(/^v(\d+)/.exec(run(node, ['--version'], root).stdout)?.[1] ?? 0);
}

/**
 * Debian's node (20 here) when there is one, since the package promises
 * Node >= 20, and this one (24: grading threads differ with type stripping).
 */
const nodes = [...new Set(['/usr/bin/node', process.execPath])]
  .filter((n) => existsSync(n) && nodeMajor(n) >= 20)
  .sort((a, b) => nodeMajor(a) - nodeMajor(b));
const node = nodes[0] as string;

// No network: every npm call is --offline and the registry is a closed port.
const npmEnv = {
  ...process.env,
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

let work = '';
let tarball = '';
let installed = '';
let room = '';
/** The installed command, found on PATH with `node` being the Node under test. */
const routelab = (args: string[], on = node) =>
  run(join(installed, 'bin', 'routelab'), args, room, {
    ...process.env,
    PATH: `${dirname(on)}:${process.env.PATH}`,
  });

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'routelab-package-'));
  const built = run(process.execPath, [join(pkg, 'build.ts')], root);
  expect(built.stderr).toBe('');
  expect(built.code).toBe(0);
  const packed = run('npm', ['pack', '--json', '--pack-destination', work], pkg, npmEnv);
  expect(packed.code, packed.stderr).toBe(0);
  const [{ filename }] = JSON.parse(packed.stdout);
  tarball = join(work, filename);

  // npm install -g, into a prefix of its own: the instructor's `routelab` on PATH.
  installed = join(work, 'global');
  const install = run('npm', ['install', '-g', '--prefix', installed, tarball], work, npmEnv);
  expect(install.code, install.stderr).toBe(0);

  // A class: one right answer, one wrong.
  room = join(work, 'class');
  mkdirSync(room);
  copyFileSync(exercise('ingress-path-routing', 'solution.yaml'), join(room, 'learner-01.yaml'));
  copyFileSync(exercise('ingress-path-routing', 'starter.yaml'), join(room, 'learner-02.yaml'));
}, 180_000);

describe('the routelab package', () => {
  it('packs to at most 2 MB, with no runtime dependency', () => {
    expect(statSync(tarball).size).toBeLessThanOrEqual(2 * 1024 * 1024);
    const installedPkg = join(installed, 'lib', 'node_modules', 'routelab');
    const manifest = JSON.parse(readFileSync(join(installedPkg, 'package.json'), 'utf8'));
    expect(manifest.dependencies).toBeUndefined();
    expect(readdirSync(installedPkg).sort()).toEqual([
      'LICENSE',
      'LICENSE-content',
      'README.md',
      'content',
      'dist',
      'package.json',
    ]);
    expect(existsSync(join(installedPkg, 'node_modules'))).toBe(false);
  });

  it.each(nodes.map((n) => [nodeMajor(n), n]))(
    'grades a class on Node %i',
    (_, on) => {
      const { code, stdout, stderr } = routelab(
        ['grade', 'ingress-path-routing', room, '--format', 'json'],
        on,
      );
      expect(stderr).toBe('');
      expect(code).toBe(1);
      const report = JSON.parse(stdout);
      expect(report).toMatchObject({
        schema: 'routelab.dev/grade/v1',
        exercise: 'ingress-path-routing',
      });
      const [right, wrong] = report.submissions;
      expect(right).toMatchObject({ submission: 'learner-01.yaml', passed: true, score: 5 });
      expect(wrong).toMatchObject({ submission: 'learner-02.yaml', passed: false, score: 4 });
      const failed = wrong.checks.find((c: { passed: boolean }) => !c.passed);
      expect(failed.id).toBe('other-path-reaches-default');
      expect(failed.message).toContain('HTTP 404');
    },
    60_000,
  );

  it('has every command, and every exercise of the course', () => {
    const listed = JSON.parse(routelab(['exercises', '--json']).stdout);
    expect(listed.exercises.map((e: { id: string }) => e.id).sort()).toEqual(
      readdirSync(join(root, 'content', 'exercises')).sort(),
    );
    const answer = join(room, 'learner-01.yaml');
    expect(routelab(['validate', answer]).code).toBe(0);
    const traced = routelab(['trace', answer, '--to', 'http://myapp.example.com/a', '--json']);
    expect(traced.code).toBe(0);
    expect(JSON.parse(traced.stdout)).toMatchObject({ outcome: 'delivered', status: 200 });
    expect(routelab(['get', answer, 'svc']).stdout).toContain('CLUSTER-IP');
    expect(routelab(['iptables', answer, '--node', 'node-1']).stdout).toContain(
      ':KUBE-SERVICES - [0:0]',
    );
    const junit = routelab(['grade', 'ingress-path-routing', room, '--format', 'junit']);
    expect(junit.stdout.match(/<testsuite /g)).toHaveLength(2);
    const help = routelab(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('routelab grade');
  }, 60_000);
});

interface Step {
  name: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
  env?: Record<string, string>;
}
interface Workflow {
  env?: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

describe('the GitHub Classroom recipe, run here without GitHub', () => {
  let repo = '';
  let summary = '';
  const workflow = (name: string) => {
    const file = join(root, 'examples', 'classroom', '.github', 'workflows', name);
    const parsed = load(readFileSync(file, 'utf8')) as Workflow;
    return { env: parsed.env ?? {}, steps: Object.values(parsed.jobs).flatMap((j) => j.steps) };
  };
  /** A runner: the Node under test, and npm -g into a prefix of its own. */
  const runner = (env: Record<string, string>) => {
    const prefix = join(work, 'runner');
    return {
      ...npmEnv,
      ...env,
      npm_config_prefix: prefix,
      GITHUB_STEP_SUMMARY: summary,
      PATH: `${join(prefix, 'bin')}:${dirname(node)}:${process.env.PATH}`,
    };
  };
  // How GitHub runs a `run:` step (shell: bash).
  const bash = (script: string, env: NodeJS.ProcessEnv) =>
    run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], repo, env);

  beforeAll(() => {
    // The instructor's template with the packed grader, and a learner's answers:
    // two right, one wrong.
    repo = join(work, 'learner-repo');
    cpSync(join(root, 'examples', 'classroom'), repo, { recursive: true });
    mkdirSync(join(repo, '.github', 'routelab'));
    copyFileSync(tarball, join(repo, '.github', 'routelab', basename(tarball)));
    for (const [id, file] of [
      ['service-selector', 'solution.yaml'],
      ['nodeport-expose', 'solution.yaml'],
      ['ingress-path-routing', 'starter.yaml'],
    ] as const)
      copyFileSync(exercise(id, file), join(repo, 'answers', `${id}.yaml`));
    summary = join(work, 'step-summary.md');
  });

  it('grade.yml installs the tarball and writes one JUnit report per exercise', () => {
    const { env, steps } = workflow('grade.yml');
    expect(steps.flatMap((s) => s.uses?.replace(/@.*/, '') ?? [])).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'mikepenz/action-junit-report',
      'actions/upload-artifact',
    ]);
    const codes = steps.flatMap((s) => (s.run ? [bash(s.run, runner(env)).code] : []));
    // Installed, then graded: exit 1 because one answer fails.
    expect(codes).toEqual([0, 1]);
    const reports = steps.find((s) => s.uses?.startsWith('mikepenz/'))?.with?.report_paths;
    expect(reports).toBe('routelab-reports/*.xml');
    const ids = (env.ROUTELAB_EXERCISES ?? '').split(' ');
    expect(readdirSync(join(repo, 'routelab-reports')).sort()).toEqual(
      ids.map((id) => `${id}.xml`).sort(),
    );
    const junit = (id: string) => readFileSync(join(repo, 'routelab-reports', `${id}.xml`), 'utf8');
    expect(junit('service-selector')).toMatch(/<testsuite name="[^"]*" tests="\d+" failures="0">/);
    expect(junit('ingress-path-routing')).toContain('failures="1"');
    expect(junit('ingress-path-routing')).toMatch(/name="other-path-reaches-default">\s*<failure/);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('### nodeport-expose');
    expect(text).toContain('ingress-path-routing: 0 of 1 submissions passed');
  }, 90_000);

  it('classroom.yml gives an exercise its points when every check passes', () => {
    const { env, steps } = workflow('classroom.yml');
    for (const s of steps.filter((s) => s.run)) expect(bash(s.run ?? '', runner(env)).code).toBe(0);
    const graders = steps.filter((s) =>
      s.uses?.startsWith('classroom-resources/autograding-command-grader@'),
    );
    const exitCodes = Object.fromEntries(
      graders.map((s) => [s.id, bash(String(s.with?.command), runner(env)).code]),
    );
    expect(exitCodes).toEqual({
      'service-selector': 0,
      'nodeport-expose': 0,
      'ingress-path-routing': 1,
    });
    // The reporter reads each grader's result under the names Classroom gives them.
    const reporter = steps.find((s) =>
      s.uses?.startsWith('classroom-resources/autograding-grading-reporter@'),
    );
    const ids = graders.map((s) => s.id as string);
    expect(reporter?.with?.runners).toBe(ids.join(','));
    expect(reporter?.env).toEqual(
      Object.fromEntries(
        ids.map((id) => [`${id.toUpperCase()}_RESULTS`, `\${{steps.${id}.outputs.result}}`]),
      ),
    );
  }, 90_000);
});
