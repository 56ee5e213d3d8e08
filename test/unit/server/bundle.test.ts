// index.ts re-exports the server and the fake, yet a bundle that imports only the client
// from it must hold neither: every module-level statement of their runtimes is side-effect
// free, and the server imports the validators when a server is made, not when its module
// is (the client's own validators stay the on-demand chunk they were).

import { build } from "esbuild";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, it } from "vitest";

it("a client-only bundle from index.ts contains no server or fake code, and no validators up front", async () => {
  const dir = mkdtempSync(join(tmpdir(), "polar-bundle-"));
  try {
    const entry = join(dir, "entry.ts");
    writeFileSync(entry, `import { createPolarClient } from ${JSON.stringify(resolve("generated/polar/index.js"))};\nexport const polar = createPolarClient({ accessToken: "t" });\n`);
    const result = await build({ entryPoints: [entry], bundle: true, splitting: true, format: "esm", platform: "browser", outdir: join(dir, "out"), write: false, metafile: true, logLevel: "silent" });
    const [main] = Object.values(result.metafile.outputs).filter((output) => output.entryPoint);
    const inputs = Object.entries(main!.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([path]) => path);
    expect(inputs.filter((path) => /server|fake|validators/.test(path))).toStrictEqual([]);
    expect(inputs.some((path) => path.endsWith("generated/polar/client.ts"))).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
