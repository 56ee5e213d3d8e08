// What each seeded record must be for the fake to answer as Polar would: ids a request
// can carry (checked by the generated parameter validators, so `format: uuid4` holds),
// in lower case (the server lower-cases a UUID it decodes, so an upper-case id could
// never be found), each external id once, and no subscription or session of a
// customer the seed does not have.

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
}

export function seedError(where: string, what: string): never {
  throw new TypeError(`fake Polar seed: ${where}: ${what}`);
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
    if (customer.email !== undefined && typeof customer.email !== "string")
      seedError(`${where}.email`, "must be a string");
  });
  (seed.subscriptions ?? []).forEach((subscription, index) => {
    const where = `subscriptions[${index}]`;
    checkId({ where: `${where}.id`, value: subscription.id, check: checks.subscriptionId });
    checkCustomer({ where: `${where}.customer_id`, value: subscription.customer_id, customers });
  });
  (seed.customer_sessions ?? []).forEach((session, index) => {
    const where = `customer_sessions[${index}].customer_id`;
    checkCustomer({ where, value: session.customer_id, customers });
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
