// contract/: a vitest suite proving a server and the generated client keep to the spec
// for the selected operations. The checks never vary and are copied verbatim from
// templates/contract/; what depends on the spec (the operations as data, the spec's
// fingerprints, its production servers) is written here as JSON, with the fixtures in
// the fake's seed format. JSON, because it is printed in prettier's layout without
// prettier (json-style.ts), so no generated file here waits for the formatter.

import type { Model } from "../model/types.js";
import type { EmitContext, GeneratedFile } from "../stages.js";
import { copyTemplates, readTemplate } from "../templates.js";
import { fingerprintOf, operationFingerprints } from "./contract/fingerprint.js";
import { contractSecurity, preferredKind, type CredentialKind } from "./contract/credentials.js";
import { contractOperations } from "./contract/operations.js";
import { printJsonLikePrettier } from "../format/json-style.js";
import { webhookPayloads } from "../webhook-events.js";

const CONTRACT_FILES = ["client-cases.ts", "client-check.ts", "credentials.ts", "exchange.ts", "fingerprint.ts", "inputs.ts", "negative.ts", "outcomes.ts", "schema-checks.ts", "state.ts", "suite.ts", "target.ts", "types.ts", "webhooks.ts"];
/** How headers name the spec embedded in polar-codegen (config.ts): no path, found through polar-codegen itself. */
const EMBEDDED_LABEL = "polar-codegen/spec/polar.openapi.yaml";

/** Fixed ids (valid UUID4s), so the fixtures and every run are the same. */
const FIXTURES: { access_tokens: Array<{ token: string; scopes: string[] }> } & Record<string, unknown> = {
  customers: [
    { id: "5b0a7d1e-3c2f-4a6b-8d9e-0f1a2b3c4d01", external_id: "contract-user-1", email: "deleted-by-id@example.com" },
    { id: "5b0a7d1e-3c2f-4a6b-8d9e-0f1a2b3c4d02", external_id: "contract-user-2", email: "deleted-by-external-id@example.com" },
    { id: "5b0a7d1e-3c2f-4a6b-8d9e-0f1a2b3c4d03", external_id: "contract-user-3", email: "portal@example.com" },
    { id: "5b0a7d1e-3c2f-4a6b-8d9e-0f1a2b3c4d04", external_id: "contract-user-4", email: "bystander@example.com", name: "Bystander" },
  ],
  subscriptions: [
    { id: "7e1f2a3b-4c5d-4e6f-9a0b-1c2d3e4f5a01", customer_id: "5b0a7d1e-3c2f-4a6b-8d9e-0f1a2b3c4d03", status: "active" },
    { id: "7e1f2a3b-4c5d-4e6f-9a0b-1c2d3e4f5a02", customer_id: "5b0a7d1e-3c2f-4a6b-8d9e-0f1a2b3c4d01", status: "active" },
  ],
  access_tokens: [{ token: "polar_oat_contract_tests", scopes: ["customers:write"] }],
  customer_sessions: [{ token: "polar_cst_contract_tests_customer_3", customer_id: "5b0a7d1e-3c2f-4a6b-8d9e-0f1a2b3c4d03" }],
  member_sessions: [{ token: "polar_mst_contract_tests_customer_3", customer_id: "5b0a7d1e-3c2f-4a6b-8d9e-0f1a2b3c4d03", role: "owner" }],
};

/**
 * The tokens the suite sends on the fake, by kind (templates/contract/target.ts has the
 * same): Polar's prefixes say which kind each is (fake-runtime/credentials.ts).
 */
const ACCESS_TOKENS: Readonly<Record<string, string>> = {
  accessToken: "polar_oat_contract_tests",
  personalAccessToken: "polar_pat_contract_tests",
  oidcToken: "polar_at_u_contract_tests",
};

export function emitContract(context: EmitContext): GeneratedFile[] {
  const { model } = context;
  const operationIds = model.operations.map((operation) => operation.id);
  return [
    jsonFile({ path: "contract/generated.json", value: generatedData({ model, document: context.subset, subset: fingerprintOf(context.subset), operations: operationFingerprints({ document: context.subset, operationIds, checked: true }), webhooks: model.polar ? contractWebhooks(context) : [] }) }),
    jsonFile({ path: "contract/fixtures.json", value: fixturesFor(model) }),
    entryFile(model),
    ...copyTemplates({ from: "contract", to: "contract", names: CONTRACT_FILES }),
  ];
}

/**
 * The fixtures, with only the credentials the spec's schemes take (the fake refuses a
 * session of a kind the spec has no scheme for): sessions for the schemes named as in
 * Polar's specs, and a token of each kind the suite sends (its preferred kind per
 * operation: an organization token, else a personal one, else an OpenID Connect one),
 * holding every scope those operations ask of that kind, so each is served on the fake.
 */
function fixturesFor(model: Model): Partial<typeof FIXTURES> {
  const { access_tokens, customer_sessions, member_sessions, ...records } = FIXTURES;
  const names = new Set(model.securitySchemes.map((scheme) => scheme.name));
  const scopes = new Map<CredentialKind, Set<string>>();
  for (const operation of model.operations) {
    const security = contractSecurity({ model, operation });
    const kind = preferredKind(security);
    if (kind === undefined || !Object.hasOwn(ACCESS_TOKENS, kind)) continue;
    const held = scopes.get(kind) ?? new Set(kind === "accessToken" ? access_tokens.flatMap((each) => each.scopes) : []);
    for (const entry of security) if (entry.kind === kind) for (const scope of entry.scopes) held.add(scope);
    scopes.set(kind, held);
  }
  const tokens = Object.entries(ACCESS_TOKENS).flatMap(([kind, token]) => {
    const held = scopes.get(kind as CredentialKind);
    return held ? [{ token, scopes: [...held].sort() }] : [];
  });
  return {
    ...records,
    ...(tokens.length > 0 ? { access_tokens: tokens } : {}),
    ...(names.has("customer_session") ? { customer_sessions } : {}),
    ...(names.has("member_session") ? { member_sessions } : {}),
  };
}

/**
 * contract.test.ts: the template, with the entry points the server and fake export under
 * the API's name (`createPolarServer` for Polar's spec; the client's is imported by its
 * neutral alias, `createClient`). The name is an identifier the model checked; only those
 * two identifiers change.
 */
function entryFile(model: Model): GeneratedFile {
  const names = new Map([
    ["createFakePolar", `createFake${model.name}`],
    ["createPolarServer", `create${model.name}Server`],
  ]);
  const template = readTemplate("contract/contract.test.ts");
  const contents = template.replace(/\b(?:createFakePolar|createPolarServer)\b/g, (name) => names.get(name) ?? name);
  // The template's bytes are prettier's already; other names may change a line's length.
  return { path: "contract/contract.test.ts", contents, ...(contents === template ? { formatted: true } : {}) };
}

/** In prettier's layout already where json-style can vouch for it: a cold prettier would take far longer. */
function jsonFile(options: { path: string; value: unknown }): GeneratedFile {
  const styled = printJsonLikePrettier(options.value);
  return styled === undefined
    ? { path: options.path, contents: JSON.stringify(options.value, null, 2) + "\n" }
    : { path: options.path, contents: styled, formatted: true };
}

/** What contract.test.ts (a verbatim template) reads: all of the suite that depends on the spec. */
function generatedData(options: { model: Model; document: EmitContext["subset"]; subset: string; operations: Record<string, string | null>; webhooks: Array<{ event: string; schema: string }> }): unknown {
  const { model } = options;
  return {
    operations: contractOperations({ model, document: options.document }),
    source: { label: model.specFile, embedded: model.specFile === EMBEDDED_LABEL },
    fingerprints: { operations: options.operations, subset: options.subset },
    productionUrls: model.servers.filter((server) => server.id === "production").map((server) => server.url),
    webhooks: options.webhooks,
  };
}

/** The triggered webhook events the spec documents with a named payload schema: what the webhook check expects. */
function contractWebhooks(context: EmitContext): Array<{ event: string; schema: string }> {
  return webhookPayloads(context.subset).flatMap(({ event, schemaName }) => (schemaName ? [{ event, schema: schemaName }] : []));
}
