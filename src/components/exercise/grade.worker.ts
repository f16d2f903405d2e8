// The engine off the main thread: typing never waits for a grade.
import { gradeSubmission, withEnvironment } from '../../engine/exercises/grade.ts';
import type { Exercise, Locale } from '../../engine/exercises/types.ts';
import { buildModel } from '../../engine/model/build.ts';

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
    const grade = gradeSubmission(exercise, files, locale);
    // The learner's own file only: the exercise's cluster and ingress-nginx's
    // objects are not theirs to fix.
    const diagnostics = buildModel(withEnvironment(exercise, files)).diagnostics.filter(
      (d) => d.file === answerFile,
    );
    self.postMessage({ seq, grade, diagnostics });
  } catch (error) {
    self.postMessage({ seq, error: error instanceof Error ? error.message : String(error) });
  }
};
