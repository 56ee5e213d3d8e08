// The selection keeps exactly the webhook events the selected operations trigger that
// the spec documents, reduced to their payload (no operationId, so openapi-typescript
// does not list them among the API's operations), with the schemas they reach; and
// webhooks.ts types them, or is not generated when there are none.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildModel } from "../../generator/model/build.js";
import { emitWebhooks } from "../../generator/emit/webhooks-file.js";
import type { OpenApiDocument } from "../../generator/openapi.js";
import { selectOperations } from "../../generator/select.js";

const embedded = parse(readFileSync("spec/polar.openapi.yaml", "utf8")) as OpenApiDocument;

function select(document: OpenApiDocument, operationIds: string[]) {
  const { selected, problems } = selectOperations({ document, operationIds });
  expect(problems).toStrictEqual([]);
  return selected!;
}

describe("webhooks in the selection", () => {
  it("a deletion: the five events it triggers, each reduced to its payload", () => {
    const { document } = select(embedded, ["customers:delete"]);
    expect(Object.keys(document.webhooks!)).toStrictEqual(["customer.deleted", "customer.state_changed", "subscription.canceled", "subscription.revoked", "subscription.updated"]);
    expect(Object.keys((document.webhooks!["customer.deleted"] as { post: object }).post)).toStrictEqual(["description", "requestBody", "summary"]);
    expect(Object.keys(document.components!.schemas!)).toEqual(expect.arrayContaining(["WebhookCustomerDeletedPayload", "Customer", "CustomerState", "Subscription"]));
  });

  it("the portal cancel alone: subscription.updated, subscription.canceled, customer.state_changed, and no customer.deleted schema", () => {
    const { document } = select(embedded, ["customer_portal:subscriptions:cancel"]);
    expect(Object.keys(document.webhooks!)).toStrictEqual(["customer.state_changed", "subscription.canceled", "subscription.updated"]);
    expect(Object.hasOwn(document.components!.schemas!, "WebhookCustomerDeletedPayload")).toBe(false);
    expect(Object.hasOwn(document.components!.schemas!, "WebhookSubscriptionRevokedPayload")).toBe(false);
  });

  it("a spec without a webhooks section: no webhooks, no webhook schemas, no webhooks.ts", () => {
    const { webhooks: _, ...without } = embedded;
    const selected = select(without as OpenApiDocument, ["customers:delete", "customer_portal:subscriptions:cancel"]);
    expect(selected.document.webhooks).toBeUndefined();
    expect(Object.keys(selected.document.components!.schemas!).filter((name) => name.startsWith("Webhook"))).toStrictEqual([]);
    expect(emitWebhooks({ model: buildModel({ selected, specFile: "spec.yaml" }), subset: selected.document })).toStrictEqual([]);
  });

  it("webhooks.ts names each triggered event's payload schema", () => {
    const selected = select(embedded, ["customer_portal:subscriptions:cancel"]);
    const [file] = emitWebhooks({ model: buildModel({ selected, specFile: "spec.yaml" }), subset: selected.document });
    expect(file!.path).toBe("webhooks.ts");
    expect(file!.contents).toContain(`"subscription.canceled": components["schemas"]["WebhookSubscriptionCanceledPayload"];`);
    expect(file!.contents).not.toContain("customer.deleted");
  });
});
