// Where each thing the learner keeps lives in localStorage. The version in the
// prefix changes when a value's shape does; migrate.ts carries older keys over.

export const prefix = 'routelab:v2:';

/** What one saved text belongs to: an exercise's answer, or the playground. */
export type Slot = `answer:${string}` | 'playground';

export const answerSlot = (id: string): Slot => `answer:${id}`;
export const playgroundSlot: Slot = 'playground';

export const slotKey = (slot: Slot) => `${prefix}${slot}`;
export const historyKey = (slot: Slot) => `${prefix}history:${slot}`;
export const progressKey = `${prefix}progress`;
export const persistKey = `${prefix}persist`;
/** The name or id the learner gives their exported progress. */
export const learnerKey = `${prefix}learner`;
/** Instructor mode: 'on' or 'off'. */
export const instructorKey = `${prefix}instructor`;

/** Exercise ids as the course writes them; anything else is not ours. */
export const idPattern = /^[a-z0-9][a-z0-9-]*$/;

/** The exercise id a key holds an answer for, or null. */
export function answerIdOf(key: string): string | null {
  const id = key.startsWith(`${prefix}answer:`) ? key.slice(`${prefix}answer:`.length) : '';
  return idPattern.test(id) ? id : null;
}
