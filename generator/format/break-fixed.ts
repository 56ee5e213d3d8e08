// Statements of client.ts whose text is fixed but for the API name (`N`), in the layout
// prettier gives them where each of its lines fits: the options type, the credential
// helpers (conditional types), the client's `bind` and the pager's `Object.assign`.
// Where a line would not fit (a long API name), prettier lays them out otherwise: the
// statement goes to prettier. Each line is `[level, text]`, level relative to the statement.

import { PRETTIER_OPTIONS } from "./prettier-options.js";
import { indentOf } from "./type-print.js";

type Layout = [number, string][];

const NAME = String.raw`[A-Za-z_$][\w$]*`;

const SHAPES: { pattern: RegExp; flat: (N: string) => string; layout: (N: string) => Layout }[] = [
  {
    pattern: new RegExp(String.raw`^export type (${NAME})ClientOptions = `),
    flat: (N) => `export type ${N}ClientOptions = BaseOptions & ${N}Credentials & ({ server?: ${N}Server; baseUrl?: undefined } | { baseUrl: string; server?: undefined });`,
    layout: (N) => [
      [0, `export type ${N}ClientOptions = BaseOptions &`],
      [1, `${N}Credentials &`],
      [1, `({ server?: ${N}Server; baseUrl?: undefined } | { baseUrl: string; server?: undefined });`],
    ],
  },
  {
    pattern: new RegExp(String.raw`^type AnyOf<Names extends keyof (${NAME})Credentials> = `),
    flat: (N) => `type AnyOf<Names extends keyof ${N}Credentials> = Names extends string ? { [Name in Names]: NonNullable<${N}Credentials[Name]> } : never;`,
    layout: (N) => [
      [0, `type AnyOf<Names extends keyof ${N}Credentials> = Names extends string`],
      [1, `? { [Name in Names]: NonNullable<${N}Credentials[Name]> }`],
      [1, ": never;"],
    ],
  },
  {
    pattern: new RegExp(String.raw`^export type CallCredentials<O, Names extends keyof (${NAME})Credentials> = `),
    flat: (N) =>
      `export type CallCredentials<O, Names extends keyof ${N}Credentials> = [Names] extends [never] ? {} : [O] extends [AnyOf<Names>] ? { [Name in Names]?: NonNullable<${N}Credentials[Name]> } : AnyOf<Names>;`,
    layout: (N) => [
      [0, `export type CallCredentials<O, Names extends keyof ${N}Credentials> = [Names] extends [never]`],
      [1, "? {}"],
      [1, ": [O] extends [AnyOf<Names>]"],
      [2, `? { [Name in Names]?: NonNullable<${N}Credentials[Name]> }`],
      [2, ": AnyOf<Names>;"],
    ],
  },
  {
    pattern: /^const bind = /,
    flat: () => "const bind = (operation: OperationInfo) => (input: CallOptions) => send({ spec, input, client, operation }) as Promise<never>;",
    layout: () => [
      [0, "const bind = (operation: OperationInfo) => (input: CallOptions) =>"],
      [1, "send({ spec, input, client, operation }) as Promise<never>;"],
    ],
  },
  {
    pattern: /^return Object\.assign\(method, /,
    flat: () => "return Object.assign(method, { all: (input: CallOptions) => paginate({ call: method, input }) });",
    layout: () => [
      [0, "return Object.assign(method, {"],
      [1, "all: (input: CallOptions) => paginate({ call: method, input }),"],
      [0, "});"],
    ],
  },
];

export function breakFixed(input: { text: string; depth: number }): string[] | undefined {
  for (const shape of SHAPES) {
    const match = shape.pattern.exec(input.text);
    if (!match) continue;
    const N = match[1] ?? "";
    if (shape.flat(N) !== input.text) return undefined;
    const layout = shape.layout(N);
    const lines = layout.map(([level, text]) => indentOf(input.depth + level) + text);
    return lines.every((line) => line.length <= PRETTIER_OPTIONS.printWidth) ? lines : undefined;
  }
  return undefined;
}
