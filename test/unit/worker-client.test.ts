// The engine-worker client both islands use, against a fake Worker: only the
// latest question's answer is shown, a silent worker is replaced, changes in
// a burst ask once, and the worker side numbers its answers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EngineClient, type WorkerLike } from '../../src/components/worker/client.ts';
import { serve } from '../../src/components/worker/serve.ts';

class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  sent: { seq: number; text: string }[] = [];
  terminated = false;
  postMessage(message: unknown) {
    this.sent.push(message as { seq: number; text: string });
  }
  terminate() {
    this.terminated = true;
  }
  answer(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const answers: unknown[] = [];
  const errors: string[] = [];
  let text = 'a';
  const client = new EngineClient<{ text: string }, { text: string; upper: string }>({
    create: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    question: () => ({ text }),
    onAnswer: (a) => answers.push(a),
    onError: (e) => errors.push(e),
    delayMs: 100,
    timeoutMs: 1000,
  });
  return { client, workers, answers, errors, type: (t: string) => (text = t) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('EngineClient', () => {
  it('drops the answer to a question asked before the latest', () => {
    const { client, workers, answers, type } = setup();
    client.run();
    type('ab');
    client.run();
    const w = workers[0] as FakeWorker;
    expect(w.sent.map((m) => [m.seq, m.text])).toEqual([
      [1, 'a'],
      [2, 'ab'],
    ]);
    // The newer answer arrives first, then the stale one: only the newer is shown.
    w.answer({ seq: 2, text: 'ab', upper: 'AB' });
    w.answer({ seq: 1, text: 'a', upper: 'A' });
    expect(answers).toEqual([{ seq: 2, text: 'ab', upper: 'AB' }]);
  });

  it('shows an error answer, and only the latest question’s', () => {
    const { client, workers, errors } = setup();
    client.run();
    client.run();
    const w = workers[0] as FakeWorker;
    w.answer({ seq: 1, error: 'old failure' });
    w.answer({ seq: 2, error: 'boom' });
    expect(errors).toEqual(['boom']);
  });

  it('replaces a worker that does not answer in time, and asks the new one next', () => {
    const { client, workers, answers, errors } = setup();
    client.run();
    vi.advanceTimersByTime(999);
    expect(workers).toHaveLength(1);
    expect(errors).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(workers).toHaveLength(2);
    expect(workers[0]?.terminated).toBe(true);
    expect(errors).toEqual(['timeout']);
    client.run();
    const fresh = workers[1] as FakeWorker;
    expect(fresh.sent.map((m) => m.seq)).toEqual([2]);
    fresh.answer({ seq: 2, text: 'a', upper: 'A' });
    expect(answers).toHaveLength(1);
  });

  it('does not restart a worker that answered in time', () => {
    const { client, workers, errors } = setup();
    client.run();
    (workers[0] as FakeWorker).answer({ seq: 1, text: 'a', upper: 'A' });
    vi.advanceTimersByTime(5000);
    expect(workers).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('asks once, with the latest text, after a burst of changes', () => {
    const { client, workers, type } = setup();
    client.schedule();
    type('ab');
    vi.advanceTimersByTime(60);
    client.schedule();
    type('abc');
    vi.advanceTimersByTime(99);
    expect(workers[0]?.sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(workers[0]?.sent).toEqual([{ seq: 1, text: 'abc' }]);
  });

  it('drops a scheduled question when asked at once', () => {
    const { client, workers } = setup();
    client.schedule();
    client.run();
    vi.advanceTimersByTime(500);
    expect(workers[0]?.sent.map((m) => m.seq)).toEqual([1]);
  });
});

describe('serve', () => {
  it('answers with the question’s number, and a thrown error as an error', () => {
    const posted: unknown[] = [];
    const scope = {
      onmessage: null as ((e: MessageEvent) => void) | null,
      postMessage: (m: unknown) => posted.push(m),
    };
    serve((q: { text: string }) => {
      if (q.text === '') throw new Error('empty');
      return { upper: q.text.toUpperCase() };
    }, scope);
    scope.onmessage?.({ data: { seq: 7, text: 'ab' } } as MessageEvent);
    scope.onmessage?.({ data: { seq: 8, text: '' } } as MessageEvent);
    expect(posted).toEqual([
      { seq: 7, upper: 'AB' },
      { seq: 8, error: 'empty' },
    ]);
  });
});
