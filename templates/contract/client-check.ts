// An independent check of the generated client's requests: it reads the spec's facts
// (the operation's template, parameters and security) and the request as sent, and
// shares no code with the client.

import type { ContractOperation, ContractSecurity } from "./types.js";

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkClientRequest(options: {
  operation: ContractOperation;
  request: RecordedRequest;
  input: Record<string, unknown>;
  /** Each credential the client holds, by its option: a token, or basic's `{ username, password }`. */
  tokens: Record<string, unknown>;
}): string[] {
  const { operation, request, input } = options;
  const problems: string[] = [];
  if (request.method.toUpperCase() !== operation.method.toUpperCase())
    problems.push(`method ${request.method}, expected ${operation.method}`);
  const url = new URL(request.url);
  const template = operation.path.split("/");
  const actual = url.pathname.split("/");
  if (actual.length !== template.length)
    problems.push(
      `path ${url.pathname} has ${actual.length} segments, the template ${operation.path} has ${template.length}`,
    );
  template.forEach((segment, index) => {
    const name = /^\{(.+)\}$/.exec(segment)?.[1];
    if (!name) {
      if (actual[index] !== segment)
        problems.push(
          `path segment ${index} is ${JSON.stringify(actual[index])}, expected ${JSON.stringify(segment)}`,
        );
      return;
    }
    const parameter = operation.pathParams.find((p) => p.name === name)!;
    const decoded = safeDecode(actual[index] ?? "");
    if (decoded !== input[parameter.codeName])
      problems.push(
        `${name} arrived as ${JSON.stringify(decoded)}, given ${JSON.stringify(input[parameter.codeName])}`,
      );
    if (parameter.format?.startsWith("uuid") && !UUID.test(decoded ?? ""))
      problems.push(`${name} is not a UUID`);
  });
  const queryKeys = operation.security.flatMap((entry) =>
    entry.via === "query" ? [entry.key] : [],
  );
  for (const [name, value] of url.searchParams) {
    if (queryKeys.includes(name)) continue;
    const parameter = operation.query.find((p) => p.name === name);
    if (!parameter) problems.push(`query parameter ${name} is not in the spec`);
    else if (String(input[parameter.codeName]) !== value)
      problems.push(`query ${name}=${value}, given ${JSON.stringify(input[parameter.codeName])}`);
    else if (parameter.type === "boolean" && value !== "true" && value !== "false")
      problems.push(`query ${name}=${value} is not a boolean`);
  }
  for (const parameter of operation.query) {
    if (input[parameter.codeName] !== undefined && !url.searchParams.has(parameter.name))
      problems.push(`query ${parameter.name} was given but not sent`);
    if (input[parameter.codeName] === undefined && url.searchParams.has(parameter.name))
      problems.push(`query ${parameter.name} was sent though not given`);
  }
  const carried = operation.security.some((entry) =>
    carries({ entry, request, url, value: options.tokens[entry.credential] }),
  );
  if (operation.security.length && !carried) {
    const ways = operation.security.map(
      (entry) => `${entry.credential} (${entry.via}${entry.key ? ` ${entry.key}` : ""})`,
    );
    problems.push(
      `no credential where the spec puts one: expected one of ${ways.join(", ")}; headers ${JSON.stringify(request.headers)}`,
    );
  }
  return problems;
}

/** Does the request carry this credential as the scheme says: bearer, basic, or an API key? */
function carries(options: {
  entry: ContractSecurity;
  request: RecordedRequest;
  url: URL;
  value: unknown;
}): boolean {
  const { entry, value } = options;
  const header = (wanted: string) =>
    Object.entries(options.request.headers).find(
      ([name]) => name.toLowerCase() === wanted.toLowerCase(),
    )?.[1];
  const key = entry.key ?? "";
  switch (entry.via) {
    case "bearer":
      return header("authorization") === `Bearer ${String(value)}`;
    case "basic": {
      const { username, password } = value as { username: string; password: string };
      const pair = Buffer.from(`${username}:${password}`, "utf8").toString("base64");
      return header("authorization") === `Basic ${pair}`;
    }
    case "header":
      return header(key) === value;
    case "query":
      return options.url.searchParams.get(key) === value;
    case "cookie":
      return (header("cookie") ?? "")
        .split(";")
        .some((part) => part.trim() === `${key}=${String(value)}`);
  }
}

/** Calls the operation on the generated client by its grouping (`customers.delete`). */
export async function clientCall(options: {
  client: unknown;
  operation: ContractOperation;
  input: Record<string, unknown>;
}): Promise<unknown> {
  const owner = options.operation.clientPath
    .slice(0, -1)
    .reduce<Record<string, unknown>>(
      (node, key) => node[key] as Record<string, unknown>,
      options.client as Record<string, unknown>,
    );
  const method = owner[options.operation.clientPath.at(-1)!] as (
    input: Record<string, unknown>,
  ) => Promise<unknown>;
  return method.call(owner, options.input);
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
