// One request to the server under test, and the checks every response must pass: a
// status the spec declares (or one on the printed allow-list), the declared content
// type, no body on a 204, a body that validates against its schema. A failure names
// the operation, status, JSON pointer, expected and actual, and prints a curl command
// that reproduces the request as pasted: the token is read from the environment
// variable it came from, never printed.

import type { ContractOperation } from "./types.js";

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

/** A bearer token and the environment variable a user sets it in. */
export interface Credential {
  token: string;
  variable: string;
}

export interface Exchange {
  operation: ContractOperation;
  method: string;
  url: string;
  credential: Credential | undefined;
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
}): Promise<Exchange> {
  const { operation, credential } = options;
  const url = options.baseUrl + options.target;
  const headers: Record<string, string> =
    credential === undefined ? {} : { authorization: `Bearer ${credential.token}` };
  const response = await fetch(url, { method: operation.method, headers, redirect: "manual" });
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
    status: response.status,
    contentType,
    text,
    body,
  };
}

/** Every problem with the response, as lines; empty when it keeps to the spec. */
export function conformance(options: {
  exchange: Exchange;
  validators: SchemaValidators;
}): string[] {
  const { exchange, validators } = options;
  const declared = exchange.operation.responses[String(exchange.status)];
  if (!declared) {
    if (UNDECLARED_ALLOWED[String(exchange.status)]) return [];
    return [
      `status ${exchange.status} is not declared (declared: ${Object.keys(exchange.operation.responses).join(", ")})`,
    ];
  }
  if (!declared.contentType)
    return exchange.text === ""
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
  const validate = declared.schema ? validators[declared.schema] : undefined;
  for (const issue of validate ? validate(exchange.body) : []) {
    problems.push(
      `${declared.schema}${issue.pointer || "/"}: ${issue.message} (expected ${JSON.stringify(issue.expected)}, actual ${JSON.stringify(issue.actual)?.slice(0, 120)})`,
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

/** The request as a shell command that runs as pasted, the token read from its variable. */
export function curl(exchange: Pick<Exchange, "method" | "url" | "credential">): string {
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  const auth = exchange.credential
    ? ` -H "Authorization: Bearer $${exchange.credential.variable}"`
    : "";
  return `curl -i -X ${exchange.method} ${quote(exchange.url)}${auth}`;
}

/** The path with each parameter as one encoded segment. */
export function pathFor(options: {
  operation: ContractOperation;
  values: Record<string, string>;
}): string {
  return options.operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(options.values[name] ?? ""),
  );
}
