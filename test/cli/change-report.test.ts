// What `diff` calls a change, and whether it breaks a client of the selected operations;
// which operations it compares when a config is present; and a typo'd operation id. Each
// case is a small edit of the embedded spec, compared with the spec as it is.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, scratchDir } from "../helpers/cli.js";
import { withDeleteParameter } from "../helpers/embedded-spec.js";

const EMBEDDED = readFileSync("spec/polar.openapi.yaml", "utf8");
/** The embedded spec with each `[from, to]` replaced, once each; throws if one is not there. */
function edited(...replacements: Array<[string, string]>): string {
  return replacements.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`the embedded spec no longer has ${JSON.stringify(from)}`);
    return text.replace(from, to);
  }, EMBEDDED);
}
const withParameter = withDeleteParameter;

const cwd = scratchDir();
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
beforeAll(() => writeFileSync(join(cwd, "old.yaml"), EMBEDDED));

function diff(name: string, text: string, ...flags: string[]) {
  writeFileSync(join(cwd, name), text);
  return runCli({ args: ["diff", "old.yaml", name, "--fail-on", "breaking", ...flags], cwd });
}

describe("polar-codegen diff classifies what the model leaves out", () => {
  const cases: Array<{ name: string; text: () => string; code: number; lines: string[] }> = [
    {
      name: "a required header parameter added",
      text: () => withParameter("{ name: X-Request-Id, in: header, required: true, schema: { type: string } }"),
      code: 1,
      lines: ["customers:delete:", "  BREAKING  required header parameter X-Request-Id added"],
    },
    {
      name: "a security scheme redefined under the same name",
      text: () => edited(["    oat:\n      type: http\n", "    oat:\n      type: apiKey\n      in: header\n      name: X-Api-Key\n"], ["      scheme: bearer\n    customer_session:", "    customer_session:"]),
      code: 1,
      lines: ["customers:delete:", "  BREAKING  security scheme oat redefined: http bearer → apiKey in header X-Api-Key"],
    },
    {
      name: "the response content type changed",
      text: () => edited(['            application/json:\n              schema:\n                $ref: "#/components/schemas/CustomerSubscription"', '            application/xml:\n              schema:\n                $ref: "#/components/schemas/CustomerSubscription"']),
      code: 1,
      lines: ["customer_portal:subscriptions:cancel:", "  BREAKING  response 200 content type changed: application/json → application/xml"],
    },
    {
      name: "a request parameter's constraints narrowed",
      text: () => edited(["schema: { type: string, title: External Id }", 'schema: { type: string, title: External Id, maxLength: 64, pattern: "^[a-z0-9-]+$" }']),
      code: 1,
      lines: ["customers:delete_external:", "  BREAKING  path parameter external_id: maxLength 64 added (narrowed)", "  BREAKING  path parameter external_id: pattern ^[a-z0-9-]+$ added (narrowed)"],
    },
    {
      name: "a response field's constraints narrowed, which a client can only be glad of",
      text: () => edited(["        amount: { type: integer, title: Amount }\n", "        amount: { type: integer, title: Amount, minimum: 0 }\n"]),
      code: 0,
      lines: ["customer_portal:subscriptions:cancel:", "  ok        response 200 body /amount: schema CustomerSubscription changed: minimum 0 added (narrowed)"],
    },
    {
      name: "the server URL changed",
      text: () => edited(["  - url: https://api.polar.sh\n", "  - url: https://api.polar.example\n"]),
      code: 1,
      lines: ["every operation:", "  BREAKING  server production URL changed: https://api.polar.sh → https://api.polar.example"],
    },
  ];
  it.each(cases)("$name", async ({ name, text, code, lines }) => {
    const run = await diff(`${name.replace(/\W+/g, "-")}.yaml`, text());
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain(`\n\n${lines.join("\n")}\n`);
    expect(run.code).toBe(code);
  });

  it("an enum parameter that accepts fewer values breaks a client that sends one of them", async () => {
    writeFileSync(join(cwd, "sorted.yaml"), withParameter("{ name: sort, in: query, schema: { type: string, enum: [asc, desc] } }"));
    writeFileSync(join(cwd, "narrowed.yaml"), withParameter("{ name: sort, in: query, schema: { type: string, enum: [asc] } }"));
    const run = await runCli({ args: ["diff", "sorted.yaml", "narrowed.yaml", "--fail-on", "breaking"], cwd });
    expect(run.stdout).toContain("customers:delete:\n  BREAKING  query parameter sort: enum values removed: desc\n");
    expect(run.code).toBe(1);
  });
});

describe("polar-codegen diff: which operations", () => {
  it("an operation id in neither spec is an error naming the closest ids, not 'No changes'", async () => {
    const run = await runCli({ args: ["diff", "old.yaml", "old.yaml", "--operations", "customers:delet", "--fail-on", "any"], cwd });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe('operation "customers:delet" is not in either spec; did you mean "customers:delete"? (at /paths) [operation-not-found]\n');
  });

  it("takes the operations from a config with targets, whatever else the config says", async () => {
    const project = join(cwd, "project");
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, "old.yaml"), EMBEDDED);
    writeFileSync(join(project, "new.yaml"), withParameter("{ name: reason, in: query, required: true, schema: { type: string } }"));
    const config = (targets: unknown[]) => writeFileSync(join(project, "polar-codegen.config.json"), JSON.stringify({ targets }));
    const erasure = ["customers:delete", "customers:delete_external"];
    config([{ name: "production", spec: "missing.yaml", out: "a", operations: erasure }, { name: "pinned", spec: "gone.yaml", out: "b", operations: erasure }]);
    const agreed = await runCli({ args: ["diff", "old.yaml", "new.yaml", "--format", "json"], cwd: project });
    expect(agreed.stderr).toBe("");
    expect((JSON.parse(agreed.stdout) as { operations: string[] }).operations).toStrictEqual(erasure);
    config([{ name: "production", out: "a" }, { name: "portal", out: "b", operations: ["customer_portal:subscriptions:cancel"] }]);
    const ambiguous = await runCli({ args: ["diff", "old.yaml", "new.yaml"], cwd: project });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain("the config's targets select different operations (production: customer_portal:subscriptions:cancel, customers:delete, customers:delete_external; portal: customer_portal:subscriptions:cancel); choose one with --target NAME, or name them with --operations");
    const portal = await runCli({ args: ["diff", "old.yaml", "new.yaml", "--target", "portal", "--fail-on", "any"], cwd: project });
    expect(portal.stdout).toBe("No changes to customer_portal:subscriptions:cancel between old.yaml and new.yaml.\n");
    expect(portal.code).toBe(0);
  });
});
