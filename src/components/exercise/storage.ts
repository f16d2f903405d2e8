// What the exercise pages keep: the storage layer lives in ../storage/; this
// names the parts an exercise page uses, under the names it always used.
import { answerSlot } from '../storage/keys.ts';
import { migrateOnce } from '../storage/migrate.ts';
import { load } from '../storage/records.ts';

export {
  loadProgress,
  markCompleted,
  type Progress,
  replaceProgress,
} from '../storage/progress.ts';

/** The saved text of an exercise's answer, or null. */
export function loadAnswer(id: string): string | null {
  migrateOnce();
  return load(answerSlot(id))?.value ?? null;
}
