// A gradebook as text, CSV, JSON or JUnit (see gradebook.ts). The CSV is one
// row per learner with a column per exercise holding its score (checks
// passed), then the total and the maximum: Moodle's "Import grades from CSV"
// maps the learner column to a user field and each exercise column to a grade
// item; Canvas's gradebook import takes the same columns pasted into the
// export it gives (README, "A course gradebook").
import type { ExerciseSource } from '../course/exercises/schema.ts';
import type { Row } from './gradebook.ts';
import { csvField, xml } from './report.ts';
import { terminalSafe } from './terminal.ts';

export function gradebookCsv(exercises: ExerciseSource[], rows: Row[]): string {
  const header = [
    'learner',
    'file',
    ...exercises.map((e) => `${e.id} (${e.checks.length})`),
    'total',
    'max',
    'error',
  ];
  const lines = [header];
  for (const r of rows)
    lines.push([
      r.learner,
      r.file,
      ...exercises.map((e) => String(r.exercises[e.id]?.score ?? 0)),
      String(r.score),
      String(r.max),
      r.error ?? '',
    ]);
  return lines.map((line) => line.map(csvField).join(',')).join('\r\n');
}

export function gradebookJson(exercises: ExerciseSource[], rows: Row[]): string {
  return JSON.stringify(
    {
      schema: 'routelab.dev/gradebook/v1',
      exercises: exercises.map((e) => ({
        id: e.id,
        chapter: e.chapter,
        max: e.checks.length,
        checks: e.checks.map((c) => c.id),
      })),
      learners: rows,
    },
    null,
    2,
  );
}

export function gradebookJunit(exercises: ExerciseSource[], rows: Row[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="routelab course">'];
  for (const r of rows) {
    const failed = exercises.filter((e) => (r.exercises[e.id]?.score ?? 0) < e.checks.length);
    out.push(
      `  <testsuite name="${xml(r.learner)}" tests="${exercises.length}" failures="${failed.length}">`,
    );
    for (const e of exercises) {
      const mark = r.exercises[e.id];
      out.push(`    <testcase classname="${xml(r.learner)}" name="${xml(e.id)}">`);
      if (!mark || mark.score < mark.max) {
        const why = !mark?.answered
          ? 'no answer'
          : mark.checks
              .filter((c) => !c.passed)
              .map((c) => `${c.id}: ${c.message}`)
              .join('\n');
        out.push(
          `      <failure message="${xml(`${mark?.score ?? 0}/${e.checks.length} checks`)}">${xml(why)}</failure>`,
        );
      }
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n');
}

export function gradebookText(exercises: ExerciseSource[], rows: Row[]): string {
  const out: string[] = [];
  for (const r of rows) {
    out.push(`${terminalSafe(r.learner)} (${terminalSafe(r.file)}): ${r.score}/${r.max}`);
    if (r.error) out.push(`  ${terminalSafe(r.error)}`);
    for (const e of exercises) {
      const mark = r.exercises[e.id];
      const state = !mark?.answered ? 'no answer' : `${mark.score}/${mark.max}`;
      out.push(`  ${e.id.padEnd(30)}${state}`);
    }
  }
  return out.join('\n');
}
