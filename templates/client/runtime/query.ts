// Query parameters beyond one scalar: arrays in each style OpenAPI defines, a scalar or an
// array where the schema allows either, and `deepObject`. The generated client imports these
// only for operations that have such parameters: a client without them bundles none of it.

import { type QueryEncoder, queryPairs, refuse } from "./url.js";

/**
 * An array parameter, or one that may be a scalar or an array: `form` exploded repeats the
 * name (`k=a&k=b`, the default), else the items are joined by the style's separator
 * (`form` `,`, `spaceDelimited` `%20`, `pipeDelimited` `|`). Separators inside an item are
 * percent-encoded, so a server splits only where the client joined. An empty array is left out.
 */
export function queryList(separator?: string): QueryEncoder {
  return ([name, value, field, types]) => {
    const items = Array.isArray(value) ? (value as unknown[]) : [value];
    const pairs = items.map((item) => queryPairs([name, item, field, types]));
    if (!separator || !pairs.length) return pairs.join("");
    // Each pair's value, after its `&name=`.
    return `&${name}=${pairs.map((pair) => pair.slice(name.length + 2)).join(separator)}`;
  };
}

/** `deepObject`: `k[x]=1&k[y]=2`, brackets percent-encoded as URLSearchParams writes them; an array value repeats its key. */
export const queryDeep: QueryEncoder = ([name, value, field, types]) => {
  if (typeof value !== "object" || Array.isArray(value)) refuse(`${field}: not an object`);
  let pairs = "";
  for (const key of Object.keys(value as object)) {
    const member = (value as Record<string, unknown>)[key];
    if (member != null)
      pairs += queryList()([`${name}%5B${encodeURIComponent(key)}%5D`, member, field, types]);
  }
  return pairs;
};
