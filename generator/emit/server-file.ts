// server.ts: typed handler stubs for the selected operations. The parts that depend on
// the model (routes, parameter and outcome types, the handler map) are built with
// ts-morph; the runtime that never varies is copied verbatim from
// templates/server/runtime/ into server-runtime/.

import type { SourceFileStructure } from "ts-morph";
import type { Model } from "../model/types.js";
import type { EmitContext, GeneratedFile } from "../stages.js";
import { copyTemplates } from "../templates.js";
import { blockComment, propertyKey } from "./escape.js";
import { emitters } from "./registry.js";
import { loadTsMorph, printSourceFile } from "./ts-morph.js";
import { credentialType, handlerDocs, outcomeType, paramsType, routeInfo, typeName } from "./server/route.js";

export const SERVER_RUNTIME_FILES = ["auth.ts", "core.ts", "fetch.ts", "node.ts", "outcome.ts", "params.ts", "respond.ts", "router.ts", "types.ts", "uuid.ts"];

export async function emitServer(context: EmitContext): Promise<GeneratedFile[]> {
  // Loaded here (it brings the TypeScript compiler), shared with the client's emitter.
  const { StructureKind, VariableDeclarationKind } = loadTsMorph();
  const { model } = context;
  const hasValidators = emitters.some((entry) => entry.name === "validators");
  // One structure, printed once: adding statements one by one re-parses the file each time.
  const statements: SourceFileStructure["statements"] & unknown[] = [imports(hasValidators)];
  for (const operation of model.operations) {
    const params = typeName({ operation, suffix: "HandlerParams" });
    const outcome = typeName({ operation, suffix: "Outcome" });
    const credential = credentialType({ model, operation });
    statements.push(`
/** Parameters of \`${blockComment(operation.id)}\`, decoded and validated, camelCased; the wire uses the spec's names. */
export type ${params} = ${paramsType(operation)};

/** What a \`${blockComment(operation.id)}\` handler may answer: the documented responses, nothing else. */
export type ${outcome} =
| ${outcomeType(operation)};

export type ${typeName({ operation, suffix: "Handler" })} = (
  context: HandlerContext<${params}, ${credential}>,
) => ${outcome} | Promise<${outcome}>;
`);
  }
  statements.push(handlersInterface(model), optionsInterface(hasValidators), {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: "routes", type: "RouteInfo[]", initializer: `[${model.operations.map((operation) => routeInfo({ model, operation })).join(", ")}]` }],
  });
  statements.push(factory(hasValidators));
  const runtime = copyTemplates({ from: "server/runtime", to: "server-runtime", names: SERVER_RUNTIME_FILES });
  return [{ path: "server.ts", contents: printSourceFile({ statements }) }, ...runtime];
}

function imports(hasValidators: boolean): string {
  return [
    `import { createServerCore } from "./server-runtime/core.js";`,
    `import type { AnyHandler, Authenticate, HandlerContext, FetchServer, RouteInfo, ServerCredential, ServerErrorEvent, Validators as ResponseValidators } from "./server-runtime/types.js";`,
    `import type { operations } from "./types.js";`,
    ``,
    `export { toNodeListener } from "./server-runtime/node.js";`,
    `export type { NodeListener, NodeRequestLike, NodeResponseLike } from "./server-runtime/node.js";`,
    `export type { Authenticate, AuthenticateInput, AuthenticateVerdict, HandlerContext, FetchServer, ServerCredential, ServerErrorEvent } from "./server-runtime/types.js";`,
    ``,
    `/** Extra response headers a handler may set (lower-case names; no CR or LF). */`,
    `export type OutcomeHeaders = Record<string, string>;`,
  ].join("\n");
}

function handlersInterface(model: Model): string {
  const members = model.operations.map((operation) => {
    const docs = handlerDocs(operation).split("\n").join("\n * ");
    return `/**\n * ${docs}\n */\n${propertyKey(operation.functionName)}: ${typeName({ operation, suffix: "Handler" })};`;
  });
  return `
/** One handler per operation; leaving one out does not compile. */
export interface PolarHandlers {
${members.join("\n")}
}`;
}

function optionsInterface(hasValidators: boolean): string {
  const validate = hasValidators
    ? `/** Check every response body against its schema (\`true\`: the generated validators); a mismatch answers 500. */\nvalidateResponses?: boolean | ResponseValidators | undefined;`
    : `/** Check every response body against its schema with these validators; a mismatch answers 500. */\nvalidateResponses?: false | ResponseValidators | undefined;`;
  return `
export interface PolarServerOptions {
  handlers: PolarHandlers;
  /** Which bearer tokens are valid for which scheme and scopes; \`false\` answers 403. Default: any well-formed token. */
  authenticate?: Authenticate | undefined;
  ${validate}
  /** Hears about every 500: a handler or \`authenticate\` that threw, an undeclared outcome, an invalid body. Default: console.error. */
  onError?: ((event: ServerErrorEvent) => void) | undefined;
}`;
}

function factory(hasValidators: boolean): string {
  // Imported when a server is made, so a bundle of the client alone never holds the validators.
  const validate = hasValidators
    ? `validateResponses: options.validateResponses,\nloadValidators: () => import("./validators.js"),`
    : `validateResponses: options.validateResponses || undefined,`;
  return `
/**
 * A server for the selected operations: \`fetch(request)\` for Node 20, Bun, Deno,
 * Cloudflare Workers and Hono; \`toNodeListener(server)\` for node:http and Express.
 */
export function createPolarServer(options: PolarServerOptions): FetchServer {
  return createServerCore({
    routes,
    handlers: options.handlers as unknown as Record<string, AnyHandler>,
    authenticate: options.authenticate,
    ${validate}
    onError: options.onError,
  });
}`;
}
