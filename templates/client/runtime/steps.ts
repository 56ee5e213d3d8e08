// What a call adds to its request once the URL is built: header parameters and the body,
// encoded for the operation's media type. The generated client names an operation's
// encoder in its descriptor (`encode`), so a client whose operations send neither bundles
// none of this. Each body encoder sets the header parameters first.

import type { Validators } from "./options.js";
import type { Call } from "./send.js";
import { ownValue, refuse } from "./url.js";

/**
 * A multipart body as the caller gives it: where the spec has a string (openapi-typescript
 * types `format: binary` so), a `Blob` may go, sent as a file.
 */
export type Multipart<T> = {
  [K in keyof T]: T[K] extends string | undefined
    ? T[K] | Blob
    : T[K] extends ReadonlyArray<string> | undefined
      ? Array<string | Blob> | Exclude<T[K], ReadonlyArray<string>>
      : T[K];
};

/** Header parameters: a scalar as text, an array joined by `,` (OpenAPI's `simple` style); null is left out. */
export function headerParams(call: Call): void {
  const input = call.input as Record<string, unknown>;
  for (const [name, field] of Object.entries(call.operation.headers ?? {})) {
    const value = ownValue(input, field);
    if (value == null) continue;
    const text = Array.isArray(value) ? value.join(",") : String(value);
    // A line break would start another header.
    if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(text)) refuse(`${field}: not a header value`);
    call.headers[name] = text;
  }
}

/**
 * The header parameters set, then the body the caller gave (`input.body`), checked against
 * its schema when the client asks (`validateRequests`); refuses a missing required one.
 * Undefined when there is none to send.
 */
async function bodyOf(call: Call): Promise<unknown> {
  const { operation, config, spec } = call;
  headerParams(call);
  const body = ownValue(call.input, "body");
  const { required, schema } = operation.body ?? {};
  if (body === undefined) return required ? refuse("body: missing") : undefined;
  const wanted = config.validateRequests;
  if (wanted && schema) {
    const loaded: Validators = wanted === true ? await call.within(spec.loadValidators()) : wanted;
    const validator = ownValue(ownValue(loaded, "validators") ?? loaded, schema) as
      ((value: unknown) => Array<{ message: string }>) | undefined;
    const issues = validator && validator(body);
    if (issues && issues.length)
      throw Object.assign(new Error(`body: breaks ${schema}: ${issues[0]!.message}`), { issues });
  }
  return body;
}

function contentType(call: Call): void {
  call.headers["content-type"] = call.operation.body!.type;
}

/** JSON (`application/json` and `+json` types). */
export async function jsonBody(call: Call): Promise<void> {
  const body = await bodyOf(call);
  if (body === undefined) return;
  call.body = JSON.stringify(body);
  contentType(call);
}

/**
 * Each property of an object as fields: arrays repeat the name (OpenAPI's default,
 * `form` exploded), objects travel as JSON, null and undefined are left out.
 */
function eachField(options: {
  body: unknown;
  add: (name: string, value: string | Blob) => void;
}): void {
  const { body, add } = options;
  if (typeof body !== "object" || body === null) refuse("body: not an object");
  for (const name of Object.keys(body)) {
    const value = (body as Record<string, unknown>)[name];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item == null) continue;
      add(
        name,
        item instanceof Blob
          ? item
          : typeof item === "object"
            ? JSON.stringify(item)
            : String(item),
      );
    }
  }
}

/** `application/x-www-form-urlencoded`, as `URLSearchParams` writes it. */
export async function formBody(call: Call): Promise<void> {
  const body = await bodyOf(call);
  if (body === undefined) return;
  const form = new URLSearchParams();
  eachField({ body, add: (name, value) => form.append(name, String(value)) });
  call.body = form;
  contentType(call);
}

/** `multipart/form-data`: `Blob`s as files; fetch writes the Content-Type with its boundary. */
export async function multipartBody(call: Call): Promise<void> {
  const body = await bodyOf(call);
  if (body === undefined) return;
  const form = new FormData();
  eachField({ body, add: (name, value) => form.append(name, value) });
  call.body = form;
}

/** Any other media type: a string or a `Blob`, sent as it is. */
export async function rawBody(call: Call): Promise<void> {
  const body = await bodyOf(call);
  if (body === undefined) return;
  if (typeof body !== "string" && !(body instanceof Blob)) refuse("body: not a string or Blob");
  call.body = body;
  contentType(call);
}
