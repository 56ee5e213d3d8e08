// `anonymize=true`, as the 2026-10 spec describes it: the email replaced by a hashed
// one, name and billing name hashed (a business's name is kept when it has a tax id),
// the billing address cleared, OAuth account data removed. Hashes are FNV-1a, so the
// fake stays deterministic and needs nothing beyond the language.

export interface CustomerRecord {
  id: string;
  external_id?: string | null | undefined;
  email?: string | undefined;
  name?: string | null | undefined;
  [field: string]: unknown;
}

export function anonymize(customer: CustomerRecord): Partial<CustomerRecord> {
  const changes: Partial<CustomerRecord> = {};
  if (typeof customer.email === "string")
    changes.email = `${hash(customer.email)}@anonymized.invalid`;
  const business = Array.isArray(customer["tax_id"])
    ? customer["tax_id"].length > 0
    : !!customer["tax_id"];
  if (typeof customer.name === "string" && !business) changes.name = hash(customer.name);
  if (typeof customer["billing_name"] === "string")
    changes["billing_name"] = hash(customer["billing_name"]);
  if (Object.hasOwn(customer, "billing_address")) changes["billing_address"] = null;
  if (Object.hasOwn(customer, "oauth_accounts")) changes["oauth_accounts"] = {};
  return changes;
}

/** 64-bit FNV-1a of the UTF-16 code units, as 16 hex digits. */
export function hash(text: string): string {
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (let index = 0; index < text.length; index++) {
    low ^= text.charCodeAt(index);
    // Multiply by the FNV prime 2^40 + 0x1b3, in 32-bit halves.
    const lowProduct = low * 0x1b3;
    const carry = Math.floor(lowProduct / 0x100000000);
    high = (high * 0x1b3 + (low << 8) + carry) >>> 0;
    low = lowProduct >>> 0;
  }
  return high.toString(16).padStart(8, "0") + low.toString(16).padStart(8, "0");
}
