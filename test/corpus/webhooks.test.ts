// Every real Polar spec with a `webhooks` section: the selection keeps exactly the
// events the operations trigger that the spec documents, webhooks.ts types them (and
// compiles), and the fake's events for a deletion by id, by external id with
// anonymize=true, and a portal cancel arrive in Polar's order, each payload valid
// against the spec's schema: by Ajv (independent of the generator) and by the
// generated validators.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitFake } from "../../generator/emit/fake-file.js";
import { emitIndex } from "../../generator/emit/index-file.js";
import { emitOpenApi } from "../../generator/emit/openapi-file.js";
import { emitServer } from "../../generator/emit/server-file.js";
import { emitTypes } from "../../generator/emit/types-file.js";
import { emitValidators } from "../../generator/emit/validators-file.js";
import { emitWebhooks } from "../../generator/emit/webhooks-file.js";
import { formatFiles } from "../../generator/format/format.js";
import { triggeredEvents } from "../../generator/webhook-events.js";
import { contextFor } from "../fixtures/client/generate.js";
import { validatorsFor } from "../fixtures/server/ajv.js";

const SPECS_DIR = "../shared/specs/polar";
const withWebhooks = readdirSync(SPECS_DIR)
  .filter((name) => /\.openapi\.(ya?ml|json)$/.test(name))
  .sort()
  .filter((name) => {
    const text = readFileSync(join(SPECS_DIR, name), "utf8");
    const document = (name.endsWith(".json") ? JSON.parse(text) : parse(text, { maxAliasCount: -1 })) as { webhooks?: object };
    return typeof document.webhooks === "object" && document.webhooks !== null;
  });
const root = mkdtempSync(join(tmpdir(), "polar-webhooks-corpus-"));
const dirs = new Map<string, { dir: string; documented: string[]; operations: string[] }>();
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  for (const spec of withWebhooks) {
    const context = contextFor(join(SPECS_DIR, spec));
    const produced = [
      ...(await emitTypes(context)),
      ...(await emitOpenApi(context)),
      ...emitValidators(context),
      ...(await emitServer(context)),
      ...(await emitFake(context)),
      ...emitWebhooks(context),
    ];
    const files = await formatFiles([...produced, ...emitIndex(context, produced)]);
    const dir = join(root, spec.replace(/\W+/g, "-"));
    for (const file of files) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.contents);
    }
    writeFileSync(join(dir, "package.json"), '{"type":"module"}\n');
    const operations = context.model.operations.map((operation) => operation.id);
    dirs.set(spec, { dir, documented: Object.keys(context.subset.webhooks ?? {}), operations });
  }
}, 300_000);

const C = "6a8f7a58-6a8e-4d3c-9b1e-0f7c1d2e3a4b";
const OTHER = "2c9d4e6f-8a1b-4c3d-9e5f-7a8b9c0d1e2f";
const PORTAL = "4b6d8f0a-2c4e-4a6b-8d0f-2a4c6e8a0b2d";
const S = "0b5e1c7a-2f4d-4e8b-9c1a-3d5f7e9b1c2d";
const PAST_DUE = "3f5a7c9e-1b3d-4f5a-9c7e-9b1d3f5a7c9e";
const PORTAL_SUBSCRIPTION = "8c0e2a4b-6d8f-4a1c-8e3a-5b7d9f1a3c5e";

describe("webhooks: every real Polar spec with a webhooks section", () => {
  it("there are such specs, and the selection keeps the triggered events each documents", () => {
    expect(withWebhooks.length).toBeGreaterThanOrEqual(7);
    for (const [spec, { documented, operations }] of dirs) {
      const text = readFileSync(join(SPECS_DIR, spec), "utf8");
      const all = Object.keys(((spec.endsWith(".json") ? JSON.parse(text) : parse(text, { maxAliasCount: -1 })) as { webhooks: object }).webhooks);
      expect({ spec, documented }).toStrictEqual({ spec, documented: triggeredEvents(operations).filter((event) => all.includes(event)) });
    }
  });

  it("webhooks.ts and fake.ts compile strictly", () => {
    const program = ts.createProgram(
      [...dirs.values()].flatMap(({ dir }) => [join(dir, "webhooks.ts"), join(dir, "fake.ts")]),
      {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
        types: [],
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        verbatimModuleSyntax: true,
        noUnusedLocals: true,
        noEmit: true,
      },
    );
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => !diagnostic.file || /\/(webhooks|fake)\.ts$|\/fake-runtime\/webhook/.test(diagnostic.file.fileName))
      .map((diagnostic) => `${diagnostic.file?.fileName.slice(root.length)} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
    expect(problems).toStrictEqual([]);
  });

  it.each(withWebhooks)("%s: the fake's events, in Polar's order, each payload valid against the spec", async (spec) => {
    const { dir, documented, operations } = dirs.get(spec)!;
    const module = { ...(await import(join(dir, "index.ts"))), ...(await import(join(dir, "fake.ts"))) };
    const generated = (await import(join(dir, "validators.ts"))) as { validators: Record<string, (value: unknown) => unknown[]> };
    const { webhookPayloadSchemas } = (await import(join(dir, "webhooks.ts"))) as { webhookPayloadSchemas: Record<string, string> };
    const ajv = validatorsFor(join(dir, "openapi.json"));
    const events: Array<{ type: string; payload: { type: string; data: { id?: string } } }> = [];
    const fake = module.createFakePolar({
      seed: {
        customers: [
          { id: C, external_id: "user-42", email: "a@example.com", name: "Ada", billing_address: { country: "GB" } },
          { id: OTHER, external_id: "user-43", email: "b@example.com" },
          { id: PORTAL, email: "c@example.com" },
        ],
        subscriptions: [
          { id: S, customer_id: C, status: "active" },
          { id: PAST_DUE, customer_id: C, status: "past_due" },
          { id: PORTAL_SUBSCRIPTION, customer_id: PORTAL, status: "active" },
        ],
        customer_sessions: [{ token: "polar_cst_portal", customer_id: PORTAL }],
      },
      webhooks: { onEvent: (event: (typeof events)[number]) => void events.push(event) },
    });
    const server = module.createPolarServer(fake);
    const token = (fake.accessToken as string | undefined) ?? "polar_oat_corpus";
    const call = (path: string, bearer = token) => server.fetch(new Request(`http://x${path}`, { method: "DELETE", headers: { authorization: `Bearer ${bearer}` } }));
    const expected: string[] = [];
    const keep = (types: string[], id: string) => expected.push(...types.filter((type) => documented.includes(type)).map((type) => `${type} ${id}`));
    const revoke = ["subscription.updated", "subscription.canceled", "subscription.revoked"];
    if (operations.includes("customers:delete")) {
      expect((await call(`/v1/customers/${C}`)).status).toBe(204);
      keep(revoke, S);
      keep(revoke, PAST_DUE);
      keep(["customer.deleted", "customer.state_changed", "customer.state_changed"], C);
    }
    if (operations.includes("customers:delete_external")) {
      expect((await call(`/v1/customers/external/user-43?anonymize=true`)).status).toBe(204);
      keep(["customer.deleted", "customer.state_changed"], OTHER);
    }
    if (operations.includes("customer_portal:subscriptions:cancel")) {
      expect((await call(`/v1/customer-portal/subscriptions/${PORTAL_SUBSCRIPTION}`, "polar_cst_portal")).status).toBe(200);
      keep(["subscription.updated", "subscription.canceled"], PORTAL_SUBSCRIPTION);
      keep(["customer.state_changed"], PORTAL);
    }
    await fake.webhooks.settled();
    expect(events.map(({ payload }) => `${payload.type} ${payload.data.id}`)).toStrictEqual(expected);
    for (const { payload } of events) {
      const schema = webhookPayloadSchemas[payload.type]!;
      expect({ event: payload.type, ajv: ajv[schema]!(payload), generated: generated.validators[schema]!(payload) }).toStrictEqual({ event: payload.type, ajv: [], generated: [] });
    }
  });
});
