// `tsc --noEmit` over the whole project (generator, templates, the generated code, the
// tests and the type tests in test/types), as a test: it runs beside the other files
// instead of before them. `npm run typecheck` is the same check alone.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { expect, it } from "vitest";

const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");

it("the project type-checks (tsc -p tsconfig.json --noEmit)", async () => {
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [TSC, "-p", "tsconfig.json", "--noEmit"], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (exit) => resolve({ code: exit, output }));
  });
  expect(output).toBe("");
  expect(code).toBe(0);
}, 300_000);
