// Two runs over the same output folder take turns. The lock is a folder,
// `.polar-codegen.lock`, holding one file named after its owner (`<pid>-<nonce>`). A run
// takes it by renaming a claim folder, already holding its owner file, onto that name:
// a rename onto a folder succeeds only when that folder is absent or empty, so however
// many runs race, exactly one gets it. A lock whose owner's process is gone (a killed
// run) is taken over in two steps that are each safe to race: remove the dead owner's
// file by its own name (a newer owner's file has another name and is never touched),
// then rename the claim as before; again exactly one racer wins.

import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, rmdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { INTERNAL_PREFIX } from "./layout.js";

export const LOCK_NAME = `${INTERNAL_PREFIX}.lock`;
/** A run's claim folder before it becomes the lock; one left by a killed run is removed by the next. */
const CLAIM_PREFIX = `${INTERNAL_PREFIX}-claim-`;
const WAIT_MS = 25;
const GIVE_UP_MS = 30_000;
/** What rename says when the lock folder holds an owner: the lock is taken. */
const TAKEN = new Set(["ENOTEMPTY", "EEXIST"]);

export async function withOutputLock<T>(outDir: string, work: () => Promise<T>): Promise<T> {
  const lock = join(outDir, LOCK_NAME);
  const owner = await acquire({ outDir, lock });
  try {
    await removeAbandonedClaims(outDir);
    return await work();
  } finally {
    await rm(join(lock, owner), { force: true });
    // Fails when the next run's claim is already in place (or the folder is gone): both fine.
    await rmdir(lock).catch(() => undefined);
  }
}

async function acquire(input: { outDir: string; lock: string }): Promise<string> {
  const owner = `${process.pid}-${randomBytes(6).toString("hex")}`;
  const claim = join(input.outDir, `${CLAIM_PREFIX}${owner}`);
  try {
    await mkdir(claim);
    await writeFile(join(claim, owner), `${process.pid}\n`);
  } catch (error) {
    await rm(claim, { recursive: true, force: true }).catch(() => undefined);
    // Said of the lock: the claim's name means nothing to a user.
    throw Object.assign(error as Error, { path: input.lock });
  }
  try {
    await takeTurn({ claim, lock: input.lock });
    return owner;
  } catch (error) {
    await rm(claim, { recursive: true, force: true });
    throw error;
  }
}

async function takeTurn(input: { claim: string; lock: string }): Promise<void> {
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    try {
      await rename(input.claim, input.lock);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      if (code === "ENOTDIR") throw new Error(`${input.lock} is a file, not polar-codegen's lock folder; remove it if no run is active`);
      if (!TAKEN.has(code)) throw error;
    }
    const holder = await ownerOf(input.lock);
    // Released meanwhile: try again at once.
    if (holder === undefined) continue;
    if (isDead(holder.pid)) {
      await rm(join(input.lock, holder.name), { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`another polar-codegen run (process ${holder.name.split("-")[0]}) holds ${input.lock}; remove that folder if no run is active`);
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  }
}

async function ownerOf(lock: string): Promise<{ name: string; pid: number } | undefined> {
  const names = await readdir(lock).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const name = names.sort()[0];
  return name === undefined ? undefined : { name, pid: pidOf(name) };
}

/** Claim folders of runs that were killed before they got the lock. */
async function removeAbandonedClaims(outDir: string): Promise<void> {
  const names = await readdir(outDir);
  const abandoned = names.filter((name) => name.startsWith(CLAIM_PREFIX) && isDead(pidOf(name.slice(CLAIM_PREFIX.length))));
  await Promise.all(abandoned.map((name) => rm(join(outDir, name), { recursive: true, force: true })));
}

function pidOf(owner: string): number {
  return /^\d+-/.test(owner) ? Number(owner.slice(0, owner.indexOf("-"))) : Number.NaN;
}

/** Only a process known to be gone: one we may not signal (another user's) is alive. */
function isDead(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
