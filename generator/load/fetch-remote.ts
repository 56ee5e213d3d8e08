// Fetching a spec or a `$ref`'d file over http(s) with the limits a hostile server must
// not get past. Redirects are followed by hand, so that every hop is checked against
// what the user allowed before it is requested (`mayRedirect`), and only a few of them.
// The body is counted as it streams, against one byte budget for the spec and every
// file its `$ref`s fetch, so that an endless or huge answer stops at the limit instead
// of filling memory. One deadline covers every hop and the body.

import { cliIo } from "../io.js";
/** Bytes fetched so far in one load, and how many it may fetch. */
export interface ByteBudget {
  used: number;
  /** Read from POLAR_CODEGEN_MAX_SPEC_BYTES when the first fetch starts. */
  limit?: number;
}

export const DEFAULT_MAX_SPEC_BYTES = 50 * 1024 * 1024;
export const MAX_REDIRECTS = 5;
/** How long a spec or `$ref`'d URL may take to arrive, body included; POLAR_CODEGEN_FETCH_TIMEOUT_MS overrides it. */
const DEFAULT_FETCH_TIMEOUT_MS = 30_000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** A fetch refused by a limit or a policy; `kind` becomes the problem's code after `spec-`/`ref-`. */
export class FetchRefusal extends Error {
  readonly kind: "redirect-refused" | "too-many-redirects" | "too-large";
  constructor(input: { kind: FetchRefusal["kind"]; message: string }) {
    super(input.message);
    this.name = "FetchRefusal";
    this.kind = input.kind;
  }
}

export async function fetchRemote(options: {
  url: string;
  fetch: typeof fetch;
  budget: ByteBudget;
  /** Why a redirect to this URL may not be followed, or undefined when it may. */
  mayRedirect: (url: string) => string | undefined;
}): Promise<{ text: string; url: string }> {
  const limit = (options.budget.limit ??= maxSpecBytes());
  const timeoutMs = Number(cliIo().env.POLAR_CODEGEN_FETCH_TIMEOUT_MS) || DEFAULT_FETCH_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    let url = options.url;
    for (let hops = 0; ; hops += 1) {
      const response = await options.fetch(url, { redirect: "manual", signal });
      if (!REDIRECT_STATUSES.has(response.status)) {
        if (!response.ok) {
          await response.body?.cancel();
          throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
        }
        return { text: await readCapped({ response, budget: options.budget, limit }), url };
      }
      await response.body?.cancel();
      url = nextHop({ response, from: url, hops, mayRedirect: options.mayRedirect });
    }
  } catch (error) {
    if ((error as Error).name === "TimeoutError") {
      throw new Error(`no complete answer within ${timeoutMs / 1000} s (set POLAR_CODEGEN_FETCH_TIMEOUT_MS to wait longer)`);
    }
    // undici says only "fetch failed"; the reason (refused, unknown host) is its cause.
    const cause = (error as { cause?: unknown }).cause;
    if (!(error instanceof FetchRefusal) && cause instanceof Error) throw new Error(`${(error as Error).message}: ${cause.message}`);
    throw error;
  }
}

function nextHop(input: { response: Response; from: string; hops: number; mayRedirect: (url: string) => string | undefined }): string {
  const location = input.response.headers.get("location");
  if (location === null) throw new Error(`HTTP ${input.response.status} redirect without a Location header`);
  if (input.hops >= MAX_REDIRECTS) {
    throw new FetchRefusal({ kind: "too-many-redirects", message: `more than ${MAX_REDIRECTS} redirects` });
  }
  let next: string;
  try {
    next = new URL(location, input.from).href;
  } catch {
    throw new Error(`HTTP ${input.response.status} redirect to an invalid URL ${JSON.stringify(location)}`);
  }
  const refused = /^https?:\/\//i.test(next) ? input.mayRedirect(next) : "only http(s) URLs are fetched";
  if (refused !== undefined) throw new FetchRefusal({ kind: "redirect-refused", message: `redirected to ${next}: ${refused}` });
  return next;
}

/** The body as text, counted chunk by chunk; refused as soon as the budget is passed. */
async function readCapped(input: { response: Response; budget: ByteBudget; limit: number }): Promise<string> {
  const { response, budget, limit } = input;
  const declared = response.headers.get("content-length");
  if (declared !== null && budget.used + Number(declared) > limit) {
    await response.body?.cancel();
    throw tooLarge(limit);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    budget.used += value.byteLength;
    if (budget.used > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  // As `response.text()` decodes: UTF-8, a leading byte-order mark dropped.
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function tooLarge(limit: number): FetchRefusal {
  return new FetchRefusal({
    kind: "too-large",
    message: `more than ${limit} bytes, the limit for a spec and the files its $refs fetch, together (set POLAR_CODEGEN_MAX_SPEC_BYTES to change it)`,
  });
}

function maxSpecBytes(): number {
  const text = cliIo().env.POLAR_CODEGEN_MAX_SPEC_BYTES;
  if (text === undefined || text === "") return DEFAULT_MAX_SPEC_BYTES;
  if (!/^\d+$/.test(text.trim()) || Number(text) <= 0) {
    throw new Error(`POLAR_CODEGEN_MAX_SPEC_BYTES must be a whole number of bytes above 0, not ${JSON.stringify(text)}`);
  }
  return Number(text);
}
