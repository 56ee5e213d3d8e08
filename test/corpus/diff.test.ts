import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { diffSpecs } from "../../generator/diff/diff-specs.js";
import type { OpenApiDocument } from "../../generator/openapi.js";
import { DEFAULT_OPERATIONS } from "../../generator/select.js";
import { specFile } from "./specs-dir.js";

function spec(name: string): { document: OpenApiDocument; label: string } {
  const text = readFileSync(specFile(name), "utf8");
  const document = (name.endsWith(".json") ? JSON.parse(text) : parse(text, { maxAliasCount: -1 })) as OpenApiDocument;
  return { document, label: name };
}

function summary(before: string, after: string) {
  return diffSpecs({ before: spec(before), after: spec(after), operationIds: DEFAULT_OPERATIONS }).changes.map(
    (found) => `${found.operation} ${found.kind} ${found.breaking ? "breaking" : "ok"}: ${found.message}`,
  );
}

describe("change report on real Polar versions", () => {
  it("2025-02-18 → 2025-02-27 adds customers:delete_external", () => {
    expect(summary("polar-2025-02-18.openapi.yaml", "polar-2025-02-27.openapi.yaml")).toContain(
      "customers:delete_external operation-added ok: operation added",
    );
  });

  it("2026-01-21 → 2026-01-29 adds the optional anonymize parameter and scopes", () => {
    const changes = summary("polar-2026-01-21.openapi.yaml", "polar-2026-01-29.openapi.yaml");
    expect(changes).toContain("customers:delete parameter-added ok: optional query parameter anonymize added");
    expect(changes).toContain("customers:delete_external parameter-added ok: optional query parameter anonymize added");
    expect(changes).toContain(
      "customer_portal:subscriptions:cancel security-scopes-added breaking: customer_session now requires scopes customer_portal:write",
    );
  });

  it("2026-07-21 → 2026-10 replaces the security of the customer deletes", () => {
    const changes = summary("polar-2026-07-21.openapi.yaml", "polar-2026-10.openapi.json");
    expect(changes).toContain("customers:delete security-scheme-replaced breaking: security access_token replaced by oat, oidc, pat");
    expect(changes).toContain("customers:delete_external security-scheme-replaced breaking: security access_token replaced by oat, oidc, pat");
  });

  it("the same spec as YAML and JSON has no changes", () => {
    expect(summary("polar-2026-10.openapi.yaml", "polar-2026-10.openapi.json")).toStrictEqual([]);
  });
});
