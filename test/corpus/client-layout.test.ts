// client.ts skips a whole-file prettier pass: statement-layout.ts lays it out and sends
// prettier only the lines it would break. On every real spec (and the embedded one) the
// result must be prettier's bytes, and most of the file must never reach prettier.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { emitClient } from "../../generator/emit/client-file.js";
import { layoutStatements } from "../../generator/emit/statement-layout.js";
import { formatText } from "../../generator/format.js";
import { contextFor } from "../fixtures/client/generate.js";
import { SPECS_DIR } from "./specs-dir.js";

const FOLDER = SPECS_DIR;
const specs = ["spec/polar.openapi.yaml", ...readdirSync(FOLDER).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => `${FOLDER}/${name}`)];
const prettier = (text: string) => formatText({ text, path: "client.ts" });

describe("client.ts layout on every real spec", () => {
  it("there are real specs", () => expect(specs.length).toBeGreaterThan(4));

  it.each(specs)("%s: client.ts lays out as prettier's bytes, sending prettier under half of it", async (spec) => {
    const files = await emitClient(contextFor(spec));
    const client = files.find((file) => file.path === "client.ts")!;
    expect(client.layout).toBe("statement-lines");
    const sent: string[] = [];
    const ours = await layoutStatements({ text: client.contents, format: (part) => (sent.push(part), prettier(part)) });
    expect(ours).toBeDefined();
    expect(ours).toBe(await prettier(client.contents));
    const sentBytes = sent.reduce((total, part) => total + part.length, 0);
    expect(sentBytes).toBeLessThan(client.contents.length / 2);
  });
});
