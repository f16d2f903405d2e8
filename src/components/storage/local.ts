// The browser's localStorage, reached so that nothing it throws reaches the
// learner: blocked storage (a SecurityError on the mere access) and full
// storage (QuotaExceededError on a write) come back as values to show.

export type Failure = 'blocked' | 'full';

/** The page's Storage, or null when the browser blocks it for this site. */
export function area(): Storage | null {
  try {
    // Node has no localStorage unless a test gives it one.
    const s = (globalThis as { localStorage?: Storage }).localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

export function blocked(): boolean {
  return area() === null;
}

/** The value under key; null when absent, unreadable or blocked. */
export function readKey(key: string): string | null {
  try {
    return area()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** null when written; otherwise why not. */
export function writeKey(key: string, value: string): Failure | null {
  const s = area();
  if (!s) return 'blocked';
  try {
    s.setItem(key, value);
    return null;
  } catch (error) {
    return error instanceof DOMException && error.name === 'SecurityError' ? 'blocked' : 'full';
  }
}

export function removeKey(key: string): void {
  try {
    area()?.removeItem(key);
  } catch {
    // Blocked: there is nothing to remove.
  }
}

/** Every key that starts with prefix. */
export function keysWith(prefix: string): string[] {
  const s = area();
  const keys: string[] = [];
  if (!s) return keys;
  try {
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
  } catch {
    // Blocked mid-way: what was listed is all there is.
  }
  return keys;
}
