// Input as kubectl reads it, the same in every command: files opened without
// hanging (regular files only, the size counted while reading), decoded as
// kubectl's FileVisitor decodes them, and `validate` and `grade` agreeing on
// every encoding and on empty input; `trace` stopped by its time limit.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText, readRegularFile } from '../../src/cli/files.ts';
import { exerciseFile, routelab } from '../support/cli.ts';

const solution = readFileSync(exerciseFile('service-selector', 'solution.yaml'), 'utf8');

describe('reading a file', () => {
  it('counts the size while reading, not from stat (a /proc file says 0 bytes)', () => {
    expect(statSync('/proc/self/status').size).toBe(0);
    expect(readRegularFile('/proc/self/status', 16, { follow: true })).toEqual({
      ok: false,
      reason: 'is larger than 16 bytes; it was not read',
    });
  });

  it('refuses a device without reading it', () => {
    expect(readRegularFile('/dev/zero', 1024, { follow: true })).toEqual({
      ok: false,
      reason: 'is a character device, not a regular file; it was not read',
    });
  });

  it('does not follow a link unless asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'routelab-read-'));
    writeFileSync(join(dir, 'a.yaml'), 'a: 1\n');
    spawnSync('ln', ['-s', 'a.yaml', join(dir, 'b.yaml')]);
    expect(readRegularFile(join(dir, 'b.yaml'), 1024)).toEqual({
      ok: false,
      reason: 'cannot be read (ELOOP: too many levels of symbolic links)',
    });
    expect(readRegularFile(join(dir, 'b.yaml'), 1024, { follow: true }).ok).toBe(true);
    rmSync(dir, { recursive: true });
  });
});

describe('decoding as kubectl does (cli-runtime FileVisitor: BOMOverride(UTF8 decoder))', () => {
  const text = 'a: café\n';
  it('drops a UTF-8 BOM and reads UTF-16 with a BOM, either byte order', () => {
    const utf8 = Buffer.from(`\uFEFF${text}`, 'utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    for (const bytes of [utf8, le, Buffer.concat([Buffer.from([0xfe, 0xff]), be])])
      expect(decodeText(bytes, 'a.yaml')).toEqual({ text, notes: [] });
  });

  it('reads latin-1 bytes as U+FFFD, as x/text’s UTF-8 decoder does, and says at which line', () => {
    const bytes = Buffer.from('# ok\nb: caf\xe9\n', 'latin1');
    const decoded = decodeText(bytes, 'a.yaml');
    expect(decoded.text).toBe('# ok\nb: caf\uFFFD\n');
    expect(decoded.notes).toEqual([
      expect.objectContaining({
        file: 'a.yaml',
        line: 2,
        message: expect.stringContaining('latin-1'),
      }),
    ]);
  });
});

describe('validate and grade agree', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'routelab-encodings-'));
    writeFileSync(join(dir, 'bom.yaml'), `\uFEFF${solution}`);
    writeFileSync(
      join(dir, 'utf16.yaml'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(solution, 'utf16le')]),
    );
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from(`# réponse\n${solution}`, 'latin1'));
    writeFileSync(join(dir, 'empty.yaml'), '');
    writeFileSync(join(dir, 'comments.yaml'), '# nothing yet\n---\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('on BOMs, UTF-16, latin-1 and empty files', () => {
    const graded = JSON.parse(
      routelab(['grade', 'service-selector', dir, '--format', 'json']).stdout,
    );
    const grade = (name: string) =>
      graded.submissions.find((s: { submission: string }) => s.submission === name);
    for (const name of ['bom.yaml', 'utf16.yaml']) {
      expect(routelab(['validate', join(dir, name)]).code, name).toBe(0);
      expect(grade(name).passed, name).toBe(true);
    }
    // A latin-1 é in a comment: kubectl applies it; both say the bytes were not UTF-8.
    const latin1 = routelab(['validate', join(dir, 'latin1.yaml')]);
    expect(latin1.code).toBe(0);
    expect(latin1.stdout).toContain('latin1.yaml:1:1: warning: the file is not UTF-8 (latin-1?)');
    expect(grade('latin1.yaml').passed).toBe(true);
    expect(grade('latin1.yaml').notes[0]).toContain('latin1.yaml:1: the file is not UTF-8');
    for (const name of ['empty.yaml', 'comments.yaml']) {
      const validated = routelab(['validate', join(dir, name)]);
      expect(validated.code, name).toBe(1);
      expect(validated.stdout, name).toContain(`${name}:1:1: error: no objects passed to apply`);
      expect(grade(name), name).toMatchObject({
        passed: false,
        error: 'the submission is empty (kubectl: error: no objects passed to apply)',
      });
    }
  }, 240_000);
});

describe('routelab trace under a time limit', () => {
  it('stops a use-regex path that backtracks, with one line and exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'routelab-redos-'));
    const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: hostile
  annotations:
    nginx.ingress.kubernetes.io/use-regex: "true"
spec:
  ingressClassName: nginx
  rules:
    - host: myapp.example.com
      http:
        paths:
          - path: /(a+)+$
            pathType: ImplementationSpecific
            backend:
              service:
                name: my-service
                port:
                  number: 80
`;
    writeFileSync(join(dir, 'app.yaml'), `${solution}\n---\n${ingress}`);
    const { code, stdout, stderr, seconds } = routelab([
      'trace',
      join(dir, 'app.yaml'),
      '--to',
      `http://myapp.example.com/${'a'.repeat(40)}b`,
      '--timeout',
      '1',
    ]);
    rmSync(dir, { recursive: true });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^routelab: the trace took longer than 1 s and was stopped/);
    // 2^40 steps of backtracking would take days; the limit ended it.
    expect(seconds).toBeLessThan(100);
  }, 150_000);
});
