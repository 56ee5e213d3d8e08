// fake.ts: a stateful fake of the API for the selected operations, built on the server
// stubs: `createPolarServer(createFakePolar({ seed }))` (`create{N}Server(createFake{N}())`
// for an API named N). Polar's modelled operations keep Polar's semantics; every other
// one answers its documented example, or 501. The store and its semantics are verbatim
// templates (templates/fake/runtime/); what depends on the spec is built here.

import type { Model, OperationModel } from "../model/types.js";
import type { EmitContext, GeneratedFile } from "../stages.js";
import { copyTemplates } from "../templates.js";
import { behaviourOf, cancelledBodySchema, OPERATION_RULES } from "./fake/behaviour.js";
import { coverage, factory, fakeNames } from "./fake/factory.js";

export { fakeNames } from "./fake/factory.js";
import { isObject } from "../openapi.js";
import { propertyEnum, sampleSchema } from "./fake/sample.js";
import { printStatements } from "./ts-text.js";
import { jsonValueNode } from "./fake/json-value.js";
import { webhookPayloads } from "../webhook-events.js";
import { webhookEventsFunction } from "./fake/webhook-specs.js";
import { propertyKey, stringLiteral } from "./escape.js";
import { Broken, jsLiteralLines } from "./js-literal.js";

export const FAKE_RUNTIME_FILES = [
  "anonymize.ts",
  "credentials.ts",
  "examples.ts",
  "seed-records.ts",
  "seed.ts",
  "sha256.ts",
  "store.ts",
  "webhook-conform.ts",
  "webhook-delivery.ts",
  "webhook-events.ts",
  "webhook-signing.ts",
  "webhooks.ts",
];
/** The organization token a seed without `access_tokens` gets: printed by `polar-codegen serve`. */
export const DEFAULT_ACCESS_TOKEN = "polar_oat_fake_polar_default";
const CANCEL = "customer_portal:subscriptions:cancel";

export async function emitFake(context: EmitContext): Promise<GeneratedFile[]> {
  const { model } = context;
  const names = fakeNames(model.name);
  const cancel = model.operations.find((operation) => operation.id === CANCEL);
  const schemaName = cancel ? cancelledBodySchema(cancel) : undefined;
  const checks = [...seedCheckEntries({ model, schemaName }), ...memberSessionsEntry(model)];
  const answers = model.operations.map((operation) => ({ operation, ...behaviourOf({ operation, document: context.subset, handlers: names.handlers, key: propertyKey(operation.functionName) }) }));
  const webhookChecks = webhookPayloads(context.subset).some((each) => each.schemaName) || answers.some((answer) => answer.code.includes("validators["));
  const statements = [imports({ checks, webhookChecks, names, polar: model.polar, examples: answers.some((answer) => answer.kind !== "modelled"), operations: !!(cancel && schemaName) }), seedTypes({ cancel, schemaName, names, polar: model.polar })];
  const defaults = schemaName ? activeByDefault({ document: context.subset, schemaName }) : {};
  statements.push(`
/** Every required field of a subscription, schema-valid once seeded: the spec's examples where it has them. */
${jsLiteralLines(jsonValueNode({ document: context.subset, value: defaults }), { depth: 0, prefix: `const SUBSCRIPTION_DEFAULTS: ${schemaName ? "FakeSubscription" : "object"} = `, suffix: ";" })}

/** The fake's clock when none is given: fixed (2026-01-01, midnight UTC), so every run answers the same bytes. */
const DEFAULT_NOW = /* @__PURE__ */ new Date(1_767_225_600_000);
${credentialConstants(model)}`);
  statements.push(seedChecks(checks), webhookEventsFunction({ model, document: context.subset }), coverage(answers), factory({ model, names, answers }));
  const runtime = copyTemplates({ from: "fake/runtime", to: "fake-runtime", names: FAKE_RUNTIME_FILES });
  // In statement-lines layout where every handler is modelled there (behaviour.ts), else prettier formats the file whole.
  const layout = answers.every((answer) => answer.member !== undefined) ? { layout: "statement-lines" as const } : {};
  return [{ path: "fake.ts", contents: printStatements(statements), ...layout }, ...runtime];
}

/** The sample, active unless the seed says otherwise (Polar's usual case), when the schema's enum allows it. */
function activeByDefault(options: { document: EmitContext["subset"]; schemaName: string }): unknown {
  const sample = sampleSchema(options);
  const statuses = propertyEnum({ ...options, property: "status" });
  return isObject(sample) && statuses?.includes("active") ? { ...sample, status: "active" } : sample;
}

/** Polar's rules for the selected operations, and the default token, holding every scope they ask for. */
function credentialConstants(model: Model): string {
  // Polar's rules are Polar's: another API's operations share no ids with them by intent.
  const rules = model.operations.flatMap((operation) => {
    if (!model.polar) return [];
    const rule = OPERATION_RULES.get(operation.id);
    return rule ? [[operation.id, rule] as const] : [];
  });
  const sessions = new Set(["customer_session", "member_session"]);
  const scopes = new Set<string>();
  for (const operation of model.operations) {
    // Only what an organization token is asked for: the portal takes sessions alone.
    const rule = OPERATION_RULES.get(operation.id);
    if (rule && rule.kinds.every((kind) => sessions.has(kind))) continue;
    for (const alternative of operation.security)
      for (const { scheme, scopes: listed } of alternative.schemes)
        if (!sessions.has(scheme)) for (const scope of listed.length > 0 ? listed : (rule?.scopes ?? [])) scopes.add(scope);
  }
  const rulesConstant = `
/** What Polar asks of each operation's caller beyond the spec (fake-runtime/credentials.ts). */
${jsLiteralLines(new Broken(rules), { depth: 0, prefix: "const OPERATION_RULES = /* @__PURE__ */ new Map<string, OperationRule>(", suffix: ");" })}
`;
  return `${model.polar ? rulesConstant : ""}
/** The organization access token of a seed without \`access_tokens\`: every scope the operations ask for. */
${jsLiteralLines(new Broken({ token: DEFAULT_ACCESS_TOKEN, scopes: [...scopes].sort() }), { depth: 0, prefix: "export const DEFAULT_ACCESS_TOKEN: AccessTokenRecord = ", suffix: ";" })}
`;
}

function memberSessionsEntry(model: Model): string[] {
  return model.securitySchemes.some((scheme) => scheme.name === "member_session") ? ["memberSessions: true,"] : [];
}

function imports(options: { checks: string[]; webhookChecks: boolean; names: ReturnType<typeof fakeNames>; polar: boolean; examples: boolean; operations: boolean }): string {
  const { checks } = options;
  const used = ["parameters", "validators"].filter((name) => checks.some((check) => check.includes(`${name}[`)) || (name === "validators" && options.webhookChecks));
  return [
    ...(options.polar ? [`import { verdictFor, type OperationRule } from "./fake-runtime/credentials.js";`] : []),
    // A fixed list, written as prettier breaks it.
    `import {\ncreateStore,\ntype AccessTokenRecord,\ntype CustomerRecord,\ntype MemberSessionRecord,\ntype SessionRecord,\n} from "./fake-runtime/store.js";`,
    `import { prepareSeed, type SeedChecks } from "./fake-runtime/seed.js";`,
    `import { createWebhooks } from "./fake-runtime/webhooks.js";`,
    ...(options.examples ? [`import { exampleHandler } from "./fake-runtime/examples.js";`] : []),
    `import type { WebhookOptions, WebhookRecord } from "./fake-runtime/webhook-delivery.js";`,
    `import type { WebhookEventSpec } from "./fake-runtime/webhook-events.js";`,
    `import type { Authenticate, ${options.names.handlers} } from "./server.js";`,
    ...(options.operations ? [`import type { operations } from "./types.js";`] : []),
    ...(used.length ? [`import { ${used.join(", ")} } from "./validators.js";`] : []),
  ].join("\n");
}

/** The generated validators that hold a seed: ids as each operation's requests carry them, the subscription's schema. */
function seedCheckEntries(options: { model: Model; schemaName: string | undefined }): string[] {
  const { model, schemaName } = options;
  const entries: string[] = [];
  const parameter = (key: string, operationId: string, name: string) => {
    const operation = model.operations.find((each) => each.id === operationId);
    if (operation?.pathParams.some((each) => each.name === name)) entries.push(`${key}: parameters[${stringLiteral(operationId)}][${stringLiteral(`path.${name}`)}],`);
  };
  parameter("customerId", "customers:delete", "id");
  parameter("externalId", "customers:delete_external", "external_id");
  parameter("subscriptionId", CANCEL, "id");
  if (schemaName) entries.push(`subscription: validators[${stringLiteral(schemaName)}],`);
  return entries;
}

function seedChecks(entries: string[]): string {
  // A function, not a constant: reading \`parameters[...]\` at module level is a side effect to a bundler.
  return `
/** What a seed is held to (fake-runtime/seed-records.ts): the generated validators. */
function seedChecks(): SeedChecks {
  return {
    ${entries.join("\n")}
  };
}`;
}

function seedTypes(options: { cancel: OperationModel | undefined; schemaName: string | undefined; names: ReturnType<typeof fakeNames>; polar: boolean }): string {
  const { names } = options;
  const subscription = options.cancel && options.schemaName
    ? `operations[${stringLiteral(CANCEL)}]["responses"][200]["content"]["application/json"]`
    : // Broken as prettier breaks it (it does not fit on the alias's line).
      `{\nid: string;\ncustomer_id: string;\nstatus?: string;\n[field: string]: unknown;\n}`;
  return `
/** A subscription as the fake stores and returns it. */
export type FakeSubscription = ${subscription};

/** A customer: \`id\` required, any other field kept as given. */
export type FakeCustomer = CustomerRecord;

/**
 * The fake's initial state (also the contract tests' fixtures format). Fields given are
 * kept; every other required field of a subscription is filled in, schema-valid.
 */
export interface FakeSeed {
  customers?: FakeCustomer[] | undefined;
  subscriptions?: (Partial<FakeSubscription> & { id: string; customer_id: string })[] | undefined;
  /**
   * Organization-side tokens (\`polar_oat_\`, \`polar_pat_\`, \`polar_at_u_\`/\`polar_at_o_\`) and their
   * scopes. Without it, the one token \`DEFAULT_ACCESS_TOKEN\`, with every scope.
   */
  access_tokens?: AccessTokenRecord[] | undefined;
  /** Customer session tokens (\`polar_cst_\`) and the customer each acts for. */
  customer_sessions?: SessionRecord[] | undefined;
  /** Member session tokens (\`polar_mst_\`), the customer and the member's role: where the spec has \`member_session\`. */
  member_sessions?: MemberSessionRecord[] | undefined;
}

export interface FakeState {
  customers: FakeCustomer[];
  subscriptions: FakeSubscription[];
  access_tokens: AccessTokenRecord[];
  customer_sessions: SessionRecord[];
  member_sessions: MemberSessionRecord[];
  /** Every webhook event the fake has sent, in order, with each receiver's attempts and outcome. */
  webhooks: WebhookRecord[];
}

export type {
  WebhookDelivery as FakeWebhookDelivery,
  WebhookOptions as FakeWebhookOptions,
  WebhookRecord as FakeWebhookRecord,
} from "./fake-runtime/webhook-delivery.js";

export interface ${names.options} {
  seed?: FakeSeed | undefined;
  /** The clock, read at seeding and at each change (and so for webhook payload times). Default: always 2026-01-01, midnight UTC. */
  now?: (() => Date) | undefined;
  /**
   * Where the webhook events Polar sends for each change go: \`{ url, secret }\` over HTTP,
   * signed as Polar signs them; \`{ onEvent }\` in-process. Delivery never delays a response.
   */
  webhooks?: WebhookOptions | undefined;
}

/** Spread into \`${names.server}\`: \`${names.server}(${names.create}({ seed }))\`. */
export interface ${names.fake} {
  handlers: ${names.handlers};
  /** ${options.polar ? "Polar's token rules: the seed's tokens, each for the schemes and scopes Polar takes it for." : "Any credential the operation's security names is accepted: the server checks that one is present."} */
  authenticate: Authenticate;
  /** The default access token, when the seed named none. */
  accessToken: string | undefined;
  /** A copy of the current state, sorted by id. */
  state(): FakeState;
  /** \`settled()\`: every webhook so far delivered or failed for good; \`close()\`: stop retrying. */
  webhooks: { settled(): Promise<void>; close(): void };
}`;
}

