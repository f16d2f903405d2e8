// The worker's side of ./protocol.ts: each request answered with its own
// number, a thrown error answered as an error instead of left unanswered.
import type { Answer, Numbered } from './protocol.ts';

interface Scope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
}

export function serve<Q, A>(answer: (request: Q) => A, scope: Scope = self as Scope): void {
  scope.onmessage = (event: MessageEvent<Numbered<Q>>) => {
    const { seq } = event.data;
    let reply: Answer<A>;
    try {
      reply = { ...answer(event.data), seq };
    } catch (error) {
      reply = { seq, error: error instanceof Error ? error.message : String(error) };
    }
    scope.postMessage(reply);
  };
}
