// The format stage imitates prettier's layout instead of running it over whole files:
// types.ts from the TypeScript printer (ts-printer-style.ts), client.ts, validators.ts, server.ts,
// fake.ts, webhooks.ts and index.ts one statement per line (statement-layout.ts), openapi.json and the contract data
// printed in prettier's JSON layout (json-style.ts). On the embedded spec and on every
// golden fixture, each of those files must be exactly what prettier makes of the whole
// file, and the imitation must have laid it out (not handed all of it to prettier).
// The corpus (test/corpus/*-layout.test.ts) holds the same on every real Polar spec.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { thisThread } from "../../generator/emit/host.js";
import { emitIndex } from "../../generator/emit/index-file.js";
import { emitters } from "../../generator/emit/registry.js";
import { formatFiles, formatText } from "../../generator/format/format.js";
import { layoutStatements } from "../../generator/format/statement-layout.js";
import { restyleTsPrinterOutput } from "../../generator/format/ts-printer-style.js";
import { buildModel } from "../../generator/model/build.js";
import { findOperations, selectOperations } from "../../generator/select.js";
import type { GeneratedFile } from "../../generator/stages.js";

const FIXTURES = "test/golden/fixtures";
const specs = [
  "spec/polar.openapi.yaml",
  ...readdirSync(FIXTURES).filter((name) => /\.(ya?ml|json)$/.test(name)).map((name) => join(FIXTURES, name)),
  // Every operation of each: query styles, bodies, security schemes and error bodies of other APIs.
  "test/fixtures/specs/client-shapes.openapi.yaml",
  "test/fixtures/server/shop.openapi.yaml",
];

async function emitted(spec: string): Promise<GeneratedFile[]> {
  const document = parse(readFileSync(spec, "utf8"));
  const operationIds = findOperations(document).map((found) => found.id).filter((id) => !id.startsWith("other:"));
  const { selected } = selectOperations({ document, operationIds });
  const context = { model: buildModel({ selected: selected!, specFile: spec }), subset: selected!.document };
  const files = (await Promise.all(emitters.map((entry) => thisThread.emit({ entry, context })))).flat();
  return [...files, ...emitIndex(context, files)];
}

const LAYOUTS = { "ts-printer": restyleTsPrinterOutput, "statement-lines": layoutStatements } as const;

describe.each(specs)("the layouts that imitate prettier, on %s", (spec) => {
  it("lay out types.ts, client.ts, validators.ts, server.ts, fake.ts, webhooks.ts and index.ts as prettier does the whole file", async () => {
    const files = await emitted(spec);
    const laidOut = files.filter((file) => file.layout);
    const expected = ["client.ts", "fake.ts", "index.ts", "server.ts", "types.ts", "validators.ts", "webhooks.ts"].filter((path) => files.some((file) => file.path === path));
    expect(laidOut.map((file) => file.path).sort()).toStrictEqual(expected);
    for (const file of laidOut) {
      const prettier = (text: string) => formatText({ text, path: file.path });
      const ours = await LAYOUTS[file.layout!]({ text: file.contents, format: prettier });
      expect(ours, `${file.path}: the layout declined the file`).toBeDefined();
      expect(ours, file.path).toBe(await prettier(file.contents));
      expect((await formatFiles([file]))[0]!.contents, file.path).toBe(ours);
    }
  });

  it("lay out types.ts with nothing sent to prettier", async () => {
    const types = (await emitted(spec)).find((file) => file.path === "types.ts")!;
    const sent: string[] = [];
    const prettier = (text: string) => formatText({ text, path: types.path });
    const ours = await restyleTsPrinterOutput({ text: types.contents, format: (text) => (sent.push(text), prettier(text)) });
    expect(sent).toStrictEqual([]);
    expect(ours).toBe(await prettier(types.contents));
  });

  it("print openapi.json and the contract data in prettier's JSON layout", async () => {
    const json = (await emitted(spec)).filter((file) => file.path.endsWith(".json"));
    expect(json.map((file) => file.path).sort()).toStrictEqual(["contract/fixtures.json", "contract/generated.json", "openapi.json"]);
    for (const file of json) {
      expect(file.formatted, `${file.path}: json-style declined it`).toBe(true);
      // What the emitter hands prettier when json-style declines.
      const plain = JSON.stringify(JSON.parse(file.contents), null, 2) + "\n";
      expect(file.contents, file.path).toBe(await formatText({ text: plain, path: file.path }));
    }
  });
});

// Specs whose text pushes the layouts to their edges (quotes prettier swaps in keys, an
// object type in a recursive union, a handler head of exactly the width) and the any-spec
// fixtures: whatever a layout prints or declines, the file that comes out of the format
// stage is prettier's.
const EDGE_SPECS = [
  "test/fixtures/hostile/escape-path-closes-jsdoc.yaml",
  "test/fixtures/hostile/escape-schema-name-breakout.yaml",
  "test/fixtures/hostile/struct-recursive-mutual-anyof.yaml",
  ...readdirSync("test/fixtures/any-spec").filter((name) => name.endsWith(".yaml")).map((name) => join("test/fixtures/any-spec", name)),
];

describe.each(EDGE_SPECS)("the format stage on %s", (spec) => {
  it("gives every laid-out file in prettier's bytes", async () => {
    const files = (await emitted(spec)).filter((file) => file.layout);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) expect((await formatFiles([file]))[0]!.contents, file.path).toBe(await formatText({ text: file.contents, path: file.path }));
  });
});
