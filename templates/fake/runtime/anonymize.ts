// `anonymize=true`, as Polar's customer service does it (`CustomerService.anonymize`
// in polarsource/polar, on top of the soft delete): the email replaced by a SHA-256
// hash at `anonymized.polar.sh` and no longer verified; the name hashed unless the
// customer is a business (has a tax id); the billing name hashed; both only when not
// empty; the billing address cleared, OAuth account data removed, and the time of it
// recorded in the metadata as `__anonymized_at`. Each hash is of the customer's
// creation time (as Python prints it) followed by the value, so it is the hash Polar
// would store. A customer anonymised before is left as it is.

import { sha256Hex } from "./sha256.js";

export interface CustomerRecord {
  id: string;
  external_id?: string | null | undefined;
  email?: string | null | undefined;
  name?: string | null | undefined;
  [field: string]: unknown;
}

export const ANONYMIZED_EMAIL_DOMAIN = "anonymized.polar.sh";

export function anonymize(options: {
  customer: CustomerRecord;
  /** When the customer was created, if its record does not say. */
  createdAt: string;
  now: Date;
}): Partial<CustomerRecord> {
  const { customer } = options;
  const metadata = recordOf(customer.metadata);
  if (metadata.__anonymized_at != null || isAnonymizedEmail(customer.email)) return {};
  const created = pythonIsoFormat(
    typeof customer.created_at === "string" ? customer.created_at : options.createdAt,
  );
  const hash = (value: string) => sha256Hex(created + value);
  const changes: Partial<CustomerRecord> = { email_verified: false, billing_address: null };
  if (typeof customer.email === "string")
    changes.email = `${hash(customer.email)}@${ANONYMIZED_EMAIL_DOMAIN}`;
  if (customer.tax_id == null && typeof customer.name === "string" && customer.name !== "")
    changes.name = hash(customer.name);
  if (typeof customer.billing_name === "string" && customer.billing_name !== "")
    changes.billing_name = hash(customer.billing_name);
  if ("oauth_accounts" in customer) changes.oauth_accounts = {};
  changes.metadata = { ...metadata, __anonymized_at: pythonIsoFormat(options.now.toISOString()) };
  return changes;
}

function isAnonymizedEmail(email: unknown): boolean {
  return typeof email === "string" && email.endsWith(`@${ANONYMIZED_EMAIL_DOMAIN}`);
}

/** A copy of a metadata object; anything else is no metadata. */
export function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? { ...(value as Record<string, unknown>) }
    : {};
}

const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * An ISO 8601 time as Python's `datetime.isoformat()` prints a UTC time read from
 * Polar's database: seconds, then microseconds only when not zero, then `+00:00`.
 * Text that is no such time is returned as it is.
 */
export function pythonIsoFormat(time: string): string {
  const match = ISO.exec(time);
  if (!match) return time;
  const fraction = (match[3] ?? "").padEnd(6, "0").slice(0, 6);
  const utc = new Date(`${match[1]}T${match[2]}${match[4]!.toUpperCase()}`);
  if (Number.isNaN(utc.getTime())) return time;
  const seconds = utc.toISOString().slice(0, 19);
  return `${seconds}${/^0+$/.test(fraction) ? "" : `.${fraction}`}+00:00`;
}
