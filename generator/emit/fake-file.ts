// fake.ts: a stateful fake of Polar for the selected operations, built on the server
// stubs: `createPolarServer(createFakePolar({ seed }))`. The store and its semantics
// are verbatim templates (templates/fake/runtime/); what depends on the spec (which
// handlers exist, their typed outcomes, a schema-valid subscription) is built here.

import type { Model, OperationModel } from "../model/types.js";
import type { EmitContext, GeneratedFile } from "../stages.js";
import { copyTemplates } from "../templates.js";
import { behaviourOf, cancelledBodySchema } from "./fake/behaviour.js";
import { isObject } from "../openapi.js";
import { propertyEnum, sampleSchema } from "./fake/sample.js";
import { propertyKey, stringLiteral } from "./escape.js";
import { jsonAsJs } from "./js-literal.js";
import { emitters } from "./registry.js";
import { printSourceFile } from "./ts-morph.js";

export const FAKE_RUNTIME_FILES = ["anonymize.ts", "seed-records.ts", "seed.ts", "store.ts"];
const CANCEL = "customer_portal:subscriptions:cancel";

export async function emitFake(context: EmitContext): Promise<GeneratedFile[]> {
  const { model } = context;
  const cancel = model.operations.find((operation) => operation.id === CANCEL);
  const schemaName = cancel ? cancelledBodySchema(cancel) : undefined;
  const hasValidators = emitters.some((entry) => entry.name === "validators");
  const checks = hasValidators ? seedCheckEntries({ model, schemaName }) : [];
  // One structure, printed once: adding statements one by one re-parses the file each time.
  const statements = [imports(checks), seedTypes({ cancel, schemaName })];
  const defaults = schemaName ? activeByDefault({ document: context.subset, schemaName }) : {};
  statements.push(`
/** Every required field of a subscription, schema-valid once seeded: the spec's examples where it has them. */
const SUBSCRIPTION_DEFAULTS: ${schemaName ? "FakeSubscription" : "object"} = ${jsonAsJs(defaults)};

/** The fake's clock when none is given: fixed (2026-01-01, midnight UTC), so every run answers the same bytes. */
const DEFAULT_NOW = /* @__PURE__ */ new Date(1_767_225_600_000);
`);
  statements.push(seedChecks(checks), factory(model));
  const runtime = copyTemplates({ from: "fake/runtime", to: "fake-runtime", names: FAKE_RUNTIME_FILES });
  return [{ path: "fake.ts", contents: printSourceFile({ statements }) }, ...runtime];
}

/** The sample, active unless the seed says otherwise (Polar's usual case), when the schema's enum allows it. */
function activeByDefault(options: { document: EmitContext["subset"]; schemaName: string }): unknown {
  const sample = sampleSchema(options);
  const statuses = propertyEnum({ ...options, property: "status" });
  return isObject(sample) && statuses?.includes("active") ? { ...sample, status: "active" } : sample;
}

function imports(checks: string[]): string {
  const used = ["parameters", "validators"].filter((name) => checks.some((check) => check.includes(`${name}[`)));
  return [
    `import { createStore, type CustomerRecord, type SessionRecord } from "./fake-runtime/store.js";`,
    `import { prepareSeed, type SeedChecks } from "./fake-runtime/seed.js";`,
    `import type { Authenticate, PolarHandlers } from "./server.js";`,
    `import type { operations } from "./types.js";`,
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

function seedTypes(options: { cancel: OperationModel | undefined; schemaName: string | undefined }): string {
  const subscription = options.cancel && options.schemaName
    ? `operations[${stringLiteral(CANCEL)}]["responses"][200]["content"]["application/json"]`
    : `{ id: string; customer_id: string; status?: string; [field: string]: unknown }`;
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
  subscriptions?: Array<Partial<FakeSubscription> & { id: string; customer_id: string }> | undefined;
  /** Customer session tokens and the customer each acts for. */
  customer_sessions?: SessionRecord[] | undefined;
}

export interface FakeState {
  customers: FakeCustomer[];
  subscriptions: FakeSubscription[];
  customer_sessions: SessionRecord[];
}

export interface FakePolarOptions {
  seed?: FakeSeed | undefined;
  /** The clock, read at seeding and at each change. Default: always 2026-01-01, midnight UTC. */
  now?: (() => Date) | undefined;
}

/** Spread into \`createPolarServer\`: \`createPolarServer(createFakePolar({ seed }))\`. */
export interface FakePolar {
  handlers: PolarHandlers;
  /** Accepts any non-empty bearer token for any scheme, but a deleted customer's session (401). */
  authenticate: Authenticate;
  /** A copy of the current state, sorted by id. */
  state(): FakeState;
}`;
}

function factory(model: Model): string {
  const handlers = model.operations.map((operation) => `${propertyKey(operation.functionName)}: ${behaviourOf(operation)},`);
  return `
/** A fake Polar with Polar's documented semantics, in memory, deterministic. */
export function createFakePolar(options: FakePolarOptions = {}): FakePolar {
  const now = options.now ?? (() => DEFAULT_NOW);
  const seed = prepareSeed({ seed: options.seed ?? {}, checks: seedChecks(), defaults: SUBSCRIPTION_DEFAULTS, now: now() });
  const store = createStore({ seed, now });
  const handlers: PolarHandlers = {
    ${handlers.join("\n")}
  };
  return {
    handlers,
    // A deleted customer's session is no credential at all: 401, as Polar answers.
    authenticate: ({ token }) => (store.isRevokedSession(token) ? "invalid" : token.length > 0),
    state: () => store.state() as FakeState,
  };
}

// Frozen at every level: the server checks and serialises a constant outcome once.
const notFound = /* @__PURE__ */ Object.freeze({ status: 404, body: /* @__PURE__ */ Object.freeze({ error: "ResourceNotFound", detail: "Not found" }) } as const);
const alreadyCanceled = /* @__PURE__ */ Object.freeze({
  status: 403,
  body: /* @__PURE__ */ Object.freeze({ error: "AlreadyCanceledSubscription", detail: "This subscription is already canceled or will be at the end of the period." }),
} as const);`;
}
