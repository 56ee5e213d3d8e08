// validators.ts and client.ts are written one statement per line; lines are indented by block depth,
// and only those prettier would print otherwise go to prettier: the result must be
// prettier's output for the whole file, byte for byte.
import { describe, expect, it, vi } from "vitest";
import { layoutStatements } from "../../generator/format/statement-layout.js";
import { formatText } from "../../generator/format/format.js";

const prettier = (text: string) => formatText({ text, path: "validators.ts" });
const long = "x".repeat(60);

describe("layoutStatements", () => {
  const cases: Record<string, string> = {
    "short statements in nested blocks": "function f(value: unknown): void {\nif (isRecord(value)) {\nconst v0 = value[\"id\"];\nif (v0 !== undefined) {\nfail(issues, at, \"type\", \"string\", v0);\n}\n}\n}\n",
    "a long statement at depth": `function f(): void {\nif (a) {\nfail(issues, at + "/${long}", "type", "string", value);\n}\n}\n`,
    "a long block head": `function check1(value: unknown, at: string, issues: ValidationIssue[], ${long}: number): void {\nvoid value;\n}\n`,
    "a long head whose condition breaks": `function f(): void {\nif (!["${long}", "${long}"].includes(key)) {\nvoid key;\n}\n}\n`,
    "a long object member": `export const validators = {\n${long}${long}: (value: unknown) => run(check0, value),\n} satisfies Record<string, Validator>;\n`,
    "a long statement at the top level": `const PATTERN_0 = /^${"[a-z]".repeat(25)}$/u;\n`,
    "quotes and escapes, which prettier may print otherwise": `function f(): void {\nfail(issues, at, "const", "it's", value);\nreturn token.replace(/~/g, "~0").replace(/\\//g, "~1");\n}\n`,
    "blank lines between top-level items": "const a = 1;\n\nconst b = 2;\n",
    "a signature and a list already broken as prettier breaks them": `function fail(\nissues: ValidationIssue[],\npointer: string,\nkeyword: string,\nexpected: unknown,\nactual: unknown,\n): void {\nissues.push({ pointer });\n}\nconst LIST_0 = [\n"${long}",\n"${long}",\n];\n`,
    "a long call, broken one argument per line": `function f(): void {\nif (a) {\nfail(issues, p1 + "/" + i2, "oneOf", "2 alternatives", v3, "must match one of its 2 schemas and ${long}");\n}\n}\n`,
    "a long if with a call, broken before the call and then in it": `function f(): void {\nif (!(name in value)) fail(issues, at + "/" + escapeToken(name), "required", name, undefined, "${long}");\nif (!(name in value)) fail(issues, at + "/" + escapeToken(name), "required", name);\n}\n`,
    "a long regular expression, broken after the =": `const PATTERN_1 = /^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])[Tt ](?:[01]\\d|2[0-3]):[0-5]\\d:(?:[0-5]\\d)$/u;\nconst PATTERN_2 = /^\\d+$/u;\n`,
    "a comment over the width, with quotes": `// It's a comment of ${long}${long}.\nconst a = 1;\n`,
    "a JSDoc over several lines, re-indented to its block": `export interface A {\n/**\n* Deletes a customer.\n * \n   *   Irreversible.\n*/\nid: string;\n}\n`,
    "blank lines: one of several, none at a block's start or end, one final newline": "\n\nfunction f(): void {\n\nconst a = 1;\n\n\nconst b = 2;\n\n}\n\n\n",
    "a long member of a type nested in types": `export interface Client {\ncustomers: {\nremove(input: ${long}Input<O>): Promise<${long}Result>;\n};\n}\n`,
    "a call's sole object argument, hugged": `export function f(options: Options): Server {\nreturn createServerCore({\nroutes,\nhandlers: options.handlers as unknown as Record<string, AnyHandler>,\n});\n}\n`,
    "a call's sole array argument, hugged, and a long member inside": `const RULES = new Map<string, Rule>([\n[\n"a",\n{\nkinds: ["${long}", "${long}"],\n},\n],\n]);\n`,
    "a literal in prettier's object layout, after a typed const": `const routes: RouteInfo[] = [\n{\nid: "a",\nparameters: [],\nresponses: {\n"200": {},\n},\n},\n];\n`,
    "empty blocks, lists and calls, joined to their openers; not before else": "export interface A {\n}\nfunction f(): void {\n}\nconst a = [\n];\nf(\n);\nif (a) {\n} else {\nvoid a;\n}\n",
    "a union, one member a line, a member broken and one long inside it": `export type Outcome =\n| { status: 204; body?: undefined; headers?: OutcomeHeaders }\n| {\nstatus: 200;\nbody: operations["${long}"]["responses"][200]["content"]["application/json"] | Uint8Array;\nheaders?: OutcomeHeaders;\n};\n`,
    "an indexed access over the width, which prettier cannot break": `export type A = {\nbody: operations["${long}"]["responses"][200]["content"]["application/json"];\n};\n`,
    "type arguments one a line": `export type Handler = (\ncontext: HandlerContext<\n${long}Params,\nNonNullable<\noperations["${long}"]\n>["content"]\n>,\n) => Outcome | Promise<Outcome>;\n`,
    "an intersection alias, broken after the = where its first member does not fit beside it": `export type BenefitGrantsListInput<O extends PolarClientOptions = PolarClientOptions> = BenefitGrantsListParams & CallOptions & CallCredentials<O, "accessToken">;\n`,
    "an intersection alias, broken at each & where its first member fits beside the =": `export type ItemsListInput<O extends ShapesClientOptions = ShapesClientOptions> = ItemsListParams & CallOptions & CallCredentials<O, "token" | "key">;\n`,
    "a type alias of a union in type arguments, its members broken one argument a line": `export type BenefitsDeleteResult = Result<Success<204, undefined> | Failure<403, operations["benefits:delete"]["responses"][403]["content"]["application/json"]> | ProbablySucceeded<404, operations["benefits:delete"]["responses"][404]["content"]["application/json"]>>;\nexport type CustomerSeatsResendInvitationResult = Result<Success<200, operations["customer-seats:resend_invitation"]["responses"][200]["content"]["application/json"] | undefined> | Failure<400, undefined>>;\n`,
    "a return of a call whose sole object prettier hugs": `function f(): void {\nreturn send({ spec, input, operation: customerPortalBenefitGrantsListOperation }) as Promise<CustomerPortalBenefitGrantsListResult>;\n}\n`,
    "a function head, its parameters one a line": `export function customerPortalBenefitGrantsList<O extends PolarClientOptions>(input: CustomerPortalBenefitGrantsListInput<O> & { client: PolarCore<O> }): Promise<CustomerPortalBenefitGrantsListResult> {\nvoid input;\n}\nexport function g(${long}: number, b: { c: string }, ${long}d: string): void {\nvoid b;\n}\n`,
    "a lone object-typed parameter, which prettier may hug": `export function h(options: { ${long}: string; b${long}: number }): void {\nvoid options;\n}\n`,
    "a long type alias": `export type Options = BaseOptions & Credentials & ({ server?: Server; baseUrl?: undefined } | { baseUrl: string; server?: undefined });\n`,
  };
  it.each(Object.entries(cases))("%s: prettier's bytes", async (_name, text) => {
    expect(await layoutStatements({ text, format: prettier })).toBe(await prettier(text));
  });

  it("calls prettier once, with only the long lines it does not break itself, each at its depth", async () => {
    const format = vi.fn(prettier);
    // An array argument: prettier may hug it, so this line is prettier's to break.
    const statement = `fail(issues, at + "/${long}", "enum", ["a", "b"], value);`;
    await layoutStatements({ text: `function f(): void {\nif (a) {\n${statement}\n}\nvoid a;\n}\n`, format });
    expect(format).toHaveBeenCalledTimes(1);
    expect(format.mock.calls[0]![0]).toBe(`{\n  {\n${statement}\n  }\n}\n`);
  });

  it("does not call prettier when every line fits, or is a call, an if or a regular expression it breaks itself", async () => {
    const format = vi.fn(prettier);
    await layoutStatements({ text: "const a = 1;\n", format });
    await layoutStatements({ text: `function f(): void {\nif (!(name in value)) fail(issues, at + "/" + escapeToken(name), "required", name, undefined, "${long}");\n}\n`, format });
    await layoutStatements({ text: `const PATTERN_0 = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/u;\n`, format });
    await layoutStatements({ text: `export type BenefitGrantsListInput<O extends PolarClientOptions = PolarClientOptions> = BenefitGrantsListParams & CallOptions & CallCredentials<O, "accessToken">;\n`, format });
    await layoutStatements({ text: `function f(): void {\nreturn send({ spec, input, operation: customerPortalBenefitGrantsListOperation }) as Promise<CustomerPortalBenefitGrantsListResult>;\n}\n`, format });
    await layoutStatements({ text: `export function g(${long}: number, b: { c: string }, ${long}d: string): void {\nvoid b;\n}\n`, format });
    expect(format).not.toHaveBeenCalled();
  });

  it.each([
    ["an unbalanced block", "function f() {\nvoid 0;\n"],
    ["a closing brace with nothing open", "}\n"],
    ["a long type member inside a value, which no wrapper reproduces", `const a = {\nb: {} as {\nremove(input: { a: ${long}Input<O> }): Promise<${long}Result>;\n},\n};\n`],
    ["a comment line with trailing whitespace, which prettier may keep", "/**\n * a  \n */\nconst a = 1;\n"],
    ["an unclosed comment", "/**\n * a\nconst a = 1;\n"],
    ["a hugged argument closed by a lone `}`", "f({\na: 1,\n}\n);\n"],
    ["a long `} else …`", `if (a) {\nvoid a;\n} else if (b) fail(issues, at + "/${long}", "type", "string", value);\n`],
  ])("answers undefined for %s", async (_name, text) => {
    expect(await layoutStatements({ text, format: prettier })).toBeUndefined();
  });
});
