// server.ts: typed handler stubs for the selected operations. The parts that depend on
// the model (routes, parameter and outcome types, the handler map) are built as
// statements (ts-text.ts); the runtime that never varies is copied verbatim from
// templates/server/runtime/ into server-runtime/.

import type { Model } from "../model/types.js";
import type { EmitContext, GeneratedFile } from "../stages.js";
import { copyTemplates } from "../templates.js";
import { printStatements } from "./ts-text.js";
import { jsLiteralLines } from "./js-literal.js";
import { blockComment, propertyKey } from "./escape.js";
import { bodyType } from "./server/body.js";
import { handlerAlias, outcomeAlias } from "./server/aliases.js";
import { credentialType, handlerDocs, outcomeVariants, paramsType, routeInfo, typeName } from "./server/route.js";

export const SERVER_RUNTIME_FILES = [
  "auth.ts",
  "body.ts",
  "checks.ts",
  "context.ts",
  "core.ts",
  "decode.ts",
  "fetch.ts",
  "node.ts",
  "not-modelled.ts",
  "outcome.ts",
  "params.ts",
  "plain-replies.ts",
  "respond.ts",
  "router.ts",
  "types.ts",
  "uuid.ts",
];

/** The server's exported names for an API named `name` (`Polar`: `createPolarServer`, `PolarHandlers`...). */
export function serverNames(name: string): { create: string; handlers: string; options: string } {
  return { create: `create${name}Server`, handlers: `${name}Handlers`, options: `${name}ServerOptions` };
}

export async function emitServer(context: EmitContext): Promise<GeneratedFile[]> {
  const { model } = context;
  const document = context.subset;
  const names = serverNames(model.name);
  const credentials = model.operations.map((operation) => credentialType({ model, document, operation }));
  // Under noUnusedLocals an unused type import is an error: only secured operations use it.
  const statements = [imports({ credential: credentials.some((credential) => credential !== "undefined") })];
  for (const [index, operation] of model.operations.entries()) {
    const params = typeName({ operation, suffix: "HandlerParams" });
    const outcome = typeName({ operation, suffix: "Outcome" });
    const credential = credentials[index]!;
    const body = bodyType(operation);
    statements.push(`
/** Parameters of \`${blockComment(operation.id)}\`, decoded and validated, camelCased; the wire uses the spec's names. */
export type ${params} = ${paramsType(operation)};

/** What a \`${blockComment(operation.id)}\` handler may answer: the documented responses, nothing else. */
${outcomeAlias({ name: outcome, variants: outcomeVariants(operation) })}

${handlerAlias({ name: typeName({ operation, suffix: "Handler" }), contextArguments: [params, credential, ...(body === "undefined" ? [] : [body])], outcome })}
`);
  }
  const routes = model.operations.map((operation) => routeInfo({ model, document, operation }));
  statements.push(handlersInterface({ model, names }), optionsInterface(names), jsLiteralLines(routes, { depth: 0, prefix: "const routes: RouteInfo[] = ", suffix: ";", broken: true }), factory({ names, polar: model.polar }));
  const runtime = copyTemplates({ from: "server/runtime", to: "server-runtime", names: SERVER_RUNTIME_FILES });
  // In statement-lines layout: one statement, block head or member per line; prettier breaks only the long ones.
  return [{ path: "server.ts", contents: printStatements(statements), layout: "statement-lines" }, ...runtime];
}

function imports(options: { credential: boolean }): string {
  return [
    `import { createServerCore } from "./server-runtime/core.js";`,
    // Broken one name a line, as prettier breaks an import over the width.
    `import type {\nAnyHandler,\nAuthenticate,\nHandlerContext,\nFetchServer,\nRouteInfo,\n${options.credential ? "ServerCredential,\n" : ""}ServerErrorEvent,\nValidators as ResponseValidators,\n} from "./server-runtime/types.js";`,
    `import type { operations } from "./types.js";`,
    ``,
    `export { notModelled } from "./server-runtime/not-modelled.js";`,
    `export { toNodeListener } from "./server-runtime/node.js";`,
    `export type { NodeListener, NodeRequestLike, NodeResponseLike } from "./server-runtime/node.js";`,
    `export type {\nAuthenticate,\nAuthenticateInput,\nAuthenticateVerdict,\nHandlerContext,\nFetchServer,\nServerCredential,\nServerErrorEvent,\n} from "./server-runtime/types.js";`,
    ``,
    `/** Extra response headers a handler may set (lower-case names; no CR or LF). */`,
    `export type OutcomeHeaders = Record<string, string>;`,
  ].join("\n");
}

function handlersInterface(options: { model: Model; names: ReturnType<typeof serverNames> }): string {
  const { model, names } = options;
  const members = model.operations.map((operation) => {
    const docs = handlerDocs(operation).split("\n").join("\n * ");
    return `/**\n * ${docs}\n */\n${propertyKey(operation.functionName)}: ${typeName({ operation, suffix: "Handler" })};`;
  });
  return `
/** One handler per operation; leaving one out does not compile. */
export interface ${names.handlers} {
${members.join("\n")}
}`;
}

function optionsInterface(names: ReturnType<typeof serverNames>): string {
  return `
export interface ${names.options} {
  handlers: ${names.handlers};
  /** Which credentials are valid for which scheme and scopes; \`false\` answers 403. Default: any well-formed one. */
  authenticate?: Authenticate | undefined;
  /** Check every response body against its schema (\`true\`: the generated validators); a mismatch answers 500. */
  validateResponses?: boolean | ResponseValidators | undefined;
  /** Hears about every 500: a handler or \`authenticate\` that threw, an undeclared outcome, an invalid body. Default: console.error. */
  onError?: ((event: ServerErrorEvent) => void) | undefined;
  /** The largest request body read, in bytes; a larger one answers 413. Default: 1 MiB. */
  maxBodyBytes?: number | undefined;
}`;
}

function factory(options: { names: ReturnType<typeof serverNames>; polar: boolean }): string {
  const { names } = options;
  // The validators are imported when a server is made, so a bundle of the client alone never holds them.
  return `
/**
 * A server for the selected operations: \`fetch(request)\` for Node 20, Bun, Deno,
 * Cloudflare Workers and Hono; \`toNodeListener(server)\` for node:http and Express.
 */
export function ${names.create}(options: ${names.options}): FetchServer {
  return createServerCore({
    routes,
    handlers: options.handlers as unknown as Record<string, AnyHandler>,
    authenticate: options.authenticate,
    validateResponses: options.validateResponses,
    loadValidators: () => import("./validators.js"),
    onError: options.onError,
    maxBodyBytes: options.maxBodyBytes,
    errorStyle: ${options.polar ? '"polar"' : '"plain"'},
  });
}`;
}
