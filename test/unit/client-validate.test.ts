// validateResponses: true loads the generated validators on first use; a body that
// breaks its schema still yields the success (the cancel happened) with the issues.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createPolarClient } from "../../generated/polar/index.js";
import { sample } from "../fixtures/validators/sample.js";

const ID = "6a8f7a58-6a8e-4d3c-9b1e-0f7c1d2e3a4b";
const document = JSON.parse(readFileSync("generated/polar/openapi.json", "utf8"));
const subscription = sample({ document, schema: { $ref: "#/components/schemas/CustomerSubscription" } }) as Record<string, unknown>;

const answering = (body: unknown) => async () => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });

describe("client: validateResponses", () => {
  it("a valid body: success, no issues", async () => {
    const polar = createPolarClient({ baseUrl: "http://127.0.0.1:1", customerSession: "s", validateResponses: true, fetch: answering(subscription) });
    const result = await polar.customerPortal.subscriptions.cancel({ id: ID });
    expect(result.kind).toBe("success");
    expect("issues" in result ? result.issues : undefined).toBeUndefined();
  });

  it("a body that breaks CustomerSubscription: still success, with data and the issues", async () => {
    const broken = { ...subscription, status: "sleeping" };
    delete (broken as Record<string, unknown>).customer_id;
    const polar = createPolarClient({ baseUrl: "http://127.0.0.1:1", customerSession: "s", validateResponses: true, fetch: answering(broken) });
    const result = await polar.customerPortal.subscriptions.cancel({ id: ID });
    expect(result.kind).toBe("success");
    if (result.kind !== "success") return;
    expect(result.data).toStrictEqual(broken);
    expect(result.issues?.map((issue) => [issue.pointer, issue.keyword])).toStrictEqual([
      ["/customer_id", "required"],
      ["/status", "enum"],
    ]);
  });

  it("without validateResponses, nothing is checked", async () => {
    const polar = createPolarClient({ baseUrl: "http://127.0.0.1:1", customerSession: "s", fetch: answering({ not: "a subscription" }) });
    const result = await polar.customerPortal.subscriptions.cancel({ id: ID });
    expect(result).toMatchObject({ kind: "success", data: { not: "a subscription" } });
    expect("issues" in result ? result.issues : undefined).toBeUndefined();
  });
});
