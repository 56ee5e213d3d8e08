// What a browser bundle of the client holds when it imports from index.ts: the client's
// runtime, and nothing of the validators, the server or the fake, which load on demand
// or not at all. (A module imported both statically and on demand is split by bundlers
// into a chunk the entry loads eagerly: index.ts must not reach the fake.)
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const outdir = mkdtempSync(join(tmpdir(), "polar-client-bundle-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

async function eagerInputs(): Promise<string[]> {
  const contents = `import { createPolarClient, unwrap } from "./index.js";
export const run = async () => unwrap(await createPolarClient({ accessToken: "t", retry: true, validateResponses: true }).customers.delete({ id: "x" }));`;
  const result = await build({
    stdin: { contents, resolveDir: resolve("generated/polar"), loader: "ts", sourcefile: "entry.ts" },
    bundle: true, format: "esm", platform: "browser", splitting: true, outdir, metafile: true, write: false, logLevel: "silent",
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name]!.entryPoint)!;
  const eager = new Set([entry]);
  for (const name of eager) for (const imported of outputs[name]!.imports) if (imported.kind === "import-statement") eager.add(imported.path);
  return [...eager].flatMap((name) => Object.entries(outputs[name]!.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([path]) => path));
}

describe("the client's bundle from index.ts", () => {
  it("holds the client and its runtime, and none of the validators, the server or the fake", async () => {
    const inputs = await eagerInputs();
    expect(inputs).toContain("generated/polar/client.ts");
    expect(inputs.filter((path) => /validators|server|fake|retry/.test(path))).toStrictEqual([]);
  });

  it("holds nothing of what the three operations do not use: query encoders, bodies, paging", async () => {
    const inputs = await eagerInputs();
    expect(inputs).toContain("generated/polar/runtime/url.ts");
    expect(inputs.filter((path) => /runtime\/(query|steps|paginate)\.ts$/.test(path))).toStrictEqual([]);
  });
});
