// The README's examples are the tested ones: its Express, Hono and CI blocks are the
// blocks docs/server.md and docs/regen.md hold (test/e2e/docs-server.test.ts and
// test/cli/docs-regen.test.ts run those), and its set-up commands are real scripts.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readme = readFileSync("README.md", "utf8");
const blocks = (text: string) => [...text.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((match) => ({ lang: match[1]!, code: match[2]! }));

describe("README", () => {
  it("shows the Express and Hono mounting exactly as docs/server.md, whose blocks are run", () => {
    const server = blocks(readFileSync("docs/server.md", "utf8")).filter((block) => /from "(express|hono)"/.test(block.code));
    expect(server.map((block) => block.code.match(/from "(express|hono)"/)![1])).toStrictEqual(["express", "hono"]);
    for (const block of server) expect(readme).toContain(block.code);
  });

  it("shows the CI job exactly as docs/regen.md, whose steps are run", () => {
    const job = blocks(readFileSync("docs/regen.md", "utf8")).find((block) => block.lang === "yaml" && block.code.includes("polar-codegen --check"));
    expect(job).toBeDefined();
    expect(readme).toContain(job!.code);
  });

  it("its set-up commands are the package's scripts", () => {
    const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
    expect(readme).toContain("npm ci && npm run generate");
    for (const name of ["generate", "test", "test:corpus", "bench"]) expect(scripts[name], name).toBeDefined();
  });
});
