// Each security alternative of an operation as the client sends it and the server checks
// it: a bearer token (http bearer, OAuth 2, OpenID Connect), HTTP basic, or an API key in
// a header, the query or a cookie. What neither can carry (an alternative that needs
// several credentials at once, http digest, mutual TLS) is one positioned problem,
// found before any emitter runs, so the client and the server accept the same specs.

import { nearestPointer, toPointer, type OpenApiDocument } from "../openapi.js";
import { problem, type Problem } from "../problems.js";
import type { Model, OperationModel } from "./types.js";

const SUPPORTED = "the client and server carry bearer tokens (http bearer, OAuth 2, OpenID Connect), http basic and API keys";

/** Every selected operation whose security the client cannot send nor the server check. */
export function checkSecurity(input: { model: Model; document: OpenApiDocument }): Problem[] {
  const { model, document } = input;
  return model.operations.flatMap((operation) => {
    const entries = securityEntries({ model, operation });
    if (!("problem" in entries)) return [];
    const at = toPointer(["paths", operation.path, operation.method, "security"]);
    const message = `${JSON.stringify(operation.id)}: ${entries.problem} is not supported: ${SUPPORTED}`;
    // A global `security` has no place under the operation: the operation is pointed at.
    return [problem({ code: "security-scheme-unsupported", message, path: nearestPointer({ document, pointer: at }) })];
  });
}

export interface SecurityEntry {
  scheme: string;
  scopes: string[];
  kind?: "basic" | "apiKey";
  in?: "header" | "query" | "cookie";
  key?: string;
}

export function securityEntries(options: { model: Model; operation: OperationModel }): SecurityEntry[] | { problem: string } {
  const { model, operation } = options;
  const entries: SecurityEntry[] = [];
  for (const alternative of operation.security) {
    // `{}` among the alternatives: anonymous calls are allowed.
    if (alternative.schemes.length === 0) return [];
    if (alternative.schemes.length > 1) return { problem: `a security alternative that needs ${alternative.schemes.map((each) => each.scheme).join(" and ")} at once` };
    const { scheme, scopes } = alternative.schemes[0]!;
    const entry = entryOf({ model, scheme, scopes: [...scopes] });
    if ("problem" in entry) return entry;
    entries.push(entry);
  }
  return entries;
}

/** A header or cookie name: an RFC 9110 token. */
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function entryOf(options: { model: Model; scheme: string; scopes: string[] }): SecurityEntry | { problem: string } {
  const { model, scheme, scopes } = options;
  const known = model.securitySchemes.find((each) => each.name === scheme);
  if (!known) return { problem: `security scheme ${JSON.stringify(scheme)}, which is not defined,` };
  if (known.bearer) return { scheme, scopes };
  if (known.type === "http" && known.httpScheme === "basic") return { scheme, scopes, kind: "basic" };
  if (known.type === "apiKey") {
    const where = known.in;
    if ((where === "header" || where === "cookie") && known.key && !HTTP_TOKEN.test(known.key)) {
      return { problem: `apiKey scheme ${JSON.stringify(scheme)}: ${JSON.stringify(known.key)} cannot name a ${where} (letters, digits and !#$%&'*+-.^_\`|~ only)` };
    }
    if ((where === "header" || where === "query" || where === "cookie") && known.key) return { scheme, scopes, kind: "apiKey", in: where, key: known.key };
    return { problem: `apiKey scheme ${JSON.stringify(scheme)} without "in" (header, query or cookie) and "name"` };
  }
  const what = known.type === "http" ? `http scheme ${JSON.stringify(known.httpScheme ?? "")}` : known.type;
  return { problem: `security scheme ${JSON.stringify(scheme)} (${what})` };
}
