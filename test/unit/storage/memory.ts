// A Storage held in memory, as the browser's localStorage behaves for one
// origin (string values, insertion-ordered keys), for tests that run in Node.
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  /** When set, a write throws this, as a full or blocked store does. */
  failWith: DOMException | null = null;

  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWith) throw this.failWith;
    this.items.set(key, String(value));
  }
  dump(): Record<string, string> {
    return Object.fromEntries(this.items);
  }
}

/** Installs a fresh store as globalThis.localStorage and returns it. */
export function freshStorage(): MemoryStorage {
  const s = new MemoryStorage();
  Object.defineProperty(globalThis, 'localStorage', {
    value: s,
    configurable: true,
    writable: true,
  });
  return s;
}

/** localStorage as Chromium gives it when the site's storage is blocked: the access throws. */
export function blockStorage(): void {
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    },
  });
}
