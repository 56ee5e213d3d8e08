// client.ts skips a whole-file prettier pass: statement-layout.ts lays it out and sends
// prettier only the lines it would break. On every real spec (and the embedded one) the
// result must be prettier's bytes, and nothing reaches prettier, for the default operations
// and for every operation.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { emitClient } from "../../generator/emit/client-file.js";
import { layoutStatements } from "../../generator/format/statement-layout.js";
import { formatText } from "../../generator/format/format.js";
import { contextFor } from "../fixtures/client/generate.js";
import { SPECS_DIR } from "./specs-dir.js";

const FOLDER = SPECS_DIR;
const specs = ["spec/polar.openapi.yaml", ...readdirSync(FOLDER).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => `${FOLDER}/${name}`)];
const prettier = (text: string) => formatText({ text, path: "client.ts" });

describe("client.ts layout on every real spec", () => {
  it("there are real specs", () => expect(specs.length).toBeGreaterThan(4));

  it.each(specs)("%s: client.ts of the default operations lays out as prettier's bytes, sending prettier nothing", async (spec) => {
    const { ours, sent, contents } = await layOut(spec);
    expect(ours).toBe(await prettier(contents));
    expect(sent).toStrictEqual([]);
  });

  // 2025-02-18 refers to components it lacks: not all of its operations generate.
  it.each(specs.filter((spec) => !/2025-02-18/.test(spec)))("%s: client.ts of every operation lays out as prettier's bytes, sending prettier nothing", async (spec) => {
    const { ours, sent, contents } = await layOut(spec, ["*"]);
    expect(ours).toBe(await prettier(contents));
    expect(sent).toStrictEqual([]);
  });
});

async function layOut(spec: string, operations?: string[]): Promise<{ ours?: string; sent: string[]; contents: string }> {
  const files = await emitClient(contextFor(spec, operations));
  const client = files.find((file) => file.path === "client.ts")!;
  expect(client.layout).toBe("statement-lines");
  const sent: string[] = [];
  const ours = await layoutStatements({ text: client.contents, format: (part) => (sent.push(part), prettier(part)) });
  expect(ours).toBeDefined();
  return { ours, sent, contents: client.contents };
}
