// Trying again: when (network errors, 429, 5xx), how long to wait (`Retry-After`, else
// exponential backoff with full jitter), and what a retry's answer means. Loaded on first
// use, as the validators are: a client that never retries never loads it.

import type { RetryOptions } from "./options.js";
import type { Outcome } from "./read.js";
import type { Call } from "./send.js";

/** `Retry-After` (RFC 9110, section 10.2.3) as milliseconds from now, or undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers | undefined): number | undefined {
  // Header values come trimmed from `Headers`; a response-like object may have no `get`.
  const value = headers?.get?.("retry-after");
  if (!value) return undefined;
  // Delta-seconds are digits only: not "1.5", not "-1".
  if (/^\d+$/.test(value)) return +value * 1000;
  // An HTTP date (section 5.6.7): IMF-fixdate, or the obsolete RFC 850 and asctime forms,
  // rewritten as IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), which `Date.parse` reads.
  const date = value.replace(
    /^(\w{3})(?:(?:s|nes|rs|ur)?day, (\d\d)-(\w{3})-(\d\d) (\S+) GMT| (\w{3}) ( \d|\d\d) (\S+) (\d{4}))$/,
    (
      _,
      day,
      date,
      month,
      year,
      time,
      asctimeMonth,
      asctimeDate: string,
      asctimeTime,
      asctimeYear,
    ) =>
      date
        ? // RFC 850's two-digit year: more than 50 years ahead is in the past century.
          `${day}, ${date} ${month} ${2000 + +year > new Date().getUTCFullYear() + 50 ? 19 : 20}${year} ${time} GMT`
        : `${day}, ${asctimeDate.replace(" ", "0")} ${asctimeMonth} ${asctimeYear} ${asctimeTime} GMT`,
  );
  // Only a date that prints back to itself: a real day and time, the right weekday; no ISO dates.
  const at = Date.parse(date);
  return new Date(at).toUTCString() === date ? Math.max(0, at - Date.now()) : undefined;
}

/**
 * For one call: given each attempt's outcome, the milliseconds to wait before the next, or
 * undefined to stop there. Marks "probably succeeded" on the way. Refuses bad options at once.
 */
export function retryPolicy(call: Call): (outcome: Outcome) => number | undefined {
  const { operation, config } = call;
  const {
    attempts = 3,
    baseDelayMs = 500,
    maxDelayMs = 30_000,
  }: RetryOptions = config.retry === true ? {} : (config.retry as RetryOptions);
  // NaN would retry forever.
  // `send` reports a throw here as `invalid-request`.
  if (!(Number.isInteger(attempts) && attempts > 0))
    throw new Error("retry.attempts: not an integer >= 1");
  let ambiguous = false;
  return (outcome) => {
    const status = (outcome["status"] as number | undefined) ?? 0;
    const attempt = call.sent;
    if (ambiguous && outcome.kind === "error" && status === operation.done)
      outcome.kind = "probably-succeeded";
    // Retry on 429 (the server did nothing); on a network error or a 5xx only when repeating is harmless.
    const retryable =
      status === 429 || (!operation.once && (outcome.kind === "network-error" || status >= 500));
    if (!retryable || attempt >= attempts) return undefined;
    const wait =
      retryAfterMs(outcome["headers"] as Headers | undefined) ??
      Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    // Never longer than `maxDelayMs`, never past the deadline.
    if (wait > maxDelayMs || Date.now() + wait >= call.deadline) return undefined;
    // A network error or a 5xx may have come after the server did the work.
    ambiguous ||= status !== 429;
    return wait;
  };
}
