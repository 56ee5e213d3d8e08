// A schema issue's JSON pointer becomes pydantic's `loc` in a 422: positions in arrays
// are numbers, object keys are text even when they look like numbers (a dict's key "1"
// is reported as "1" by FastAPI), and `~1`/`~0` are unescaped.
import { describe, expect, it } from "vitest";
import { pointerTokens } from "../../../templates/server/runtime/decode.js";

describe("pointerTokens: a validator's pointer as a 422's loc", () => {
  it("numbers positions in arrays and keeps object keys as text, numeric ones included", () => {
    const value = { items: [{ name: 1 }, { name: 2 }], metadata: { "1": "x", "": "y" } };
    expect(pointerTokens({ pointer: "/items/1/name", value })).toStrictEqual(["items", 1, "name"]);
    expect(pointerTokens({ pointer: "/metadata/1", value })).toStrictEqual(["metadata", "1"]);
    expect(pointerTokens({ pointer: "/metadata/", value })).toStrictEqual(["metadata", ""]);
    expect(pointerTokens({ pointer: "/0", value: ["a"] })).toStrictEqual([0]);
    expect(pointerTokens({ pointer: "", value })).toStrictEqual([]);
  });

  it("unescapes ~1 and ~0, and reads keys as data (a missing key, __proto__)", () => {
    const value = JSON.parse('{"a/b": {"~c": 1}, "__proto__": {"0": 1}}');
    expect(pointerTokens({ pointer: "/a~1b/~0c", value })).toStrictEqual(["a/b", "~c"]);
    expect(pointerTokens({ pointer: "/__proto__/0", value })).toStrictEqual(["__proto__", "0"]);
    expect(pointerTokens({ pointer: "/missing/2", value })).toStrictEqual(["missing", "2"]);
  });
});
