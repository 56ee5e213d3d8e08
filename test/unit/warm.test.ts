// Watch mode's warm builds: whatever they reuse (parsed YAML chunks, an emitter's last
// output, formatted files), they must produce the bytes a cold build produces.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveTarget, type ResolvedTarget } from "../../generator/config.js";
import { buildFromTarget } from "../../generator/pipeline.js";
import { createWarmCache } from "../../generator/warm.js";
import { scratchDir } from "../helpers/cli.js";
import { withDeleteParameter } from "../helpers/embedded-spec.js";

const EMBEDDED = readFileSync("spec/polar.openapi.yaml", "utf8");
const dir = scratchDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function target(spec: string): Promise<ResolvedTarget> {
  const { target: resolved } = await resolveTarget({ spec, out: join(dir, "out"), config: false, cwd: dir });
  return resolved!;
}

describe("warm builds", () => {
  it("equal cold builds, save after save, and rebuild the client only when the model changes", async () => {
    const spec = join(dir, "spec.yaml");
    const withNote = withDeleteParameter("{ name: note, in: query, required: false, schema: { type: string } }");
    const edited = EMBEDDED.replace(/^( +)ResourceNotFound:\n\1  description: .*\n/m, (_line, indent: string) => `${indent}ResourceNotFound:\n${indent}  description: Edited.\n`);
    expect([withNote, edited]).not.toContain(EMBEDDED);
    const saves = [
      EMBEDDED,
      edited,
      withNote,
      `${withNote}x-unrelated: 1\n`,
      EMBEDDED,
    ];
    const warm = createWarmCache();
    const clientRuns: boolean[] = [];
    for (const text of saves) {
      writeFileSync(spec, text);
      const before = warm.emitters.get("client")?.files;
      const hot = await buildFromTarget(await target(spec), { warm });
      const cold = await buildFromTarget(await target(spec));
      expect(hot.files).toStrictEqual(cold.files);
      clientRuns.push(warm.emitters.get("client")!.files !== before);
    }
    // First build; a schema description (types only); a new parameter; unreachable; the parameter gone.
    expect(clientRuns).toStrictEqual([true, false, true, false, true]);
  });

  it("re-read a file the spec $refs after it changes, though the spec's own text did not", async () => {
    const folder = join(dir, "refs");
    mkdirSync(folder);
    const spec = join(folder, "spec.yaml");
    writeFileSync(spec, EMBEDDED.replace(/^( +)ResourceNotFound:\n(?:\1 +.*\n)+/m, (_block, indent: string) => `${indent}ResourceNotFound:\n${indent}  $ref: "./errors.yaml#/ResourceNotFound"\n`));
    const errors = (detail: string) => `ResourceNotFound:\n  type: object\n  required: [detail]\n  properties:\n    detail: { type: string, description: ${detail} }\n`;
    const warm = createWarmCache();
    for (const detail of ["First.", "Second.", "Third."]) {
      writeFileSync(join(folder, "errors.yaml"), errors(detail));
      const hot = await buildFromTarget(await target(spec), { warm });
      expect(hot.files.find((file) => file.path === "types.ts")!.contents).toContain(detail);
      expect(hot.files).toStrictEqual((await buildFromTarget(await target(spec))).files);
    }
  });
});
