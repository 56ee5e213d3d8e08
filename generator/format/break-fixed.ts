// Statements of client.ts whose text is fixed but for the API name (`N`), in the layouts
// prettier gives them: the options types, the credential helpers (conditional types),
// the client's `bind` and the pager's `Object.assign`. A longer name makes prettier break
// more; of a statement's layouts (from the least broken) the first whose lines all fit is
// prettier's, and where none does the statement goes to prettier. Each line is
// `[level, text]`, its level relative to the statement's.

import { PRETTIER_OPTIONS } from "./prettier-options.js";
import { indentOf } from "./type-print.js";

type Layout = [number, string][];

const NAME = String.raw`[A-Za-z_$][\w$]*`;

const SHAPES: { pattern: RegExp; flat: (N: string) => string; layouts: (N: string) => Layout[] }[] = [
  {
    pattern: new RegExp(String.raw`^export type (${NAME})ClientOptions = `),
    flat: (N) => `export type ${N}ClientOptions = BaseOptions & ${N}Credentials & ({ server?: ${N}Server; baseUrl?: undefined } | { baseUrl: string; server?: undefined });`,
    layouts: (N) => {
      const head: Layout = [
        [0, `export type ${N}ClientOptions = BaseOptions &`],
        [1, `${N}Credentials &`],
      ];
      return [
        [...head, [1, `({ server?: ${N}Server; baseUrl?: undefined } | { baseUrl: string; server?: undefined });`]],
        [...head, [1, "("], [2, `{ server?: ${N}Server; baseUrl?: undefined } | { baseUrl: string; server?: undefined }`], [1, ");"]],
        [...head, [1, "("], [2, `| { server?: ${N}Server; baseUrl?: undefined }`], [2, "| { baseUrl: string; server?: undefined }"], [1, ");"]],
      ];
    },
  },
  {
    pattern: new RegExp(String.raw`^type AnyOf<Names extends keyof (${NAME})Credentials> = `),
    flat: (N) => `type AnyOf<Names extends keyof ${N}Credentials> = Names extends string ? { [Name in Names]: NonNullable<${N}Credentials[Name]> } : never;`,
    layouts: (N) => [
      [
        [0, `type AnyOf<Names extends keyof ${N}Credentials> = Names extends string`],
        [1, `? { [Name in Names]: NonNullable<${N}Credentials[Name]> }`],
        [1, ": never;"],
      ],
      [
        [0, `type AnyOf<Names extends keyof ${N}Credentials> =`],
        [1, "Names extends string"],
        [2, `? { [Name in Names]: NonNullable<${N}Credentials[Name]> }`],
        [2, ": never;"],
      ],
    ],
  },
  {
    pattern: new RegExp(String.raw`^export type CallCredentials<O, Names extends keyof (${NAME})Credentials> = `),
    flat: (N) =>
      `export type CallCredentials<O, Names extends keyof ${N}Credentials> = [Names] extends [never] ? {} : [O] extends [AnyOf<Names>] ? { [Name in Names]?: NonNullable<${N}Credentials[Name]> } : AnyOf<Names>;`,
    layouts: (N) => {
      const head = `export type CallCredentials<O, Names extends keyof ${N}Credentials>`;
      const tail: Layout = [
        [1, "? {}"],
        [1, ": [O] extends [AnyOf<Names>]"],
        [2, `? { [Name in Names]?: NonNullable<${N}Credentials[Name]> }`],
        [2, ": AnyOf<Names>;"],
      ];
      return [
        [[0, `${head} = [Names] extends [never]`], ...tail],
        [[0, `${head} = [Names] extends [`], [1, "never,"], [0, "]"], ...tail],
        [[0, `${head} = [`], [1, "Names,"], [0, "] extends [never]"], ...tail],
        [[0, "export type CallCredentials<"], [1, "O,"], [1, `Names extends keyof ${N}Credentials,`], [0, "> = [Names] extends [never]"], ...tail],
      ];
    },
  },
  {
    pattern: new RegExp(String.raw`^export type KnownOptions<O> = O & \{ \[Key in Exclude<keyof O, keyof (${NAME})ClientOptions>\]: never \};$`),
    flat: (N) => `export type KnownOptions<O> = O & { [Key in Exclude<keyof O, keyof ${N}ClientOptions>]: never };`,
    layouts: (N) => [
      [
        [0, "export type KnownOptions<O> = O & {"],
        [1, `[Key in Exclude<keyof O, keyof ${N}ClientOptions>]: never;`],
        [0, "};"],
      ],
    ],
  },
  {
    pattern: /^const bind = /,
    flat: () => "const bind = (operation: OperationInfo) => (input: CallOptions) => send({ spec, input, client, operation }) as Promise<never>;",
    layouts: () => [
      [
        [0, "const bind = (operation: OperationInfo) => (input: CallOptions) =>"],
        [1, "send({ spec, input, client, operation }) as Promise<never>;"],
      ],
    ],
  },
  {
    pattern: /^return Object\.assign\(method, /,
    flat: () => "return Object.assign(method, { all: (input: CallOptions) => paginate({ call: method, input }) });",
    layouts: () => [
      [
        [0, "return Object.assign(method, {"],
        [1, "all: (input: CallOptions) => paginate({ call: method, input }),"],
        [0, "});"],
      ],
    ],
  },
];

export function breakFixed(input: { text: string; depth: number }): string[] | undefined {
  for (const shape of SHAPES) {
    const match = shape.pattern.exec(input.text);
    if (!match) continue;
    const N = match[1] ?? "";
    if (shape.flat(N) !== input.text) return undefined;
    for (const layout of shape.layouts(N)) {
      const lines = layout.map(([level, text]) => indentOf(input.depth + level) + text);
      if (lines.every((line) => line.length <= PRETTIER_OPTIONS.printWidth)) return lines;
    }
    return undefined;
  }
  return undefined;
}
