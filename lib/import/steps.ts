// Long work (parsing and planning a file of 50,000 rows) written as a
// generator that yields wherever it could pause. runSteps does it all at
// once; runStepsSliced gives the event loop a turn every few milliseconds,
// so a web server doing an import keeps answering requests meanwhile.

export type Steps<T> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const SLICE_MS = 10;

// A turn for timers and sockets. Awaiting a promise is not one: a chain of
// queries on the in-process PGlite can resolve without ever giving one.
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runStepsSliced<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStarted = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStarted >= sliceMs) {
      await nextTurn();
      sliceStarted = performance.now();
    }
  }
}
