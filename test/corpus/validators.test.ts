// On every real spec: the validators compile into the output, and agree with Ajv on
// every schema the three operations reach (valid samples and mutations of them).
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { selectOperations } from "../../generator/select.js";
import { agreeWithAjv } from "../fixtures/validators/agree.js";
import { SPECS_DIR } from "./specs-dir.js";

const FOLDER = SPECS_DIR;
const specs = readdirSync(FOLDER).filter((name) => name.endsWith(".yaml")).sort();

describe("validators on the real specs", () => {
  it("there are real specs", () => expect(specs.length).toBeGreaterThan(4));
  it.each(specs)("%s: agree with Ajv on every reachable schema", async (name) => {
    const document = parse(readFileSync(`${FOLDER}/${name}`, "utf8"));
    const { selected } = selectOperations({ document, operationIds: ["customers:delete", "customer_portal:subscriptions:cancel"] });
    await agreeWithAjv({ document: selected!.document as Record<string, unknown>, numRuns: 25 });
  }, 120_000);
});
