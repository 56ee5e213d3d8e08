// The replies the runtime writes itself in the plain style, FastAPI's `{"detail": ...}`,
// for an API that is not Polar: the same cases as respond.ts's `replies`, none of
// Polar's error names or realm. A route whose spec documents another body for one of
// these statuses gets that body instead (core.ts, `errorBodies`).

import type { FieldError } from "./decode.js";
import { constant, json, type Replies } from "./respond.js";

function detail(options: {
  status: number;
  detail: string;
  headers?: Record<string, string>;
}): ReturnType<typeof json> {
  return json({
    status: options.status,
    body: { detail: options.detail },
    ...(options.headers ? { headers: options.headers } : {}),
  });
}

const NOT_FOUND = /* @__PURE__ */ constant(
  /* @__PURE__ */ detail({ status: 404, detail: "Not Found" }),
);
const BAD_PATH = /* @__PURE__ */ constant(
  /* @__PURE__ */ detail({
    status: 400,
    detail: "The request path is not valid percent-encoded UTF-8.",
  }),
);
const BODY_NOT_ALLOWED = /* @__PURE__ */ constant(
  /* @__PURE__ */ detail({ status: 400, detail: "This operation takes no request body." }),
);
const INVALID_TOKEN = /* @__PURE__ */ constant(
  /* @__PURE__ */ detail({ status: 401, detail: "Invalid credentials" }),
);
const FORBIDDEN = /* @__PURE__ */ constant(
  /* @__PURE__ */ detail({ status: 403, detail: "Not permitted" }),
);
const INTERNAL = /* @__PURE__ */ constant(
  /* @__PURE__ */ detail({ status: 500, detail: "Internal Server Error" }),
);
const TOO_LARGE = /* @__PURE__ */ constant(
  /* @__PURE__ */ detail({ status: 413, detail: "The request body is too large." }),
);
const UNSUPPORTED = /* @__PURE__ */ constant(
  /* @__PURE__ */ detail({
    status: 415,
    detail: "This operation does not take a body of this media type.",
  }),
);

export const plainReplies: Replies = {
  notFound: () => NOT_FOUND,
  badPath: () => BAD_PATH,
  methodNotAllowed: (allow: string) =>
    detail({ status: 405, detail: "Method Not Allowed", headers: { allow } }),
  bodyNotAllowed: () => BODY_NOT_ALLOWED,
  unauthorized: (challenge?: string) =>
    detail({
      status: 401,
      detail: "Not authenticated",
      ...(challenge ? { headers: { "www-authenticate": challenge } } : {}),
    }),
  invalidToken: () => INVALID_TOKEN,
  forbidden: (text?: string) =>
    text === undefined ? FORBIDDEN : detail({ status: 403, detail: text }),
  insufficientScope: (scopes: string[]) =>
    detail({ status: 403, detail: `Not enough permissions: needs ${scopes.join(" ")}` }),
  internal: () => INTERNAL,
  invalid: (errors: FieldError[]) => json({ status: 422, body: { detail: errors } }),
  tooLarge: () => TOO_LARGE,
  unsupportedMediaType: () => UNSUPPORTED,
  notModelled: (operationId: string) =>
    detail({
      status: 501,
      detail: `The fake does not model ${operationId}: no example of its answer fits the spec.`,
    }),
};
