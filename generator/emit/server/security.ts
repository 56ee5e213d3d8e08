// Each security alternative of an operation as the runtime checks it: a bearer token
// (http bearer, OAuth 2, OpenID Connect), HTTP basic, or an API key in a header, the
// query or a cookie. What the runtime cannot check (an alternative that needs several
// credentials at once, http digest, mutual TLS) is a message for a positioned problem.

import { ownValue } from "../../json.js";
import type { Model, OperationModel } from "../../model/types.js";
import { isObject, type OpenApiDocument } from "../../openapi.js";

export interface SecurityEntry {
  scheme: string;
  scopes: string[];
  kind?: "basic" | "apiKey";
  in?: "header" | "query" | "cookie";
  key?: string;
}

export function securityEntries(options: { model: Model; document: OpenApiDocument; operation: OperationModel }): SecurityEntry[] | { problem: string } {
  const { model, document, operation } = options;
  const entries: SecurityEntry[] = [];
  for (const alternative of operation.security) {
    // `{}` among the alternatives: anonymous calls are allowed.
    if (alternative.schemes.length === 0) return [];
    if (alternative.schemes.length > 1) return { problem: `a security alternative that needs ${alternative.schemes.map((each) => each.scheme).join(" and ")} at once is not supported` };
    const { scheme, scopes } = alternative.schemes[0]!;
    const entry = entryOf({ model, document, scheme, scopes: [...scopes] });
    if ("problem" in entry) return entry;
    entries.push(entry);
  }
  return entries;
}

function entryOf(options: { model: Model; document: OpenApiDocument; scheme: string; scopes: string[] }): SecurityEntry | { problem: string } {
  const { model, scheme, scopes } = options;
  const known = model.securitySchemes.find((each) => each.name === scheme);
  if (!known) return { problem: `security scheme "${scheme}" is not defined` };
  if (known.bearer) return { scheme, scopes };
  const raw = ownValue(ownValue(options.document.components, "securitySchemes"), scheme);
  const declared = isObject(raw) ? raw : {};
  if (known.type === "http" && typeof declared.scheme === "string" && declared.scheme.toLowerCase() === "basic") return { scheme, scopes, kind: "basic" };
  if (known.type === "apiKey") {
    const where = declared.in;
    if ((where === "header" || where === "query" || where === "cookie") && typeof declared.name === "string" && declared.name !== "") return { scheme, scopes, kind: "apiKey", in: where, key: declared.name };
    return { problem: `apiKey scheme "${scheme}" needs "in" (header, query or cookie) and "name"` };
  }
  const what = known.type === "http" ? `http scheme "${String(declared.scheme)}"` : known.type;
  return { problem: `security scheme "${scheme}" (${what}) is not supported by the server: only bearer, basic and apiKey are` };
}
