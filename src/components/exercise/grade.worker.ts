// The engine off the main thread: typing never waits for a grade.

import type { Grade } from '../../course/exercises/grade.ts';
import { gradeModel, withEnvironment } from '../../course/exercises/grade.ts';
import type { Exercise } from '../../course/exercises/schema.ts';
import type { Diagnostic, TraceResult } from '../../engine/index.ts';
import { buildModel } from '../../engine/index.ts';
import type { Locale } from '../../i18n/locales.ts';
import { layoutTopology, type TopologyLayout } from '../diagrams/topology-layout.ts';
import { serve } from '../worker/serve.ts';

export const answerFile = 'answer.yaml';

export interface GradeRequest {
  exercise: Exercise;
  text: string;
  locale: Locale;
}

export interface GradeReply {
  grade: Grade;
  diagnostics: Diagnostic[];
  topology: TopologyLayout;
  /** Each request check's route with the exercise's solution: the goal drawn beside the learner's. */
  goal: Record<string, TraceResult>;
}

// The solution never changes while a page is open: its routes are traced once
// per exercise and locale, not on every keystroke.
const goals = new Map<string, Record<string, TraceResult>>();
function goalOf(exercise: Exercise, locale: Locale): Record<string, TraceResult> {
  // The exam site ships no solution, so no goal either.
  if (exercise.solution.trim() === '') return {};
  const key = `${exercise.id}\n${locale}`;
  let goal = goals.get(key);
  if (!goal) {
    const model = buildModel(
      withEnvironment(exercise, [{ file: answerFile, text: exercise.solution }]),
    );
    const grade = gradeModel(exercise, model, locale, { traces: true });
    goal = Object.fromEntries(grade.checks.flatMap((c) => (c.trace ? [[c.id, c.trace]] : [])));
    goals.set(key, goal);
  }
  return goal;
}

serve(({ exercise, text, locale }: GradeRequest): GradeReply => {
  const files = [{ file: answerFile, text }];
  // One model per keystroke: the grade, the markers and the diagram all read it.
  const model = buildModel(withEnvironment(exercise, files));
  const grade = gradeModel(exercise, model, locale, { traces: true });
  // Markers for the learner's own file only: the exercise's cluster and
  // ingress-nginx's objects are not theirs to fix.
  const diagnostics = model.diagnostics.filter((d) => d.file === answerFile);
  return { grade, diagnostics, topology: layoutTopology(model), goal: goalOf(exercise, locale) };
});
