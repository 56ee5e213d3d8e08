// The seed, checked before use (it often comes from a JSON file) and completed: fields
// given are kept, the rest come from the schema-valid defaults generated from the spec,
// times from the fake's clock. Every record is then held to what a request could reach
// and what the spec says a response may hold, so a seed the fake would answer with a
// body Polar never sends is refused up front, naming the record and the field.

import { checkRecords, seedError, type SeedChecks } from "./seed-records.js";
import {
  timestamp,
  type AccessTokenRecord,
  type StoreSeed,
  type SubscriptionRecord,
} from "./store.js";

export type { SeedChecks } from "./seed-records.js";

const DAY_MS = 86_400_000;
/** Where the generated defaults have a time or a date: filled from the clock at seeding. */
export const SEEDING_TIME = "(seeding time)";
export const SEEDING_DATE = "(seeding date)";

/**
 * The seed checked and its subscriptions completed; throws a `TypeError` naming the
 * first fault. A seed without `access_tokens` gets `defaultAccessToken`, and no other.
 */
export function prepareSeed(options: {
  seed: unknown;
  checks: SeedChecks;
  defaults: object;
  defaultAccessToken: AccessTokenRecord;
  now: Date;
}): StoreSeed {
  const given = checkShape(options.seed);
  const seed =
    given.access_tokens === undefined
      ? { ...given, access_tokens: [options.defaultAccessToken] }
      : given;
  checkRecords({ seed, checks: options.checks });
  const subscriptions = seed.subscriptions?.map((subscription, index) => {
    const record = completeSubscription({ ...options, seed: subscription });
    const issue = options.checks.subscription?.(record)[0];
    if (issue)
      seedError(
        `subscriptions[${index}]${fieldPath(issue.pointer)}`,
        `${issue.message} (actual ${JSON.stringify(issue.actual)?.slice(0, 80)})`,
      );
    return record;
  });
  return subscriptions ? { ...seed, subscriptions } : seed;
}

/** Lists of objects whose key fields are non-empty strings, each key once. */
function checkShape(seed: unknown): StoreSeed {
  if (typeof seed !== "object" || seed === null || Array.isArray(seed))
    seedError("seed", "must be an object");
  const record = seed as Record<string, unknown>;
  const lists = {
    customers: ["id"],
    subscriptions: ["id", "customer_id"],
    access_tokens: ["token"],
    customer_sessions: ["token", "customer_id"],
    member_sessions: ["token", "customer_id", "role"],
  };
  for (const [list, fields] of Object.entries(lists)) {
    const items = record[list];
    if (items === undefined) continue;
    if (!Array.isArray(items)) seedError(list, "must be an array");
    const seen = new Set<string>();
    (items as unknown[]).forEach((item, index) => {
      const where = `${list}[${index}]`;
      if (typeof item !== "object" || item === null || Array.isArray(item))
        seedError(where, "must be an object");
      for (const field of fields) {
        const value = (item as Record<string, unknown>)[field];
        if (typeof value !== "string" || value === "")
          seedError(`${where}.${field}`, "must be a non-empty string");
      }
      const key = String((item as Record<string, unknown>)[fields[0]!]);
      if (seen.has(key)) seedError(`${where}.${fields[0]}`, `"${key}" appears twice`);
      seen.add(key);
    });
  }
  return record as StoreSeed;
}

/** Defaults, then the clock's times where the schema has those fields, then the seed. */
export function completeSubscription(options: {
  defaults: object;
  seed: SubscriptionRecord;
  now: Date;
}): SubscriptionRecord {
  const { defaults, seed, now } = options;
  const at = timestamp(now);
  const record = JSON.parse(JSON.stringify(defaults), (_key, value: unknown) =>
    value === SEEDING_TIME ? at : value === SEEDING_DATE ? at.slice(0, 10) : value,
  ) as Record<string, unknown>;
  const times: Record<string, string> = {
    created_at: at,
    started_at: at,
    current_period_start: at,
    current_period_end: timestamp(new Date(now.getTime() + 30 * DAY_MS)),
  };
  for (const [field, value] of Object.entries(times)) if (field in record) record[field] = value;
  return { ...record, ...seed };
}

/** `/prices/0/amount` as `.prices[0].amount`. */
function fieldPath(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((token) => (/^\d+$/.test(token) ? `[${token}]` : `.${token}`))
    .join("");
}
