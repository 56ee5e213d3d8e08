// `polar-codegen test` names the environment variables a live run needs before it starts
// the generated suite, which reads them itself: both must name the same ones.
import { describe, expect, it } from "vitest";
import { CREDENTIAL_VARIABLES as named } from "../../generator/commands/test.js";
import { CREDENTIAL_VARIABLES as read } from "../../templates/contract/target.js";

describe("the live run's credential variables", () => {
  it("are the same in the CLI and in the generated suite", () => {
    expect(named).toStrictEqual(read);
  });
});
