// A payload built from the fake's state holds whatever the seed gave: a seeded address
// with only a country, a product in the customer portal's shape where a webhook carries
// the full one. Before it is sent, each part the generated validator rejects is replaced
// by the same part of a schema-valid fallback (the generated sample), deepest first, so
// the state's values survive wherever they are valid and the payload always conforms.

export type PayloadCheck = (value: unknown) => ReadonlyArray<{ pointer: string }>;

/** Enough for every field of a payload to be replaced once; a valid fallback converges long before. */
const MAX_ROUNDS = 500;

export function conform(options: {
  value: unknown;
  fallback: unknown;
  check: PayloadCheck;
}): unknown {
  const { fallback, check } = options;
  let current = copy(options.value);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const issues = check(current);
    if (issues.length === 0) return current;
    const tokens = parsePointer(issues[0]!.pointer);
    current = repair({ current, fallback, tokens });
  }
  return copy(fallback);
}

/** Replaces the shallowest part on the issue's path that differs from the fallback, starting where the two part ways. */
function repair(options: { current: unknown; fallback: unknown; tokens: string[] }): unknown {
  const { current, fallback, tokens } = options;
  let shared = 0;
  let node = current;
  let model = fallback;
  while (
    shared < tokens.length &&
    sameKind(node, model) &&
    has(node, tokens[shared]!) &&
    has(model, tokens[shared]!)
  ) {
    node = child(node, tokens[shared]!);
    model = child(model, tokens[shared]!);
    shared++;
  }
  // Where both sides still hold the same kind of container, the part to replace is below it.
  const deepest = sameKind(node, model) ? shared + 1 : shared;
  for (let length = Math.min(deepest, tokens.length); length > 0; length--) {
    const path = tokens.slice(0, length);
    const parent = at(current, path.slice(0, -1)) as Record<string, unknown>;
    const parentModel = at(fallback, path.slice(0, -1));
    const key = path[length - 1]!;
    if (!has(parentModel, key)) {
      // An element the fallback has no counterpart for: replace the whole array instead.
      if (Array.isArray(parent)) continue;
      delete parent[key];
      return current;
    }
    const replacement = child(parentModel, key);
    if (JSON.stringify(parent[key]) === JSON.stringify(replacement)) continue;
    parent[key] = copy(replacement);
    return current;
  }
  return copy(fallback);
}

function sameKind(a: unknown, b: unknown): boolean {
  const container = (value: unknown) => typeof value === "object" && value !== null;
  return container(a) && container(b) && Array.isArray(a) === Array.isArray(b);
}

function has(value: unknown, key: string): boolean {
  return typeof value === "object" && value !== null && Object.hasOwn(value, key);
}

function child(value: unknown, key: string): unknown {
  return (value as Record<string, unknown>)[key];
}

function at(value: unknown, path: string[]): unknown {
  return path.reduce(child, value);
}

function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .split("/")
    .slice(1)
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
