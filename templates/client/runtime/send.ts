// One call: prepare (refuse bad input before any request), then attempts with retries
// inside one deadline, each read into a result. Nothing here throws to the caller.

import type {
  BaseOptions,
  CallOptions,
  OperationInfo,
  RetryOptions,
  SpecInfo,
  Validators,
} from "./options.js";
import { read } from "./read.js";
import type { AnyResult } from "./result.js";
import { retryAfterMs } from "./retry-after.js";
import { baseOf, pathAndQuery, refuse } from "./url.js";

/** The client a call runs on: its options (what `createPolarCore` returns). */
export interface ClientLike {
  options: BaseOptions & { server?: string | undefined; baseUrl?: string | undefined };
}

interface SendOptions {
  spec: SpecInfo;
  operation: OperationInfo;
  client: ClientLike;
  /** The operation's parameters (by input field), the call's own credentials, `signal`. */
  input: CallOptions;
}

interface Prepared extends SendOptions {
  url: string;
  headers: Record<string, string>;
  validators?: Validators | undefined;
  signal?: AbortSignal | undefined;
  deadline: number;
}

type Outcome = AnyResult & { status?: number; headers?: Headers };

/** The abort reason of our own deadline, told apart from the caller's. */
const TIMED_OUT = {};
/** Browsers do not let a page set User-Agent; Node, Deno and Bun do. */
const IN_NODE = !!(globalThis as { process?: { versions?: { node?: string } } }).process?.versions
  ?.node;

export async function send(options: SendOptions): Promise<AnyResult> {
  const { timeoutMs } = options.client.options;
  const callerSignal = options.input.signal;
  let prepared: Prepared;
  try {
    // Awaited here, and only when there is something to wait for: each await costs the call a turn.
    const source = credentialSource(options);
    const token = typeof source === "function" ? await source() : source;
    const wanted = options.client.options.validateResponses;
    const validators =
      wanted === true
        ? await (
            options.spec.loadValidators ?? refuse("validateResponses: no validators generated")
          )()
        : wanted || undefined;
    prepared = prepare({ call: options, token, validators });
  } catch (cause) {
    return {
      kind: "invalid-request",
      attempts: 0,
      message: (cause as Error)?.message ?? String(cause),
      cause,
    } as AnyResult;
  }
  if (callerSignal?.aborted) return stopped({ signal: callerSignal, attempts: 0 });
  if (timeoutMs === undefined && !callerSignal) return await attempts(prepared);
  // One controller for the caller's signal and the deadline: neither replaces the other.
  const controller = new AbortController();
  const forward = () => controller.abort(callerSignal!.reason);
  const timer =
    timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
  callerSignal?.addEventListener("abort", forward);
  try {
    prepared.signal = controller.signal;
    prepared.deadline = Date.now() + (timeoutMs ?? Infinity);
    return await attempts(prepared);
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", forward);
  }
}

function prepare(options: {
  call: SendOptions;
  token: unknown;
  validators: Validators | undefined;
}): Prepared {
  const { token, call } = options;
  const { spec, input, client, operation } = call;
  const config = client.options;
  const base =
    config.baseUrl ??
    spec.servers[config.server ?? Object.keys(spec.servers)[0]!] ??
    refuse("server: unknown");
  const url = baseOf(base) + pathAndQuery(call);
  const headers: Record<string, string> = {};
  if (operation.auth.length) {
    // Never `Bearer undefined`, and nothing a header could not carry.
    if (typeof token !== "string" || !/^[\x21-\x7e]+$/.test(token))
      refuse(`credential: no ${operation.auth.join(" or ")} token`);
    headers.authorization = `Bearer ${token}`;
  }
  if (spec.apiVersion) headers["polar-version"] = spec.apiVersion;
  if (IN_NODE) headers["user-agent"] = config.userAgent || spec.userAgent;
  return {
    spec,
    operation,
    client,
    input,
    url,
    headers,
    validators: options.validators,
    signal: undefined,
    deadline: Infinity,
  };
}

/** The first credential given for this operation, the call's own before the client's. */
function credentialSource(options: SendOptions): unknown {
  const { auth } = options.operation;
  const own = options.input as Record<string, unknown>;
  const shared = options.client.options as Record<string, unknown>;
  let source: unknown;
  for (const name of auth) source ||= own[name];
  for (const name of auth) source ||= shared[name];
  return source;
}

async function attempts(prepared: Prepared): Promise<AnyResult> {
  const { operation, signal } = prepared;
  const configured = prepared.client.options.retry;
  const {
    attempts = 3,
    baseDelayMs = 500,
    maxDelayMs = 30_000,
  }: RetryOptions = configured === true ? {} : configured || { attempts: 1 };
  let ambiguous = false;
  for (let attempt = 1; ; attempt++) {
    const outcome: Outcome = await attemptOnce({ prepared, attempt });
    const status = outcome.status ?? 0;
    if (outcome.kind === "network-error" && signal?.aborted)
      return stopped({ signal, attempts: attempt });
    if (ambiguous && outcome.kind === "error" && status === operation.done)
      outcome.kind = "probably-succeeded";
    // Retry on 429 (the server did nothing); on a network error or a 5xx only when repeating is harmless.
    const retryable =
      status === 429 || (!operation.once && (outcome.kind === "network-error" || status >= 500));
    if (!retryable || attempt >= attempts) return outcome;
    // `Retry-After` when the server gives one, else exponential backoff with full jitter.
    const wait =
      retryAfterMs(outcome.headers) ??
      Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    if (wait > maxDelayMs || Date.now() + wait >= prepared.deadline) return outcome;
    // A network error or a 5xx may have come after the server did the work.
    ambiguous ||= status !== 429;
    if (!(await sleep({ ms: wait, signal })))
      return stopped({ signal: signal!, attempts: attempt });
  }
}

function stopped(options: { signal: AbortSignal; attempts: number }): AnyResult {
  const { attempts } = options;
  const { reason } = options.signal;
  return reason === TIMED_OUT
    ? { kind: "timeout", attempts }
    : ({ kind: "aborted", attempts, cause: reason } as AnyResult);
}

/** Resolves true after `ms`, or false at once when the signal fires. */
function sleep(options: { ms: number; signal: AbortSignal | undefined }): Promise<boolean> {
  const { signal } = options;
  return new Promise((resolve) => {
    const finish = (done: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", stop);
      resolve(done);
    };
    const stop = () => finish(false);
    const timer = setTimeout(finish, options.ms, true);
    signal?.addEventListener("abort", stop);
    if (signal?.aborted) stop();
  });
}

async function attemptOnce(options: { prepared: Prepared; attempt: number }): Promise<AnyResult> {
  const { prepared, attempt } = options;
  const { hooks, fetch: fetcher = fetch } = prepared.client.options;
  // `manual`: a redirect must never carry a DELETE to another URL. Headers are copied
  // only for hooks, which may change them for one attempt.
  const headers = hooks ? { ...prepared.headers } : prepared.headers;
  const init = {
    method: prepared.operation.method,
    headers,
    signal: prepared.signal ?? null,
    redirect: "manual" as const,
  };
  const info = hooks && { operationId: prepared.operation.id, url: prepared.url, init, attempt };
  try {
    if (hooks?.beforeRequest) await hooks.beforeRequest(info!);
  } catch (cause) {
    return {
      kind: "invalid-request",
      attempts: attempt - 1,
      message: "beforeRequest hook threw",
      cause,
    } as AnyResult;
  }
  try {
    const response = await fetcher(prepared.url, init);
    try {
      if (hooks?.afterResponse) await hooks.afterResponse({ ...info!, response });
    } catch {
      // Ignored on purpose: the server has answered, and the outcome must say what it answered.
    }
    return await read({
      response,
      attempts: attempt,
      operation: prepared.operation,
      validators: prepared.validators,
    });
  } catch (cause) {
    return { kind: "network-error", attempts: attempt, cause } as AnyResult;
  }
}
