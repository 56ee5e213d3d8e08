// The real Polar specs, read where they are (never copied into the repo).
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { validateSpec } from "../../generator/validate.js";
import { SPECS_DIR } from "./specs-dir.js";

const FOLDER = SPECS_DIR;
// The corpus needs the real specs (POLAR_SPECS_DIR); npm run test:corpus checks first.
const specs = readdirSync(FOLDER).filter((name) => /\.openapi\.(ya?ml|json)$/.test(name)).sort();

describe("loadSpec on the real Polar specs", () => {
  it.each(specs)("loads and validates %s cleanly", async (name) => {
    const { spec, problems } = await loadSpec({ source: `${FOLDER}/${name}` });
    expect([problems, spec ? validateSpec(spec) : "not loaded"]).toStrictEqual([[], []]);
  });

  it("reads the three operations' path items identically from the 2026-10 YAML and JSON", async () => {
    const fromYaml = await loadSpec({ source: `${FOLDER}/polar-2026-10.openapi.yaml` });
    const fromJson = await loadSpec({ source: `${FOLDER}/polar-2026-10.openapi.json` });
    const paths = ["/v1/customers/{id}", "/v1/customers/external/{external_id}", "/v1/customer-portal/subscriptions/{id}"];
    for (const path of paths) {
      const item = fromJson.spec?.document.paths?.[path];
      expect(item).toBeDefined();
      expect(fromYaml.spec?.document.paths?.[path]).toStrictEqual(item);
    }
  });
});
