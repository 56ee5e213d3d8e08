// One request to the server under test, and the checks every response must pass: a
// status the spec declares (or one on the printed allow-list), the declared content
// type, no body on a 204, a body that validates against its schema. A failure names
// the operation, status, JSON pointer, expected and actual, and prints a curl command
// that reproduces the request as pasted: the token is read from the environment
// variable it came from, never printed.

import { curlCredential, quote, withCredential, type Credential } from "./credentials.js";
import type { ContractOperation, ContractResponse } from "./types.js";

export type { Credential } from "./credentials.js";

type Issue = {
  pointer: string;
  keyword: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
};
export type SchemaValidators = Record<string, (value: unknown) => Issue[]>;

/** Statuses the spec leaves out that any operation may answer: printed with the suite. */
export const UNDECLARED_ALLOWED: Record<string, string> = {
  "401": "no or malformed credentials (Polar answers 401; its spec does not declare it)",
};

export interface Exchange {
  operation: ContractOperation;
  method: string;
  url: string;
  credential: Credential | undefined;
  /** Headers sent besides the credential: header parameters, the body's media type. */
  headers: Record<string, string>;
  /** The request body sent, as text. */
  sent: string | undefined;
  /** A multipart body's fields, as sent. */
  fields?: Array<[string, string]> | undefined;
  status: number;
  contentType: string;
  text: string;
  body: unknown;
}

export async function send(options: {
  operation: ContractOperation;
  baseUrl: string;
  /** The path and query, already encoded: sent as given. */
  target: string;
  credential: Credential | undefined;
  /** Header parameters, sent as given. */
  headers?: Record<string, string> | undefined;
  /** A body, sent with the operation's media type: JSON, a form or multipart fields. */
  body?: { contentType: string; value: unknown } | undefined;
}): Promise<Exchange> {
  const { operation, credential } = options;
  const url = options.baseUrl + options.target;
  const headers: Record<string, string> = { ...options.headers };
  const multipart = /^multipart\/form-data$/i.test(options.body?.contentType ?? "");
  // fetch writes a multipart Content-Type itself, with the boundary.
  if (options.body && !multipart) headers["content-type"] = options.body.contentType;
  const fields = multipart && options.body ? fieldsOf(options.body.value) : undefined;
  const sent =
    options.body === undefined || multipart
      ? undefined
      : /^application\/x-www-form-urlencoded$/i.test(options.body.contentType)
        ? new URLSearchParams(fieldsOf(options.body.value)).toString()
        : JSON.stringify(options.body.value);
  const init: RequestInit = { method: operation.method, redirect: "manual" };
  const signed = credential && withCredential({ credential, url, headers });
  init.headers = signed?.headers ?? headers;
  if (sent !== undefined) init.body = sent;
  if (fields) {
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    init.body = form;
  }
  const response = await fetch(signed?.url ?? url, init);
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const contentType = response.headers.get("content-type") ?? "";
  return {
    operation,
    method: operation.method,
    url,
    credential,
    headers,
    sent,
    ...(fields ? { fields } : {}),
    status: response.status,
    contentType,
    text,
    body,
  };
}

/** The response the spec declares for a status: its own, its range's (`4XX`), or `default`. */
export function declaredResponse(options: {
  operation: ContractOperation;
  status: number;
}): ContractResponse | undefined {
  const { responses } = options.operation;
  for (const key of [String(options.status), `${String(options.status)[0]}XX`, "default"])
    if (Object.hasOwn(responses, key)) return responses[key];
  return undefined;
}

/** Every problem with the response, as lines; empty when it keeps to the spec. */
export function conformance(options: {
  exchange: Exchange;
  validators: SchemaValidators;
}): string[] {
  const { exchange, validators } = options;
  const declared = declaredResponse({ operation: exchange.operation, status: exchange.status });
  if (!declared) {
    if (UNDECLARED_ALLOWED[String(exchange.status)]) return [];
    return [
      `status ${exchange.status} is not declared (declared: ${Object.keys(exchange.operation.responses).join(", ")})`,
    ];
  }
  // No content documented: HTTP gives a 204, 205 or 304 no body; any other says nothing
  // of it (Polar answers its undocumented 401s with a JSON body).
  if (!declared.contentType)
    return exchange.text === "" || ![204, 205, 304].includes(exchange.status)
      ? []
      : [
          `a ${exchange.status} must have no body; got ${JSON.stringify(exchange.text.slice(0, 200))}`,
        ];
  const problems: string[] = [];
  const expected = mediaType(declared.contentType) ?? declared.contentType;
  if (mediaType(exchange.contentType) !== expected) {
    problems.push(
      `content type: expected ${declared.contentType}, actual ${JSON.stringify(exchange.contentType)}`,
    );
  }
  if (exchange.body === undefined)
    return [
      ...problems,
      `body: expected JSON, actual ${JSON.stringify(exchange.text.slice(0, 200))}`,
    ];
  const schema = declared.schema ?? declared.items;
  const validate = schema ? validators[schema] : undefined;
  // An array body of a component schema: each item against it.
  const checked: Array<[string, unknown]> = declared.schema
    ? [["", exchange.body]]
    : Array.isArray(exchange.body)
      ? exchange.body.map((item, index): [string, unknown] => [`/${index}`, item])
      : [];
  if (declared.items && !Array.isArray(exchange.body))
    problems.push(`body: expected an array of ${declared.items}`);
  for (const [where, value] of checked)
    for (const issue of validate ? validate(value) : []) {
      problems.push(
        `${schema}${where + issue.pointer || "/"}: ${issue.message} (expected ${JSON.stringify(issue.expected)}, actual ${JSON.stringify(issue.actual)?.slice(0, 120)})`,
      );
    }
  return problems;
}

/** The error a failed check throws: what, where, and how to reproduce it. */
export function failure(options: { exchange: Exchange; problems: string[] }): Error {
  const { exchange } = options;
  const lines = [
    `${exchange.operation.id} answered ${exchange.status}:`,
    ...options.problems.map((problem) => `  - ${problem}`),
    `reproduce: ${curl(exchange)}`,
  ];
  return new Error(lines.join("\n"));
}

export function expectConforms(options: {
  exchange: Exchange;
  validators: SchemaValidators;
  status?: number[];
}): void {
  const { exchange } = options;
  const problems = conformance(options);
  if (options.status && !options.status.includes(exchange.status)) {
    problems.unshift(`status: expected ${options.status.join(" or ")}, actual ${exchange.status}`);
  }
  if (problems.length) throw failure({ exchange, problems });
}

const TOKEN = "[!#$%&'*+.^`|~\\w-]+";
/** RFC 9110's media type: `type/subtype *( OWS ";" OWS [ name=value ] )`. */
const MEDIA_TYPE = /* @__PURE__ */ new RegExp(
  `^[ \\t]*(${TOKEN}/${TOKEN})(?:[ \\t]*;[ \\t]*(?:${TOKEN}=(?:${TOKEN}|"(?:[^"\\\\]|\\\\.)*"))?)*[ \\t]*$`,
);

/** `type/subtype` in lower case, parameters (`; charset=utf-8`) dropped; `undefined` when malformed. */
export function mediaType(header: string): string | undefined {
  return MEDIA_TYPE.exec(header)?.[1]?.toLowerCase();
}

/**
 * A form's fields as the generated client writes them: each property, arrays repeating
 * the name, objects as JSON, null left out. A body that is no object has none.
 */
function fieldsOf(value: unknown): Array<[string, string]> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([name, field]) =>
    (Array.isArray(field) ? field : [field])
      .filter((item) => item != null)
      .map((item): [string, string] => [
        name,
        typeof item === "object" ? JSON.stringify(item) : String(item),
      ]),
  );
}

/** The request as a shell command that runs as pasted, the credential read from its variable. */
export function curl(
  exchange: Pick<Exchange, "method" | "url" | "credential"> &
    Partial<Pick<Exchange, "headers" | "sent" | "fields">>,
): string {
  const { url, auth } = curlCredential({ credential: exchange.credential, url: exchange.url });
  const headers = Object.entries(exchange.headers ?? {})
    .map(([name, value]) => ` -H ${quote(`${name}: ${value}`)}`)
    .join("");
  const form = (exchange.fields ?? [])
    .map(([name, value]) => ` --form-string ${quote(`${name}=${value}`)}`)
    .join("");
  const body = exchange.sent === undefined ? form : ` --data-raw ${quote(exchange.sent)}`;
  return `curl -i -X ${exchange.method} ${url}${auth}${headers}${body}`;
}

/** The path with each parameter as one encoded segment. */
export function pathFor(options: {
  operation: ContractOperation;
  values: Record<string, string>;
}): string {
  return options.operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(Object.hasOwn(options.values, name) ? options.values[name]! : ""),
  );
}
