// `polar-codegen serve` as a user runs it: generates once (then starts from the cache),
// prints where it listens, logs each request, stops cleanly on SIGINT and SIGTERM.

import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, runCli, runCliProcess, scratchDir } from "../helpers/cli.js";
import { webhooks as sdkWebhooks } from "polar-sdk-v1/2026-10";
import { CUSTOMER, ORG_TOKEN, seed, SESSION_ADA, SUBSCRIPTION } from "../fixtures/server/polar.js";
import { startReceiver, stringHeaders } from "../fixtures/webhooks/receiver.js";

const TOKEN_LINE = `access token: ${ORG_TOKEN} (scopes: customers:write)`;

let scratch: string;
let env: Record<string, string>;
beforeAll(() => {
  scratch = scratchDir("polar-codegen-serve-");
  writeFileSync(join(scratch, "seed.json"), JSON.stringify(seed()));
  env = { POLAR_CODEGEN_CACHE_DIR: join(scratch, "cache") };
});
/** Every child started: a test that fails before stopping its server leaves none behind. */
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  rmSync(scratch, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Spawns `serve` and resolves once it prints where it listens. */
function start(args: string[], extraEnv: Record<string, string> = {}): Promise<Running> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "serve", ...args], { cwd: scratch, env: { ...process.env, ...env, ...extraEnv } });
    children.push(child);
    let stdout = "";
    let stderr = "";
    let signal: string | null = null;
    const exited = new Promise<number | null>((done) => child.on("exit", (code, killedBy) => ((signal = killedBy), done(code))));
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const url = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout)?.[1];
      if (url) resolve({ child, url, stdout: () => stdout, stderr: () => stderr, exited });
    });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    void exited.then((code) => reject(new Error(`serve exited ${code ?? `on ${signal}`} before listening:\n${stderr}`)));
  });
}

/** Bytes no HTTP client would send, and what came back before the server closed. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(bytes));
    let reply = "";
    socket.on("data", (chunk) => (reply += chunk));
    socket.on("close", () => resolve(reply));
    socket.on("error", reject);
  });
}

async function stop(running: Running, signal: NodeJS.Signals) {
  running.child.kill(signal);
  return running.exited;
}

describe("serve", () => {
  it("generates, listens on 127.0.0.1, logs each request, and stops on SIGTERM with exit 0", async () => {
    const running = await start(["--port", "0", "--seed", "seed.json"]);
    expect(running.stderr()).toMatch(/generating the fake for polar-codegen\/spec\/polar\.openapi\.yaml/);
    const deleted = await fetch(`${running.url}/v1/customers/external/user-42`, { method: "DELETE", headers: { authorization: `Bearer ${ORG_TOKEN}` } });
    const cancel = await fetch(`${running.url}/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, { method: "DELETE", headers: { authorization: `Bearer ${SESSION_ADA}` } });
    expect([deleted.status, cancel.status]).toStrictEqual([204, 401]); // a deleted customer's session
    expect(await stop(running, "SIGTERM")).toBe(0);
    // Which operations the fake models, on stderr (read once the process has ended: another pipe than stdout's).
    expect(running.stderr()).toContain("polar-codegen: modelled (3): customer_portal:subscriptions:cancel, customers:delete, customers:delete_external\n");
    const lines = running.stdout().trim().split("\n");
    expect(lines.slice(0, 2)).toStrictEqual([TOKEN_LINE, `listening on ${running.url}`]);
    expect(lines.slice(2).map((line) => line.replace(/ [\d.]+ ms$/, " <ms>"))).toStrictEqual([
      "DELETE /v1/customers/external/user-42 204 <ms>",
      `DELETE /v1/customer-portal/subscriptions/${SUBSCRIPTION} 401 <ms>`,
    ]);
  });

  it("requests node:http's parser rejects are answered as Node would, logged, and serving goes on", async () => {
    const running = await start(["--port", "0"]);
    const port = Number(new URL(running.url).port);
    const huge = await rawExchange(port, `DELETE /v1/customers/${CUSTOMER} HTTP/1.1\r\nHost: x\r\nX-Huge: ${"h".repeat(20_000)}\r\n\r\n`);
    const garbage = await rawExchange(port, "GARBAGE\x01\r\n\r\n");
    const after = await fetch(`${running.url}/v1/customers/external/nobody`, { method: "DELETE", headers: { authorization: `Bearer ${ORG_TOKEN}` } });
    expect([huge.split("\r\n")[0], garbage.split("\r\n")[0], after.status]).toStrictEqual(["HTTP/1.1 431 Request Header Fields Too Large", "HTTP/1.1 400 Bad Request", 404]);
    expect(await stop(running, "SIGTERM")).toBe(0);
    expect(running.stdout().trim().split("\n").slice(2).map((line) => line.replace(/ [\d.]+ ms$/, " <ms>"))).toStrictEqual([
      `DELETE /v1/customers/${CUSTOMER} 431 rejected by node:http (HPE_HEADER_OVERFLOW: Header overflow)`,
      "- - 400 rejected by node:http (HPE_INVALID_METHOD: Invalid method encountered)",
      "DELETE /v1/customers/external/nobody 404 <ms>",
    ]);
  });

  it("a request the parser rejects behind one still being answered on the same socket gets no 400 written into that answer", async () => {
    const running = await start(["--port", "0"]);
    const port = Number(new URL(running.url).port);
    const first = `DELETE /v1/customers/external/nobody HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ORG_TOKEN}\r\n\r\n`;
    const reply = await rawExchange(port, `${first}GARBAGE\x01\r\n\r\n`);
    // As node:http's own default: the socket closes; the answer under way arrives whole or not at all.
    expect(reply).not.toContain("400 Bad Request");
    if (reply !== "") expect(reply).toMatch(/^HTTP\/1\.1 404 Not Found\r\n[^]*\r\n\r\n\{[^{}]*\}$/);
    const after = await fetch(`${running.url}/v1/customers/external/nobody`, { method: "DELETE", headers: { authorization: `Bearer ${ORG_TOKEN}` } });
    expect(after.status).toBe(404);
    expect(await stop(running, "SIGTERM")).toBe(0);
    expect(running.stdout()).toContain("DELETE /v1/customers/external/nobody 400 rejected by node:http (HPE_INVALID_METHOD");
  });

  it("a second start runs from the cache, with a fresh fake; SIGINT stops it too", async () => {
    const running = await start(["--port", "0", "--seed", "seed.json", "--quiet"]);
    expect(running.stderr()).toBe("");
    const response = await fetch(`${running.url}/v1/customers/${CUSTOMER}`, { method: "DELETE", headers: { authorization: `Bearer ${ORG_TOKEN}` } });
    expect(response.status).toBe(204);
    expect(await stop(running, "SIGINT")).toBe(0);
    expect(running.stdout()).toBe(`${TOKEN_LINE}\nlistening on ${running.url}\n`);
  });

  it("a config file written after a start is honoured by the next, from the same folder with the same flags", async () => {
    const cancel = async (url: string) => (await fetch(`${url}/v1/customer-portal/subscriptions/${SUBSCRIPTION}`, { method: "DELETE" })).status;
    const before = await start(["--port", "0", "--quiet"]);
    expect(await cancel(before.url)).toBe(401); // selected: a credential is needed
    expect(await stop(before, "SIGTERM")).toBe(0);
    writeFileSync(join(scratch, "polar-codegen.config.json"), JSON.stringify({ operations: ["customers:delete"] }));
    try {
      const after = await start(["--port", "0", "--quiet"]);
      expect(await cancel(after.url)).toBe(404); // no longer selected: no such path
      expect(await stop(after, "SIGTERM")).toBe(0);
    } finally {
      rmSync(join(scratch, "polar-codegen.config.json"));
    }
  });

  it("an edited spec gets a new cache folder", async () => {
    const spec = join(scratch, "spec.yaml");
    copyFileSync("spec/polar.openapi.yaml", spec);
    const before = readdirSync(env.POLAR_CODEGEN_CACHE_DIR!).length;
    writeFileSync(spec, readFileSync(spec, "utf8").replace("Delete Customer", "Delete Customer (edited)"));
    const running = await start(["--port", "0", "--spec", "spec.yaml"]);
    expect(running.stderr()).toMatch(/generating the fake for spec\.yaml/);
    expect(await stop(running, "SIGTERM")).toBe(0);
    expect(readdirSync(env.POLAR_CODEGEN_CACHE_DIR!).length).toBe(before + 1);
  });

  it.each([
    [["--port", "http"], '--port must be a whole number from 0 to 65535, not "http"'],
    [["--port", "70000"], '--port must be a whole number from 0 to 65535, not "70000"'],
    [["--seed", "missing.json"], "--seed missing.json: cannot read"],
    [["--unknown"], "Unknown option '--unknown'"],
  ])("%j exits 2: %s", (args, message) => {
    const run = runCliProcess({ args: ["serve", ...args], cwd: scratch, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe("");
  });

  it("a malformed seed exits 2 naming the field, before listening", () => {
    writeFileSync(join(scratch, "bad-seed.json"), JSON.stringify({ customers: [{ email: "no-id@example.com" }] }));
    writeFileSync(join(scratch, "not-json.json"), "{ customers: [");
    writeFileSync(join(scratch, "bogus-status.json"), JSON.stringify({ ...seed(), subscriptions: [{ id: SUBSCRIPTION, customer_id: CUSTOMER, status: "bogus-status" }] }));
    const bogus = runCliProcess({ args: ["serve", "--port", "0", "--seed", "bogus-status.json"], cwd: scratch, env });
    expect([bogus.code, bogus.stdout]).toStrictEqual([2, ""]);
    expect(bogus.stderr).toContain('--seed bogus-status.json: fake seed: subscriptions[0].status: must be one of "incomplete"');
    const bad = runCliProcess({ args: ["serve", "--port", "0", "--seed", "bad-seed.json"], cwd: scratch, env });
    expect([bad.code, bad.stdout]).toStrictEqual([2, ""]);
    expect(bad.stderr).toContain("--seed bad-seed.json: fake seed: customers[0].id: must be a non-empty string");
    const notJson = runCliProcess({ args: ["serve", "--port", "0", "--seed", "not-json.json"], cwd: scratch, env });
    expect([notJson.code, notJson.stdout]).toStrictEqual([2, ""]);
    expect(notJson.stderr).toContain("--seed not-json.json: not valid JSON");
  });

  it("--webhook-url sends the events of each change, signed with $POLAR_WEBHOOK_SECRET, one log line per delivery", async () => {
    const receiver = await startReceiver();
    try {
      const secret = "whsec_serve-test-secret";
      const running = await start(["--port", "0", "--seed", "seed.json", "--webhook-url", receiver.url], { POLAR_WEBHOOK_SECRET: secret });
      const deleted = await fetch(`${running.url}/v1/customers/${CUSTOMER}`, { method: "DELETE", headers: { authorization: `Bearer ${ORG_TOKEN}` } });
      expect(deleted.status).toBe(204);
      const webhookLines = () => running.stdout().split("\n").filter((line) => line.startsWith("webhook "));
      for (let waited = 0; webhookLines().length < 6 && waited < 15_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await stop(running, "SIGTERM")).toBe(0);
      const types = [];
      for (const { headers, body } of receiver.received) types.push((await sdkWebhooks.validateEvent(body, stringHeaders(headers), secret)).type);
      expect(types).toStrictEqual(["subscription.updated", "subscription.canceled", "subscription.revoked", "customer.deleted", "customer.state_changed", "customer.state_changed"]);
      const logged = webhookLines();
      expect(logged).toHaveLength(6);
      expect(logged[0]).toMatch(new RegExp(`^webhook subscription\\.updated [\\da-f-]{36} -> ${receiver.url}: 204 \\(attempt 1/10\\)$`));
    } finally {
      await receiver.close();
    }
  });

  it("a --webhook-url that is no http(s) URL exits 2", async () => {
    const run = await runCli({ args: ["serve", "--port", "0", "--webhook-url", "ftp://example.com/hook"], cwd: scratch, env });
    expect([run.code, run.stdout]).toStrictEqual([2, ""]);
    expect(run.stderr).toContain("--webhook-url must be an http or https URL, not ftp:");
  });

  it("a port already taken exits 2 with the reason", async () => {
    const running = await start(["--port", "0"]);
    const port = new URL(running.url).port;
    const clash = runCliProcess({ args: ["serve", "--port", port], cwd: scratch, env });
    expect(await stop(running, "SIGTERM")).toBe(0);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain("EADDRINUSE");
  });
});
