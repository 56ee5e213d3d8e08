// The seed, checked before use (it often comes from a JSON file), and a seeded
// subscription completed into a whole record: fields given are kept, the rest come
// from the schema-valid defaults generated from the spec, times from the fake's clock.

import { timestamp, type StoreSeed, type SubscriptionRecord } from "./store.js";

const DAY_MS = 86_400_000;
/** Where the generated defaults have a time or a date: filled from the clock at seeding. */
export const SEEDING_TIME = "(seeding time)";
export const SEEDING_DATE = "(seeding date)";

/** Throws a `TypeError` naming the first field that is not as the seed format says. */
export function checkSeed(seed: unknown): StoreSeed {
  const fail = (where: string, what: string): never => {
    throw new TypeError(`fake Polar seed: ${where}: ${what}`);
  };
  if (typeof seed !== "object" || seed === null || Array.isArray(seed))
    fail("seed", "must be an object");
  const record = seed as Record<string, unknown>;
  const lists = {
    customers: ["id"],
    subscriptions: ["id", "customer_id"],
    customer_sessions: ["token", "customer_id"],
  };
  for (const [list, fields] of Object.entries(lists)) {
    const items = record[list];
    if (items === undefined) continue;
    if (!Array.isArray(items)) fail(list, "must be an array");
    const seen = new Set<string>();
    (items as unknown[]).forEach((item, index) => {
      const where = `${list}[${index}]`;
      if (typeof item !== "object" || item === null || Array.isArray(item))
        fail(where, "must be an object");
      for (const field of fields) {
        const value = (item as Record<string, unknown>)[field];
        if (typeof value !== "string" || value === "")
          fail(`${where}.${field}`, "must be a non-empty string");
      }
      const key = String((item as Record<string, unknown>)[fields[0]!]);
      if (seen.has(key)) fail(`${where}.${fields[0]}`, `"${key}" appears twice`);
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
