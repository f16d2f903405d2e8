// The four shapes of a grading report (cli.md "grade --format"): text for a
// terminal, JSON (routelab.dev/grade/v1), JUnit XML for CI dashboards, CSV for
// spreadsheets. Only the text is for a terminal: there every learner-controlled
// string is escaped (terminal.ts); JSON, XML and CSV keep it faithfully, in
// each format's own escapes.
import type { ExerciseSource } from '../course/exercises/schema.ts';
import type { SubmissionResult } from './grade.ts';
import type { Ignored } from './submissions.ts';
import { jsonSafe, terminalSafe as safe } from './terminal.ts';

export const formats = ['text', 'json', 'junit', 'csv'] as const;
export type Format = (typeof formats)[number];

/** Entries of the graded folders that were not graded, and why: said, never silently dropped. */
export function ignoredLines(ignored: Ignored[]): string[] {
  return ignored.map((i) => `ignored: ${safe(i.path)} (${safe(i.reason)})`);
}

export function gradeText(
  exercise: ExerciseSource,
  results: SubmissionResult[],
  ignored: Ignored[] = [],
): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.passed ? 'PASS' : 'FAIL'}  ${safe(r.submission)}  ${r.score}/${r.maxScore}`);
    for (const note of r.notes ?? []) lines.push(`      note: ${safe(note)}`);
    if (r.error) {
      lines.push(`      ${safe(r.error)}`);
      continue;
    }
    for (const c of r.checks)
      if (!c.passed) {
        lines.push(`      ✗ ${safe(c.id)}: ${safe(c.message)}`);
        // The hint is a shell command, already written with $'...' escapes (shellWord).
        if (c.hint) lines.push(`        hint: ${safe(c.hint)}`);
      }
  }
  const passed = results.filter((r) => r.passed).length;
  if (ignored.length > 0) lines.push('', ...ignoredLines(ignored));
  lines.push('', `${exercise.id}: ${passed} of ${results.length} submissions passed`);
  return lines.join('\n');
}

export function gradeJson(
  exercise: ExerciseSource,
  results: SubmissionResult[],
  ignored: Ignored[] = [],
): string {
  return jsonSafe(
    JSON.stringify(
      {
        schema: 'routelab.dev/grade/v1',
        exercise: exercise.id,
        submissions: results.map((r) => ({
          submission: r.submission,
          passed: r.passed,
          score: r.score,
          maxScore: r.maxScore,
          ...(r.error ? { error: r.error } : {}),
          ...(r.notes?.length ? { notes: r.notes } : {}),
          checks: r.checks.map((c) => ({
            id: c.id,
            passed: c.passed,
            message: c.message,
            ...(c.hint ? { hint: c.hint } : {}),
          })),
        })),
        ignored,
      },
      null,
      2,
    ),
  );
}

/**
 * XML 1.0 text: escaped; the control characters XML cannot carry at all are
 * written as visible \xNN (dropping them would hide that they were there);
 * C1 controls and bidi characters as character references, the same text.
 */
export function xml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML cannot carry
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) =>
        c.charCodeAt(0) < 0x100 ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : '\uFFFD',
      )
      .replace(
        /[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g,
        (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`,
      )
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
export function csvField(value: string | number | boolean): string {
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

/** JUnit and CSV have no place for notes and ignored entries: they go to standard error. */
export function sayAside(
  io: { err: (text: string) => void },
  results: SubmissionResult[],
  ignored: Ignored[],
): void {
  for (const r of results)
    for (const note of r.notes ?? [])
      io.err(`routelab: note: ${safe(r.submission)}: ${safe(note)}`);
  for (const line of ignoredLines(ignored)) io.err(`routelab: ${line}`);
}
