// The outcome of a call, as data: one variant per documented status (typed by the
// generated client) and one per way a call can go wrong. A call never throws; `unwrap`
// is there for code that prefers exceptions.

/** One place where a response body breaks its schema (from the generated validators). */
export interface ValidationIssue {
  pointer: string;
  keyword: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
}

interface Answered<S extends number> {
  status: S;
  headers: Headers;
  /** How many requests were sent, retries included. */
  attempts: number;
  /** Where the body breaks its schema (with `validateResponses`), or that it is not JSON. */
  issues?: ValidationIssue[] | undefined;
}

/**
 * A documented success status. The mutation happened, even when `issues` is set; `data`
 * is `undefined` when the body is not JSON (an issue says so).
 */
export interface Success<S extends number, T> extends Answered<S> {
  kind: "success";
  data: T;
  /** The raw body, set with `issues`. */
  body?: string | undefined;
}

/** A documented error status with its typed body. */
export interface Failure<S extends number, T> extends Answered<S> {
  kind: "error";
  error: T;
}

/**
 * A retry answered "not found" (delete) or "already canceled" (cancel) after an earlier
 * attempt may have reached the server: that attempt most likely did the work.
 */
export interface ProbablySucceeded<S extends number, T> extends Answered<S> {
  kind: "probably-succeeded";
  error: T;
}

/** A status the spec does not document for this operation (`5xx` included). */
export interface UnexpectedStatus extends Answered<number> {
  kind: "unexpected-status";
  body: string;
}

/**
 * A documented error status whose body is not the documented one: not JSON, or without
 * its constants (a proxy's `404 {"detail":"Not Found"}` is not the API's `ResourceNotFound`).
 */
export interface InvalidBody extends Answered<number> {
  kind: "invalid-body";
  body: string;
}

/** `429`; `retryAfterMs` is `Retry-After` (seconds or HTTP date) in milliseconds from now. */
export interface RateLimited extends Answered<429> {
  kind: "rate-limited";
  body: string;
  retryAfterMs?: number;
}

/** No response: the request may or may not have reached the server. */
export interface NetworkError {
  kind: "network-error";
  attempts: number;
  cause: unknown;
}

/** `timeoutMs` ran out (retries and waits included). The request may have reached the server. */
export interface Timeout {
  kind: "timeout";
  attempts: number;
}

/** The caller's `AbortSignal` fired. */
export interface Aborted {
  kind: "aborted";
  attempts: number;
  cause: unknown;
}

/** Refused before any request was sent: a bad parameter, a missing credential, a bad base URL. */
export interface InvalidRequest {
  kind: "invalid-request";
  /** Requests sent before the refusal: 0 unless a hook refused a retry. */
  attempts: number;
  message: string;
  /** The error that refused it; a body that breaks its schema (`validateRequests`) gives one with `issues`. */
  cause?: unknown;
}

export type Problem =
  UnexpectedStatus | InvalidBody | RateLimited | NetworkError | Timeout | Aborted | InvalidRequest;

export type Result<Documented> = Documented | Problem;

/** Any result: what `unwrap` and `ApiError` accept. */
export type AnyResult = { kind: string; attempts: number };

/** What `unwrap` returns: the success data, or `undefined` when an earlier attempt probably did it. */
export type Unwrapped<R> =
  | (R extends { kind: "success"; data: infer T } ? T : never)
  | (R extends { kind: "probably-succeeded" } ? undefined : never);

/** Every outcome `unwrap` throws on: all but a success and "probably succeeded". */
export type Unsuccessful = Failure<number, unknown> | Problem;

/**
 * Thrown by `unwrap`; `result` is the whole outcome, to switch on `result.kind` (not
 * generic: a caught error's type is unknown, and `instanceof` would make a type argument `any`).
 */
export class ApiError extends Error {
  override name = "ApiError";
  declare readonly result: Unsuccessful;
  constructor(result: Unsuccessful) {
    super(`${result.kind} ${(result as { status?: number }).status ?? ""}`.trim());
    this.result = result;
  }
}

/** The value of a success (or `undefined` for "probably succeeded"); throws `ApiError` otherwise. */
export function unwrap<R extends AnyResult>(result: R): Unwrapped<R> {
  if (result.kind === "success") return (result as unknown as { data: Unwrapped<R> }).data;
  if (result.kind === "probably-succeeded") return undefined as Unwrapped<R>;
  throw new ApiError(result as AnyResult as Unsuccessful);
}
