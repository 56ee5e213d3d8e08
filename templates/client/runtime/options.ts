// What a caller can configure, independent of the spec. The generated client adds
// the spec's servers and credentials on top.

import type { ValidationIssue } from "./result.js";
import type { Call } from "./send.js";
import type { QueryEncoder } from "./url.js";

/** A token, or a function that returns one (sync or async), called once per call. */
export type Credential = string | (() => string | Promise<string>);

/**
 * HTTP basic's user and password (sent UTF-8, base64-encoded), or a function that returns
 * them: two fields, so a password with a `:` is never split in the wrong place.
 */
export type BasicCredential = BasicPair | (() => BasicPair | Promise<BasicPair>);

export interface BasicPair {
  username: string;
  password: string;
}

export interface RetryOptions {
  /** Requests in all, the first included: an integer ≥ 1. Default 3. */
  attempts?: number | undefined;
  /** First backoff before jitter. Default 500 ms; doubles each retry. */
  baseDelayMs?: number | undefined;
  /** Longest single wait, `Retry-After` included: a longer one is not waited for. Default 30 s. */
  maxDelayMs?: number | undefined;
}

export interface RequestInfo {
  operationId: string;
  url: string;
  /** Mutable: a hook may add headers. The URL cannot be changed. */
  init: RequestInit & { headers: Record<string, string>; signal: AbortSignal | null };
  attempt: number;
}

export interface Hooks {
  /** Before each attempt, inside the deadline. Throwing refuses the call (`invalid-request`). */
  beforeRequest?: ((request: RequestInfo) => void | Promise<void>) | undefined;
  /**
   * After each response, once the outcome is read from it: `response` is a clone, free to
   * read. Errors are ignored; like every step, it runs within the deadline (a hook still
   * pending then ends the call as `timeout`).
   */
  afterResponse?:
    ((exchange: RequestInfo & { response: Response }) => void | Promise<void>) | undefined;
}

export type Validator = (value: unknown) => ValidationIssue[];
/** The generated `validators` record (by schema name), or the whole validators module. */
export type Validators = Record<string, Validator> | { validators: Record<string, Validator> };

export interface BaseOptions {
  fetch?: typeof fetch | undefined;
  /**
   * One deadline for the whole call, from its start: credentials, hooks, every attempt,
   * every body and every wait. Milliseconds, > 0 and < 2^31.
   */
  timeoutMs?: number | undefined;
  /** Off by default. `true` uses the defaults of `RetryOptions`. The policy loads on first use. */
  retry?: boolean | RetryOptions | undefined;
  /** Sent as `User-Agent` in Node (browsers do not let pages set it). */
  userAgent?: string | undefined;
  hooks?: Hooks | undefined;
  /** Check bodies against the spec's schemas; `true` loads the generated validators on first use. */
  validateResponses?: boolean | Validators | undefined;
  /**
   * Check request bodies against the spec's schemas before sending: a body that breaks its
   * schema is refused (`invalid-request`). `true` loads the generated validators on first use.
   */
  validateRequests?: boolean | Validators | undefined;
}

/** Per call, next to the operation's parameters. */
export interface CallOptions {
  signal?: AbortSignal | undefined;
}

/** What the generated client knows about the spec. */
export interface SpecInfo {
  servers: Record<string, string>;
  /** Sent with every call: Polar's `Polar-Version` (for Polar's spec only). */
  headers?: Record<string, string> | undefined;
  userAgent: string;
  /**
   * Constant properties of the schemas of documented error bodies (`ResourceNotFound`:
   * `error: "ResourceNotFound"`): a body without them is some other answer, such as a
   * proxy's `404 {"detail":"Not Found"}`.
   */
  constants?: Record<string, Record<string, unknown>> | undefined;
  /** The generated validators.ts, loaded on first use (every generated folder has one). */
  loadValidators: () => Promise<Validators>;
}

/** What never varies about an operation: the generated client holds one per operation. */
export interface OperationInfo {
  id: string;
  method: string;
  /** The path template split at its parameters: literal, input field, literal, ... */
  path: string[];
  /** Input fields of path parameters checked as UUIDs before sending: any version, or v4. */
  uuids?: Record<string, "uuid" | "uuid4"> | undefined;
  /**
   * Query parameters: the spec's name (URL-encoded) to the input field, the `typeof`s its
   * schema (or its items') allows (`"boolean"`, `"boolean|number|string"` when it is not
   * that simple), and the encoder of arrays and objects (query.ts); a scalar needs none.
   */
  query?: Record<string, [field: string, types: string, encode?: QueryEncoder]> | undefined;
  /** Header parameters: the spec's name, lower-cased, to the input field. */
  headers?: Record<string, string> | undefined;
  /** The request body: the media type sent, whether it is required, the schema that checks it. */
  body?: { type: string; required?: boolean; schema?: string } | undefined;
  /** Sets header parameters and the body on the request (steps.ts), for operations that have them. */
  encode?: ((call: Call) => void | Promise<void>) | undefined;
  /**
   * Bearer credentials any one of which authorises the call; empty when none is needed, or
   * when the operation takes others (basic, an API key): then `encode` sets it (auth.ts).
   */
  auth: string[];
  /** Documented statuses: 0 no body, 1 JSON, 2 text, 3 binary (a `Blob`), or the name of the body's JSON schema. */
  responses: Record<number, 0 | 1 | 2 | 3 | string>;
  /** The status a retry gets when an earlier attempt already did the work (its constants set). */
  done?: number | undefined;
  /** Set for methods that are not idempotent: never retried after it may have reached the server. */
  once?: boolean | undefined;
}
