// Small helpers over JSON-shaped data. They read through getters and proxies (the
// loader may hand out lazily built objects) and never mutate their input.
//
// A spec's keys are data: `__proto__`, `constructor` or `toString` are names like any
// other. So a key is read only when it is the object's own (`ownValue`) and written with
// `setOwn`, which defines a property: an assignment `copy["__proto__"] = …` would set the
// copy's prototype and the key would vanish.

/** Define `key` as an own, enumerable data property, whatever the key is. */
export function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
}

/** `record[key]` when it is the record's own property; an inherited `constructor` is no key of a spec. */
export function ownValue(record: unknown, key: string): unknown {
  return typeof record === "object" && record !== null && Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

/** A deep, plain copy of JSON-shaped data. */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T;
  if (typeof value === "object" && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setOwn(copy, key, cloneJson((value as Record<string, unknown>)[key]));
    return copy as T;
  }
  return value;
}

/** Every `$ref` string below `value`, in document order. */
export function collectRefs(value: unknown): string[] {
  const refs: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
    } else if (typeof node === "object" && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        if (key === "$ref" && typeof child === "string") refs.push(child);
        else stack.push(child);
      }
    }
  }
  return refs;
}

/** A shallow copy with keys in code-point order, so output never depends on input order. */
export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  const sorted: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) setOwn(sorted, key, record[key]!);
  return sorted;
}

/** Stable JSON: object keys sorted at every depth. */
export function stableStringify(value: unknown, indent?: number): string {
  return JSON.stringify(sortDeep(value), null, indent);
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (typeof value === "object" && value !== null) {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) setOwn(sorted, key, sortDeep((value as Record<string, unknown>)[key]));
    return sorted;
  }
  return value;
}
