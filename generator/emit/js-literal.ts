// JavaScript literals as prettier prints them on one line: `["a", "b"]`, `{ a: 1 }`,
// keys unquoted where they may be. Strings keep JSON's double quotes; a line holding a
// quote or backslash goes to prettier anyway (statement-layout.ts), which picks quotes.
// Used by the emitters in statement-lines layout: validators.ts and client.ts.

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function jsLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsLiteral).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([key, item]) => `${jsKey(key)}: ${jsLiteral(item)}`);
    return entries.length ? `{ ${entries.join(", ")} }` : "{}";
  }
  if (typeof value === "number") return jsNumber(value);
  return JSON.stringify(value) ?? "undefined";
}

/**
 * An object key: bare when it is an identifier, as prettier's `quoteProps: "as-needed"` leaves it.
 * `__proto__` is computed: as a plain key, quoted or not, a literal sets its prototype instead.
 */
export function jsKey(key: string): string {
  if (key === "__proto__") return `[${JSON.stringify(key)}]`;
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

/** Prettier drops the `+` of an exponent (`1e+21` → `1e21`). */
export function jsNumber(value: number): string {
  return String(value).replace("e+", "e");
}
