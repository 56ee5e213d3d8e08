// The long-line shapes of format/break-statements.ts, held to prettier at the print
// width's boundary (lines of 97 to 104 columns) and at several depths: a break-or-not
// decision that differs from prettier's fails. And on the embedded spec, validators.ts,
// server.ts and fake.ts laid out with nothing sent to prettier.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it, vi } from "vitest";
import { thisThread } from "../../generator/emit/host.js";
import { emitters } from "../../generator/emit/registry.js";
import { handlerAlias } from "../../generator/emit/server/aliases.js";
import { stableText } from "../../generator/format/break-statements.js";
import { formatFiles, formatText } from "../../generator/format/format.js";
import { layoutStatements } from "../../generator/format/statement-layout.js";
import { buildModel } from "../../generator/model/build.js";
import { findOperations, selectOperations } from "../../generator/select.js";

const prettier = (text: string) => formatText({ text, path: "x.ts" });
const WIDTH = 100;

/** Statements at `depth` (inside a function, then bare blocks). */
function inBlocks(input: { depth: number; lines: string[] }): string {
  const { depth, lines } = input;
  if (depth === 0) return lines.join("\n") + "\n";
  const open = ["function f(): void {", ...Array.from({ length: depth - 1 }, () => "{")];
  return [...open, ...lines, ...open.map(() => "}")].join("\n") + "\n";
}

/** Variants of a line whose length at `depth` (`measure`) runs over the width's boundary. */
function aroundWidth(input: { depth: number; make: (pad: string) => string; measure?: (line: string) => number }): string[] {
  const measure = input.measure ?? ((line: string) => line.length);
  const lines: string[] = [];
  for (let size = 0; size < 120; size++) {
    const line = input.make("x".repeat(size));
    const length = 2 * input.depth + measure(line);
    if (length >= WIDTH - 3 && length <= WIDTH + 4) lines.push(line);
  }
  expect(lines.length, "variants around the width").toBeGreaterThan(0);
  return lines;
}

/** The layout's result is prettier's; `nothingSent`: no line of it went to prettier (the shapes broke them all). */
async function expectPrettiersBytes(text: string, options: { nothingSent?: boolean } = {}): Promise<void> {
  const sent: string[] = [];
  expect(await layoutStatements({ text, format: (part) => (sent.push(part), prettier(part)) })).toBe(await prettier(text));
  if (options.nothingSent) expect(sent).toStrictEqual([]);
}

const DEPTHS = [0, 1, 3, 6];

describe("break-statements shapes, against prettier at the width's boundary", () => {
  it.each(DEPTHS)("`if (a && b && …) call(…);`, its test and its call around the width, at depth %i", async (depth) => {
    const operands = (count: number) => Array.from({ length: count }, (_, index) => `b${index + 2}.length > 0`).join(" && ");
    const lines = [
      // The `if (test)` around the width, a short call.
      ...[2, 4].flatMap((count) => aroundWidth({ depth, make: (pad) => `if (${operands(count)} && ${pad}.length > 0) fail(issues, at);`, measure: (line) => line.indexOf(" fail(") })),
      // A long test, its call around the width a level deeper.
      ...aroundWidth({ depth: depth + 1, make: (pad) => `if (${operands(9)}) fail(issues, p11 + "/" + escapeToken(k12), "anyOf", "${pad}");`, measure: (line) => line.length - line.indexOf(" fail(") - 1 }),
      // A test that fits, the whole around the width.
      ...aroundWidth({ depth, make: (pad) => `if (b2.length > 0 && b3.length > 0) fail(issues, at, "anyOf", "${pad}", value);` }),
    ];
    await expectPrettiersBytes(inBlocks({ depth: Math.max(depth, 1), lines }), { nothingSent: true });
    // Operands that are not comparisons of names, an `else`: prettier's to break.
    await expectPrettiersBytes(inBlocks({ depth: Math.max(depth, 1), lines: [`if (${operands(8)} && (a || b)) fail(issues, at);`, `if (${operands(2)}) fail(issues, at, "${"x".repeat(40)}"); else fail(issues, at);`] }));
  });

  it.each(DEPTHS)("an `if` or a call holding strings with escapes and single quotes, at depth %i", async (depth) => {
    const lines = [
      ...aroundWidth({ depth, make: (pad) => `if (!PATTERN_0.test(v25)) fail(issues, p25, "pattern", "^\\w{2}${pad}'s$", v25);` }),
      // A string longer than its line, which prettier leaves whole.
      ...aroundWidth({ depth: depth + 2, make: (pad) => `"^(?!^[-+.]*$)[+-]?0*(?:\\d{0,5}${pad}\\.\\d{0,12}0*$)",` }).map((string) => `if (!PATTERN_5.test(v0)) fail(b4, p0, "pattern", ${string.slice(0, -1)}, v0);`),
      ...aroundWidth({ depth, make: (pad) => `fail(issues, at, "const", "it's \\"${pad}\\" and 'that'", value);` }),
      `fail(issues, at, "const", "a\\u2028b\\\\c\\td", value);`,
    ];
    await expectPrettiersBytes(inBlocks({ depth: Math.max(depth, 1), lines }), { nothingSent: true });
    // More double quotes than single: prettier swaps the quotes.
    const swapped = [...aroundWidth({ depth, make: (pad) => `fail(issues, at, "const", "\\"${pad}\\"", value);` }), `fail(issues, at, "const", "\\"a\\"", value);`];
    await expectPrettiersBytes(inBlocks({ depth: Math.max(depth, 1), lines: swapped }));
  });

  it.each([0, 1, 4])("a type alias of an indexed access, broken after the = where it does not fit, at depth %i", async (depth) => {
    const keyword = depth === 0 ? "export type" : "type";
    const lines = aroundWidth({ depth, make: (pad) => `${keyword} T${pad.length} = operations["a:${pad}"]["responses"][200]["content"]["application/json"];` });
    await expectPrettiersBytes(inBlocks({ depth, lines }), { nothingSent: true });
  });

  it("a handler alias whose `) => R | Promise<R>;` runs over the width", async () => {
    const alias = (name: string) => handlerAlias({ name: `${name}Handler`, contextArguments: [`${name}HandlerParams`, `ServerCredential<"customer_session" | "member_session">`], outcome: `${name}Outcome` });
    const names = [
      ...aroundWidth({ depth: 0, make: (pad) => `Customer${pad}`, measure: (name) => `) => ${name}Outcome | Promise<${name}Outcome>;`.length }),
      ...aroundWidth({ depth: 1, make: (pad) => `Customer${pad}`, measure: (name) => `${name}Outcome | Promise<${name}Outcome>;`.length }),
      ...aroundWidth({ depth: 1, make: (pad) => `Customer${pad}`, measure: (name) => `| Promise<${name}Outcome>;`.length }),
    ];
    // A member or the head over the width: the alias goes to prettier on one line.
    await expectPrettiersBytes(names.map(alias).join("\n") + "\n");
    const fits = names.filter((name) => `  | Promise<${name}Outcome>;`.length <= WIDTH && `export type ${name}Handler = (`.length <= WIDTH);
    await expectPrettiersBytes(fits.map(alias).join("\n") + "\n", { nothingSent: true });
  });

  it.each([1, 3])("`) => R | Promise<R>;` closing a function type's parameters, at depth %i", async (depth) => {
    const alias = (name: string) => [`type ${name}Handler = (`, `context: C<${"p".repeat(40)}>,`, `) => ${name}Outcome | Promise<${name}Outcome>;`];
    const names = [
      ...aroundWidth({ depth, make: (pad) => `A${pad}`, measure: (name) => `) => ${name}Outcome | Promise<${name}Outcome>;`.length }),
      ...aroundWidth({ depth: depth + 1, make: (pad) => `A${pad}`, measure: (name) => `${name}Outcome | Promise<${name}Outcome>;`.length }),
      ...aroundWidth({ depth: depth + 1, make: (pad) => `A${pad}`, measure: (name) => `| Promise<${name}Outcome>;`.length }),
    ];
    // A member over the width: the layout declines the file (prettier then formats it whole).
    const fits = names.filter((name) => 2 * (depth + 1) + `| Promise<${name}Outcome>;`.length <= WIDTH);
    await expectPrettiersBytes(inBlocks({ depth, lines: fits.flatMap(alias) }), { nothingSent: true });
    const over = inBlocks({ depth, lines: alias(`A${"x".repeat(WIDTH)}`) });
    expect(await layoutStatements({ text: over, format: prettier })).toBeUndefined();
  });

  it("a handler alias whose body type argument is a union too long for its line", async () => {
    const body = (pad: string) => `NonNullable<operations["orders:${pad}"]["requestBody"]>["content"]["application/json"] | undefined`;
    const names = aroundWidth({ depth: 2, make: body, measure: (type) => type.length + 1 }).map((type, index) =>
      handlerAlias({ name: `Orders${index}Handler`, contextArguments: [`Orders${index}HandlerParams`, `ServerCredential<"oat" | "oidc" | "pat">`, type], outcome: `Orders${index}Outcome` }),
    );
    await expectPrettiersBytes(names.join("\n") + "\n", { nothingSent: true });
  });

  it.each([1, 2, 4])("a type member naming one long type, at depth %i", async (depth) => {
    const members = aroundWidth({ depth, make: (pad) => `customerPortal${pad}: CustomerPortal${pad}Handler;` });
    const open = ["export interface A {", ...Array.from({ length: depth - 1 }, (_, level) => `a${level}: {`)];
    const close = [...Array.from({ length: depth - 1 }, () => "};"), "}"];
    await expectPrettiersBytes([...open, ...members, ...close].join("\n") + "\n", { nothingSent: true });
  });

  it.each([1, 2, 4])("a type member whose type is a union, at depth %i", async (depth) => {
    const indexed = (pad: string) => `operations["i:${pad}"]["responses"][200]["content"]["application/json"]`;
    const members = [
      // The whole member around the width.
      ...aroundWidth({ depth, make: (pad) => `body: ${indexed(pad)} | Uint8Array;` }),
      // The union a level deeper around the width.
      ...aroundWidth({ depth: depth + 1, make: (pad) => `subscriptions?: Array<Partial<Sub${pad}>> | undefined;`, measure: (line) => line.length - "subscriptions?: ".length }),
      ...aroundWidth({ depth: depth + 1, make: (pad) => `"a-b"?: X<${pad}> | Y<${pad}> | undefined;`, measure: (line) => line.length - '"a-b"?: '.length }),
      // Its members one a line, one over the width.
      ...aroundWidth({ depth: depth + 1, make: (pad) => `body: ${indexed(pad)} | Uint8Array;`, measure: (line) => line.length - "body: ".length + 2 }),
      `body: ${indexed("x".repeat(100))} | Uint8Array;`,
    ];
    const open = ["export interface A {", ...Array.from({ length: depth - 1 }, (_, level) => `a${level}: {`)];
    const close = [...Array.from({ length: depth - 1 }, () => "};"), "}"];
    await expectPrettiersBytes([...open, ...members, ...close].join("\n") + "\n", { nothingSent: true });
    // In a union's member, as server.ts writes an outcome.
    const outcome = ["export type O =", "| {", "status: 200;", ...aroundWidth({ depth: 3, make: (pad) => `body: ${indexed(pad)} | Uint8Array;` }), "}", "| { status: 404 };"];
    await expectPrettiersBytes(outcome.join("\n") + "\n", { nothingSent: true });
    // A union prettier hugs (one type reference and null), an object type in a member: prettier's.
    const members2 = [`a: ${"X".repeat(100)}<string> | null;`, `subscriptions?: Array<Partial<FakeSubscription${"x".repeat(20)}> & { id: string; customer_id: string }> | undefined;`];
    await expectPrettiersBytes(["export interface B {", ...members2, "}"].join("\n") + "\n");
  });

  it.each([1, 3])("an object member `key: (value: unknown) => run(check, value),`, at depth %i", async (depth) => {
    const members = [
      ...aroundWidth({ depth, make: (pad) => `K${pad}: (value: unknown) => run(check243, value),` }),
      ...aroundWidth({ depth, make: (pad) => `K${pad}: (value: unknown) => run(check243, value),`, measure: (line) => line.indexOf(" run(") }),
      ...aroundWidth({ depth, make: (pad) => `"k-${pad}": (value: unknown, at: string) => run(check2, value),`, measure: (line) => line.indexOf(" run(") }),
    ];
    const open = ["export const validators = {", ...Array.from({ length: depth - 1 }, (_, level) => `a${level}: {`)];
    const close = [...Array.from({ length: depth - 1 }, () => "},"), "} satisfies Record<string, Validator>;"];
    await expectPrettiersBytes([...open, ...members, ...close].join("\n") + "\n", { nothingSent: true });
  });

  it("text prettier prints as it is: only double-quoted strings holding no more double quotes than single", () => {
    expect(stableText(`fail(issues, at, "it's", "\\\\d");`)).toBe(true);
    expect(stableText(`fail(issues, at, "\\"it's\\"");`)).toBe(false);
    expect(stableText(`fail(issues, at, 'a');`)).toBe(false);
    expect(stableText(`f(a, "\\\\d", /"/);`)).toBe(false);
    expect(stableText(`const a = /* @__PURE__ */ f("it's");`)).toBe(true);
    expect(stableText(`f("é's");`)).toBe(false);
    expect(stableText("f(`\"${a}`, 'b');")).toBe(false);
    expect(stableText("f(`a${b}`);")).toBe(true);
  });
});

describe("fake.ts handlers of long operation names", () => {
  it("lay out `key: exampleHandler<Awaited<ReturnType<…>>>({ … }),` as prettier does around the width, with nothing sent", async () => {
    // Lengths that put `key: exampleHandler<…>({`, the outcome's line and `ReturnType<…>`'s line around the width.
    // Every length, so that each boundary is met exactly (a head of exactly the width among them).
    const ids = Array.from({ length: 45 }, (_, index) => `op${"a".repeat(18 + index)}`);
    const paths = Object.fromEntries(ids.map((id) => [`/${id}`, { get: { operationId: id, responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "string" }, example: "x" } } } } } }]));
    const document = { openapi: "3.0.3", info: { title: "Shop API", version: "1" }, paths };
    const { selected } = selectOperations({ document: document as never, operationIds: ids });
    const context = { model: buildModel({ selected: selected!, specFile: "shop.yaml" }), subset: selected!.document };
    const fake = (await Promise.all(emitters.map((entry) => thisThread.emit({ entry, context })))).flat().find((file) => file.path === "fake.ts")!;
    expect(fake.layout).toBe("statement-lines");
    expect(fake.contents).toContain("exampleHandler<\nAwaited<\n");
    const sent: string[] = [];
    const ours = await layoutStatements({ text: fake.contents, format: (part) => (sent.push(part), formatText({ text: part, path: "fake.ts" })) });
    expect(ours).toBe(await formatText({ text: fake.contents, path: "fake.ts" }));
    expect(sent).toStrictEqual([]);
  });
});

describe("the embedded spec's validators.ts, server.ts and fake.ts", () => {
  it("are laid out with nothing sent to prettier, in prettier's bytes", async () => {
    const spec = "spec/polar.openapi.yaml";
    const document = parse(readFileSync(spec, "utf8"));
    const operationIds = findOperations(document).map((found) => found.id).filter((id) => !id.startsWith("other:"));
    const { selected } = selectOperations({ document, operationIds });
    const context = { model: buildModel({ selected: selected!, specFile: spec }), subset: selected!.document };
    const files = (await Promise.all(emitters.map((entry) => thisThread.emit({ entry, context })))).flat();
    for (const path of ["validators.ts", "server.ts", "fake.ts"]) {
      const file = files.find((each) => each.path === path)!;
      expect(file.layout, path).toBe("statement-lines");
      const format = vi.fn((text: string) => formatText({ text, path }));
      const ours = await layoutStatements({ text: file.contents, format });
      expect(format, path).not.toHaveBeenCalled();
      expect(ours, path).toBe(await formatText({ text: file.contents, path }));
    }
  });
});

describe("long lines holding strings prettier quotes otherwise", () => {
  it("a pattern with more `\"` than `'` in its check's line goes to prettier, which re-quotes it and may keep the line whole", async () => {
    for (const source of ['^[^"]{1,64}(?:\\s[^"]{1,64})*$', 'a"b"c"d'.repeat(8), `x"y'z`.repeat(10)]) {
      const document = {
        openapi: "3.1.0",
        info: { title: "T", version: "1" },
        paths: { "/x": { post: { operationId: "x:create", requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Body" } } } }, responses: { "200": { description: "ok" } } } } },
        components: { schemas: { Body: { type: "object", properties: { name: { type: "string", pattern: source } } } } },
      };
      const { selected } = selectOperations({ document: document as never, operationIds: ["x:create"] });
      const context = { model: buildModel({ selected: selected!, specFile: "t.yaml" }), subset: selected!.document };
      const validators = (await Promise.all(emitters.map((entry) => thisThread.emit({ entry, context })))).flat().find((file) => file.path === "validators.ts")!;
      expect((await formatFiles([validators]))[0]!.contents, source).toBe(await formatText({ text: validators.contents, path: "validators.ts" }));
    }
  });

  it("a quoted key prettier may unquote is left to it", async () => {
    const lines = ['type T = {', `  "abc"?: A["b"][200] | Foo<"a | b", ${"X".repeat(75)}>;`, "};", ""].join("\n");
    const format = vi.fn((text: string) => formatText({ text, path: "x.ts" }));
    expect(await layoutStatements({ text: lines, format })).toBe(await formatText({ text: lines, path: "x.ts" }));
  });
});
