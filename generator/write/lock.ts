// Two runs over the same output folder take turns: a lock file created exclusively,
// holding the owner's pid so a lock left by a killed run is recognised and taken over.

import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

const LOCK_NAME = ".polar-codegen.lock";
const WAIT_MS = 25;
const GIVE_UP_MS = 30_000;

export async function withOutputLock<T>(outDir: string, work: () => Promise<T>): Promise<T> {
  const lockPath = join(outDir, LOCK_NAME);
  await acquire(lockPath);
  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true });
  }
}

async function acquire(lockPath: string): Promise<void> {
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: "wx" });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (await isStale(lockPath)) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`another polar-codegen run holds ${lockPath}; remove it if no run is active`);
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  }
}

async function isStale(lockPath: string): Promise<boolean> {
  const pid = Number(await readFile(lockPath, "utf8").catch(() => ""));
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
