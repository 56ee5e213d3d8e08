// What each seeded record must be for the fake to answer as Polar would: ids a request
// can carry (checked by the generated parameter validators, so `format: uuid4` holds),
// in lower case (the server lower-cases a UUID it decodes, so an upper-case id could
// never be found), each external id once, no subscription or session of a customer the
// seed does not have, and tokens of the kind their list says (Polar reads a token's
// kind from its prefix, so a session token without `polar_cst_` is no session).

import { tokenKind, TOKEN_PREFIXES } from "./credentials.js";
import type { StoreSeed } from "./store.js";

type Check = (value: unknown) => Array<{ pointer: string; message: string; actual?: unknown }>;

/** The generated validators the fake holds a seed to; each is optional (a spec may lack it). */
export interface SeedChecks {
  /** A customer id as a request carries it (`customers:delete`'s `path.id`). */
  customerId?: Check | undefined;
  /** An external id as a request carries it (`customers:delete_external`'s `path.external_id`). */
  externalId?: Check | undefined;
  /** A subscription id as a request carries it (the cancel's `path.id`). */
  subscriptionId?: Check | undefined;
  /** The schema a subscription is answered with, checked on the completed record. */
  subscription?: Check | undefined;
  /** The spec has member sessions (a `member_session` scheme). */
  memberSessions?: boolean | undefined;
}

/** `MemberRole` in Polar. */
const MEMBER_ROLES = ["owner", "billing_manager", "member"];

export function seedError(where: string, what: string): never {
  throw new TypeError(`fake seed: ${where}: ${what}`);
}

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

export function checkRecords(options: { seed: StoreSeed; checks: SeedChecks }): void {
  const { seed, checks } = options;
  const customers = new Set<string>();
  const externalIds = new Map<string, number>();
  (seed.customers ?? []).forEach((customer, index) => {
    const where = `customers[${index}]`;
    checkId({ where: `${where}.id`, value: customer.id, check: checks.customerId });
    customers.add(customer.id);
    const external = customer.external_id;
    if (external !== undefined && external !== null) {
      checkId({ where: `${where}.external_id`, value: external, check: checks.externalId });
      const first = externalIds.get(external);
      if (first !== undefined)
        seedError(`${where}.external_id`, `"${external}" is also customers[${first}]'s`);
      externalIds.set(external, index);
    }
    if (
      customer.email != null &&
      (typeof customer.email !== "string" || !customer.email.includes("@"))
    )
      seedError(`${where}.email`, "must be an email address (or null)");
  });
  (seed.subscriptions ?? []).forEach((subscription, index) => {
    const where = `subscriptions[${index}]`;
    checkId({ where: `${where}.id`, value: subscription.id, check: checks.subscriptionId });
    checkCustomer({ where: `${where}.customer_id`, value: subscription.customer_id, customers });
  });
  checkCredentials({ seed, checks, customers });
}

function checkCredentials(options: {
  seed: StoreSeed;
  checks: SeedChecks;
  customers: Set<string>;
}): void {
  const { seed, customers } = options;
  const prefixes = (kinds: string[]) =>
    TOKEN_PREFIXES.filter(([, kind]) => kinds.includes(kind)).map(([prefix]) => prefix);
  const token = (where: string, value: string, kinds: string[]) => {
    if (!kinds.includes(tokenKind(value) ?? ""))
      seedError(
        `${where}.token`,
        `must start with ${prefixes(kinds).join(", ")}: the fake reads a token's kind from its prefix, as Polar does`,
      );
  };
  (seed.access_tokens ?? []).forEach((access, index) => {
    const where = `access_tokens[${index}]`;
    token(where, access.token, ["oat", "pat", "oidc"]);
    if (!Array.isArray(access.scopes) || access.scopes.some((scope) => typeof scope !== "string"))
      seedError(`${where}.scopes`, "must be an array of scope names");
  });
  (seed.customer_sessions ?? []).forEach((session, index) => {
    token(`customer_sessions[${index}]`, session.token, ["customer_session"]);
    checkCustomer({
      where: `customer_sessions[${index}].customer_id`,
      value: session.customer_id,
      customers,
    });
  });
  if ((seed.member_sessions ?? []).length > 0 && !options.checks.memberSessions)
    seedError("member_sessions", "the spec has no member_session security scheme");
  (seed.member_sessions ?? []).forEach((session, index) => {
    const where = `member_sessions[${index}]`;
    token(where, session.token, ["member_session"]);
    checkCustomer({ where: `${where}.customer_id`, value: session.customer_id, customers });
    if (!MEMBER_ROLES.includes(session.role))
      seedError(
        `${where}.role`,
        `must be one of ${MEMBER_ROLES.map((role) => `"${role}"`).join(", ")}`,
      );
  });
}

function checkId(options: { where: string; value: unknown; check: Check | undefined }): void {
  const { where, value } = options;
  if (typeof value !== "string") seedError(where, "must be a string");
  const issue = options.check?.(value)[0];
  if (issue) seedError(where, `${JSON.stringify(value)} ${issue.message}`);
  if (UUID.test(value) && value !== value.toLowerCase())
    seedError(
      where,
      `${JSON.stringify(value)} must be lower case: the server lower-cases the UUID in a request, so this record could never be reached`,
    );
}

function checkCustomer(options: { where: string; value: string; customers: Set<string> }): void {
  const { where, value } = options;
  checkId({ where, value, check: undefined });
  if (!options.customers.has(value)) seedError(where, `no customer "${value}" in the seed`);
}
