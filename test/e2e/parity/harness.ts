// The fake as Polar's own tests meet it: generated from a spec, served over a real
// socket on 127.0.0.1, seeded per test, read back through `state()`. Two eras of the
// spec: the embedded one (2026-10: `oidc`/`pat`/`oat` with `customers:write` on the
// deletes, customer and member sessions on the portal cancel) and the 2026-01-29 fixture
// (one global `access_token`, no scopes on the deletes).

import { join } from "node:path";
import * as embeddedFake from "../../../generated/polar/fake.js";
import * as embeddedServer from "../../../generated/polar/index.js";
import { generateFolder } from "../../fixtures/server/generate.js";
import { listen, rawRequest, type RawResponse } from "../../fixtures/server/listen.js";
import { SPEC_2026_01_29 } from "../../fixtures/specs/index.js";

export const CUSTOMER = "6a8f7a58-6a8e-4d3c-9b1e-0f7c1d2e3a4b";
export const OTHER_CUSTOMER = "2c9d4e6f-8a1b-4c3d-9e5f-7a8b9c0d1e2f";
export const SUBSCRIPTION = "0b5e1c7a-2f4d-4e8b-9c1a-3d5f7e9b1c2d";
export const OTHER_SUBSCRIPTION = "5d7f9a1b-3c5e-4f7a-8b9c-1d3e5f7a9b0c";
export const CUSTOMER_SESSION = "polar_cst_parity";
export const OTHER_SESSION = "polar_cst_parity_other";
export const WRITE_TOKEN = "polar_oat_parity_write";
export const READ_TOKEN = "polar_oat_parity_read";
export const NOW = new Date("2026-02-03T04:05:06Z");
export const REALM = 'Bearer realm="polar"';
export const UNAUTHORIZED = { error: "Unauthorized", detail: "Unauthorized" };
export const INVALID_TOKEN = { error: "invalid_token", error_description: "The access token provided is expired, revoked, malformed, or invalid for other reasons." };

export interface Generated {
  name: string;
  createFakePolar(options: { seed?: unknown; now?: () => Date }): any;
  createPolarServer(options: object): object;
  toNodeListener(server: object): any;
  dispose(): void;
}

export async function embedded(): Promise<Generated> {
  return { name: "the embedded spec (2026-10)", ...embeddedFake, ...embeddedServer, dispose: () => {} } as never;
}

/** The 2026-01-29 fixture spec, generated into a temporary folder. */
export async function era2026_01_29(): Promise<Generated> {
  const folder = await generateFolder(SPEC_2026_01_29);
  const module = { ...(await import(join(folder.dir, "index.ts"))), ...(await import(join(folder.dir, "fake.ts"))) };
  return { name: "2026-01-29", ...module, dispose: folder.dispose };
}

export interface Fake {
  state(): any;
  /** DELETE `target` with `Authorization: Bearer token` (none for `null`). */
  call(target: string, token: string | null): Promise<RawResponse>;
  close(): Promise<void>;
}

/** A seed in Polar's terms: two customers, each with an active subscription and a session, and two organization tokens. */
export function baseSeed(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customers: [
      { id: CUSTOMER, external_id: "ext-123", email: "individual@example.com", name: "John Doe", created_at: "2025-06-07T08:09:10.123456Z", metadata: { user_id: "ABC" } },
      { id: OTHER_CUSTOMER, external_id: "ext-456", email: "second@example.com" },
    ],
    subscriptions: [
      { id: SUBSCRIPTION, customer_id: CUSTOMER, status: "active" },
      { id: OTHER_SUBSCRIPTION, customer_id: OTHER_CUSTOMER, status: "active" },
    ],
    access_tokens: [
      { token: WRITE_TOKEN, scopes: ["customers:write"] },
      { token: READ_TOKEN, scopes: ["customers:read"] },
    ],
    customer_sessions: [
      { token: CUSTOMER_SESSION, customer_id: CUSTOMER },
      { token: OTHER_SESSION, customer_id: OTHER_CUSTOMER },
    ],
    ...overrides,
  };
}

export async function serveFake(options: { generated: Generated; seed: Record<string, unknown> }): Promise<Fake> {
  const { generated } = options;
  const fake = generated.createFakePolar({ seed: options.seed, now: () => NOW });
  const listening = await listen(generated.toNodeListener(generated.createPolarServer(fake)));
  return {
    state: () => fake.state(),
    call: (target, token) => rawRequest({ port: listening.port, target, headers: token === null ? {} : { authorization: `Bearer ${token}` } }),
    close: () => listening.close(),
  };
}

export const customerOf = (fake: Fake, id: string) => fake.state().customers.find((one: { id: string }) => one.id === id);
export const subscriptionOf = (fake: Fake, id: string) => fake.state().subscriptions.find((one: { id: string }) => one.id === id);
