// The one-time handler skeleton: a typed `handlers` object, one method per operation,
// each throwing until written, importing from the generated folder. It lives outside
// that folder, so regenerating never touches the code a team writes in it.

import { jsDoc, lineComment, propertyKey, stringLiteral } from "./emit/escape.js";
import type { Model, OperationModel } from "./model/types.js";
import { serverNames } from "./emit/server-file.js";

export function scaffoldHandlers(options: { model: Model; importPath: string }): string {
  const { model, importPath } = options;
  const methods = model.operations.map(handlerMethod);
  const names = serverNames(model.name);
  return `// Handlers for ${lineComment(model.title) || "the API"}, served by the stubs generated in ${lineComment(stringLiteral(importPath.replace(/\/index\.js$/, "")))}.
// Written once by \`polar-codegen scaffold-handlers\`; this file is yours: regenerating never touches it.
// Each handler gets typed \`params\`, the \`credential\` it was called with and the \`request\`,
// and must return one of its documented outcomes (anything else is a compile error).

import { ${names.create}, type ${names.handlers} } from ${stringLiteral(importPath)};

export const handlers: ${names.handlers} = {
${methods.join("\n\n")}
};

/** Mount with \`server.fetch\` (Hono, Bun, Deno, Workers) or \`toNodeListener(server)\` (node:http, Express). */
export const server = ${names.create}({ handlers });
`;
}

function handlerMethod(operation: OperationModel): string {
  const params = [...operation.pathParams, ...operation.query, ...operation.headers].map((parameter) => `${propertyKey(parameter.codeName)}${parameter.required ? "" : "?"}`);
  const outcomes = [...operation.success, ...operation.errors]
    .filter((response) => typeof response.status === "number")
    .map((response) => (response.body?.kind === "model" ? `{ status: ${response.status}, body: ${response.body.name} }` : `{ status: ${response.status} }`));
  const title = operation.summary ? `${operation.summary}: ` : "";
  // The function name is a checked identifier (model/names.ts): no backtick, `$` or `\\` in it.
  return `  ${jsDoc(`${title}\`${operation.method.toUpperCase()} ${operation.path}\` (\`${operation.id}\`).`)}
  async ${propertyKey(operation.functionName)}(context) {
    // context.params: { ${lineComment(params.join(", "))} }
    // Return one of: ${lineComment(outcomes.join(" | "))}
    throw new Error(\`${operation.functionName} is not implemented yet: \${JSON.stringify(context.params)}\`);
  },`;
}
