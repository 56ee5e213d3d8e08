import ts from "typescript";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { diagnosticsOf, STRICTEST } from "/work/main/test/helpers/strict-compile.ts";
const root = "/work/main/generated/polar";
const diags = diagnosticsOf({ root, options: { ...STRICTEST, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext } });
const map: Record<string, string> = { "contract/": "templates/contract/", "fake-runtime/": "templates/fake/runtime/", "runtime/": "templates/client/runtime/", "server-runtime/": "templates/server/runtime/" };
const other: string[] = [];
const edits = new Map<string, { line: string; col: number; prop: string }[]>();
for (const d of diags) {
  const m = /^(.*?)\((\d+),(\d+)\): TS4111 Property '([^']+)'/.exec(d);
  if (!m) { other.push(d); continue; }
  const [, file, line, col, prop] = m;
  const prefix = Object.keys(map).find((p) => file!.startsWith(p));
  if (!prefix) { other.push(d); continue; }
  const tpl = join("/work/main", map[prefix]! + file!.slice(prefix.length));
  if (!existsSync(tpl)) { other.push("NO TEMPLATE " + d); continue; }
  const genLine = readFileSync(join(root, file!), "utf8").split("\n")[Number(line) - 1]!;
  const list = edits.get(tpl) ?? []; list.push({ line: genLine, col: Number(col) - 1, prop: prop! }); edits.set(tpl, list);
}
for (const [tpl, list] of edits) {
  const lines = readFileSync(tpl, "utf8").split("\n");
  // apply right-to-left per line
  list.sort((a, b) => b.col - a.col);
  for (const e of list) {
    const idx = lines.findIndex((l) => l === e.line);
    if (idx < 0) { other.push(`LINE NOT FOUND ${tpl}: ${e.line}`); continue; }
    const l = lines[idx]!;
    const at = e.col; // points at prop name
    if (l.slice(at, at + e.prop.length) !== e.prop || l[at - 1] !== ".") { other.push(`COL MISMATCH ${tpl}: ${l} @${at} ${e.prop}`); continue; }
    const q = l[at - 2] === "?" ? "?." : "";
    const start = q ? at - 2 : at - 1;
    lines[idx] = l.slice(0, start) + (q ? "?." : "") + `[${JSON.stringify(e.prop)}]` + l.slice(at + e.prop.length);
  }
  writeFileSync(tpl, lines.join("\n"));
}
console.log(other.join("\n"));
