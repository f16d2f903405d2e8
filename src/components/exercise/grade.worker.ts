// The engine off the main thread: typing never waits for a grade.
import { gradeModel, withEnvironment } from '../../course/exercises/grade.ts';
import type { Exercise, Locale } from '../../course/exercises/schema.ts';
import { buildModel } from '../../engine/index.ts';
import { layoutTopology } from '../diagrams/topology-layout.ts';

export const answerFile = 'answer.yaml';

export interface GradeRequest {
  seq: number;
  exercise: Exercise;
  text: string;
  locale: Locale;
}

self.onmessage = (event: MessageEvent<GradeRequest>) => {
  const { seq, exercise, text, locale } = event.data;
  try {
    const files = [{ file: answerFile, text }];
    // One model per keystroke: the grade, the markers and the diagram all read it.
    const model = buildModel(withEnvironment(exercise, files));
    const grade = gradeModel(exercise, model, locale, { traces: true });
    // Markers for the learner's own file only: the exercise's cluster and
    // ingress-nginx's objects are not theirs to fix.
    const diagnostics = model.diagnostics.filter((d) => d.file === answerFile);
    self.postMessage({ seq, grade, diagnostics, topology: layoutTopology(model) });
  } catch (error) {
    self.postMessage({ seq, error: error instanceof Error ? error.message : String(error) });
  }
};
