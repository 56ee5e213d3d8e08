import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { EMBEDDED_SPEC, empty, json, loadGeneratedClient, scriptedFetch, UUID, type GeneratedClientModule } from "../fixtures/client/helpers.js";

let client: GeneratedClientModule;
let dispose: () => void;
beforeAll(async () => ({ module: client, dispose } = await loadGeneratedClient(EMBEDDED_SPEC)));
afterAll(() => dispose());
afterEach(() => vi.restoreAllMocks());

const NOT_FOUND = { error: "ResourceNotFound", detail: "Not found" };
const ALREADY = { error: "AlreadyCanceledSubscription", detail: "Already canceled" };
const FAST = { attempts: 3, baseDelayMs: 1, maxDelayMs: 1_000 };

function polarWith(fetcher: typeof fetch, options: Record<string, unknown> = {}) {
  return client.createPolarClient({ baseUrl: "https://api.test", accessToken: "oat", customerSession: "cst", fetch: fetcher, ...options });
}

describe("client: retries", () => {
  it("are off by default", async () => {
    const { fetch, requests } = scriptedFetch(empty(503), empty(204));
    const result = await polarWith(fetch).customers.delete({ id: UUID });
    expect([result.kind, result.status, requests.length]).toStrictEqual(["unexpected-status", 503, 1]);
  });

  it("retry on a network error, then succeed", async () => {
    const { fetch, requests } = scriptedFetch(new TypeError("socket hang up"), empty(204));
    const result = await polarWith(fetch, { retry: FAST }).customers.delete({ id: UUID });
    expect([result.kind, result.attempts, requests.length]).toStrictEqual(["success", 2, 2]);
  });

  it("stop after `attempts`, returning the last outcome", async () => {
    const { fetch, requests } = scriptedFetch(empty(502));
    const result = await polarWith(fetch, { retry: FAST }).customers.delete({ id: UUID });
    expect([result.kind, result.status, result.attempts, requests.length]).toStrictEqual(["unexpected-status", 502, 3, 3]);
  });

  it("do not retry a documented client error", async () => {
    const { fetch, requests } = scriptedFetch(json(422, { detail: [] }));
    await polarWith(fetch, { retry: FAST }).customers.delete({ id: UUID });
    expect(requests).toHaveLength(1);
  });

  it("back off exponentially (full jitter: at most base × 2^n)", async () => {
    vi.spyOn(Math, "random").mockReturnValue(1);
    const times: number[] = [];
    const { fetch } = scriptedFetch(() => (times.push(performance.now()), empty(503)));
    await polarWith(fetch, { retry: { attempts: 3, baseDelayMs: 40 } }).customers.delete({ id: UUID });
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(38);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(78);
  });

  it("honour Retry-After (seconds) on 429", async () => {
    const times: number[] = [];
    const { fetch } = scriptedFetch(() => (times.push(performance.now()), json(429, {}, { "retry-after": "1" })), empty(204));
    const result = await polarWith(fetch, { retry: { attempts: 2, baseDelayMs: 1 } }).customers.delete({ id: UUID });
    times.push(performance.now());
    expect(result.kind).toBe("success");
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(990);
  });

  it("do not wait past the deadline: a Retry-After beyond timeoutMs ends the call with the 429", async () => {
    const { fetch, requests } = scriptedFetch(json(429, {}, { "retry-after": "30" }), empty(204));
    const started = performance.now();
    const result = await polarWith(fetch, { retry: true, timeoutMs: 2_000 }).customers.delete({ id: UUID });
    expect([result.kind, result.retryAfterMs, requests.length]).toStrictEqual(["rate-limited", 30_000, 1]);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("nor one longer than maxDelayMs", async () => {
    const { fetch, requests } = scriptedFetch(json(429, {}, { "retry-after": "5" }), empty(204));
    await polarWith(fetch, { retry: { maxDelayMs: 1_000 } }).customers.delete({ id: UUID });
    expect(requests).toHaveLength(1);
  });

  it("stop waiting at once on abort", async () => {
    const controller = new AbortController();
    const { fetch, requests } = scriptedFetch(empty(503));
    const started = performance.now();
    const pending = polarWith(fetch, { retry: { baseDelayMs: 20_000, maxDelayMs: 60_000 } }).customers.delete({ id: UUID, signal: controller.signal });
    vi.spyOn(Math, "random").mockReturnValue(1);
    setTimeout(() => controller.abort("stop"), 30);
    expect(await pending).toStrictEqual({ kind: "aborted", attempts: 1, cause: "stop" });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(requests).toHaveLength(1);
  });
});

describe("client: probably succeeded on an earlier attempt", () => {
  it("a delete whose retry answers 404 after a network error", async () => {
    const { fetch } = scriptedFetch(new TypeError("reset"), json(404, NOT_FOUND));
    const result = await polarWith(fetch, { retry: FAST }).customers.delete({ id: UUID });
    expect([result.kind, result.status, result.error, result.attempts]).toStrictEqual(["probably-succeeded", 404, NOT_FOUND, 2]);
    expect(client.unwrap(result)).toBeUndefined();
  });

  it("a delete whose retry answers 404 after a 5xx", async () => {
    const { fetch } = scriptedFetch(empty(502), json(404, NOT_FOUND));
    expect((await polarWith(fetch, { retry: FAST }).customers.deleteExternal({ externalId: "u1" })).kind).toBe("probably-succeeded");
  });

  it("a cancel whose retry answers 403 already canceled", async () => {
    const { fetch } = scriptedFetch(new TypeError("reset"), json(403, ALREADY));
    const result = await polarWith(fetch, { retry: FAST }).customerPortal.subscriptions.cancel({ id: UUID });
    expect([result.kind, result.status, result.error]).toStrictEqual(["probably-succeeded", 403, ALREADY]);
  });

  it("but not when the retry's 404 is not ResourceNotFound (a proxy's route 404): the delete may not have happened", async () => {
    const { fetch, requests } = scriptedFetch(new TypeError("reset"), json(404, { detail: "Not Found" }));
    const result = await polarWith(fetch, { retry: FAST }).customers.delete({ id: UUID });
    expect([result.kind, result.status, result.attempts, requests.length]).toStrictEqual(["invalid-body", 404, 2, 2]);
    expect(() => client.unwrap(result)).toThrow(client.PolarError);
  });

  it("nor when a retried cancel's 403 is not AlreadyCanceledSubscription (2026-10: \"or lacks billing permissions\")", async () => {
    const { fetch } = scriptedFetch(new TypeError("reset"), json(403, { error: "NotPermitted", detail: "Not permitted" }));
    const result = await polarWith(fetch, { retry: FAST }).customerPortal.subscriptions.cancel({ id: UUID });
    expect([result.kind, result.status]).toStrictEqual(["invalid-body", 403]);
  });

  it("but a 404 after a 429 is a plain 404: the server did nothing the first time", async () => {
    const { fetch } = scriptedFetch(json(429, {}, { "retry-after": "0" }), json(404, NOT_FOUND));
    const result = await polarWith(fetch, { retry: FAST }).customers.delete({ id: UUID });
    expect([result.kind, result.status]).toStrictEqual(["error", 404]);
  });

  it("and a 404 on the first attempt is a plain 404", async () => {
    const { fetch } = scriptedFetch(json(404, NOT_FOUND));
    expect((await polarWith(fetch, { retry: FAST }).customers.delete({ id: UUID })).kind).toBe("error");
  });
});

const FULL_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
/** `date` in each HTTP-date form of RFC 9110, section 5.6.7. */
function httpDates(date: Date): { imf: string; rfc850: string; asctime: string } {
  const imf = date.toUTCString();
  const [weekday, day, month, year, time] = imf.replace(",", "").split(" ") as [string, string, string, string, string];
  return {
    imf,
    rfc850: `${FULL_DAYS[date.getUTCDay()]}, ${day}-${month}-${year.slice(2)} ${time} GMT`,
    asctime: `${weekday} ${month} ${day.replace(/^0/, " ")} ${time} ${year}`,
  };
}

describe("client: Retry-After", () => {
  async function retryAfter(value: string): Promise<unknown> {
    const result = await polarWith(scriptedFetch(json(429, {}, { "retry-after": value })).fetch).customers.delete({ id: UUID });
    expect(result.kind).toBe("rate-limited");
    return result.retryAfterMs;
  }

  it.each(["imf", "rfc850", "asctime"] as const)("reads an HTTP date in its %s form", async (form) => {
    const ms = (await retryAfter(httpDates(new Date(Date.now() + 60_000))[form])) as number;
    // Whole seconds on the wire: up to a second less than asked.
    expect(ms).toBeGreaterThan(58_000);
    expect(ms).toBeLessThanOrEqual(60_000);
  });

  it("reads the well-formed date the cases below break, in each form", async () => {
    const ahead = Date.UTC(2094, 10, 6, 8, 49, 37) - Date.now();
    for (const value of ["Sat, 06 Nov 2094 08:49:37 GMT", "Sat Nov  6 08:49:37 2094"]) {
      expect(Math.abs((await retryAfter(value)) as number - ahead)).toBeLessThan(5_000);
    }
  });

  it("a date in the past is 0; RFC 850's '94' is 1994, not 2094", async () => {
    expect(await retryAfter("Sun, 06 Nov 1994 08:49:37 GMT")).toBe(0);
    expect(await retryAfter("Sunday, 06-Nov-94 08:49:37 GMT")).toBe(0);
    expect(await retryAfter("Sun Nov  6 08:49:37 1994")).toBe(0);
  });

  it.each([
    ["a fraction", "1.5"],
    ["a negative number", "-1"],
    ["a sign", "+7"],
    ["an ISO date", new Date(Date.now() + 60_000).toISOString()],
    ["a date without GMT", "Sat, 06 Nov 2094 08:49:37"],
    ["a day that does not exist", "Wed, 31 Nov 2094 08:49:37 GMT"],
    ["the wrong weekday", "Mon, 06 Nov 2094 08:49:37 GMT"],
    ["a time that does not exist", "Sat, 06 Nov 2094 25:49:37 GMT"],
    ["RFC 850 with a four-digit year", "Saturday, 06-Nov-2094 08:49:37 GMT"],
    ["asctime with one space before the day", "Sat Nov 6 08:49:37 2094"],
    ["words", "soon"],
  ])("ignores %s (%s): no retryAfterMs, so a retry backs off instead", async (_, value) => {
    expect(await retryAfter(value)).toBeUndefined();
  });

  it("a retry waits for an HTTP-date Retry-After too", async () => {
    const { fetch, requests } = scriptedFetch(json(429, {}, { "retry-after": "Sun, 06 Nov 1994 08:49:37 GMT" }), empty(204));
    const result = await polarWith(fetch, { retry: { attempts: 2, baseDelayMs: 60_000, maxDelayMs: 120_000 } }).customers.delete({ id: UUID });
    // Past: no wait at all, where the backoff alone could have waited up to a minute.
    expect([result.kind, requests.length]).toStrictEqual(["success", 2]);
  });
});

describe("client: retry options", () => {
  it.each([["NaN", Number.NaN], ["0", 0], ["a fraction", 1.5], ["a string", "3"], ["Infinity", Infinity]])(
    "refuses attempts: %s before any request (NaN would retry forever)",
    async (_, attempts) => {
      const { fetch, requests } = scriptedFetch(empty(503));
      const result = await polarWith(fetch, { retry: { attempts, baseDelayMs: 1 } }).customers.delete({ id: UUID });
      expect([result.kind, result.attempts, result.message, requests.length]).toStrictEqual(["invalid-request", 0, "retry.attempts: not an integer >= 1", 0]);
    },
  );
});
