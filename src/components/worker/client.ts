// The page's side of ./protocol.ts, for both islands: the engine runs in a
// worker so typing never waits for it; a change asks again a little later
// (debounce); only the answer to the latest question is shown; a worker that
// does not answer in time is replaced, so a stuck engine never stalls the page.
import { type Answer, isFailure, type Numbered } from './protocol.ts';

/** What the client needs of a Worker (a fake one in the tests). */
export interface WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

export interface ClientOptions<Q, A> {
  create: () => WorkerLike;
  /** The question to ask now (read when the request is sent, not when scheduled). */
  question: () => Q;
  /** Each time a question is sent (the page says it is working). */
  onAsk?: () => void;
  /** The answer to the latest question. */
  onAnswer: (answer: A) => void;
  /** The engine failed (its message) or did not answer in time ("timeout"). */
  onError: (message: string) => void;
  /** Pause after the last change before asking. */
  delayMs: number;
  /** An answer later than this means the engine is stuck: the worker is replaced. */
  timeoutMs: number;
}

export class EngineClient<Q, A> {
  private worker: WorkerLike;
  private seq = 0;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private readonly options: ClientOptions<Q, A>;

  constructor(options: ClientOptions<Q, A>) {
    this.options = options;
    this.worker = this.start();
  }

  /** Ask now; a question scheduled before is dropped. */
  run(): void {
    clearTimeout(this.pending);
    clearTimeout(this.watchdog);
    this.options.onAsk?.();
    const seq = ++this.seq;
    const message: Numbered<Q> = { ...this.options.question(), seq };
    this.worker.postMessage(message);
    this.watchdog = setTimeout(() => this.restart(), this.options.timeoutMs);
  }

  /** Ask after the pause; each call restarts it. */
  schedule(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.run(), this.options.delayMs);
  }

  private start(): WorkerLike {
    const worker = this.options.create();
    worker.onmessage = (event: MessageEvent<Answer<A>>) => this.receive(event.data);
    return worker;
  }

  private receive(answer: Answer<A>): void {
    if (answer.seq !== this.seq) return;
    clearTimeout(this.watchdog);
    if (isFailure(answer)) this.options.onError(answer.error);
    else this.options.onAnswer(answer);
  }

  private restart(): void {
    this.worker.terminate();
    this.worker = this.start();
    this.options.onError('timeout');
  }
}
