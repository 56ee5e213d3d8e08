// types.ts members laid out without prettier (type-member-layout.ts and doc-printer.ts):
// each shape openapi-typescript writes is swept across the print width at several depths,
// so every break-or-not decision (the member on one line, broken after the colon, one
// `| member` per line, a parenthesised union opened) is met on both sides of the limit.
// The restyled file must be prettier's bytes, with nothing sent to prettier.
import { describe, expect, it, vi } from "vitest";
import { formatText } from "../../generator/format/format.js";
import { PRETTIER_OPTIONS } from "../../generator/format/prettier-options.js";
import { restyleTsPrinterOutput } from "../../generator/format/ts-printer-style.js";
import { layoutTypeMember } from "../../generator/format/type-member-layout.js";

const WIDTH = PRETTIER_OPTIONS.printWidth;
const prettier = (text: string) => formatText({ text, path: "types.ts" });
const ref = (name: string) => `components["schemas"]["${name}"]`;
const strings = (...items: string[]) => items.map((item) => `"${item}"`).join(" | ");

/** A components interface with `members` (TypeScript printer lines, 4-space indents) at `depth`. */
function printed(input: { depth: number; members: string[][] }): string {
  const pad = (level: number) => "    ".repeat(level);
  const opening = ["export interface components {", ...Array.from({ length: input.depth - 1 }, (_, level) => `${pad(level + 1)}level${level}: {`)];
  const closing = [...Array.from({ length: input.depth - 1 }, (_, level) => `${pad(input.depth - 1 - level)}};`), "}"];
  return [...opening, ...input.members.flat().map((line) => pad(input.depth) + line), ...closing, ""].join("\n");
}

/** Each shape as a function of a padding: its one-line length grows by one per step. */
const shapes: Record<string, (x: string) => string[]> = {
  "a union of string literals": (x) => [`status: ${strings(`active${x}`, "canceled", "incomplete", "past_due")};`],
  "a union of many string literals": (x) => [`country?: ${strings(...["AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ"], `BL${x}`)};`],
  "a union of two references": (x) => [`CustomerPaymentMethod: ${ref(`PaymentMethodCard${x}`)} | ${ref("PaymentMethodGeneric")};`],
  "a union of references, an array and null": (x) => [`items: ${ref(`Item${x}`)} | ${ref("Other")}[] | null;`],
  "a union under a quoted key": (x) => [`"application/json": ${ref(`BenefitCustomUpdate${x}`)} | ${ref("BenefitDiscordUpdate")};`],
  "a string literal with an apostrophe": (x) => [`note: ${strings(`it's${x}`, "plain", "other")};`],
  "an array of a union": (x) => [`prices: (${ref(`LegacyRecurringProductPrice${x}`)} | ${ref("ProductPrice")})[];`],
  "an optional array of a long union": (x) => [`prices?: (${[`Fixed${x}`, "Custom", "SeatBased", "MeteredUnit"].map((name) => ref(`ProductPrice${name}Create`)).join(" | ")})[];`],
  "a parenthesised union or null": (x) => [`discount: (${[`FixedOnce${x}`, "FixedRepeat", "PercentageOnce", "PercentageRepeat"].map((name) => ref(`Discount${name}`)).join(" | ")}) | null;`],
  "a short parenthesised union or null": (x) => [`discount: (${ref(`DiscountFixed${x}`)} | ${ref("DiscountPercentage")}) | null;`],
  "an array of a union holding a union, or null": (x) => [`prices?: (${ref(`ExistingProductPrice${x}`)} | (${ref("ProductPriceFixedCreate")} | ${ref("ProductPriceCustomCreate")}))[] | null;`],
  "an index signature of an array of a union": (x) => [`[key: string]: (${ref(`LegacyRecurringProductPrice${x}`)} | ${ref("ProductPrice")})[];`],
  "an index signature of keywords": (x) => [`[key: string]: string | number | boolean | string[] | number[] | boolean[] | ${ref(`Extra${x}`)};`],
  "a tuple or null": (x) => ["tax_id: [", "    string,", `    ${ref(`TaxIDFormat${x}`)}`, "] | null;"],
  "a tuple of a union and a string": (x) => ["pair: [", `    ${ref(`First${x}`)} | ${ref("Second")} | null,`, "    string", "];"],
  "a tuple of one union": (x) => ["single: [", `    ${ref(`First${x}`)} | ${ref("Second")} | ${ref("Third")}`, "];"],
  "an object type or null": (x) => ["metadata?: {", `    [key: string]: ${strings(`a${x}`, "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n")};`, "} | null;"],
  "an intersection of object types": (x) => ["EventMetadataInput: {", `    _cost?: ${ref(`CostMetadata-Input${x}`)} | null;`, "} & {", `    [key: string]: string | number | boolean | ${ref(`Extra${x}`)};`, "};"],
};

describe("type members laid out as prettier lays them out, across the print width", () => {
  it.each(Object.entries(shapes))("%s", async (_name, shape) => {
    // Paddings from one that fits in the width to one that overflows it even broken.
    const members = Array.from({ length: WIDTH + 10 }, (_, size) => shape("x".repeat(size)));
    for (const depth of [1, 2, 3, 5]) {
      const text = printed({ depth, members });
      const expected = await prettier(text);
      // The paddings grow one column at a time, so each line that holds one meets the
      // limit: a line of exactly WIDTH columns here, one of WIDTH + 1 laid out otherwise.
      expect(expected.split("\n").filter((line) => line.includes("xx")).map((line) => line.length)).toContain(WIDTH);
      const format = vi.fn(prettier);
      expect(await restyleTsPrinterOutput({ text, format })).toBe(expected);
      expect(format).not.toHaveBeenCalled();
    }
  });

  it("lays out mixed nestings of those shapes at depths 1 to 6 as prettier does", async () => {
    // A fixed pseudo-random sequence, so the members are the same on every run.
    let seed = 7;
    const next = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * below);
    };
    const atoms = [() => ref(`N${"x".repeat(next(40))}`), () => `"n${"x".repeat(next(40))}"`, () => ["string", "number", "null"][next(3)]!, () => String(next(1000))];
    const type = (level: number, parent: "top" | "union" | "tuple"): string => {
      const choice = level > 2 ? 0 : next(20);
      if (choice < 7) return atoms[next(atoms.length)]!();
      const some = (count: number, inner: "union" | "tuple") => Array.from({ length: count }, () => type(level + 1, inner));
      if (choice < 15) return parent === "union" ? `(${some(2 + next(5), "union").join(" | ")})` : some(2 + next(5), "union").join(" | ");
      if (choice < 18) return `(${some(2 + next(4), "union").join(" | ")})[]`;
      return `[${some(1 + next(3), "tuple").join(", ")}]`;
    };
    for (const depth of [1, 2, 3, 4, 5, 6]) {
      const members = Array.from({ length: 60 }, () => [`${["key", "key?", "[key: string]", '"application/json"'][next(4)]}: ${type(0, "top")};`]);
      const text = printed({ depth, members });
      const format = vi.fn(prettier);
      expect(await restyleTsPrinterOutput({ text, format })).toBe(await prettier(text));
      expect(format).not.toHaveBeenCalled();
    }
  });

  it("leaves a member that fits on its line, and breaks one that does not", () => {
    const member = (size: number) => `status: ${strings("a".repeat(size), "b")};`;
    const fits = member(WIDTH - 4 - member(0).length);
    expect(layoutTypeMember({ lines: [fits], indent: 4, width: WIDTH })).toStrictEqual([`    ${fits}`]);
    const over = member(WIDTH - 4 - member(0).length + 1);
    expect(layoutTypeMember({ lines: [over], indent: 4, width: WIDTH })).toStrictEqual(["    status:", `      ${over.slice("status: ".length)}`]);
  });

  it.each([
    ["a generic type", `extra: Record<string, unknown> | ${ref("X".repeat(90))};`],
    ["a bare type reference", `extra: Foo | ${ref("X".repeat(90))};`],
    ["a string with an escape", `extra: "a\\"b" | ${ref("X".repeat(90))};`],
    ["a non-ASCII string", `extra: "é" | ${ref("X".repeat(90))};`],
    ["a parenthesised non-union", `extra: (${ref("X".repeat(90))})[];`],
    ["a function type", `extra: () => ${ref("X".repeat(90))};`],
    ["a quoted key prettier would unquote", `"extra": ${ref("X".repeat(90))} | null;`],
  ])("does not recognise %s, which still goes to prettier", async (_name, member) => {
    expect(layoutTypeMember({ lines: [member], indent: 4, width: WIDTH })).toBeUndefined();
    const text = printed({ depth: 2, members: [[member]] });
    const format = vi.fn(prettier);
    expect(await restyleTsPrinterOutput({ text, format })).toBe(await prettier(text));
    expect(format).toHaveBeenCalledTimes(1);
  });
});
