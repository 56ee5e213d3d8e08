// client.ts: a typed, dependency-free fetch client for the selected operations. The
// parts that depend on the model are built as statements (ts-text.ts); the runtime that
// never varies is copied verbatim from templates/client/runtime/.

import type { Model, OperationModel } from "../model/types.js";
import type { EmitContext, GeneratedFile } from "../stages.js";
import { copyTemplates } from "../templates.js";
import { GENERATOR_VERSION } from "../version.js";
import { allCredentials, credentialNames, usesSigned } from "./client/security.js";
import { descriptor, operationDocs, paramsType, pascalCase, resultType, specConstants } from "./client/operation.js";
import { isPaginated } from "./client/pagination.js";
import { runtimeImports } from "./client/request.js";
import { groupTree, printTreeType, printTreeValue } from "./client/tree.js";
import { blockComment, jsDoc, propertyKey, stringLiteral } from "./escape.js";
import { jsLiteral } from "./js-literal.js";
import { constStatement, exportedFunction, printStatements } from "./ts-text.js";

const RUNTIME_FILES = ["auth.ts", "options.ts", "paginate.ts", "query.ts", "read.ts", "result.ts", "retry.ts", "send.ts", "steps.ts", "url.ts"];

export async function emitClient(context: EmitContext): Promise<GeneratedFile[]> {
  // Names were checked before any emitter ran (model/names.ts).
  const { model } = context;
  const N = model.name;
  const statements = [constStatement({ name: "spec", type: "SpecInfo", initializer: specInfo(model) }), sharedTypes(model)];
  for (const operation of model.operations) {
    const type = pascalCase(operation.functionName);
    statements.push(
      operationTypes({ model, operation }),
      constStatement({ name: `${operation.functionName}Operation`, type: "OperationInfo", initializer: descriptor({ model, operation }) }),
      exportedFunction({
        name: operation.functionName,
        docs: operationDocs({ model, operation }),
        typeParameters: [`O extends ${N}ClientOptions`],
        parameters: [`input: ${type}Input<O> & { client: ${N}Core<O> }`],
        returnType: `Promise<${type}Result>`,
        // The client travels in `input`: read there by `send`, so no call can throw before it.
        body: `return send({ spec, input, operation: ${operation.functionName}Operation }) as Promise<${type}Result>;`,
      }),
    );
  }
  statements.push(clientFactory(model));
  // The neutral name, for the templates copied verbatim (the contract suite) whatever the API is called.
  statements.push(`export { create${model.name}Client as createClient };`);
  statements.unshift(imports({ model, code: statements.join("\n") }));
  const runtime = copyTemplates({ from: "client/runtime", to: "runtime", names: RUNTIME_FILES });
  // In statement-lines layout: only the lines prettier would break go to prettier.
  return [{ path: "client.ts", contents: printStatements(statements), layout: "statement-lines" }, ...runtime];
}

/** The runtime's names, and the API-named ones (`PolarError` for Polar) as aliases of the neutral ones. */
function imports(options: { model: Model; code: string }): string {
  const { model, code } = options;
  const used = runtimeImports({ model });
  // The result variants the operations' result types use (an API may document no error, or nothing retried).
  const variants = ["Failure", "ProbablySucceeded", "Result", "Success"].filter((name) => code.includes(`${name}<`));
  const paged = model.operations.some((operation) => isPaginated({ model, operation }));
  return [
    ...(usesSigned({ model }) ? [`import { signed } from "./runtime/auth.js";`] : []),
    `import type { BaseOptions, ${allCredentials(model).some((each) => each.basic) ? "BasicCredential, " : ""}CallOptions, ${allCredentials(model).some((each) => !each.basic) ? "Credential, " : ""}OperationInfo, SpecInfo } from "./runtime/options.js";`,
    ...(paged ? [`import { type Paginated, paginate } from "./runtime/paginate.js";`] : []),
    ...(used.query.length ? [`import { ${used.query.join(", ")} } from "./runtime/query.js";`] : []),
    `import type { ${variants.join(", ")} } from "./runtime/result.js";`,
    `import { send } from "./runtime/send.js";`,
    ...(used.steps.length ? [`import { ${[...(used.steps.includes("multipartBody") ? ["type Multipart"] : []), ...used.steps].join(", ")} } from "./runtime/steps.js";`] : []),
    `import type { operations } from "./types.js";`,
    ``,
    `export type { BaseOptions, BasicCredential, BasicPair, CallOptions, Credential, Hooks, RequestInfo, RetryOptions, Validator, Validators } from "./runtime/options.js";`,
    `export type { PageItem, Paginated } from "./runtime/paginate.js";`,
    `export { paginate } from "./runtime/paginate.js";`,
    `export type { Aborted, AnyResult, Failure, InvalidBody, InvalidRequest, NetworkError, Problem, ProbablySucceeded, RateLimited, Result, Success, Timeout, UnexpectedStatus, Unsuccessful, Unwrapped, ValidationIssue } from "./runtime/result.js";`,
    `export { ApiError as ${model.name}Error, unwrap } from "./runtime/result.js";`,
  ].join("\n");
}

function specInfo(model: Model): string {
  const servers = Object.fromEntries(model.servers.map((server) => [server.id, server.url]));
  const constants = specConstants(model);
  const members = [
    `servers: ${jsLiteral(servers)}`,
    ...(model.apiVersion ? [`headers: { "polar-version": ${stringLiteral(model.apiVersion)} }`] : []),
    `userAgent: ${stringLiteral(`polar-codegen/${GENERATOR_VERSION}`)}`,
    ...(constants.length ? [`constants: ${jsLiteral(Object.fromEntries(constants))}`] : []),
    // Loaded on first use only, so the client's bundle stays small.
    `loadValidators: () => import("./validators.js")`,
  ];
  return `{\n${members.join(",\n")},\n}`;
}

function sharedTypes(model: Model): string {
  const N = model.name;
  const servers = model.servers.map((server) => stringLiteral(server.id)).join(" | ") || "never";
  const credentials = allCredentials(model).map(
    (credential) => `${jsDoc(`Carries the \`${credential.schemes.join("`, `")}\` security scheme(s).`)}\n${propertyKey(credential.name)}?: ${credential.basic ? "BasicCredential" : "Credential"} | undefined;`,
  );
  return `
/** A server named in the spec; the first is the default. */
export type ${N}Server = ${servers};

/** Credentials by the security schemes that carry them: each a token or API key (HTTP basic: a user and password), or a function returning one. */
export interface ${N}Credentials {
${credentials.join("\n")}
}

/** Client options: where to send (\`server\` or \`baseUrl\`), credentials, and transport settings. */
export type ${N}ClientOptions = BaseOptions & ${N}Credentials & ({ server?: ${N}Server; baseUrl?: undefined } | { baseUrl: string; server?: undefined });

/** What the standalone operation functions need: the client's options. */
export interface ${N}Core<O extends ${N}ClientOptions = ${N}ClientOptions> {
  readonly options: O;
}

type AnyOf<Names extends keyof ${N}Credentials> = Names extends string ? { [Name in Names]: NonNullable<${N}Credentials[Name]> } : never;

/**
 * A call must carry a credential itself unless the client's options surely hold one the
 * operation accepts (every member of a union of options). Either way it may give one,
 * but only one the operation accepts.
 */
export type CallCredentials<O, Names extends keyof ${N}Credentials> = [Names] extends [never] ? {} : [O] extends [AnyOf<Names>] ? { [Name in Names]?: NonNullable<${N}Credentials[Name]> } : AnyOf<Names>;

/**
 * The options, refusing keys \`${N}ClientOptions\` lacks (\`timeout\` for \`timeoutMs\`): as a
 * generic parameter, \`O\` would escape the excess-property check of an object literal.
 */
export type KnownOptions<O> = O & { [Key in Exclude<keyof O, keyof ${N}ClientOptions>]: never };
`;
}

function operationTypes(options: { model: Model; operation: OperationModel }): string {
  const { operation } = options;
  const N = options.model.name;
  const type = pascalCase(operation.functionName);
  const union = credentialNames(options).map((name) => stringLiteral(name)).join(" | ") || "never";
  return `
/** Parameters of \`${blockComment(operation.id)}\`, camelCased; the wire uses the spec's names. */
export type ${type}Params = ${paramsType(operation)};

export type ${type}Input<O extends ${N}ClientOptions = ${N}ClientOptions> = ${type}Params & CallOptions & CallCredentials<O, ${union}>;

export type ${type}Result = ${resultType(options)};
`;
}

function clientFactory(model: Model): string {
  const N = model.name;
  const tree = groupTree(model.operations);
  const paged = (operation: OperationModel) => isPaginated({ model, operation });
  // Only a client with paged lists carries the helper that gives them \`all\`.
  const pages = model.operations.some(paged)
    ? `\n  const pages = (operation: OperationInfo) => {\n    const method = bind(operation);\n    return Object.assign(method, { all: (input: CallOptions) => paginate({ call: method, input }) });\n  };`
    : "";
  return `
/** The operations, grouped as their ids say, bound to one set of options. */
export interface ${N}Client<O extends ${N}ClientOptions = ${N}ClientOptions> extends ${N}Core<O> ${printTreeType({
    branch: tree,
    docsOf: (operation) => operationDocs({ model, operation }),
    paged,
  })}

/** The options alone, for the standalone functions (which bundle only what you call). */
export function create${N}Core<O extends ${N}ClientOptions>(options: KnownOptions<O>): ${N}Core<O> {
  return { options };
}

/** A client for ${blockComment(model.title) || "the API"}; every method resolves to a result and never throws. */
export function create${N}Client<O extends ${N}ClientOptions>(options: KnownOptions<O>): ${N}Client<O> {
  const client = { options };
  const bind = (operation: OperationInfo) => (input: CallOptions) => send({ spec, input, client, operation }) as Promise<never>;${pages}
  return {
options,${printTreeValue({ branch: tree, paged }).slice(1, -1)}};
}
`;
}
