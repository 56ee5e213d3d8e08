// server.ts and fake.ts (and webhooks.ts, index.ts) skip a whole-file prettier pass: its emitter writes one statement, block head
// or member per line and statement-layout.ts sends prettier only the lines it would break.
// On every operation of the newest real spec (and on every real spec's default selection)
// the result must be prettier's bytes, and most of the file must never reach prettier;
// server.ts and fake.ts none of it.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { emitClient } from "../../generator/emit/client-file.js";
import { emitFake } from "../../generator/emit/fake-file.js";
import { emitIndex } from "../../generator/emit/index-file.js";
import { emitServer } from "../../generator/emit/server-file.js";
import { emitWebhooks } from "../../generator/emit/webhooks-file.js";
import { layoutStatements } from "../../generator/format/statement-layout.js";
import { formatText } from "../../generator/format/format.js";
import type { GeneratedFile } from "../../generator/stages.js";
import { contextFor } from "../fixtures/client/generate.js";
import { SPECS_DIR, specFile } from "./specs-dir.js";

const specs = ["spec/polar.openapi.yaml", ...readdirSync(SPECS_DIR).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => `${SPECS_DIR}/${name}`)];

/** `nothingSent`: the layout breaks every long line itself (prettier is never loaded for the file). */
async function expectPrettierBytes(file: GeneratedFile, options: { nothingSent?: boolean } = {}): Promise<void> {
  const prettier = (text: string) => formatText({ text, path: file.path });
  expect(file.layout).toBe("statement-lines");
  const sent: string[] = [];
  const ours = await layoutStatements({ text: file.contents, format: (part) => (sent.push(part), prettier(part)) });
  expect(ours, `${file.path}: the layout declined the file`).toBeDefined();
  expect(ours).toBe(await prettier(file.contents));
  expect(sent.reduce((total, part) => total + part.length, 0)).toBeLessThan(file.contents.length / 2);
  if (options.nothingSent) expect(sent, `${file.path}: lines sent to prettier`).toStrictEqual([]);
}

describe("server.ts layout on the real specs", () => {
  it.each(specs)("%s: server.ts (default operations) lays out as prettier's bytes", async (spec) => {
    const files = await emitServer(contextFor(spec));
    await expectPrettierBytes(files.find((file) => file.path === "server.ts")!, { nothingSent: true });
  });

  it.each(specs)("%s: fake.ts (default operations) lays out as prettier's bytes", async (spec) => {
    const files = await emitFake(contextFor(spec));
    await expectPrettierBytes(files.find((file) => file.path === "fake.ts")!, { nothingSent: true });
  });

  it("polar-2026-10, every operation: client.ts, server.ts, fake.ts, webhooks.ts and index.ts lay out as prettier's bytes", async () => {
    const context = contextFor(specFile("polar-2026-10.openapi.json"), ["*"]);
    const files = [...(await emitClient(context)), ...(await emitServer(context)), ...(await emitFake(context)), ...emitWebhooks(context)];
    for (const path of ["client.ts", "server.ts", "fake.ts", "webhooks.ts"]) await expectPrettierBytes(files.find((file) => file.path === path)!, { nothingSent: path === "server.ts" || path === "fake.ts" });
    await expectPrettierBytes(emitIndex(context, files)[0]!);
  });
});
