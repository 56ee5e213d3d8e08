// types.ts is re-indented, and only the members prettier would lay out differently go
// to prettier: the result must be prettier's output for the whole file, byte for byte.
import { describe, expect, it, vi } from "vitest";
import { restyleTsPrinterOutput } from "../../generator/format/ts-printer-style.js";
import { formatText } from "../../generator/format/format.js";

const prettier = (text: string) => formatText({ text, path: "types.ts" });

/** A components interface as the TypeScript printer writes it (4-space indents). */
function printed(...members: string[]): string {
  return ["export interface components {", "    schemas: {", ...members.map((line) => `        ${line}`), "    };", "}", ""].join("\n");
}

describe("restyleTsPrinterOutput", () => {
  const cases: Record<string, string> = {
    "short members and JSDoc": printed("/**", " * Id", " * @description The id.", " */", "id: string;", "tags?: string[];"),
    "a union over the print width": printed(`Status: ${["active", "canceled", "incomplete", "incomplete_expired", "past_due", "trialing", "unpaid"].map((item) => `"${item}"`).join(" | ")};`),
    "a union that fits once broken after the colon": printed(`Sort: ${["created_at", "-created_at", "granted_at", "-granted_at", "revoked_at", "-revoke"].map((item) => `"${item}"`).join(" | ")};`),
    "an array of a long union": printed(`prices: (components["schemas"]["LegacyRecurringProductPrice"] | components["schemas"]["ProductPriceXyz"])[];`),
    "a tuple, which prettier joins": printed("tax_id: [", "    string,", '    components["schemas"]["TaxIDFormat"]', "] | null;"),
    "an object type and more type": printed("meta: {", "    a?: string;", "} & {", "    b?: number;", "};", "maybe: {", "    c: string;", "} | null;"),
    "a nested object type": printed("outer: {", "    inner: {", "        deep: string;", "    };", "};"),
    "an object type and a reference": printed('meta: components["schemas"]["Base"] & {', "    b?: number;", "} & {", "    c?: string;", "};", 'other: components["schemas"]["Base"] | {', "    c: string;", "} | null;"),
  };
  it.each(Object.entries(cases))("%s: prettier's bytes", async (_name, text) => {
    expect(await restyleTsPrinterOutput({ text, format: prettier })).toBe(await prettier(text));
  });

  it("calls prettier once, with only the members it would change and cannot lay out itself", async () => {
    const format = vi.fn(prettier);
    // The first tuple is laid out here; the second holds a generic type, which goes to prettier.
    const text = printed("id: string;", "pair: [", "    string,", "    number", "];", "tuple: [", "    string,", "    Record<string, number>", "];", "name?: string;");
    expect(await restyleTsPrinterOutput({ text, format })).toBe(await prettier(text));
    expect(format).toHaveBeenCalledTimes(1);
    expect(format.mock.calls[0]![0]).toBe("type __M0 = {\n  __m: {\n    tuple: [\n      string,\n      Record<string, number>\n    ];\n  };\n}\n");
  });

  it("does not call prettier when nothing needs it", async () => {
    const format = vi.fn(prettier);
    expect(await restyleTsPrinterOutput({ text: printed("id: string;"), format })).toBe(await prettier(printed("id: string;")));
    expect(format).not.toHaveBeenCalled();
  });

  it.each([
    ["an indent that is not the printer's", "export interface components {\n   id: string;\n}\n"],
    ["a block comment that is not JSDoc", "/* note */\nexport type a = string;\n"],
    ["a JSDoc line without its star", "/**\n text\n */\nexport type a = string;\n"],
    ["a long top-level statement", `export type a = ${'"x" | '.repeat(20)}"y";\n`],
  ])("answers undefined for %s", async (_name, text) => {
    expect(await restyleTsPrinterOutput({ text, format: prettier })).toBeUndefined();
  });
});
