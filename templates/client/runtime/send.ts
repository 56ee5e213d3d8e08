// One call: refuse bad input before any request, then attempts with retries, all inside
// one deadline that starts first and bounds every await (credential, hooks, fetch, body,
// waits). Nothing here throws to the caller: every path ends in a result.

import type { BaseOptions, CallOptions, OperationInfo, SpecInfo, Validator } from "./options.js";
import { read } from "./read.js";
import type { AnyResult } from "./result.js";
import { baseOf, ownValue, pathAndQuery, refuse } from "./url.js";

/** The client a call runs on: its options (what the generated `create…Core` returns). */
export interface ClientLike {
  options: BaseOptions & { server?: string | undefined; baseUrl?: string | undefined };
}

interface SendOptions {
  spec: SpecInfo;
  operation: OperationInfo;
  /** The client of the generated `create…Client`; a standalone call gives its own as `input.client`. */
  client?: ClientLike | undefined;
  /** The operation's parameters (by input field), the call's own credentials, `signal`. */
  input: CallOptions & { client?: ClientLike | undefined };
}

/** A call in progress: `send`'s options (a fresh object per call), filled in as it goes. */
export interface Call extends SendOptions {
  config: ClientLike["options"];
  url: string;
  headers: Record<string, string>;
  /** The encoded request body (steps.ts), sent as it is by every attempt. */
  body?: string | URLSearchParams | FormData | Blob | undefined;
  validators?: Record<string, Validator> | undefined;
  /** The credential, once a credential function has given it. */
  token: unknown;
  /** Requests sent so far. */
  sent: number;
  signal?: AbortSignal | undefined;
  deadline: number;
  /**
   * `work`, or a rejection as soon as the deadline passes or the caller aborts. Each step of
   * a call runs within it: the credential, the validators, each attempt (hooks, fetch and
   * body included), each wait.
   */
  within: <T>(work: T | Promise<T>) => T | Promise<T>;
}

/** The abort reason of our own deadline, told apart from the caller's. */
const TIMED_OUT = {};
/** Browsers do not let a page set User-Agent; Node, Deno and Bun do. */
const IN_NODE = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions
  ?.node;

export async function send(options: SendOptions): Promise<AnyResult> {
  const call = options as Call;
  call.sent = 0;
  call.within = (work) => work;
  let stopDeadline: (() => void) | undefined;
  try {
    // JavaScript callers may pass nothing at all: each gap is refused like a bad value.
    const input = (call.input ??= {}) as Record<string, unknown>;
    const config = (call.config =
      ((call.client ?? input["client"] ?? refuse("client: missing")) as ClientLike).options ?? {});
    stopDeadline = startDeadline(call);
    // The call's own credential before the client's, the first the operation accepts.
    for (const name of call.operation.auth) call.token ||= ownValue(input, name);
    for (const name of call.operation.auth) call.token ||= ownValue(config, name);
    // Awaited only when there is something to wait for: each await costs the call a turn.
    if (typeof call.token === "function") call.token = await call.within(call.token());
    const wanted = config.validateResponses;
    const validators = wanted === true ? await call.within(call.spec.loadValidators()) : wanted;
    call.validators = ((validators as { validators?: never })?.validators ??
      validators) as Call["validators"];
    prepare(call);
    // Header parameters and the body (steps.ts), for the operations that have them.
    if (call.operation.encode) await call.within(call.operation.encode(call));
    return await attempts(call);
  } catch (cause) {
    const { signal, sent } = call;
    if (!signal?.aborted)
      return {
        kind: "invalid-request",
        attempts: sent,
        message: (cause as Error)?.message ?? String(cause),
        cause,
      } as AnyResult;
    return signal.reason === TIMED_OUT
      ? { kind: "timeout", attempts: sent }
      : ({ kind: "aborted", attempts: sent, cause: signal.reason } as AnyResult);
  } finally {
    stopDeadline?.();
  }
}

/** One controller for the deadline and the caller's signal: neither replaces the other. */
function startDeadline(call: Call): (() => void) | undefined {
  const { timeoutMs } = call.config;
  const callerSignal = call.input.signal;
  if (
    timeoutMs !== undefined &&
    !(Number.isFinite(timeoutMs) && timeoutMs > 0 && timeoutMs < 2 ** 31)
  )
    refuse("timeoutMs: not in (0, 2^31)");
  if (callerSignal && !callerSignal.addEventListener) refuse("signal: not an AbortSignal");
  call.deadline = Date.now() + (timeoutMs ?? Infinity);
  if (!timeoutMs && !callerSignal) return;
  const controller = new AbortController();
  const signal = (call.signal = controller.signal);
  // Already aborted: nothing is called, nothing sent.
  if (callerSignal?.aborted) throw controller.abort(callerSignal.reason);
  const forward = () => controller.abort(callerSignal!.reason);
  const timer = timeoutMs && setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
  const stop = new Promise<never>((_, reject) => signal.addEventListener("abort", reject));
  stop.catch(() => {}); // it rejects even when nothing is waiting on it
  call.within = (work) => Promise.race([work, stop]);
  callerSignal?.addEventListener("abort", forward);
  return () => (clearTimeout(timer), callerSignal?.removeEventListener("abort", forward));
}

function prepare(call: Call): void {
  const { spec, operation, config, token } = call;
  const base =
    config.baseUrl ??
    spec.servers[config.server ?? Object.keys(spec.servers)[0]!] ??
    refuse("server: unknown");
  call.url = baseOf(base) + pathAndQuery(call);
  const headers: Record<string, string> = (call.headers = {});
  if (operation.auth.length) {
    // Never `Bearer undefined`, and nothing a header could not carry.
    if (typeof token !== "string" || !/^[\x21-\x7e]+$/.test(token))
      refuse(`credential: no ${operation.auth.join(" or ")} token`);
    headers["authorization"] = `Bearer ${token}`;
  }
  // The spec's own (Polar-Version). Assigned: an object spread from it here makes every call slower.
  Object.assign(headers, spec.headers);
  if (IN_NODE) headers["user-agent"] = config.userAgent || spec.userAgent;
}

async function attempts(call: Call): Promise<AnyResult> {
  // Loaded on first use (a failed load means no retries, not a failed call).
  const policy =
    call.config.retry &&
    (await call.within(import("./retry.js").catch(() => undefined)))?.retryPolicy(call);
  for (;;) {
    const outcome = await call.within(attemptOnce(call));
    // Our own abort, or the caller's: `send` reports which.
    if (outcome.kind === "network-error" && call.signal?.aborted) throw outcome;
    const wait = policy && policy(outcome);
    if (wait === undefined || wait === false) return outcome;
    let timer;
    try {
      await call.within(new Promise((resolve) => (timer = setTimeout(resolve, wait))));
    } finally {
      clearTimeout(timer);
    }
  }
}

/** One request and its response read, or why there is none; hooks included. */
async function attemptOnce(call: Call): Promise<AnyResult> {
  const { operation, signal, url, headers } = call;
  const { hooks, fetch: fetcher = fetch } = call.config;
  // `manual`: a redirect must never carry a DELETE to another URL. Headers are copied:
  // hooks may change them for one attempt.
  const init = {
    method: operation.method,
    headers: { ...headers },
    // Undefined (no body) is what null is to fetch.
    body: call.body as NonNullable<RequestInit["body"]>,
    signal: signal ?? null,
    redirect: "manual" as const,
  };
  const info = hooks && { operationId: operation.id, url, init, attempt: call.sent + 1 };
  // A throwing hook refuses the call: `send` reports it as `invalid-request`.
  if (hooks?.beforeRequest) await hooks.beforeRequest(info!);
  try {
    call.sent++;
    const response = await fetcher(url, init);
    const copy = hooks?.afterResponse && response.clone();
    const outcome = await read({ call, response });
    try {
      // The outcome is decided: the hook cannot change it.
      if (copy) await hooks.afterResponse!({ ...info!, response: copy });
    } catch {}
    return outcome;
  } catch (cause) {
    // No response, or one that could not be read (its body broke off, or a broken `fetch`).
    return { kind: "network-error", attempts: call.sent, cause } as AnyResult;
  }
}
