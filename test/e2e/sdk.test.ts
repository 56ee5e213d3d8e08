// The clients people actually use, against `polar-codegen serve` on the real 2026-10
// spec: the official @polar-sh/sdk 1.x (its 2026-10 entry) and 0.x, and this project's
// own generated client. Each deletes by id and by external id, cancels a subscription,
// and gets its own typed error for a second delete (404) and a second cancel (403); and
// each meets Polar's token rules: an unknown token, a token without the scope, a
// customer session on a delete and an organization token on the portal are refused.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Polar as PolarV0 } from "polar-sdk-v0";
import { AlreadyCanceledSubscription as V0AlreadyCanceled } from "polar-sdk-v0/models/errors/alreadycanceledsubscription.js";
import { ResourceNotFound as V0ResourceNotFound } from "polar-sdk-v0/models/errors/resourcenotfound.js";
import { createPolar, errors as v1Errors } from "polar-sdk-v1/2026-10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFolder, SPEC_2026_10 } from "../fixtures/server/generate.js";
import { startServe, type ServeProcess } from "../fixtures/server/serve-process.js";

/** One customer with an active subscription and a session, per client under test. */
const people = {
  v1: { customer: "11111111-1111-4111-8111-111111111111", subscription: "11111111-1111-4111-8111-11111111aaaa", external: "v1-ext", externalId: "11111111-1111-4111-8111-11111111eeee" },
  v0: { customer: "22222222-2222-4222-8222-222222222222", subscription: "22222222-2222-4222-8222-22222222aaaa", external: "v0-ext", externalId: "22222222-2222-4222-8222-22222222eeee" },
  own: { customer: "33333333-3333-4333-8333-333333333333", subscription: "33333333-3333-4333-8333-33333333aaaa", external: "own-ext", externalId: "33333333-3333-4333-8333-33333333eeee" },
};

const ORG_TOKEN = "polar_oat_sdk_tests";
const READ_ONLY_TOKEN = "polar_oat_sdk_tests_read_only";
const statusOf = (error: unknown) => (error as { statusCode?: number }).statusCode;

let scratch: string;
let served: ServeProcess;
beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "polar-codegen-sdk-"));
  const seed = {
    customers: Object.values(people).flatMap((one) => [
      { id: one.customer, email: `${one.external}@example.com` },
      { id: one.externalId, external_id: one.external, email: `${one.external}-2@example.com` },
    ]),
    subscriptions: Object.values(people).map((one) => ({ id: one.subscription, customer_id: one.customer, status: "active" })),
    access_tokens: [
      { token: ORG_TOKEN, scopes: ["customers:write"] },
      { token: READ_ONLY_TOKEN, scopes: ["customers:read"] },
    ],
    customer_sessions: Object.entries(people).map(([name, one]) => ({ token: `polar_cst_${name}`, customer_id: one.customer })),
  };
  writeFileSync(join(scratch, "seed.json"), JSON.stringify(seed));
  served = await startServe({
    args: ["--spec", SPEC_2026_10, "--port", "0", "--seed", join(scratch, "seed.json"), "--quiet"],
    env: { POLAR_CODEGEN_CACHE_DIR: join(scratch, "cache") },
  });
}, 120_000);
afterAll(async () => {
  expect(await served?.stop()).toBe(0);
  rmSync(scratch, { recursive: true, force: true });
});

describe("@polar-sh/sdk 1.x (2026-10)", () => {
  const { customer, subscription, external } = people.v1;

  it("cancels a subscription, then gets AlreadyCanceledSubscription", async () => {
    const portal = createPolar({ accessToken: "polar_cst_v1", baseUrl: served.url });
    const canceled = await portal.customerPortal.subscriptions.cancel(subscription);
    expect(canceled).toMatchObject({ id: subscription, cancel_at_period_end: true });
    const again = await portal.customerPortal.subscriptions.cancel(subscription).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(v1Errors.AlreadyCanceledSubscription);
    expect((again as InstanceType<typeof v1Errors.AlreadyCanceledSubscription>).statusCode).toBe(403);
    expect((again as InstanceType<typeof v1Errors.AlreadyCanceledSubscription>).error).toMatchObject({ error: "AlreadyCanceledSubscription" });
  });

  it("deletes by id and by external id, then gets ResourceNotFound", async () => {
    const polar = createPolar({ accessToken: ORG_TOKEN, baseUrl: served.url });
    await expect(polar.customers.delete(customer, { anonymize: true })).resolves.toBeUndefined();
    await expect(polar.customers.deleteExternal(external)).resolves.toBeUndefined();
    const again = await polar.customers.delete(customer).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(v1Errors.ResourceNotFound);
    expect((again as InstanceType<typeof v1Errors.ResourceNotFound>).statusCode).toBe(404);
    expect(await polar.customers.deleteExternal(external).catch((error: unknown) => error)).toBeInstanceOf(v1Errors.ResourceNotFound);
  });

  it("meets Polar's token rules: 401 for an unknown token and for the wrong kind of credential, 403 without the scope", async () => {
    const { customer: bystander, subscription: theirs } = people.v0;
    const unknown = createPolar({ accessToken: "polar_oat_unknown", baseUrl: served.url });
    const readOnly = createPolar({ accessToken: READ_ONLY_TOKEN, baseUrl: served.url });
    const session = createPolar({ accessToken: "polar_cst_v0", baseUrl: served.url });
    const organization = createPolar({ accessToken: ORG_TOKEN, baseUrl: served.url });
    const failures = await Promise.all([
      unknown.customers.delete(bystander).catch(statusOf),
      readOnly.customers.delete(bystander).catch(statusOf),
      session.customers.delete(bystander).catch(statusOf),
      organization.customerPortal.subscriptions.cancel(theirs).catch(statusOf),
    ]);
    expect(failures).toStrictEqual([401, 403, 401, 401]);
  });
});

describe("@polar-sh/sdk 0.x", () => {
  const { customer, subscription, external } = people.v0;

  it("cancels a subscription (its zod schema accepts the fake's body), then gets AlreadyCanceledSubscription", async () => {
    const polar = new PolarV0({ serverURL: served.url });
    const canceled = await polar.customerPortal.subscriptions.cancel({ customerSession: "polar_cst_v0" }, { id: subscription });
    expect(canceled).toMatchObject({ id: subscription, cancelAtPeriodEnd: true });
    expect(canceled.canceledAt).toBeInstanceOf(Date);
    const again = await polar.customerPortal.subscriptions.cancel({ customerSession: "polar_cst_v0" }, { id: subscription }).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(V0AlreadyCanceled);
  });

  it("deletes by id and by external id, then gets ResourceNotFound", async () => {
    const polar = new PolarV0({ accessToken: ORG_TOKEN, serverURL: served.url });
    await expect(polar.customers.delete({ id: customer })).resolves.toBeUndefined();
    await expect(polar.customers.deleteExternal({ externalId: external, anonymize: true })).resolves.toBeUndefined();
    expect(await polar.customers.delete({ id: customer }).catch((error: unknown) => error)).toBeInstanceOf(V0ResourceNotFound);
    expect(await polar.customers.deleteExternal({ externalId: external }).catch((error: unknown) => error)).toBeInstanceOf(V0ResourceNotFound);
  });
});

describe("the project's own client, generated from the same spec", () => {
  const { customer, subscription, external } = people.own;
  let dispose: () => void;
  let client: Record<string, any>;
  beforeAll(async () => {
    const folder = await generateFolder(SPEC_2026_10);
    dispose = folder.dispose;
    client = await import(join(folder.dir, "client.ts"));
  }, 60_000);
  afterAll(() => dispose());

  it("cancel, delete by id and external id; then 403 and 404 as typed failures", async () => {
    const polar = client.createPolarClient({ baseUrl: served.url, accessToken: ORG_TOKEN, customerSession: "polar_cst_own" });
    expect(await polar.customerPortal.subscriptions.cancel({ id: subscription })).toMatchObject({ kind: "success", status: 200, data: { cancel_at_period_end: true } });
    expect(await polar.customerPortal.subscriptions.cancel({ id: subscription })).toMatchObject({ kind: "error", status: 403, error: { error: "AlreadyCanceledSubscription" } });
    expect(await polar.customers.delete({ id: customer })).toMatchObject({ kind: "success", status: 204 });
    expect(await polar.customers.deleteExternal({ externalId: external })).toMatchObject({ kind: "success", status: 204 });
    expect(await polar.customers.delete({ id: customer })).toMatchObject({ kind: "error", status: 404, error: { error: "ResourceNotFound" } });
  });
});
