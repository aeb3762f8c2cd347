import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { DataDirInUseError } from "@/db/pglite-lock";

const children: ChildProcess[] = [];
const dataDirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

// A data directory of its own for each test, removed after it (a PGlite
// cluster is about 40 MB).
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kith-owner-"));
  dataDirs.push(dir);
  return dir;
}

function holdInChild(dataDir: string): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join("tests", "fixtures", "hold-data-dir.ts"), dataDir],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("\n")) resolve({ child, line: out.trim() });
    });
    child.on("exit", (code) => reject(new Error(`child exited with ${code}: ${out}`)));
  });
}

function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

async function notes(dataDir: string): Promise<string[]> {
  const handle = await openDb({ dataDir });
  try {
    const rows = await handle.db.execute<{ body: string }>(sql`select body from notes order by body`);
    return (rows as unknown as { rows: { body: string }[] }).rows.map((row) => row.body);
  } finally {
    await handle.close();
  }
}

describe("embedded database has one owner", () => {
  it("refuses a second process with a clear error while the first is running", { timeout: 60_000 }, async () => {
    const dataDir = tempDataDir();
    const { child, line } = await holdInChild(dataDir);
    expect(line).toBe("ready");

    const opening = openDb({ dataDir });
    await expect(opening).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(opening).rejects.toThrow(`in use by another Kith process (pid ${child.pid})`);
    await expect(opening).rejects.toThrow(/KITH_DATA_DIR|DATABASE_URL/);

    // The owner dies without cleaning up; the next opener takes over and
    // finds the owner's write.
    child.kill("SIGKILL");
    await waitForExit(child);
    expect(fs.existsSync(path.join(dataDir, "kith.lock"))).toBe(true);
    expect(await notes(dataDir)).toEqual(["from the child"]);
    expect(fs.existsSync(path.join(dataDir, "kith.lock"))).toBe(false);
  });

  it("refuses a second open of the same directory inside one process", { timeout: 60_000 }, async () => {
    const dataDir = tempDataDir();
    const first = await openDb({ dataDir });
    try {
      await expect(openDb({ dataDir })).rejects.toBeInstanceOf(DataDirInUseError);
    } finally {
      await first.close();
    }
    const again = await openDb({ dataDir });
    await again.close();
  });

  it("takes over a lock left by a dead process", { timeout: 60_000 }, async () => {
    const dataDir = tempDataDir();
    const dead = spawn(process.execPath, ["-e", ""]);
    await waitForExit(dead);
    fs.writeFileSync(path.join(dataDir, "kith.lock"), String(dead.pid));
    const handle = await openDb({ dataDir });
    expect(fs.readFileSync(path.join(dataDir, "kith.lock"), "utf8")).toBe(String(process.pid));
    await handle.close();
  });
});
