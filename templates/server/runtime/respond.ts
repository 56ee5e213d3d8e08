// Responses the runtime writes itself, in Polar's error shape `{"error","detail"}` (the
// plain style is plain-replies.ts), and
// the check that turns a handler's outcome into a response only when the spec
// documents it. Nothing here ever carries a stack, a token or a message from an error.

import type { FieldError } from "./params.js";
import type { RouteInfo, ValidationIssue, Validator, WireResponse } from "./types.js";

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\b/i;
const FRAMING = /* @__PURE__ */ new Set([
  "content-length",
  "transfer-encoding",
  "connection",
  "content-type",
]);

const encoder = /* @__PURE__ */ new TextEncoder();
const ASCII = /^[\x00-\x7f]*$/;

/** The headers as node:http's flat list, `content-length` included. */
export function headerList(wire: WireResponse): Array<string | number> {
  const headers: Array<string | number> = [];
  for (const name in wire.headers) headers.push(name, wire.headers[name]!);
  const { body } = wire;
  if (typeof body === "string")
    headers.push(
      "content-length",
      ASCII.test(body) ? body.length : encoder.encode(body).byteLength,
    );
  else if (body !== undefined) headers.push("content-length", body.byteLength);
  return headers;
}

/** A response sent many times, never changed: its header list made once. */
export function constant(response: WireResponse): WireResponse {
  return { ...response, headerList: headerList(response) };
}

export function json(options: {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}): WireResponse {
  return {
    status: options.status,
    headers: { "content-type": "application/json", ...options.headers },
    body: JSON.stringify(options.body),
  };
}

function polarError(options: {
  status: number;
  error: string;
  detail: string;
  headers?: Record<string, string>;
}): WireResponse {
  return json({
    status: options.status,
    body: { error: options.error, detail: options.detail },
    ...(options.headers ? { headers: options.headers } : {}),
  });
}

// Built once: a reply is never changed after it is made. Marked pure (like every
// module-level call in these runtimes) so that a bundle importing only the client from
// index.ts drops the server entirely.
const NOT_FOUND = /* @__PURE__ */ constant(
  /* @__PURE__ */ polarError({
    status: 404,
    error: "ResourceNotFound",
    detail: "Not found",
  }),
);
const BAD_PATH = /* @__PURE__ */ constant(
  /* @__PURE__ */ polarError({
    status: 400,
    error: "BadRequest",
    detail: "The request path is not valid percent-encoded UTF-8.",
  }),
);
const BODY_NOT_ALLOWED = /* @__PURE__ */ constant(
  /* @__PURE__ */ polarError({
    status: 400,
    error: "BadRequest",
    detail: "This operation takes no request body.",
  }),
);
/** As Polar's `Unauthorized` and the OAuth errors of its token middleware name the realm. */
const REALM = 'realm="polar"';
const UNAUTHORIZED = /* @__PURE__ */ constant(
  /* @__PURE__ */ polarError({
    status: 401,
    error: "Unauthorized",
    detail: "Unauthorized",
    headers: { "www-authenticate": 'Bearer realm="polar"' },
  }),
);
const INVALID_TOKEN = /* @__PURE__ */ constant(
  /* @__PURE__ */ oauthError({
    status: 401,
    error: "invalid_token",
    description:
      "The access token provided is expired, revoked, malformed, or invalid for other reasons.",
  }),
);
const FORBIDDEN = /* @__PURE__ */ constant(
  /* @__PURE__ */ polarError({ status: 403, error: "NotPermitted", detail: "Not permitted" }),
);
const INTERNAL = /* @__PURE__ */ constant(
  /* @__PURE__ */ polarError({
    status: 500,
    error: "InternalServerError",
    detail: "Internal Server Error",
  }),
);

const TOO_LARGE_REPLY = /* @__PURE__ */ constant(
  /* @__PURE__ */ polarError({
    status: 413,
    error: "RequestEntityTooLarge",
    detail: "The request body is too large.",
  }),
);
const UNSUPPORTED = /* @__PURE__ */ constant(
  /* @__PURE__ */ polarError({
    status: 415,
    error: "UnsupportedMediaType",
    detail: "This operation does not take a body of this media type.",
  }),
);

/** An RFC 6750 error as Polar's token middleware sends it: the error in the body and in `WWW-Authenticate`. */
function oauthError(options: {
  status: number;
  error: string;
  description: string;
  attributes?: string;
}): WireResponse {
  const { error, description } = options;
  const attributes = options.attributes ? `, ${options.attributes}` : "";
  return json({
    status: options.status,
    body: { error, error_description: description },
    headers: {
      "cache-control": "no-store",
      pragma: "no-cache",
      "www-authenticate": `Bearer ${REALM}${attributes}, error="${error}", error_description="${description}"`,
    },
  });
}

export const replies = {
  notFound: () => NOT_FOUND,
  badPath: () => BAD_PATH,
  methodNotAllowed: (allow: string) =>
    polarError({
      status: 405,
      error: "MethodNotAllowed",
      detail: "Method Not Allowed",
      headers: { allow },
    }),
  bodyNotAllowed: () => BODY_NOT_ALLOWED,
  // Polar's challenge is always its bearer realm.
  unauthorized: (_challenge?: string) => UNAUTHORIZED,
  invalidToken: () => INVALID_TOKEN,
  forbidden: (detail?: string) =>
    detail === undefined ? FORBIDDEN : polarError({ status: 403, error: "NotPermitted", detail }),
  insufficientScope: (scopes: string[]) =>
    oauthError({
      status: 403,
      error: "insufficient_scope",
      description: "The request requires higher privileges than provided by the access token.",
      attributes: `scope="${scopes.join(" ")}"`,
    }),
  internal: () => INTERNAL,
  invalid: (errors: FieldError[]) =>
    json({ status: 422, body: { error: "RequestValidationError", detail: errors } }),
  tooLarge: () => TOO_LARGE_REPLY,
  unsupportedMediaType: () => UNSUPPORTED,
  notModelled: (operationId: string) =>
    polarError({
      status: 501,
      error: "NotModelled",
      detail: `The fake does not model ${operationId}: no example of its answer fits the spec.`,
    }),
};

/** The replies the runtime writes itself, in one error style. */
export type Replies = typeof replies;

export type Checked =
  | { kind: "ok"; response: WireResponse }
  | { kind: "undeclared"; status: unknown; message: string }
  | { kind: "invalid"; status: number; issues: ValidationIssue[] };

/** The outcome as a response, if the spec documents it (and its body validates, when asked). */
export function checkOutcome(options: {
  route: RouteInfo;
  outcome: unknown;
  validators: Record<string, Validator> | undefined;
}): Checked {
  const { route, outcome } = options;
  if (typeof outcome !== "object" || outcome === null)
    return undeclared({ status: undefined, message: "the handler returned no outcome object" });
  const { status, body, headers } = outcome as {
    status?: unknown;
    body?: unknown;
    headers?: unknown;
  };
  const info = typeof status === "number" ? route.responses[status] : undefined;
  if (info === undefined)
    return undeclared({
      status,
      message: `status ${String(status)} is not documented for ${route.id}`,
    });
  const extra = headerRecord(headers);
  if (extra === false)
    return undeclared({ status, message: "headers must be a record of strings, without CR or LF" });
  if (!info.contentType) {
    if (body !== undefined)
      return undeclared({ status, message: `a ${status} response of ${route.id} has no body` });
    return { kind: "ok", response: { status: status as number, headers: extra ?? NO_HEADERS } };
  }
  if (body === undefined)
    return undeclared({ status, message: `a ${status} response of ${route.id} needs a body` });
  const text = serialise({ body, contentType: info.contentType });
  if (text === undefined)
    return undeclared({
      status,
      message: `the ${status} body cannot be sent as ${info.contentType}`,
    });
  const validator = info.schema ? options.validators?.[info.schema] : undefined;
  const issues = validator?.(body) ?? [];
  if (issues.length > 0) return { kind: "invalid", status: status as number, issues };
  const responseHeaders = extra
    ? { ...extra, "content-type": info.contentType }
    : contentTypeHeaders(info.contentType);
  return {
    kind: "ok",
    response: { status: status as number, headers: responseHeaders, body: text },
  };
}

const NO_HEADERS: Record<string, string> = {};
const byContentType = /* @__PURE__ */ new Map<string, Record<string, string>>();

function contentTypeHeaders(contentType: string): Record<string, string> {
  let headers = byContentType.get(contentType);
  if (!headers) byContentType.set(contentType, (headers = { "content-type": contentType }));
  return headers;
}

function undeclared(options: { status: unknown; message: string }): Checked {
  return { kind: "undeclared", ...options };
}

/** The outcome's extra headers, lower-cased; `undefined` when it has none, `false` when they are unusable. */
function headerRecord(headers: unknown): Record<string, string> | undefined | false {
  if (headers === undefined) return undefined;
  if (typeof headers !== "object" || headers === null) return false;
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    // A CR or LF would let a handler split the response; a reply is never sent with one.
    if (typeof value !== "string" || /[\r\n]/.test(value) || !/^[!#$%&'*+.^`|~\w-]+$/.test(name))
      return false;
    // Framing is the runtime's: a handler's own length or encoding would corrupt the reply.
    if (!FRAMING.has(name.toLowerCase())) record[name.toLowerCase()] = value;
  }
  return record;
}

function serialise(options: {
  body: unknown;
  contentType: string;
}): string | Uint8Array | undefined {
  if (!JSON_TYPE.test(options.contentType))
    return typeof options.body === "string" || options.body instanceof Uint8Array
      ? options.body
      : undefined;
  try {
    return JSON.stringify(options.body);
  } catch {
    // A cycle or a BigInt: never a half-written response.
    return undefined;
  }
}
