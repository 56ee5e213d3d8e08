// `Retry-After` comes as delta-seconds or as an HTTP date (RFC 9110, section 10.2.3).

/** `Retry-After` as milliseconds from now, or undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers | undefined): number | undefined {
  // Header values come trimmed from `Headers`.
  const value = headers?.get("retry-after");
  if (!value) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}
