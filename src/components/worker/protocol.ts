// What an island and its engine worker say to each other, whatever the
// question: each request carries a sequence number and each answer repeats
// it, so the page can drop answers to questions it no longer asks.

export type Numbered<T> = T & { seq: number };

/** The worker's answer: what it computed, or why it could not. */
export type Answer<T> = Numbered<T> | { seq: number; error: string };

export function isFailure<T>(answer: Answer<T>): answer is { seq: number; error: string } {
  return typeof (answer as { error?: unknown }).error === 'string';
}
