import fs from "node:fs";
import type { ScheduleCheck, TouchCheck } from "./load-checks";
import type { cpuBetween } from "./process-cpu";
import type { KindSummary, Recorder } from "./load-recorder";
import { IMPORT_KINDS } from "./load-import";
import { REQUEST_KINDS } from "./load-user";
import { formatTable } from "./table";

export type PhaseResult = {
  label: string;
  servers: number;
  seconds: number;
  load: Recorder;
  unloaded: Recorder;
  /** Share of the machine's CPU time busy during the load, all processes. */
  machineBusy: number;
  /** CPU seconds this process (the load tool) used during the load. */
  toolCpuSeconds: number;
  processCpu: ReturnType<typeof cpuBetween>;
  touches: TouchCheck;
  schedules: ScheduleCheck;
  imports: { user: number; created?: number; added: number; seconds: number }[];
};

const ms = (value: number) => (Number.isNaN(value) ? "-" : value.toFixed(1));
export const verdict = (isMet: boolean) => (isMet ? "PASS" : "MISS");

// Busy and total jiffies of all cores, from the first line of /proc/stat.
export function cpuTimes(): { busy: number; total: number } {
  const fields = (fs.readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

export function kindOf(result: PhaseResult, kind: string): KindSummary | undefined {
  return result.load.kinds().find((summary) => summary.kind === kind);
}

// The kinds in the order they are listed (what a person does, then the
// floors, then the import), not the order they first happened.
function sortedKinds(result: PhaseResult): KindSummary[] {
  const order: readonly string[] = [...REQUEST_KINDS, ...IMPORT_KINDS];
  return result.load.kinds().sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

export function errorCount(result: PhaseResult): number {
  return result.load.failures().length;
}

export function throughput(result: PhaseResult): number {
  return result.load.total() / result.seconds;
}

export function printPhase(result: PhaseResult): void {
  const unloaded = new Map(result.unloaded.kinds().map((summary) => [summary.kind, summary]));
  const rows = sortedKinds(result).map((summary) => [
    summary.kind,
    String(summary.ok),
    String(summary.failed),
    ms(summary.p50),
    ms(summary.p95),
    ms(summary.p99),
    ms(summary.max),
    ms(unloaded.get(summary.kind)?.p50 ?? Number.NaN),
    ms(unloaded.get(summary.kind)?.p95 ?? Number.NaN),
  ]);
  const cpu = result.processCpu;
  const percent = (share: number) => `${(share * 100).toFixed(0)}%`;
  console.log(
    `\n${result.label}: ${result.load.total()} requests answered in ${result.seconds.toFixed(1)} s` +
      ` (${throughput(result).toFixed(1)}/s), ${errorCount(result)} errors.` +
      `\nCPU during the load, as shares of all cores: the whole machine busy ${percent(result.machineBusy)};` +
      ` next start ${cpu.serversSeconds.toFixed(1)} CPU s (${percent(cpu.serversShare)}),` +
      ` PostgreSQL backends of this database ${cpu.databaseSeconds.toFixed(1)} CPU s (${percent(cpu.databaseShare)}),` +
      ` the load tool ${result.toolCpuSeconds.toFixed(1)} CPU s; the rest is other work on the machine.` +
      `\nMilliseconds; "unloaded" is the same kind sent one at a time before the load:\n`,
  );
  console.log(
    formatTable(["request", "ok", "errors", "p50", "p95", "p99", "max", "unloaded p50", "unloaded p95"], rows, [
      "left",
      ...Array<"right">(8).fill("right"),
    ]),
  );
  const failures = result.load.failures();
  if (failures.length > 0) {
    const reasons = new Map<string, number>();
    for (const failure of failures) reasons.set(`${failure.kind}: ${failure.why}`, (reasons.get(`${failure.kind}: ${failure.why}`) ?? 0) + 1);
    console.log("\nErrors, by reason:");
    for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${count}× ${reason}`);
  }
  const t = result.touches;
  console.log(
    `\nIn the database afterwards: ${t.answered} touches answered as stored: ${t.storedOnce} stored exactly once with every contact,` +
      ` ${t.lost} lost, ${t.doubled} stored twice or more, ${t.wrongLinks} with the wrong contacts; ${t.unanswered} unanswered` +
      ` (failed or timed out), ${t.unansweredStored} of them stored once; ${t.stray} stored touches no request sent.`,
  );
  const s = result.schedules;
  console.log(`Schedules: ${s.checked} contacts recomputed with refreshContactSchedule (rolled back), ${s.mismatched} differ from what was stored.`);
  for (const line of s.examples) console.log(`  ${line}`);
  for (const run of result.imports) {
    console.log(
      `Import by user ${run.user}: the commit answered ${run.created ?? "nothing"} created, the account gained ${run.added} contacts;` +
        ` upload to committed in ${run.seconds.toFixed(1)} s.`,
    );
  }
}

export function printGoals(phases: PhaseResult[], params: { importRows: number; listKinds: string[] }): void {
  const [one, two] = phases;
  const goals: string[][] = [];
  for (const phase of phases) {
    const t = phase.touches;
    goals.push([`${phase.label}: 0 errors`, String(errorCount(phase)), verdict(errorCount(phase) === 0)]);
    goals.push([
      `${phase.label}: 0 lost or doubled writes`,
      `${t.lost} lost, ${t.doubled} doubled, ${t.wrongLinks} wrong links, ${t.stray} stray of ${t.answered}`,
      verdict(t.lost + t.doubled + t.wrongLinks + t.stray === 0 && t.answered > 0),
    ]);
    goals.push([
      `${phase.label}: next_due_at = refreshContactSchedule`,
      `${phase.schedules.mismatched} of ${phase.schedules.checked}`,
      verdict(phase.schedules.mismatched === 0 && phase.schedules.checked > 0),
    ]);
    for (const run of phase.imports) {
      goals.push([
        `${phase.label}: import by user ${run.user} wrote ${params.importRows} contacts`,
        `${run.created ?? "-"} created, +${run.added}`,
        verdict(run.created === params.importRows && run.added === params.importRows),
      ]);
    }
  }
  if (one) {
    // Beside each, its floors: the empty signed-in page under the same load,
    // and the same request with no load.
    const floor = kindOf(one, "GET /bench-floor (floor page)")?.p95 ?? Number.NaN;
    for (const kind of ["GET /dashboard", ...params.listKinds]) {
      const p95 = kindOf(one, kind)?.p95 ?? Number.NaN;
      const alone = one.unloaded.kinds().find((summary) => summary.kind === kind)?.p95 ?? Number.NaN;
      goals.push([
        `${one.label}: ${kind} p95 ≤ 250 ms`,
        `${ms(p95)} ms (floor page ${ms(floor)}, unloaded ${ms(alone)})`,
        verdict(p95 <= 250),
      ]);
    }
  }
  if (one && two) {
    // With think time the offered load is the same in both phases, so "better"
    // shows as lower latency; throughput rises only where one server saturated.
    for (const kind of ["GET /dashboard", ...params.listKinds]) {
      const ratio = (kindOf(two, kind)?.p95 ?? Number.NaN) / (kindOf(one, kind)?.p95 ?? Number.NaN);
      goals.push([`two servers: ${kind} p95 ≤ 0.8× one server's`, `${ratio.toFixed(2)}×`, verdict(ratio <= 0.8)]);
    }
    const ratio = throughput(two) / throughput(one);
    goals.push(["two servers: throughput (for reference)", `${ratio.toFixed(2)}× (${throughput(two).toFixed(1)}/s vs ${throughput(one).toFixed(1)}/s)`, ""]);
  }
  console.log("\nGoals:\n");
  console.log(formatTable(["goal", "measured", "result"], goals, ["left", "right", "left"]));
}
