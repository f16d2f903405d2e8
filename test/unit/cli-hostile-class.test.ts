// A class's real folder, hostile on purpose, graded by `routelab grade`: FIFOs,
// a link to /dev/zero, a link loop, links out of the folder, macOS sidecars,
// dotfiles, escape sequences in names and contents, a folder that cannot be
// read. Graded in bounded time, one row per entry, never an abort; in text
// output nothing of the learner's reaches the terminal raw.
//
// Unreadable folders: these tests run as root, and chmod 000 does not stop
// root, so the EACCES comes from the file-system calls collectSubmissions and
// readSubmission take as a parameter: a real folder whose readdir (and a real
// file whose open) fails with the error Node itself throws for EACCES.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FileSystem, realFs } from '../../src/cli/files.ts';
import { gradeAll } from '../../src/cli/grade.ts';
import { collectSubmissions, readSubmission } from '../../src/cli/submissions.ts';
import { readExercise } from '../../src/course/read.ts';
import { exerciseFile, routelab } from '../support/cli.ts';

const solution = readFileSync(exerciseFile('service-selector', 'solution.yaml'), 'utf8');

/** ESC, CSI (C1) and RIGHT-TO-LEFT OVERRIDE: none may reach a terminal raw. */
const rawCharacters = ['\u001b', '\u009b', '\u202e'];

/** A name with a cursor-up, erase-line and a forged PASS in it, as a learner could save it. */
const evilName = 'evil\u001b[1A\u001b[2KPASS  x.yaml';

/** An error as Node's fs throws it for a path the user may not read. */
function eacces(syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EACCES: permission denied, ${syscall} '${path}'`), {
    code: 'EACCES',
    errno: -13,
    syscall,
    path,
  });
}

let room = '';
let outside = '';
beforeAll(() => {
  room = mkdtempSync(join(tmpdir(), 'routelab-class-'));
  outside = mkdtempSync(join(tmpdir(), 'routelab-outside-'));
  writeFileSync(join(outside, 'answer.yaml'), solution);
  writeFileSync(join(room, 'good.yaml'), solution);
  expect(spawnSync('mkfifo', [join(room, 'fifo.yaml')]).status).toBe(0);
  symlinkSync('/dev/zero', join(room, 'zero.yaml'));
  symlinkSync('loop.yaml', join(room, 'loop.yaml'));
  symlinkSync(join(outside, 'answer.yaml'), join(room, 'outside.yaml'));
  symlinkSync('good.yaml', join(room, 'link-good.yaml'));
  symlinkSync('folder', join(room, 'folder-link'));
  // An AppleDouble header (magic 0x00051607), as macOS writes beside good.yaml.
  writeFileSync(join(room, '._good.yaml'), Buffer.from([0, 5, 0x16, 7, 0, 2, 0, 0]));
  mkdirSync(join(room, '__MACOSX'));
  writeFileSync(join(room, '__MACOSX', 'good.yaml'), 'kind: [broken\n');
  writeFileSync(join(room, '.hidden.yaml'), 'kind: [broken\n');
  writeFileSync(
    join(room, evilName),
    solution.replace('name: my-service', 'name: "\\e[1A\\e[2K\\u202ePASS  my-service"'),
  );
  mkdirSync(join(room, 'folder'));
  writeFileSync(join(room, 'folder', 'answer.yaml'), solution);
  writeFileSync(join(room, 'folder', '._answer.yaml'), Buffer.from([0, 5, 0x16, 7]));
  mkdirSync(join(room, 'unreadable'));
  copyFileSync(join(room, 'good.yaml'), join(room, 'unreadable', 'answer.yaml'));
});
afterAll(() => {
  rmSync(room, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

/** The rows of a text report: name -> the lines under it. */
function rows(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let current = '';
  for (const line of text.split('\n')) {
    const row = /^(PASS|FAIL) {2}(.*) {2}\d+\/\d+$/.exec(line);
    if (row) {
      current = `${row[1]} ${row[2]}`;
      out.set(current, '');
    } else if (current && line.startsWith('      '))
      out.set(current, `${out.get(current)}${line}\n`);
    else current = '';
  }
  return out;
}

describe('routelab grade on a hostile class folder', () => {
  it('grades every entry in bounded time, one row each, and lists what it ignored', () => {
    const { code, stdout, stderr, seconds } = routelab([
      'grade',
      'service-selector',
      room,
      '--timeout',
      '10',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    // A FIFO or /dev/zero read would never end; the spawn's own limit is 120 s.
    expect(seconds).toBeLessThan(100);
    const report = rows(stdout);
    expect([...report.keys()]).toEqual([
      'FAIL evil\\e[1A\\e[2KPASS  x.yaml',
      'FAIL fifo.yaml',
      'PASS folder',
      'FAIL folder-link',
      'PASS good.yaml',
      'PASS link-good.yaml',
      'FAIL loop.yaml',
      'FAIL outside.yaml',
      'PASS unreadable',
      'FAIL zero.yaml',
    ]);
    expect(report.get('FAIL fifo.yaml')).toContain(
      'is a FIFO (named pipe), not a regular file; it was not read',
    );
    expect(report.get('FAIL zero.yaml')).toContain(
      'is a symbolic link to a character device (/dev/zero)',
    );
    expect(report.get('FAIL loop.yaml')).toContain('is a symbolic link that loops (ELOOP)');
    expect(report.get('FAIL outside.yaml')).toContain(
      'is a symbolic link to a file outside the graded folder',
    );
    expect(report.get('FAIL folder-link')).toContain('is a symbolic link to a directory');
    expect(stdout).toContain(
      'ignored: ._good.yaml (a macOS metadata sidecar (AppleDouble ._ file))',
    );
    expect(stdout).toContain('ignored: .hidden.yaml (a hidden file)');
    expect(stdout).toContain('ignored: __MACOSX (macOS archive metadata (__MACOSX folder))');
    expect(stdout).toContain('ignored: folder/._answer.yaml (a macOS metadata sidecar');
    expect(stdout).toContain('service-selector: 4 of 10 submissions passed');
  }, 150_000);

  it('never lets a name or a YAML value reach the terminal raw, and keeps it faithful in JSON', () => {
    const text = routelab(['grade', 'service-selector', join(room, evilName)]).stdout;
    for (const raw of rawCharacters) expect(text).not.toContain(raw);
    // The forged PASS stays on the FAIL row's line, and the YAML's escapes are shown as escapes.
    expect(text).toContain(`FAIL  ${room}/evil\\e[1A\\e[2KPASS  x.yaml  0/2`);
    expect(text).toMatch(/Invalid value: "\\u001b\[1A\\u001b\[2K\\u202ePASS {2}my-service"/);
    const json = routelab(['grade', 'service-selector', room, '--format', 'json']).stdout;
    for (const raw of rawCharacters) expect(json).not.toContain(raw);
    const report = JSON.parse(json);
    expect(report.submissions.map((s: { submission: string }) => s.submission)).toContain(evilName);
    expect(report.ignored).toContainEqual({
      path: '._good.yaml',
      reason: 'a macOS metadata sidecar (AppleDouble ._ file)',
    });
  }, 150_000);

  it('grades a folder it cannot read as failed with the reason, and the others on', async () => {
    const unreadable = join(room, 'unreadable');
    const fs: FileSystem = {
      ...realFs,
      readdirSync: (path) => {
        if (path === unreadable) throw eacces('scandir', path);
        return realFs.readdirSync(path);
      },
    };
    const exercise = readExercise('service-selector');
    const { submissions, ignored } = collectSubmissions([room], fs);
    const results = await gradeAll(exercise, submissions, { locale: 'en', timeoutMs: 20_000 });
    expect(results).toHaveLength(10);
    const row = results.find((r) => r.submission === 'unreadable');
    expect(row).toMatchObject({
      passed: false,
      error: 'the folder cannot be read (EACCES: permission denied)',
    });
    expect(results.find((r) => r.submission === 'good.yaml')?.passed).toBe(true);
    expect(ignored.map((i) => i.path)).toEqual([
      '._good.yaml',
      '.hidden.yaml',
      '__MACOSX',
      'folder/._answer.yaml',
    ]);
  }, 60_000);

  it('grades a file it cannot open as failed with the reason', () => {
    const path = join(room, 'good.yaml');
    const fs: FileSystem = {
      ...realFs,
      openSync: ((p: string, flags: number) => {
        if (p === path) throw eacces('open', p);
        return realFs.openSync(p, flags);
      }) as FileSystem['openSync'],
    };
    expect(readSubmission({ files: [{ file: 'good.yaml', path }] }, fs)).toEqual({
      ok: false,
      error: 'good.yaml cannot be read (EACCES: permission denied)',
      notes: [],
    });
  });
});
