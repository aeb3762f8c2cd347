import fs from "node:fs";
import os from "node:os";

// CPU time of the processes behind a load: the servers (by process group,
// since `next start` runs its worker as a child) and the PostgreSQL backends
// serving one database (a backend's title names its database). Read from
// /proc at the start and end of the load: a backend that opened in between
// counts from zero, one that closed is missed, so this is an estimate; the
// drivers keep their connections open, so few do either.

const TICKS_PER_SECOND = 100;

type Sample = Map<number, { group: "servers" | "database"; ticks: number }>;

function stat(pid: number): { pgrp: number; ticks: number } | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // After the command name in parentheses: state, ppid, pgrp, … utime is
    // field 14 and stime 15 of the whole line.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { pgrp: Number(fields[2]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

function backendOf(pid: number, database: string): boolean {
  try {
    const title = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return title.startsWith("postgres: ") && title.split(" ").includes(database);
  } catch {
    return false;
  }
}

export function sampleCpu(params: { serverGroups: readonly number[]; database: string }): Sample {
  const sample: Sample = new Map();
  for (const entry of fs.readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const found = stat(pid);
    if (!found) continue;
    if (params.serverGroups.includes(found.pgrp)) sample.set(pid, { group: "servers", ticks: found.ticks });
    else if (backendOf(pid, params.database)) sample.set(pid, { group: "database", ticks: found.ticks });
  }
  return sample;
}

// CPU seconds each group used between two samples, and as a share of all cores.
export function cpuBetween(before: Sample, after: Sample, seconds: number) {
  const used = { servers: 0, database: 0 };
  for (const [pid, now] of after) used[now.group] += now.ticks - (before.get(pid)?.ticks ?? 0);
  const share = (ticks: number) => ticks / TICKS_PER_SECOND / (seconds * os.availableParallelism());
  return {
    serversSeconds: used.servers / TICKS_PER_SECOND,
    databaseSeconds: used.database / TICKS_PER_SECOND,
    serversShare: share(used.servers),
    databaseShare: share(used.database),
  };
}
