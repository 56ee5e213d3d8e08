// Where the generated contract suite runs, decided before any request: no destructive
// case against a live server without both the opt-in and a fixtures file, and none, by
// any spelling of its URL, against the spec's production server. Nothing here sends a
// request anywhere: planTarget only parses.
import { describe, expect, it } from "vitest";
import { isProductionUrl, planTarget } from "../../templates/contract/target.js";

const PRODUCTION = ["https://api.polar.sh"];
const DESTRUCTIVE = { POLAR_CONTRACT_ALLOW_DESTRUCTIVE: "1", POLAR_CONTRACT_FIXTURES: "fixtures.json" };

describe("the production server, however its URL is spelt", () => {
  it.each([
    "https://api.polar.sh",
    "https://api.polar.sh/",
    "https://api.polar.sh.",
    "https://api.polar.sh..",
    "https://api.polar.sh%2e",
    "https://api.polar.sh%2E",
    "https://api.polar.sh%E3%80%82",
    "https://API.Polar.SH",
    "HTTPS://api.polar.sh",
    "https://api%2Epolar%2Esh",
    "https://%61pi.polar.sh",
    "https://api。polar。sh",
    "https://api．polar．sh",
    "https://api.polar.ｓｈ",
    "https://api.po\u00adlar.sh",
    "https://api.polar.sh\u200b",
    " https://api.polar.sh\t",
    "https://user:secret@api.polar.sh",
    "https://staging.example.com@api.polar.sh",
    "https://api.polar.sh\\@staging.example.com",
    "https://api.polar.sh:443",
    "https://api.polar.sh:8443",
    "http://api.polar.sh",
    "https:api.polar.sh",
    "https:/api.polar.sh",
    "https:\\\\api.polar.sh",
    "https://api.polar.sh?x=1",
    "https://api.polar.sh#fragment",
    "https://api.polar.sh/v1/",
  ])("%j is production: destructive cases refused before any request", (url) => {
    expect(isProductionUrl({ url, productionUrls: PRODUCTION })).toBe(true);
    expect(() => planTarget({ env: { POLAR_CONTRACT_BASE_URL: url, ...DESTRUCTIVE }, productionUrls: PRODUCTION })).toThrow(
      `refusing destructive contract tests against ${url}: it is the spec's production server`,
    );
  });

  it.each(["https://sandbox-api.polar.sh", "https://api.polar.sh.example.com", "https://api-polar.sh", "https://polar.sh", "http://127.0.0.1:4010"])(
    "%j is not production",
    (url) => {
      expect(isProductionUrl({ url, productionUrls: PRODUCTION })).toBe(false);
      expect(planTarget({ env: { POLAR_CONTRACT_BASE_URL: url, ...DESTRUCTIVE }, productionUrls: PRODUCTION })).toMatchObject({ live: true, destructive: true });
    },
  );

  it("requests go to the parsed origin and path, so nothing appended can move them to another host", () => {
    const plan = planTarget({ env: { POLAR_CONTRACT_BASE_URL: "https:staging.example.com/polar/?token=x#y", ...DESTRUCTIVE }, productionUrls: PRODUCTION });
    expect(plan).toStrictEqual({ live: true, baseUrl: "https://staging.example.com/polar", destructive: true, destructiveOff: undefined });
  });

  it.each(["not a url", "ftp://api.polar.sh", "file:///etc/passwd", "https://api.polar.sh%00"])("%j is refused as no http(s) URL", (url) => {
    expect(() => planTarget({ env: { POLAR_CONTRACT_BASE_URL: url, ...DESTRUCTIVE }, productionUrls: PRODUCTION })).toThrow(/is not an http\(s\) URL/);
  });
});

describe("destructive cases against a live server", () => {
  const base = { POLAR_CONTRACT_BASE_URL: "https://staging.example.com" };
  it.each([
    ["without the opt-in", {}, "a live server without POLAR_CONTRACT_ALLOW_DESTRUCTIVE=1"],
    ["with the opt-in but no fixtures file", { POLAR_CONTRACT_ALLOW_DESTRUCTIVE: "1" }, "a live server without POLAR_CONTRACT_FIXTURES naming records that exist on it"],
    ["with fixtures but no opt-in", { POLAR_CONTRACT_FIXTURES: "fixtures.json" }, "a live server without POLAR_CONTRACT_ALLOW_DESTRUCTIVE=1"],
    ["with an opt-in other than 1", { POLAR_CONTRACT_ALLOW_DESTRUCTIVE: "true", POLAR_CONTRACT_FIXTURES: "fixtures.json" }, "a live server without POLAR_CONTRACT_ALLOW_DESTRUCTIVE=1"],
  ])("do not run %s, and say why", (_, env, why) => {
    expect(planTarget({ env: { ...base, ...env }, productionUrls: PRODUCTION })).toStrictEqual({ live: true, baseUrl: "https://staging.example.com", destructive: false, destructiveOff: why });
  });

  it("a state URL is read only from POLAR_CONTRACT_STATE_URL, and must be http(s)", () => {
    expect(planTarget({ env: { ...base, POLAR_CONTRACT_STATE_URL: "http://127.0.0.1:9/state" }, productionUrls: PRODUCTION })).toMatchObject({ stateUrl: "http://127.0.0.1:9/state" });
    expect(() => planTarget({ env: { ...base, POLAR_CONTRACT_STATE_URL: "file:///etc/passwd" }, productionUrls: PRODUCTION })).toThrow("POLAR_CONTRACT_STATE_URL \"file:///etc/passwd\" is not an http(s) URL");
  });

  it("run with both, and always against the in-process fake", () => {
    expect(planTarget({ env: { ...base, ...DESTRUCTIVE }, productionUrls: PRODUCTION })).toMatchObject({ destructive: true });
    expect(planTarget({ env: {}, productionUrls: PRODUCTION })).toStrictEqual({ live: false, destructive: true });
  });
});
