import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../generator/openapi.js";
import { DEFAULT_OPERATIONS, selectOperations } from "../../generator/select.js";
import { specFile } from "./specs-dir.js";

const SPEC = specFile("polar-2026-10.openapi.json");

describe("selection on the real 2026-10 spec", () => {
  const document = JSON.parse(readFileSync(SPEC, "utf8")) as OpenApiDocument;

  it("reaches 116 of the spec's 1,010 schemas from the three operations and the webhook events they trigger", () => {
    const { selected } = selectOperations({ document, operationIds: DEFAULT_OPERATIONS });
    expect(Object.keys(document.components!.schemas!).length).toBe(1010);
    expect(Object.keys(selected!.document.components!.schemas!).length).toBe(116);
  });

  it("keeps only the three operations' paths and the five webhook events they trigger", () => {
    const { selected } = selectOperations({ document, operationIds: DEFAULT_OPERATIONS });
    expect(Object.keys(selected!.document.paths!)).toStrictEqual([
      "/v1/customer-portal/subscriptions/{id}",
      "/v1/customers/external/{external_id}",
      "/v1/customers/{id}",
    ]);
    expect(Object.keys(selected!.document.webhooks!)).toStrictEqual(["customer.deleted", "customer.state_changed", "subscription.canceled", "subscription.revoked", "subscription.updated"]);
    expect(Object.keys(selected!.document.components!.securitySchemes!)).toStrictEqual([
      "customer_session",
      "member_session",
      "oat",
      "oidc",
      "pat",
    ]);
  });
});
