// The request body, read once credentials passed: at most `limit` bytes (413 past it),
// read as the media type it is sent as (415 for one the operation does not take), then
// checked against its schema. Failures are FastAPI's: malformed JSON is `json_invalid`
// at `["body", offset]`, a missing body `missing` at `["body"]`, a schema failure at
// `["body", ...the field's path]`.

import { decodeShaped, issueError, pointerTokens, type FieldError } from "./decode.js";
import { TOO_LARGE } from "./types.js";
import type { BodyInfo, BodyMedia, ValidationIssue, Validator, WireRequest } from "./types.js";

export type BodyResult =
  | { body: unknown }
  | { errors: FieldError[] }
  | { refused: "too-large" | "unsupported-media-type" };

/** pydantic's words for a value of the wrong JSON type. */
const TYPE_ERRORS: Record<string, [string, string]> = {
  string: ["string_type", "Input should be a valid string"],
  integer: ["int_type", "Input should be a valid integer"],
  number: ["float_type", "Input should be a valid number"],
  boolean: ["bool_type", "Input should be a valid boolean"],
  array: ["list_type", "Input should be a valid list"],
  object: [
    "model_attributes_type",
    "Input should be a valid dictionary or object to extract fields from",
  ],
};

const decoder = /* @__PURE__ */ new TextDecoder();

export async function readRequestBody(options: {
  info: BodyInfo;
  wire: WireRequest;
  limit: number;
  /** The body's schema check for a media type, when it has one. */
  check: (media: string) => Validator | undefined;
}): Promise<BodyResult> {
  const { info, wire } = options;
  const bytes = await wire.readBody(options.limit);
  if (bytes === TOO_LARGE) return { refused: "too-large" };
  if (bytes.byteLength === 0) {
    if (!info.required) return { body: undefined };
    return { errors: [{ type: "missing", loc: ["body"], msg: "Field required", input: null }] };
  }
  const sent = wire.header("content-type");
  const media = mediaOf({ info, sent });
  if (!media) return { refused: "unsupported-media-type" };
  const check = options.check(media.type);
  switch (media.kind) {
    case "json":
      return jsonBody({ text: decoder.decode(bytes), check });
    case "form": {
      const entries: Array<[string, string]> = [];
      new URLSearchParams(decoder.decode(bytes)).forEach((value, name) =>
        entries.push([name, value]),
      );
      return fieldsBody({ media, entries, check });
    }
    case "multipart":
      return multipartBody({ media, bytes, sent: sent ?? media.type, check });
    case "text": {
      const text = decoder.decode(bytes);
      return checked({ value: text, check });
    }
    default:
      return { body: bytes };
  }
}

/** The operation's media type the request's `content-type` names; the first when it names none. */
function mediaOf(options: { info: BodyInfo; sent: string | undefined }): BodyMedia | undefined {
  const { info, sent } = options;
  if (sent === undefined) return info.media[0];
  const type = sent.split(";")[0]!.trim().toLowerCase();
  const [major] = type.split("/");
  return info.media.find((media) => {
    const listed = media.type.toLowerCase();
    return listed === type || listed === "*/*" || listed === `${major}/*`;
  });
}

function jsonBody(options: { text: string; check: Validator | undefined }): BodyResult {
  let value: unknown;
  try {
    value = JSON.parse(options.text);
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    const at = /position (\d+)/.exec(message);
    const token = /^Unexpected token '(.)'/u.exec(message)?.[1];
    // Python's json module reports an unexpected end at the end of the text.
    const position = at
      ? Number(at[1])
      : token !== undefined
        ? Math.max(0, options.text.indexOf(token))
        : options.text.length;
    const ctx = { error: pythonMessage(message) };
    return {
      errors: [
        { type: "json_invalid", loc: ["body", position], msg: "JSON decode error", input: {}, ctx },
      ],
    };
  }
  return checked({ value, check: options.check });
}

/** The words of Python's `json.JSONDecodeError`, which FastAPI puts in `ctx.error`. */
function pythonMessage(message: string): string {
  if (message.includes("property name")) return "Expecting property name enclosed in double quotes";
  if (/Expected ',' or/.test(message)) return "Expecting ',' delimiter";
  if (message.includes("Expected ':'")) return "Expecting ':' delimiter";
  if (message.includes("non-whitespace character after JSON")) return "Extra data";
  return "Expecting value";
}

/** Form fields by name: repeated names make arrays where the schema wants one. */
function fieldsBody(options: {
  media: BodyMedia;
  entries: Array<[string, string | Blob]>;
  check: Validator | undefined;
}): BodyResult {
  const texts = new Map<string, Array<string | Blob>>();
  for (const [name, value] of options.entries) {
    const list = texts.get(name);
    if (list) list.push(value);
    else texts.set(name, [value]);
  }
  const body: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [name, list] of texts) {
    const shape =
      options.media.fields && Object.hasOwn(options.media.fields, name)
        ? options.media.fields[name]
        : undefined;
    const strings = list.filter((item): item is string => typeof item === "string");
    let value: unknown = list.length === 1 ? list[0] : list;
    if (shape && strings.length === list.length) {
      const decoded = decodeShaped({
        shape,
        texts: strings,
        loc: ["body", name],
        check: undefined,
        errors,
      });
      value = decoded?.value;
    }
    Object.defineProperty(body, name, { value, enumerable: true, writable: true });
  }
  if (errors.length > 0) return { errors };
  // Uploaded files are checked as the strings the spec's `format: binary` describes.
  const checkedValue = Object.fromEntries(
    Object.entries(body).map(([name, value]) => [name, value instanceof Blob ? "" : value]),
  );
  const issues = options.check?.(checkedValue) ?? [];
  return issues.length > 0
    ? { errors: issues.map((issue) => bodyError({ issue, value: checkedValue })) }
    : { body };
}

async function multipartBody(options: {
  media: BodyMedia;
  bytes: Uint8Array;
  sent: string;
  check: Validator | undefined;
}): Promise<BodyResult> {
  let form: FormData;
  try {
    const bytes = new Uint8Array(options.bytes);
    form = await new Response(bytes, { headers: { "content-type": options.sent } }).formData();
  } catch {
    const error = {
      type: "value_error",
      loc: ["body"],
      msg: "There was an error parsing the body",
      input: null,
    };
    return { errors: [error] };
  }
  const entries: Array<[string, string | Blob]> = [];
  form.forEach((value, name) => entries.push([name, value]));
  return fieldsBody({ media: options.media, entries, check: options.check });
}

function checked(options: { value: unknown; check: Validator | undefined }): BodyResult {
  const issues = options.check?.(options.value) ?? [];
  if (issues.length === 0) return { body: options.value };
  return { errors: issues.map((issue) => bodyError({ issue, value: options.value })) };
}

/** One schema issue as pydantic reports it: the field's path under `body`, the value found there. */
function bodyError(options: { issue: ValidationIssue; value: unknown }): FieldError {
  const { issue } = options;
  const tokens = pointerTokens({ pointer: issue.pointer, value: options.value });
  const loc = ["body", ...tokens];
  if (issue.keyword === "required")
    return {
      type: "missing",
      loc,
      msg: "Field required",
      input: valueAt({ value: options.value, tokens: tokens.slice(0, -1) }),
    };
  const input = valueAt({ value: options.value, tokens });
  const known =
    issue.keyword === "type" ? TYPE_ERRORS[String(issue.expected).split(" | ")[0]!] : undefined;
  if (known) return { type: known[0], loc, msg: known[1], input };
  return {
    ...issueError({ shape: undefined, issue: { ...issue, pointer: "" }, loc, texts: [input] }),
  };
}

function valueAt(options: { value: unknown; tokens: Array<string | number> }): unknown {
  let value = options.value;
  for (const token of options.tokens) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, token)) return null;
    value = (value as Record<string | number, unknown>)[token];
  }
  return value;
}
