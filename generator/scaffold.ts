// The one-time handler skeleton: a typed `handlers` object, one method per operation,
// each throwing until written, importing from the generated folder. It lives outside
// that folder, so regenerating never touches the code a team writes in it.

import type { Model, OperationModel } from "./model/types.js";

export function scaffoldHandlers(options: { model: Model; importPath: string }): string {
  const { model, importPath } = options;
  const methods = model.operations.map(handlerMethod);
  return `// Handlers for ${model.title || "the API"}, served by the stubs generated in ${JSON.stringify(importPath.replace(/\/index\.js$/, ""))}.
// Written once by \`polar-codegen scaffold-handlers\`; this file is yours: regenerating never touches it.
// Each handler gets typed \`params\`, the \`credential\` it was called with and the \`request\`,
// and must return one of its documented outcomes (anything else is a compile error).

import { createPolarServer, type PolarHandlers } from ${JSON.stringify(importPath)};

export const handlers: PolarHandlers = {
${methods.join("\n\n")}
};

/** Mount with \`server.fetch\` (Hono, Bun, Deno, Workers) or \`toNodeListener(server)\` (node:http, Express). */
export const server = createPolarServer({ handlers });
`;
}

function handlerMethod(operation: OperationModel): string {
  const params = [...operation.pathParams, ...operation.query].map((parameter) => `${parameter.codeName}${parameter.required ? "" : "?"}`);
  const outcomes = [...operation.success, ...operation.errors]
    .filter((response) => typeof response.status === "number")
    .map((response) => (response.body?.kind === "model" ? `{ status: ${response.status}, body: ${response.body.name} }` : `{ status: ${response.status} }`));
  const title = operation.summary ? `${operation.summary}: ` : "";
  return `  /** ${title}\`${operation.method.toUpperCase()} ${operation.path}\` (\`${operation.id}\`). */
  async ${operation.functionName}(context) {
    // context.params: { ${params.join(", ")} }
    // Return one of: ${outcomes.join(" | ")}
    throw new Error(\`${operation.functionName} is not implemented yet: \${JSON.stringify(context.params)}\`);
  },`;
}
