import { percentile } from "./stats";

// Every request a load run makes, by kind: its time, and whether it failed
// (a status other than the one expected, a timeout, a body without what the
// answer must hold). A failure is counted, never retried, and its time kept
// apart, since an error answers fast and would pass for a good time.
export type Failure = { kind: string; why: string };

export type KindSummary = { kind: string; ok: number; failed: number; p50: number; p95: number; p99: number; max: number };

export type Recorder = {
  ok: (kind: string, ms: number) => void;
  fail: (kind: string, why: string) => void;
  kinds: () => KindSummary[];
  failures: () => Failure[];
  /** Requests answered well, whatever their kind. */
  total: () => number;
};

export function createRecorder(): Recorder {
  const times = new Map<string, number[]>();
  const failed = new Map<string, number>();
  const failures: Failure[] = [];
  const order: string[] = [];
  const see = (kind: string) => {
    if (!order.includes(kind)) order.push(kind);
  };
  return {
    ok(kind, ms) {
      see(kind);
      const list = times.get(kind);
      if (list) list.push(ms);
      else times.set(kind, [ms]);
    },
    fail(kind, why) {
      see(kind);
      failed.set(kind, (failed.get(kind) ?? 0) + 1);
      failures.push({ kind, why });
    },
    kinds: () =>
      order.map((kind) => {
        const sorted = [...(times.get(kind) ?? [])].sort((a, b) => a - b);
        return {
          kind,
          ok: sorted.length,
          failed: failed.get(kind) ?? 0,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          max: sorted.at(-1) ?? Number.NaN,
        };
      }),
    failures: () => failures,
    total: () => [...times.values()].reduce((sum, list) => sum + list.length, 0),
  };
}

export class WrongAnswer extends Error {}

// Times one request; a thrown error (a wrong status or body, a timeout, a
// refused connection) is recorded as a failure of that kind instead.
export async function timed<T>(recorder: Recorder, kind: string, run: () => Promise<T>): Promise<T | undefined> {
  const started = performance.now();
  try {
    const result = await run();
    recorder.ok(kind, performance.now() - started);
    return result;
  } catch (error) {
    const why = error instanceof Error ? (error.name === "TimeoutError" ? "timed out" : error.message) : String(error);
    recorder.fail(kind, why.slice(0, 300));
    return undefined;
  }
}
