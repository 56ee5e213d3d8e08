// `polar-codegen diff` through the CLI on real Polar version pairs: what a CI job that
// guards a spec upgrade sees.
import { describe, expect, it } from "vitest";
import { runCliProcess } from "../helpers/cli.js";
import { specFile } from "./specs-dir.js";

const spec = specFile;
const diff = (before: string, after: string, ...flags: string[]) => runCliProcess({ args: ["diff", spec(before), spec(after), ...flags] });

describe("polar-codegen diff on real Polar versions", () => {
  it("2026-01-21 → 2026-01-29: anonymize added (ok), portal scopes required (breaking); --fail-on breaking exits 1", () => {
    const text = diff("polar-2026-01-21.openapi.yaml", "polar-2026-01-29.openapi.yaml");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      "customer_portal:subscriptions:cancel:\n  BREAKING  customer_session now requires scopes customer_portal:write\n  BREAKING  member_session now requires scopes customer_portal:write\n\ncustomers:delete:\n  ok        optional query parameter anonymize added\n\ncustomers:delete_external:\n  ok        optional query parameter anonymize added\n\n4 change(s), 2 breaking.\n",
    );
    expect(diff("polar-2026-01-21.openapi.yaml", "polar-2026-01-29.openapi.yaml", "--fail-on", "breaking").code).toBe(1);
  });

  it("2026-07-21 → 2026-10 (JSON): the customer deletes change security, as data", () => {
    const run = diff("polar-2026-07-21.openapi.yaml", "polar-2026-10.openapi.json", "--format", "json", "--fail-on", "breaking");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { breaking: boolean; apiVersion: unknown; changes: Array<{ operation: string; kind: string; breaking: boolean; message: string }> };
    expect(report.breaking).toBe(true);
    // info.version 2026-04 → 2026-10: the Polar-Version header the client sends, reported beside the changes.
    expect(report.apiVersion).toStrictEqual({ before: "2026-04", after: "2026-10" });
    expect(report.changes.map(({ operation, kind, breaking, message }) => ({ operation, kind, breaking, message }))).toStrictEqual([
      { operation: "customers:delete", kind: "security-scheme-replaced", breaking: true, message: "security access_token replaced by oat, oidc, pat" },
      { operation: "customers:delete_external", kind: "security-scheme-replaced", breaking: true, message: "security access_token replaced by oat, oidc, pat" },
    ]);
  });

  it("2025-02-18 → 2025-02-27: customers:delete_external arrives, reported as added, not as an error", () => {
    const run = diff("polar-2025-02-18.openapi.yaml", "polar-2025-02-27.openapi.yaml", "--operations", "customers:delete,customers:delete_external", "--fail-on", "breaking");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("customers:delete_external:\n  ok        operation added\n");
  });

  it("the same version as YAML and JSON: no changes, even with --fail-on any", () => {
    const run = diff("polar-2026-10.openapi.yaml", "polar-2026-10.openapi.json", "--fail-on", "any");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^No changes to customer_portal:subscriptions:cancel, customers:delete, customers:delete_external between /);
  });
});
