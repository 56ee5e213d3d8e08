// Loading from the network against real servers on 127.0.0.1: every redirect hop is
// held to what the user allowed, at most a few of them, and nothing is fetched that was
// not allowed. Two servers on two ports are two origins, as two hosts would be. The
// size cap and the deadline are in load-remote-limits.test.ts.
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { httpSites, redirect, send, specWith, type Route } from "../helpers/http-sites.js";
import { tempFolders } from "../helpers/temp-folders.js";

const { folderWith } = tempFolders("polar-codegen-remote-");
const { site } = httpSites();

const schemaOf = (spec: Awaited<ReturnType<typeof loadSpec>>["spec"]) =>
  (spec?.document.paths?.["/c"]?.get as any)?.responses["200"].content["application/json"].schema;
const codesOf = (result: Awaited<ReturnType<typeof loadSpec>>) => result.problems.map((found) => [found.code, found.message]);

describe("a spec given as a URL that redirects", () => {
  it("follows a redirect within its origin, and resolves its relative $refs against where it was found", async () => {
    const api = await site({
      "/latest": redirect("/v3/spec.yaml", 301),
      "/v3/spec.yaml": send(specWith("{ $ref: 'schemas.yaml#/X' }")),
      "/v3/schemas.yaml": send("X: { type: boolean }\n"),
    });
    const result = await loadSpec({ source: `${api.url}/latest` });
    expect([result.problems, schemaOf(result.spec), result.spec?.source]).toStrictEqual([
      [],
      { $ref: "#/components/schemas/X" },
      `${api.url}/latest`,
    ]);
    expect(api.requested).toStrictEqual(["/latest", "/v3/spec.yaml", "/v3/schemas.yaml"]);
  });

  it("refuses a redirect to another origin without --allow-remote-refs, and never asks it", async () => {
    const elsewhere = await site({ "/spec.yaml": send(specWith("{ type: string }")) });
    const api = await site({ "/spec.yaml": redirect(`${elsewhere.url}/spec.yaml`) });
    const result = await loadSpec({ source: `${api.url}/spec.yaml` });
    expect(codesOf(result)).toStrictEqual([
      [
        "spec-redirect-refused",
        `could not fetch ${api.url}/spec.yaml: redirected to ${elsewhere.url}/spec.yaml: another origin than the spec's URL; give that URL as --spec, or allow it with --allow-remote-refs`,
      ],
    ]);
    expect(elsewhere.requested).toStrictEqual([]);
  });

  it("follows a redirect to another origin with --allow-remote-refs", async () => {
    const elsewhere = await site({ "/spec.yaml": send(specWith("{ type: string }")) });
    const api = await site({ "/spec.yaml": redirect(`${elsewhere.url}/spec.yaml`, 307) });
    const result = await loadSpec({ source: `${api.url}/spec.yaml`, allowRemoteRefs: true });
    expect([result.problems, schemaOf(result.spec)]).toStrictEqual([[], { type: "string" }]);
  });

  it("follows five redirects and refuses a sixth", async () => {
    const hops = (count: number): Record<string, Route> =>
      Object.fromEntries(Array.from({ length: count }, (_, index) => [`/${count}-${index}`, redirect(`/${count}-${index + 1}`)]));
    const api = await site({ ...hops(5), "/5-5": send(specWith("{ type: string }")), ...hops(6), "/6-6": send(specWith("{ type: string }")) });
    expect((await loadSpec({ source: `${api.url}/5-0` })).problems).toStrictEqual([]);
    expect(codesOf(await loadSpec({ source: `${api.url}/6-0` }))).toStrictEqual([
      ["spec-too-many-redirects", `could not fetch ${api.url}/6-0: more than 5 redirects`],
    ]);
    expect(api.requested.filter((path) => path.startsWith("/6-"))).toStrictEqual(["/6-0", "/6-1", "/6-2", "/6-3", "/6-4", "/6-5"]);
  });

  it("refuses a redirect to a file: URL or another scheme, even with --allow-remote-refs", async () => {
    const api = await site({ "/file": redirect("file:///etc/passwd"), "/data": redirect("data:text/plain,openapi") });
    for (const path of ["/file", "/data"]) {
      const [found] = (await loadSpec({ source: `${api.url}${path}`, allowRemoteRefs: true })).problems;
      expect([found?.code, found?.message.endsWith(": only http(s) URLs are fetched")]).toStrictEqual(["spec-redirect-refused", true]);
    }
  });
});

describe("a remote spec's $ref that redirects", () => {
  it("is refused when redirected to another host without --allow-remote-refs: nothing fetched there", async () => {
    const evil = await site({ "/x.yaml": send("X: { type: string, description: injected }\n") });
    const api = await site({ "/spec.yaml": send(specWith("{ $ref: 'schemas.yaml#/X' }")), "/schemas.yaml": redirect(`${evil.url}/x.yaml`) });
    const result = await loadSpec({ source: `${api.url}/spec.yaml` });
    expect(codesOf(result)).toStrictEqual([
      [
        "ref-redirect-refused",
        `could not fetch ${api.url}/schemas.yaml: redirected to ${evil.url}/x.yaml: outside the spec's folder; allow remote refs (--allow-remote-refs) to follow it`,
      ],
    ]);
    expect(result.problems[0]?.position).toStrictEqual({ file: `${api.url}/spec.yaml`, line: 11, col: 43 });
    expect(evil.requested).toStrictEqual([]);
  });

  it("is refused when redirected out of the spec's folder on the same host", async () => {
    const api = await site({
      "/specs/spec.yaml": send(specWith("{ $ref: 'schemas.yaml#/X' }")),
      "/specs/schemas.yaml": redirect("/private/x.yaml"),
      "/private/x.yaml": send("X: {}\n"),
    });
    expect((await loadSpec({ source: `${api.url}/specs/spec.yaml` })).problems.map((found) => found.code)).toStrictEqual(["ref-redirect-refused"]);
    expect(api.requested).toStrictEqual(["/specs/spec.yaml", "/specs/schemas.yaml"]);
  });

  it("is followed to another host with --allow-remote-refs", async () => {
    const other = await site({ "/x.yaml": send("X: { type: integer }\n") });
    const api = await site({ "/spec.yaml": send(specWith("{ $ref: 'schemas.yaml#/X' }")), "/schemas.yaml": redirect(`${other.url}/x.yaml`) });
    const result = await loadSpec({ source: `${api.url}/spec.yaml`, allowRemoteRefs: true });
    expect([result.problems, result.spec?.document.components]).toStrictEqual([[], { schemas: { X: { type: "integer" } } }]);
  });
});

describe("what a local spec may fetch", () => {
  it("nothing for a remote $ref without --allow-remote-refs", async () => {
    const api = await site({ "/x.yaml": send("X: {}\n") });
    const cwd = await folderWith({ "spec.yaml": specWith(`{ $ref: '${api.url}/x.yaml#/X' }`) });
    expect((await loadSpec({ source: "spec.yaml", cwd })).problems.map((found) => found.code)).toStrictEqual(["ref-remote-refused"]);
    expect(api.requested).toStrictEqual([]);
  });

  it("nothing for a file: or other-scheme $ref, nor a protocol-relative one", async () => {
    const api = await site({ "/x.yaml": send("X: {}\n") });
    const host = api.url.slice("http:".length);
    const cwd = await folderWith({ "a.yaml": specWith("{ $ref: 'file:///etc/passwd#/X' }"), "b.yaml": specWith(`{ $ref: '${host}/x.yaml#/X' }`) });
    const codes = async (source: string) => (await loadSpec({ source, cwd, allowRemoteRefs: true })).problems.map((found) => found.code);
    expect([await codes("a.yaml"), await codes("b.yaml")]).toStrictEqual([["ref-unsupported"], ["ref-escapes-folder"]]);
    expect(api.requested).toStrictEqual([]);
  });
});
