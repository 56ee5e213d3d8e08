import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildOutput } from "../../generator/pipeline.js";
import { listFiles } from "../../generator/write/plan.js";

describe("golden: the embedded spec", () => {
  it("produces exactly the committed generated/polar, byte for byte", async () => {
    const { files } = await buildOutput({ config: "polar-codegen.config.json" });
    expect(files.map((file) => file.path)).toStrictEqual(await listFiles("generated/polar"));
    for (const file of files) {
      expect(file.contents, file.path).toBe(readFileSync(join("generated/polar", file.path), "utf8"));
    }
  });
});

describe("golden: fixtures", () => {
  const fixtures = readdirSync("test/golden/fixtures").filter((name) => /\.(ya?ml|json)$/.test(name));
  it.each(fixtures)("%s matches its reviewed output", async (fixture) => {
    const name = fixture.replace(/\.[a-z]+$/, "");
    const spec = join("test/golden/fixtures", fixture);
    const { findOperations } = await import("../../generator/select.js");
    const { parse } = await import("yaml");
    const document = parse(readFileSync(spec, "utf8"));
    const operations = findOperations(document).map((found) => found.id).filter((id) => !id.startsWith("other:"));
    const { files } = await buildOutput({ config: false, spec, operations });
    const paths = files.map((file) => file.path);
    await expect(JSON.stringify(paths, null, 2) + "\n").toMatchFileSnapshot(`./__snapshots__/${name}/files.json`);
    for (const file of files) {
      await expect(file.contents).toMatchFileSnapshot(`./__snapshots__/${name}/${file.path}`);
    }
  });
});
