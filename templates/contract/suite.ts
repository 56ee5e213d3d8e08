// The contract suite: registers vitest tests for the operations polar-codegen found in
// the spec. Where it runs is decided as it is collected (target.ts), before any
// request; then the guard against stale tests, Polar's documented outcomes
// (destructive), the schema-level checks of every operation, Polar's negative cases and
// property-based inputs for the operations whose behaviour the suite knows, and the
// generated client's requests. A group with no case is not registered.

import { afterAll, beforeAll, it } from "vitest";
import { describeClientRequests } from "./client-cases.js";
import { UNDECLARED_ALLOWED, type Credential, type SchemaValidators } from "./exchange.js";
import { checkGeneratedFrom, type GeneratedFrom } from "./fingerprint.js";
import { describeNegativeCases, describePropertyInputs } from "./negative.js";
import { describeDocumentedOutcomes } from "./outcomes.js";
import { describeSchemaChecks } from "./schema-checks.js";
import {
  CREDENTIAL_VARIABLES,
  openTarget,
  planTarget,
  type InProcessFake,
  type Target,
  type TargetPlan,
} from "./target.js";
import type {
  ContractFixtures,
  ContractOperation,
  ContractSecurity,
  ContractWebhook,
  CredentialKind,
} from "./types.js";
import { describeWebhookCheck, openReceiver, type WebhookReceiver } from "./webhooks.js";

export interface ContractSuite {
  operations: ContractOperation[];
  /** The source spec and the fingerprints recorded when the suite was generated. */
  generatedFrom: GeneratedFrom;
  fixtures: ContractFixtures;
  productionUrls: string[];
  fake: InProcessFake;
  validators: SchemaValidators;
  /** Per operation, per `in.name` (`path.id`): the generated check of a decoded parameter. */
  parameters: Record<string, Record<string, (value: unknown) => unknown[]>>;
  createClient: (options: Record<string, unknown>) => unknown;
  /** The webhook events the operations trigger that the spec documents (none without a `webhooks` section). */
  webhooks: ContractWebhook[];
}

/** What each group of cases reads: the suite, the plan, and (once open) the target. */
export interface SuiteContext {
  suite: ContractSuite;
  plan: TargetPlan;
  target(): Target;
  /** The operation's credential (`credentialChoices`), how it travels and the variable it is set in; throws naming the variables when none is set. */
  credential(operation: ContractOperation): Credential;
  /** A bearer credential of one kind, whatever the operation takes. */
  credentialOfKind(kind: CredentialKind, who?: string): Credential;
  /** Where the webhooks arrive, when the webhook check runs (webhooks.ts). */
  receiver(): WebhookReceiver | undefined;
}

/** The order the suite prefers credentials in (polar-codegen's fixtures seed the first an operation takes). */
const PREFERRED: CredentialKind[] = [
  "accessToken",
  "personalAccessToken",
  "oidcToken",
  "customerSession",
  "memberSession",
  "basicAuth",
];

/**
 * The operation's alternatives in the order the suite tries them: an organization access
 * token (or another API's token or API key) first, then a personal one, an OpenID Connect
 * one, a customer session, a member session, HTTP basic.
 */
export function credentialChoices(operation: ContractOperation): ContractSecurity[] {
  return PREFERRED.flatMap((kind) => operation.security.filter((entry) => entry.kind === kind));
}

export function defineContractSuite(suite: ContractSuite): void {
  const plan = planTarget({
    env: process.env,
    productionUrls: suite.productionUrls,
    needsFixtures: suite.operations.some((operation) => operation.modelled),
  });
  let target: Target | undefined;
  let receiver: WebhookReceiver | undefined;
  beforeAll(async () => {
    // Only the outcome sequences trigger webhooks the suite expects (webhooks.ts).
    if (suite.webhooks.length > 0 && suite.operations.some((operation) => operation.modelled))
      receiver = await openReceiver({ live: plan.live, env: process.env });
    target = await openTarget({
      plan,
      fake: suite.fake,
      defaultFixtures: suite.fixtures,
      env: process.env,
      webhooks: receiver && { url: receiver.url, secret: receiver.secret },
    });
    const where = target.live ? target.baseUrl : `the generated fake (${target.baseUrl})`;
    const allowed = Object.entries(UNDECLARED_ALLOWED).map(([status, why]) => `${status} (${why})`);
    console.log(
      `contract tests against ${where}; statuses allowed though undeclared: ${allowed.join("; ")}`,
    );
  });
  afterAll(async () => {
    await target?.close();
    await receiver?.close();
  });
  const context: SuiteContext = {
    suite,
    plan,
    target: () => {
      if (!target) throw new Error("contract tests: the target is not open yet");
      return target;
    },
    credential: (operation) => {
      const held = context.target().credentials;
      const choices = credentialChoices(operation);
      if (choices.length === 0) return context.credentialOfKind("accessToken", operation.id);
      const chosen = choices.find((entry) => held[entry.kind]);
      if (!chosen) {
        const variables = [...new Set(choices.map((entry) => CREDENTIAL_VARIABLES[entry.kind]))];
        throw new Error(`${operation.id} needs a credential: set ${variables.join(" or ")}`);
      }
      const { kind, via, key } = chosen;
      return { token: held[kind]!, variable: CREDENTIAL_VARIABLES[kind], via, key };
    },
    credentialOfKind: (kind, who = "this case") => {
      const token = context.target().credentials[kind];
      const variable = CREDENTIAL_VARIABLES[kind];
      if (!token) throw new Error(`${who} needs a credential: set ${variable}`);
      return { token, variable, via: "bearer" };
    },
    receiver: () => receiver,
  };

  // It loads polar-codegen and reads the spec: seconds, not milliseconds, on a busy machine.
  const generatedFromTitle = `was generated from the spec it names (${suite.generatedFrom.source.label})`;
  it(generatedFromTitle, { timeout: 60_000 }, async () => {
    const { stale, notice } = await checkGeneratedFrom({ from: suite.generatedFrom });
    if (notice) console.log(notice);
    if (stale) throw new Error(stale);
  });
  describeDocumentedOutcomes(context);
  describeWebhookCheck(context);
  describeSchemaChecks(context);
  describeNegativeCases(context);
  describePropertyInputs(context);
  describeClientRequests(suite);
}
