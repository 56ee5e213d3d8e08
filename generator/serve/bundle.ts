// One CommonJS file holding the generated server and fake with every module they
// reach: a warm `serve` start compiles one file instead of resolving and linking a
// dozen ES modules, a share of a warm start's budget worth saving. The modules are TypeScript's
// CommonJS output, each wrapped in a function and loaded on first `require`.

export { BUNDLE_FILE } from "./start-index.js";
const ENTRIES = ["server.js", "fake.js"];

const LOADER = `
const loaded = {};
function requireFrom(base) {
  return (request) => {
    const parts = base.split("/").slice(0, -1);
    for (const part of request.split("/")) {
      if (part === "..") parts.pop();
      else if (part !== ".") parts.push(part);
    }
    const name = parts.join("/");
    const define = modules[name];
    if (!define) throw new Error("serve bundle: no module " + name + " (from " + (base || "the entry") + ")");
    if (!loaded[name]) {
      loaded[name] = { exports: {} };
      define(loaded[name].exports, requireFrom(name), loaded[name]);
    }
    return loaded[name].exports;
  };
}
`;

/** `modules`: CommonJS code by output path (`server-runtime/core.js`); only what the entries reach is kept. */
export function bundleModules(modules: ReadonlyMap<string, string>): string {
  const reached = reachable(modules);
  const definitions = reached.map((name) => `${JSON.stringify(name)}: function (exports, require, module) {\n${modules.get(name)}\n}`);
  const exportsLine = `module.exports = { ${ENTRIES.map((entry) => `${JSON.stringify(entry.replace(/\.js$/, ""))}: requireFrom("")("./${entry}")`).join(", ")} };`;
  return `"use strict";\nconst modules = {\n${definitions.join(",\n")}\n};\n${LOADER}\n${exportsLine}\n`;
}

function reachable(modules: ReadonlyMap<string, string>): string[] {
  const seen = new Set<string>();
  const pending = [...ENTRIES];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (seen.has(name)) continue;
    const code = modules.get(name);
    if (code === undefined) throw new Error(`serve: the generated output has no ${name}`);
    seen.add(name);
    for (const match of code.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) pending.push(resolve({ base: name, request: match[1]! }));
  }
  return [...seen].sort();
}

function resolve(options: { base: string; request: string }): string {
  const parts = options.base.split("/").slice(0, -1);
  for (const part of options.request.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  return parts.join("/");
}
