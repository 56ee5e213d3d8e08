// The writer looks for stale files only in the layout's folders (generator/write/layout.ts):
// an emitter writing anywhere else would leave its old files behind forever.
import { describe, expect, it } from "vitest";
import { buildOutput } from "../../generator/pipeline.js";
import { OUTPUT_SUBFOLDERS } from "../../generator/write/layout.js";

describe("the output layout", () => {
  it("holds every folder the emitters write, one level deep", async () => {
    const { files } = await buildOutput({ config: false });
    const folders = [...new Set(files.map((file) => file.path.split("/").slice(0, -1).join("/")))].sort();
    expect(folders).toStrictEqual(["", ...OUTPUT_SUBFOLDERS]);
  });
});
