// The smallest waiting position first: a round goes in file order.
export class MinQueue {
  private heap: number[] = [];

  constructor(values: number[]) {
    for (const value of values) this.push(value);
  }

  push(value: number) {
    const heap = this.heap;
    heap.push(value);
    for (let at = heap.length - 1; at > 0; ) {
      const parent = (at - 1) >> 1;
      if ((heap[parent] ?? 0) <= value) break;
      heap[at] = heap[parent] ?? 0;
      heap[parent] = value;
      at = parent;
    }
  }

  pop(): number | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    heap[0] = last;
    for (let at = 0; ; ) {
      const [left, right] = [2 * at + 1, 2 * at + 2];
      let least = at;
      if (left < heap.length && (heap[left] ?? 0) < (heap[least] ?? 0)) least = left;
      if (right < heap.length && (heap[right] ?? 0) < (heap[least] ?? 0)) least = right;
      if (least === at) break;
      [heap[at], heap[least]] = [heap[least] ?? 0, heap[at] ?? 0];
      at = least;
    }
    return top;
  }
}
