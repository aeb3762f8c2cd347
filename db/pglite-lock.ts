import fs from "node:fs";
import path from "node:path";

// PGlite has no lock of its own: two processes on one data directory silently
// lose writes. The owner writes its pid into a lock file created exclusively;
// a lock whose process is gone is taken over.

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is in use by another Kith process (pid ${pid}).\n` +
        `Only one process may open it at a time. Stop that process (is \`npm run dev\` running?), ` +
        `or set KITH_DATA_DIR to another folder, or set DATABASE_URL to use a PostgreSQL server.`,
    );
    this.name = "DataDirInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

// Directories this process holds: a lock file with our own pid that is not in
// here was left by an earlier process that had the same pid (a container restart).
const held = new Set<string>();

function removeStaleLock(lockPath: string, stalePid: number | undefined, dataDir: string) {
  const moved = `${lockPath}.${process.pid}.stale`;
  try {
    fs.renameSync(lockPath, moved);
  } catch {
    return; // Another opener removed it first; the next attempt decides.
  }
  const movedPid = readOwner(moved);
  if (movedPid !== stalePid && movedPid !== undefined && isAlive(movedPid)) {
    // We raced with an opener that had just taken the lock: give it back.
    fs.renameSync(moved, lockPath);
    throw new DataDirInUseError(dataDir, movedPid);
  }
  fs.rmSync(moved, { force: true });
}

export function lockDataDir(dataDir: string): () => void {
  const resolved = path.resolve(dataDir);
  const lockPath = path.join(resolved, "kith.lock");
  if (held.has(resolved)) throw new DataDirInUseError(resolved, process.pid);
  fs.mkdirSync(resolved, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      held.add(resolved);
      const release = () => {
        held.delete(resolved);
        if (readOwner(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
      };
      process.once("exit", release);
      return () => {
        process.removeListener("exit", release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(lockPath);
    if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
      throw new DataDirInUseError(resolved, owner);
    }
    removeStaleLock(lockPath, owner, resolved);
  }
  throw new Error(`Could not take the lock on ${lockPath}; remove it if no Kith process is running.`);
}
