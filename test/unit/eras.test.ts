// The fixture specs reproduce the structure the three operations had in each era of
// Polar's API; the change report between neighbouring eras names what changed, as it
// does between the real specs in the corpus.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { diffSpecs } from "../../generator/diff/diff-specs.js";
import type { OpenApiDocument } from "../../generator/openapi.js";
import { DEFAULT_OPERATIONS } from "../../generator/select.js";
import { SPEC_2025_02, SPEC_2026_01, SPEC_2026_01_29, SPEC_2026_10 } from "../fixtures/specs/index.js";

function side(file: string): { document: OpenApiDocument; label: string } {
  return { document: parse(readFileSync(file, "utf8")) as OpenApiDocument, label: file };
}

function changes(before: string, after: string): { lines: string[]; apiVersion: unknown } {
  const report = diffSpecs({ before: side(before), after: side(after), operationIds: DEFAULT_OPERATIONS });
  const lines = report.changes.map((found) => `${found.operation} ${found.kind} ${found.breaking ? "breaking" : "ok"}: ${found.message}`);
  return { lines, apiVersion: report.apiVersion };
}

describe("the fixture specs, era to era", () => {
  it("2025-02 → 2026-01: delete_external appears; the portal cancel takes a customer or a member session", () => {
    const { lines, apiVersion } = changes(SPEC_2025_02, SPEC_2026_01);
    expect(lines).toContain("customers:delete_external operation-added ok: operation added");
    expect(lines).toContain("customer_portal:subscriptions:cancel security-scheme-replaced breaking: security access_token replaced by customer_session, member_session");
    expect(lines).toContain('customer_portal:subscriptions:cancel response-field-added ok: response 200 body /prices: schema CustomerSubscription changed: required field "prices" added');
    expect(apiVersion).toBeUndefined();
  });

  it("2026-01 → 2026-01-29: anonymize on both deletes, customer_portal:write on the portal cancel, and nothing else", () => {
    expect(changes(SPEC_2026_01, SPEC_2026_01_29)).toStrictEqual({
      lines: [
        "customer_portal:subscriptions:cancel security-scopes-added breaking: customer_session now requires scopes customer_portal:write",
        "customer_portal:subscriptions:cancel security-scopes-added breaking: member_session now requires scopes customer_portal:write",
        "customers:delete parameter-added ok: optional query parameter anonymize added",
        "customers:delete_external parameter-added ok: optional query parameter anonymize added",
      ],
      apiVersion: undefined,
    });
  });

  it("2026-01-29 → 2026-10: the date version, oidc/pat/oat on the deletes, today's CustomerSubscription", () => {
    const { lines, apiVersion } = changes(SPEC_2026_01_29, SPEC_2026_10);
    expect(apiVersion).toStrictEqual({ before: null, after: "2026-10" });
    expect(lines).toContain("customers:delete security-scheme-replaced breaking: security access_token replaced by oat, oidc, pat");
    expect(lines).toContain("customers:delete_external security-scheme-replaced breaking: security access_token replaced by oat, oidc, pat");
    expect(lines).toContain('customer_portal:subscriptions:cancel response-field-added ok: response 200 body /pending_update: schema CustomerSubscription changed: required field "pending_update" added');
    expect(lines).toContain("customer_portal:subscriptions:cancel response-enum-values-added ok: response 200 body /status: schema SubscriptionStatus changed: enum values added: paused");
  });

  it("the embedded spec has the 2026-10 structure", () => {
    expect(changes(SPEC_2026_10, "spec/polar.openapi.yaml")).toStrictEqual({ lines: [], apiVersion: undefined });
  });
});
