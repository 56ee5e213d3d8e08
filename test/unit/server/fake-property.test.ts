// The fake's property for the embedded spec (test/fixtures/server/fake-property.ts):
// random seeds and random sequences of the three operations with random credentials;
// every response is one the spec allows, with the status Polar's rules give, and the
// state changes only as they say. A fixed seed, so a failure reproduces.

import { it } from "vitest";
import * as fake from "../../../generated/polar/fake.js";
import * as server from "../../../generated/polar/index.js";
import { checkFakeProperty } from "../../fixtures/server/fake-property.js";

it("random seeds and operation sequences: responses valid against the spec, statuses and state as Polar's rules say", async () => {
  await checkFakeProperty({ module: { ...fake, ...server } as never, openapiJson: "generated/polar/openapi.json", numRuns: 300, seed: 20261207 });
}, 120_000);
