// types.ts skips a whole-file prettier pass when ts-printer-style.ts can restyle it: on
// every real spec, the three operations' types and every operation's types must come
// out as prettier's bytes, with nothing sent to prettier (every member's shape is one
// type-member-layout.ts lays out itself).
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { restyleTsPrinterOutput } from "../../generator/format/ts-printer-style.js";
import { emitTypes } from "../../generator/emit/types-file.js";
import { formatText } from "../../generator/format/format.js";
import type { OpenApiDocument } from "../../generator/openapi.js";
import { selectOperations } from "../../generator/select.js";
import { SPECS_DIR } from "./specs-dir.js";

const FOLDER = SPECS_DIR;
const specs = readdirSync(FOLDER).filter((name) => /\.ya?ml$/.test(name)).sort();
const THREE = ["customers:delete", "customers:delete_external", "customer_portal:subscriptions:cancel"];
const prettier = (text: string) => formatText({ text, path: "types.ts" });

/** The restyled text, and what was sent to prettier for it. */
async function restyled(raw: string): Promise<{ ours: string | undefined; sent: string[] }> {
  const sent: string[] = [];
  const ours = await restyleTsPrinterOutput({ text: raw, format: (text) => (sent.push(text), prettier(text)) });
  return { ours, sent };
}

async function rawTypes(input: { document: OpenApiDocument; operationIds: string[] }): Promise<string> {
  const { selected } = selectOperations(input);
  const [types] = await emitTypes({ subset: selected!.document, model: undefined as never });
  return types!.contents;
}

function allOperationIds(document: OpenApiDocument): string[] {
  return Object.values(document.paths ?? {}).flatMap((item) =>
    Object.values(item as Record<string, { operationId?: unknown }>).flatMap((operation) => (typeof operation?.operationId === "string" ? [operation.operationId] : [])),
  );
}

describe("types.ts layout on every real spec", () => {
  it("there are real specs", () => expect(specs.length).toBeGreaterThan(4));

  it.each(specs)("%s: the three operations' types restyle to prettier's bytes", async (name) => {
    const document = parse(readFileSync(`${FOLDER}/${name}`, "utf8")) as OpenApiDocument;
    const operationIds = THREE.filter((id) => allOperationIds(document).includes(id));
    const raw = await rawTypes({ document, operationIds });
    const { ours, sent } = await restyled(raw);
    expect(sent).toStrictEqual([]);
    expect(ours).toBe(await prettier(raw));
  });

  // Not polar-2025-02-18: one of its operations refers to a schema outside components, which selection refuses.
  it.each(["polar-2025-02-27.openapi.yaml", "polar-2026-01-21.openapi.yaml", "polar-2026-01-29.openapi.yaml", "polar-2026-07-21.openapi.yaml", "polar-2026-10.openapi.yaml"])("%s: every operation's types restyle to prettier's bytes", async (name) => {
    const document = parse(readFileSync(`${FOLDER}/${name}`, "utf8")) as OpenApiDocument;
    const raw = await rawTypes({ document, operationIds: [...new Set(allOperationIds(document))] });
    const { ours, sent } = await restyled(raw);
    expect(sent).toStrictEqual([]);
    expect(ours).toBe(await prettier(raw));
  });
});
