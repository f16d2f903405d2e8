// The four shapes of a grading report (cli.md "grade --format"): text for a
// terminal, JSON (routelab.dev/grade/v1), JUnit XML for CI dashboards, CSV for
// spreadsheets.
import type { ExerciseSource } from '../course/exercises/schema.ts';
import type { SubmissionResult } from './grade.ts';

export const formats = ['text', 'json', 'junit', 'csv'] as const;
export type Format = (typeof formats)[number];

export function gradeText(exercise: ExerciseSource, results: SubmissionResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.passed ? 'PASS' : 'FAIL'}  ${r.submission}  ${r.score}/${r.maxScore}`);
    if (r.error) {
      lines.push(`      ${r.error}`);
      continue;
    }
    for (const c of r.checks)
      if (!c.passed) {
        lines.push(`      ✗ ${c.id}: ${c.message}`);
        if (c.hint) lines.push(`        hint: ${c.hint}`);
      }
  }
  const passed = results.filter((r) => r.passed).length;
  lines.push('', `${exercise.id}: ${passed} of ${results.length} submissions passed`);
  return lines.join('\n');
}

export function gradeJson(exercise: ExerciseSource, results: SubmissionResult[]): string {
  return JSON.stringify(
    {
      schema: 'routelab.dev/grade/v1',
      exercise: exercise.id,
      submissions: results.map((r) => ({
        submission: r.submission,
        passed: r.passed,
        score: r.score,
        maxScore: r.maxScore,
        ...(r.error ? { error: r.error } : {}),
        checks: r.checks.map((c) => ({
          id: c.id,
          passed: c.passed,
          message: c.message,
          ...(c.hint ? { hint: c.hint } : {}),
        })),
      })),
    },
    null,
    2,
  );
}

/** XML 1.0 text: escaped, without the control characters XML cannot carry. */
function xml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

export function gradeJunit(exercise: ExerciseSource, results: SubmissionResult[]): string {
  const tests = results.reduce((n, r) => n + r.checks.length, 0);
  const failures = results.reduce((n, r) => n + r.checks.filter((c) => !c.passed).length, 0);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(`routelab grade ${exercise.id}`)}" tests="${tests}" failures="${failures}">`,
  ];
  for (const r of results) {
    const failed = r.checks.filter((c) => !c.passed).length;
    out.push(
      `  <testsuite name="${xml(r.submission)}" tests="${r.checks.length}" failures="${failed}">`,
    );
    for (const c of r.checks) {
      const open = `    <testcase classname="${xml(`${exercise.id}.${r.submission}`)}" name="${xml(c.id)}"`;
      if (c.passed) {
        out.push(`${open}/>`);
        continue;
      }
      const body = c.hint ? `${c.message}\nhint: ${c.hint}` : c.message;
      out.push(`${open}>`, `      <failure message="${xml(c.message)}">${xml(body)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n');
}

/** One CSV field (RFC 4180), defused so a spreadsheet never runs it as a formula. */
function csvField(value: string | number | boolean): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function gradeCsv(exercise: ExerciseSource, results: SubmissionResult[]): string {
  const ids = exercise.checks.map((c) => c.id);
  const rows = [['submission', 'passed', 'score', 'maxScore', ...ids, 'error']];
  for (const r of results) {
    const byId = new Map(r.checks.map((c) => [c.id, c.passed]));
    rows.push([
      r.submission,
      String(r.passed),
      String(r.score),
      String(r.maxScore),
      ...ids.map((id) => (byId.get(id) ? 'pass' : 'fail')),
      r.error ?? '',
    ]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n');
}
