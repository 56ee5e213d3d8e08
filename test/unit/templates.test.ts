// The formatter skips verbatim templates (GeneratedFile.formatted), so each template
// must already be exactly what prettier would make of it, or output would depend on
// whether a file came from a template.
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { formatText } from "../../generator/format/format.js";
import { packageRoot, readTemplate } from "../../generator/templates.js";

const root = join(packageRoot, "templates");
const templates = readdirSync(root, { recursive: true, encoding: "utf8" })
  .filter((name) => /\.(ts|json)$/.test(name))
  .map((name) => relative(root, join(root, name)).split("\\").join("/"))
  .sort();

describe("templates", () => {
  it("there are templates to check", () => {
    expect(templates).toContain("client/runtime/send.ts");
  });

  it.each(templates)("%s is already in the project's prettier style", async (name) => {
    const text = readTemplate(name);
    expect(await formatText({ text, path: name })).toBe(text);
  });
});
