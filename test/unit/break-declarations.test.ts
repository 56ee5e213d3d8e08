// The long lines of client.ts that statement-layout.ts breaks itself (break-declarations.ts,
// break-literals.ts, break-fixed.ts, type-print.ts) must come out as prettier breaks them.
// Each shape is swept across the print width (names grown a character at a time, so its
// lines cross the limit at every break point) at several depths, and the whole file is
// compared with prettier's; client.ts of the embedded spec needs no prettier at all.
import { describe, expect, it, vi } from "vitest";
import { emitClient } from "../../generator/emit/client-file.js";
import { breakMember } from "../../generator/format/break-literals.js";
import { formatText } from "../../generator/format/format.js";
import { layoutStatements } from "../../generator/format/statement-layout.js";
import { contextFor } from "../fixtures/client/generate.js";

const prettier = (text: string) => formatText({ text, path: "client.ts" });
const pad = (n: number) => "A".repeat(n);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** `line` at `depth` inside blocks (statements), types (type members) or object literals (members). */
function nest(input: { line: string; depth: number; kind: "block" | "type" | "object" }): string {
  const { line, depth, kind } = input;
  const open = Array.from({ length: depth }, (_, level) =>
    kind === "block" ? (level === 0 ? "function f() {" : "if (a) {") : kind === "type" ? (level === 0 ? "export interface T {" : "b: {") : level === 0 ? "const o: O = {" : "b: {",
  );
  const close = Array.from({ length: depth }, (_, level) => {
    const outermost = level === depth - 1;
    return kind === "block" ? "}" : kind === "type" ? (outermost ? "}" : "};") : outermost ? "};" : "},";
  });
  return [...open, line, ...close].join("\n");
}

/** One file of every variant; the layout must be prettier's, and (where `alone`) send it nothing. */
async function sweep(input: { variants: string[]; alone?: boolean }): Promise<void> {
  const text = input.variants.join("\n\n") + "\n";
  const format = vi.fn(prettier);
  const ours = await layoutStatements({ text, format });
  expect(ours).toBe(await prettier(text));
  if (input.alone) expect(format).not.toHaveBeenCalled();
}

const DEPTHS = [0, 1, 2, 3];

describe("declarations broken as prettier breaks them, across the width", () => {
  it("import and export lists, one name a line", async () => {
    await sweep({
      alone: true,
      variants: range(20, 60).flatMap((n) => [
        `import type { ${pad(n)}, CallOptions, Credential } from "./runtime/options.js";`,
        `export type { ${pad(n)}, B as C } from "./runtime/result.js";`,
        `export { ApiError as PolarError, ${pad(n)} } from "./runtime/result.js";`,
      ]),
    });
  });

  it("aliases of a type with arguments: results of one or several variants", async () => {
    for (const depth of DEPTHS)
      await sweep({
        alone: true,
        variants: range(0, 45).flatMap((n) =>
          [
            `export type R${pad(n)}Result = Result<Success<200, operations["m${pad(n)}"]["responses"][200]["content"] | undefined>>;`,
            `type X${pad(n)}Result = Result<Success<200, operations["o${pad(n)}"]["responses"][200] | undefined> | Failure<404, operations["o"]["responses"][404]["content"]>>;`,
            `type Y${pad(n)} = Paginated<${pad(n)}Input<O>, ${pad(n)}Result>;`,
            `type Z = NonNullable<operations["${pad(2 * n)}"]["parameters"]["query"]>["z"];`,
          ].map((line) => nest({ line, depth, kind: "block" })),
        ),
      });
  });

  it("an input alias: its type parameter, then its intersection, each broken where it does not fit", async () => {
    for (const depth of [0, 1, 2])
      await sweep({
        alone: true,
        variants: range(0, 40).flatMap((n) =>
          [
            `export type ${pad(n)}Input<O extends PolarClientOptions = PolarClientOptions> = ${pad(n)}Params & CallOptions & CallCredentials<O, "customerSession" | "memberSession">;`,
            `export type C${pad(n)}Input<O extends ${pad(n % 9)}ClientOptions = ${pad(n % 9)}ClientOptions> = CParams & CallOptions & CallCredentials<O, "accessToken">;`,
            `export type D${pad(n)}Input<O extends PolarClientOptions = PolarClientOptions> = D${pad(2 * n)}Params & CallOptions & CallCredentials<O, "accessToken">;`,
          ].map((line) => nest({ line, depth, kind: "block" })),
        ),
      });
  });

  it("an input alias whose first member does not fit beside `> =`", async () => {
    for (const depth of [0, 1])
      await sweep({
        variants: range(20, 50).map((n) =>
          nest({ line: `export type E${pad(n)}Input<O extends PolarClientOptions = PolarClientOptions> = E${pad(2 * n)}Params & CallOptions & Call<O, "a">;`, depth, kind: "block" }),
        ),
      });
  });

  it("type members and method signatures whose types break", async () => {
    for (const depth of [1, 2, 3])
      await sweep({
        alone: true,
        variants: range(0, 45).flatMap((n) =>
          [
            `anonymize?: NonNullable<operations["${pad(2 * n)}"]["parameters"]["query"]>["anonymize"];`,
            `list: Paginated<${pad(n)}Input<O>, ${pad(n)}Result>;`,
            `cancel(input: ${pad(n)}Input<O>): Promise<${pad(n)}Result>;`,
            `cancel(input: ${pad(n)}Input<O>, options?: Options): Promise<Result>;`,
            `pair: Success<200, "${pad(3 * n)}">;`,
          ].map((line) => nest({ line, depth, kind: "type" })),
        ),
      });
  });

  it("a type parameter whose default does not fit beside it: the default on the next line", async () => {
    await sweep({
      alone: true,
      variants: range(24, 44).flatMap((n) => {
        const N = `P${"x".repeat(n - 1)}`;
        return [
          `export interface ${N}Core<O extends ${N}ClientOptions = ${N}ClientOptions> {\nreadonly options: O;\n}`,
          `export interface ${N}Client<O extends ${N}ClientOptions = ${N}ClientOptions> extends ${N}Core<O> {\na: string;\n}`,
          `export type CustomersDeleteInput<O extends ${N}ClientOptions = ${N}ClientOptions> = CustomersDeleteParams & CallOptions & CallCredentials<O, "accessToken">;`,
        ];
      }),
    });
  });

  it("an interface head whose type parameters break", async () => {
    await sweep({
      alone: true,
      variants: range(0, 28).map((n) => `export interface ${pad(n)}Client<O extends ${pad(n)}ClientOptions = ${pad(n)}ClientOptions> extends ${pad(n)}Core<O> {\na: string;\n}`),
    });
  });

  it("function heads: type parameters, then parameters, then a parameter's object type broken where they do not fit", async () => {
    for (const depth of [0, 1, 2])
      await sweep({
        alone: true,
        variants: range(30, 75).flatMap((n) =>
          [
            `export function ${pad(n)}<O extends PolarClientOptions>(input: ${pad(n)}Input<O> & { client: PolarCore<O> }): Promise<${pad(n)}Result> {\nreturn a;\n}`,
            `export function b${pad(n)}<O extends PolarClientOptions>(input: I<O>): Promise<R> {\nreturn a;\n}`,
            `function c${pad(n)}(input: ${pad(n)}Input<O> & { client: Core<O>; other?: Other }, other: Other): R {\nreturn a;\n}`,
          ].map((line) => nest({ line, depth, kind: "block" })),
        ),
      });
  });

  it("object-literal members: the outermost object or array first", async () => {
    for (const depth of [1, 2, 3])
      await sweep({
        alone: true,
        variants: range(0, 50).flatMap((n) =>
          [
            `responses: { 200: "${pad(n)}", 403: "${pad(n)}" },`,
            `constants: { K${pad(n)}: { error: "${pad(n)}" }, R: { error: "R" } },`,
            `query: { q${pad(n)}: ["${pad(n)}", "string", queryList()], customer_id: ["customerId", "string", queryList()] },`,
            `body: { type: "application/json", required: true, schema: "S${pad(n)}" },`,
            `a: [["${pad(n)}", "${pad(n)}", "${pad(n)}"], [], {}, "b-c"],`,
          ].map((line) => nest({ line, depth, kind: "object" })),
        ),
      });
  });

  it("object members prettier prints otherwise still go to prettier, and come back as prettier prints them", async () => {
    const long = pad(40);
    await sweep({
      variants: [
        `numbers: [${range(1, 40).join(", ")}],`,
        `objects: [{ a: "${long}", b: 1 }, { c: "${long}", d: 2 }],`,
        `quoted: { "a": "${long}", b: "${long}" },`,
        `mixed: { "a-b": "${long}", 200: "${long}" },`,
        `called: { a: f({ b: "${long}" }), c: "${long}" },`,
        `text: "${long}${long}${long}",`,
        `"unquoted": { a: "${long}", b: "${long}" },`,
        `"needs-quotes": { a: "${long}", b: "${long}" },`,
      ].map((line) => nest({ line, depth: 1, kind: "object" })),
    });
    // A parameter's object type, where prettier writes `;`: not read as an object literal.
    expect(breakMember({ text: `input: { client: Client${long}${long} },`, depth: 1 })).toBeUndefined();
    expect(breakMember({ text: `other: { a: string, b: ${long.toLowerCase()}${long.toLowerCase()} },`, depth: 1 })).toBeUndefined();
  });

  it("a union prettier keeps flat beside null or void, and a lone literal argument, go to prettier", async () => {
    const long = pad(60);
    await sweep({ variants: [`literal: Only<"${long}${long}">;`, `a: Promise<${long}Result | void>;`, `b: Array<${long}Result | null>;`, `c(input: ${long}Input): Promise<${long} | void>;`].map((line) => nest({ line, depth: 1, kind: "type" })) });
  });

  it("a head broken over lines and an empty body: the whole file goes to prettier", async () => {
    const long = pad(50);
    for (const text of [
      `export interface ${long}Client<O extends ${long} = ${long}> extends B<O> {\n}\n`,
      `export function ${long}(a: ${long}, b: ${long}): void {\n}\n`,
      `export function ${long}<O extends PolarClientOptions>(input: ${long}Input<O> & { client: PolarCore<O> }): R {\n}\n`,
    ])
      expect(await layoutStatements({ text, format: prettier })).toBeUndefined();
  });

  it("a method signature in a type inside a value", async () => {
    const long = pad(60);
    await sweep({ alone: true, variants: [`const a = {\nb: {} as {\nremove(input: ${long}Input<O>): Promise<${long}Result>;\n},\n};`] });
  });

  it("the client's fixed statements, whatever the API name, at their depths", async () => {
    await sweep({
      alone: true,
      variants: range(1, 29).flatMap((n) => {
        const N = `P${"x".repeat(n - 1)}`;
        return [
          `export type KnownOptions<O> = O & { [Key in Exclude<keyof O, keyof ${N}ClientOptions>]: never };`,
          `export interface ${N}Core<O extends ${N}ClientOptions = ${N}ClientOptions> {\nreadonly options: O;\n}`,
          `export type ${N}ClientOptions = BaseOptions & ${N}Credentials & ({ server?: ${N}Server; baseUrl?: undefined } | { baseUrl: string; server?: undefined });`,
          `type AnyOf<Names extends keyof ${N}Credentials> = Names extends string ? { [Name in Names]: NonNullable<${N}Credentials[Name]> } : never;`,
          `export type CallCredentials<O, Names extends keyof ${N}Credentials> = [Names] extends [never] ? {} : [O] extends [AnyOf<Names>] ? { [Name in Names]?: NonNullable<${N}Credentials[Name]> } : AnyOf<Names>;`,
        ];
      }),
    });
    // Names longer still: prettier breaks further than these layouts go, and is sent what none fits.
    await sweep({
      variants: range(29, 70).flatMap((n) => {
        const N = `P${"x".repeat(n - 1)}`;
        return [
          `export type KnownOptions<O> = O & { [Key in Exclude<keyof O, keyof ${N}ClientOptions>]: never };`,
          `export interface ${N}Core<O extends ${N}ClientOptions = ${N}ClientOptions> {\nreadonly options: O;\n}`,
          `export type ${N}ClientOptions = BaseOptions & ${N}Credentials & ({ server?: ${N}Server; baseUrl?: undefined } | { baseUrl: string; server?: undefined });`,
          `type AnyOf<Names extends keyof ${N}Credentials> = Names extends string ? { [Name in Names]: NonNullable<${N}Credentials[Name]> } : never;`,
          `export type CallCredentials<O, Names extends keyof ${N}Credentials> = [Names] extends [never] ? {} : [O] extends [AnyOf<Names>] ? { [Name in Names]?: NonNullable<${N}Credentials[Name]> } : AnyOf<Names>;`,
        ];
      }),
    });
    for (const depth of range(1, 12)) {
      const bind = "const bind = (operation: OperationInfo) => (input: CallOptions) => send({ spec, input, client, operation }) as Promise<never>;";
      const pages = "return Object.assign(method, { all: (input: CallOptions) => paginate({ call: method, input }) });";
      await sweep({ variants: [bind, pages].map((line) => nest({ line, depth, kind: "block" })), alone: depth < 8 });
    }
  });

  it("client.ts of the embedded spec: prettier's bytes, with nothing sent to prettier", async () => {
    const client = (await emitClient(contextFor("spec/polar.openapi.yaml"))).find((file) => file.path === "client.ts")!;
    const format = vi.fn(prettier);
    const ours = await layoutStatements({ text: client.contents, format });
    expect(format).not.toHaveBeenCalled();
    expect(ours).toBe(await prettier(client.contents));
  });
});
