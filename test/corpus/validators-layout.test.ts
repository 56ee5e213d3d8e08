// validators.ts skips a whole-file prettier pass when statement-layout.ts can lay it
// out: on every real spec, the three operations' validators and every operation's must
// come out as prettier's bytes, needing no prettier at all.
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { layoutStatements } from "../../generator/format/statement-layout.js";
import { emitValidators } from "../../generator/emit/validators-file.js";
import { formatText } from "../../generator/format/format.js";
import type { OpenApiDocument } from "../../generator/openapi.js";
import { selectOperations } from "../../generator/select.js";
import { SPECS_DIR } from "./specs-dir.js";

const FOLDER = SPECS_DIR;
const specs = readdirSync(FOLDER).filter((name) => /\.ya?ml$/.test(name)).sort();
const THREE = ["customers:delete", "customers:delete_external", "customer_portal:subscriptions:cancel"];
const prettier = (text: string) => formatText({ text, path: "validators.ts" });

function validatorsText(input: { document: OpenApiDocument; operationIds: string[] }): string {
  const { selected } = selectOperations(input);
  return emitValidators({ subset: selected!.document, model: undefined as never })[0]!.contents;
}

function operationIdsOf(document: OpenApiDocument): string[] {
  const ids = Object.values(document.paths ?? {}).flatMap((item) =>
    Object.values(item as Record<string, { operationId?: unknown }>).flatMap((operation) => (typeof operation?.operationId === "string" ? [operation.operationId] : [])),
  );
  return [...new Set(ids)];
}

describe("validators.ts layout on every real spec", () => {
  it("there are real specs", () => expect(specs.length).toBeGreaterThan(4));

  it.each(specs)("%s: the three operations' validators lay out as prettier's bytes, with no line left to prettier", async (name) => {
    const document = parse(readFileSync(`${FOLDER}/${name}`, "utf8")) as OpenApiDocument;
    const operationIds = THREE.filter((id) => operationIdsOf(document).includes(id));
    const text = validatorsText({ document, operationIds });
    // A cold prettier is a tenth of a run: the generator's own layout covers every line,
    // the webhook payloads' the operations trigger (products, benefits) included.
    const sent: string[] = [];
    const ours = await layoutStatements({ text, format: (part) => (sent.push(part), prettier(part)) });
    expect(ours).toBeDefined();
    expect(ours).toBe(await prettier(text));
    expect(sent).toStrictEqual([]);
  });

  it.each(["polar-2026-01-29.openapi.yaml", "polar-2026-10.openapi.yaml"])("%s: every operation's validators lay out as prettier's bytes", async (name) => {
    const document = parse(readFileSync(`${FOLDER}/${name}`, "utf8")) as OpenApiDocument;
    const text = validatorsText({ document, operationIds: operationIdsOf(document) });
    const sent: string[] = [];
    const ours = await layoutStatements({ text, format: (part) => (sent.push(part), prettier(part)) });
    expect(ours).toBeDefined();
    expect(ours).toBe(await prettier(text));
    expect(sent).toStrictEqual([]);
  });
});
