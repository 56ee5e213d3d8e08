// One deadline for the whole call, started before anything is awaited: every step that can
// hang (a credential function, a hook, a fetch that ignores its signal, a body that never
// ends, a retry's wait) ends at timeoutMs as `timeout`, or at the caller's abort as `aborted`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMBEDDED_SPEC, empty, loadGeneratedClient, scriptedFetch, UUID, type GeneratedClientModule } from "../fixtures/client/helpers.js";

let client: GeneratedClientModule;
let dispose: () => void;
beforeAll(async () => ({ module: client, dispose } = await loadGeneratedClient(EMBEDDED_SPEC)));
afterAll(() => dispose());

const BASE = "https://api.test";
const never = () => new Promise<never>(() => {});
/** A body that sends a first chunk and then nothing, ever. */
const endless = () => new Response(new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"id":')) }), { status: 200 });

/** Each way a call can hang, as options for a client. */
const HANGS: Array<[string, Record<string, unknown>]> = [
  ["a credential function that never settles", { accessToken: never, customerSession: never, fetch: scriptedFetch(empty(204)).fetch }],
  ["a beforeRequest hook that never settles", { hooks: { beforeRequest: never }, fetch: scriptedFetch(empty(204)).fetch }],
  ["an afterResponse hook that never settles", { hooks: { afterResponse: never }, fetch: scriptedFetch(empty(204)).fetch }],
  ["a fetch that ignores its signal", { fetch: never }],
  ["a body that never ends", { fetch: async () => endless() }],
];

function polarWith(options: Record<string, unknown>) {
  return client.createPolarClient({ baseUrl: BASE, accessToken: "oat", customerSession: "cst", ...options });
}

describe("client: the deadline covers the whole call", () => {
  it.each(HANGS)("%s ends at timeoutMs as timeout", async (_, options) => {
    const started = performance.now();
    const result = await polarWith({ ...options, timeoutMs: 50 }).customerPortal.subscriptions.cancel({ id: UUID });
    expect(result.kind).toBe("timeout");
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it.each(HANGS)("%s ends at the caller's abort as aborted", async (_, options) => {
    const controller = new AbortController();
    setTimeout(() => controller.abort("user left"), 30);
    const result = await polarWith(options).customerPortal.subscriptions.cancel({ id: UUID, signal: controller.signal });
    expect([result.kind, result.cause]).toStrictEqual(["aborted", "user left"]);
  });

  it("counts what was sent: nothing before the credential came, one request when the body hung", async () => {
    const waiting = await polarWith({ accessToken: never, timeoutMs: 30, fetch: scriptedFetch(empty(204)).fetch }).customers.delete({ id: UUID });
    expect(waiting).toStrictEqual({ kind: "timeout", attempts: 0 });
    const reading = await polarWith({ timeoutMs: 30, fetch: async () => endless() }).customerPortal.subscriptions.cancel({ id: UUID });
    expect(reading).toStrictEqual({ kind: "timeout", attempts: 1 });
  });

  it("starts before the credential function: a slow one uses up the same deadline", async () => {
    const { fetch, requests } = scriptedFetch(empty(204));
    const slowToken = () => new Promise<string>((resolve) => setTimeout(resolve, 80, "late"));
    const result = await polarWith({ accessToken: slowToken, timeoutMs: 40, fetch }).customers.delete({ id: UUID });
    expect([result.kind, requests.length]).toStrictEqual(["timeout", 0]);
  });

  it("an already aborted signal calls nothing, not even the credential function", async () => {
    let called = false;
    const accessToken = () => ((called = true), "oat");
    const result = await polarWith({ accessToken, fetch: scriptedFetch(empty(204)).fetch }).customers.delete({ id: UUID, signal: AbortSignal.abort("gone") });
    expect([result.kind, result.attempts, called]).toStrictEqual(["aborted", 0, false]);
  });
});
