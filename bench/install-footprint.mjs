// The installed footprint of `npx polar-codegen`: the project packed (`npm pack`) and
// installed into an empty folder, then the bytes under node_modules, in all and per
// top-level package, largest first. Installs from npm's cache when it can
// (--prefer-offline), so run it once with the registry reachable.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SHOWN = 8;

function npm(args, cwd) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const child = spawnSync("npm", args, { cwd, encoding: "utf8", env });
  if (child.status !== 0) throw new Error(`npm ${args.join(" ")} failed:\n${child.stderr}`);
  return child.stdout;
}

function bytesBelow(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** node_modules/<name> and node_modules/@scope/<name>. */
function packages(modules) {
  return readdirSync(modules)
    .filter((name) => !name.startsWith("."))
    .flatMap((name) => (name.startsWith("@") ? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`) : [name]));
}

export function benchInstallFootprint() {
  const scratch = mkdtempSync(join(tmpdir(), "polar-codegen-footprint-"));
  try {
    const tarball = join(scratch, npm(["pack", "--ignore-scripts", "--pack-destination", scratch], process.cwd()).trim().split("\n").pop());
    const app = join(scratch, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "footprint", private: true }));
    npm(["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], app);
    const modules = join(app, "node_modules");
    const sizes = packages(modules).map((name) => ({ name, bytes: bytesBelow(join(modules, name)) })).sort((a, b) => b.bytes - a.bytes);
    const total = bytesBelow(modules);
    const rows = [{ package: "(all of node_modules)", packages: sizes.length, bytes: total, MB: mb(total), tarballBytes: statSync(tarball).size }];
    for (const { name, bytes } of sizes.slice(0, SHOWN)) rows.push({ package: name, bytes, MB: mb(bytes), share: `${Math.round((100 * bytes) / total)}%` });
    return rows;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const mb = (bytes) => Math.round(bytes / 1e5) / 10;

if (import.meta.url === `file://${process.argv[1]}`) console.table(benchInstallFootprint());

/** For bench/run.mjs. */
export const bench = benchInstallFootprint;
