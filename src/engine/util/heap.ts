// A binary min-heap of [key, index] pairs; ties go to the smaller index, which
// keeps scheduling deterministic (first node in order wins a tie).
export class MinHeap {
  private readonly items: [number, number][] = [];

  get size(): number {
    return this.items.length;
  }

  push(key: number, index: number): void {
    const items = this.items;
    items.push([key, index]);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(items[i], items[parent])) break;
      swap(items, i, parent);
      i = parent;
    }
  }

  peek(): [number, number] | undefined {
    return this.items[0];
  }

  pop(): [number, number] | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && less(items[l], items[m])) m = l;
        if (r < items.length && less(items[r], items[m])) m = r;
        if (m === i) break;
        swap(items, i, m);
        i = m;
      }
    }
    return top;
  }
}

function less(a: [number, number] | undefined, b: [number, number] | undefined): boolean {
  if (!a || !b) return false;
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

function swap(items: [number, number][], i: number, j: number): void {
  const t = items[i] as [number, number];
  items[i] = items[j] as [number, number];
  items[j] = t;
}
