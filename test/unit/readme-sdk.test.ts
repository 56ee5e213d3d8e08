// The README's snippets for Polar's own SDKs against the fake are what test/e2e/sdk.test.ts
// runs: each statement, with the fake's URL as the test names it, is in that test.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readme = readFileSync("README.md", "utf8");
const e2e = readFileSync("test/e2e/sdk.test.ts", "utf8");
const section = readme.slice(readme.indexOf("### Polar's own SDKs against the fake"));
const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].slice(0, 2).map((match) => match[1]!);

/** `await x;` as the test writes it: no `await`, no `;`, the fake's URL and 0.x's class by the test's names. */
function asInTheTest(line: string): string {
  return line.replace(/^await /, "").replace(/;$/, "").replaceAll("fakeUrl", "served.url").replace("new Polar(", "new PolarV0(");
}

describe("README: Polar's SDKs against the fake", () => {
  it.each([
    ["@polar-sh/sdk 1.x", 0, 'from "@polar-sh/sdk/2026-10"'],
    ["@polar-sh/sdk 0.x", 1, 'from "@polar-sh/sdk"'],
  ] as const)("%s: every statement is one the e2e test runs", (_, index, from) => {
    const block = blocks[index]!;
    expect(block).toContain(from);
    const statements = block.split("\n").filter((line) => line !== "" && !line.startsWith("import "));
    expect(statements.length).toBeGreaterThan(2);
    for (const statement of statements) expect(e2e, statement).toContain(asInTheTest(statement));
  });
});
