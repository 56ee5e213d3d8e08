// The output lock in one process: a live owner is waited for, a dead one's lock and
// claim are cleared, and something else in the lock's place is named, not overwritten.
// Races between processes are in test/cli/lock-race.test.ts.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withOutputLock } from "../../generator/write/lock.js";
import { tempFolders } from "../helpers/temp-folders.js";

const { folderWith } = tempFolders("polar-codegen-lock-");
const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;

describe("withOutputLock", () => {
  it("takes over a dead run's lock, removes its abandoned claim, and leaves nothing behind", async () => {
    const out = await folderWith({ [`.polar-codegen.lock/${deadPid}-aaaa`]: "", [`.polar-codegen-claim-${deadPid}-bbbb/${deadPid}-bbbb`]: "" });
    const inside = await withOutputLock(out, async () => readdirSync(join(out, ".polar-codegen.lock")));
    expect(inside).toHaveLength(1);
    expect(inside[0]).toMatch(new RegExp(`^${process.pid}-[0-9a-f]{12}$`));
    expect(readdirSync(out)).toStrictEqual([]);
  });

  it("waits while a live run holds it, and goes ahead once it is released", async () => {
    const out = await folderWith({ [`.polar-codegen.lock/${process.pid}-cccc`]: "" });
    const released = new Promise<number>((done) =>
      setTimeout(() => {
        rmSync(join(out, `.polar-codegen.lock/${process.pid}-cccc`));
        done(Date.now());
      }, 150),
    );
    const entered = await withOutputLock(out, async () => Date.now());
    expect(entered).toBeGreaterThanOrEqual(await released);
  });

  it("names a file in the lock's place and leaves it alone", async () => {
    const out = await folderWith({ ".polar-codegen.lock": "12345" });
    await expect(withOutputLock(out, async () => "ran")).rejects.toThrow(
      `${join(out, ".polar-codegen.lock")} is a file, not polar-codegen's lock folder; remove it if no run is active`,
    );
    expect([readdirSync(out), existsSync(join(out, ".polar-codegen.lock"))]).toStrictEqual([[".polar-codegen.lock"], true]);
  });
});
