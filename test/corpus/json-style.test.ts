// openapi.json skips prettier when json-style.ts can print it in prettier's layout:
// on every real selection, its bytes must be prettier's.
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { printJsonLikePrettier } from "../../generator/format/json-style.js";
import { formatText } from "../../generator/format/format.js";
import type { OpenApiDocument } from "../../generator/openapi.js";
import { selectOperations } from "../../generator/select.js";
import { SPECS_DIR } from "./specs-dir.js";

const FOLDER = SPECS_DIR;
const specs = readdirSync(FOLDER).filter((name) => /\.(json|ya?ml)$/.test(name)).sort();

describe("openapi.json layout on every real spec", () => {
  it("there are real specs", () => expect(specs.length).toBeGreaterThan(5));

  it.each(specs)("%s: the selection prints exactly as prettier prints it", async (name) => {
    const text = readFileSync(`${FOLDER}/${name}`, "utf8");
    const document = (name.endsWith(".json") ? JSON.parse(text) : parse(text)) as OpenApiDocument;
    const operationIds = ["customers:delete", "customer_portal:subscriptions:cancel"];
    const { selected } = selectOperations({ document, operationIds });
    const ours = printJsonLikePrettier(selected!.document);
    expect(ours).toBeDefined();
    expect(ours).toBe(await formatText({ text: JSON.stringify(selected!.document, null, 2), path: "openapi.json" }));
  });

  it("every schema of the 2026-10 spec that it prints, it prints as prettier does", async () => {
    const document = JSON.parse(readFileSync(`${FOLDER}/polar-2026-10.openapi.json`, "utf8")) as OpenApiDocument;
    const schemas = Object.entries(document.components!.schemas!);
    let printed = 0;
    for (const [name, schema] of schemas) {
      const ours = printJsonLikePrettier(schema);
      if (ours === undefined) continue;
      printed++;
      expect(ours, name).toBe(await formatText({ text: JSON.stringify(schema, null, 2), path: "x.json" }));
    }
    // The rest (numeric arrays, non-ASCII inline text) went to prettier; they are few.
    expect(printed).toBeGreaterThan(schemas.length * 0.95);
  });
});
