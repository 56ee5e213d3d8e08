// Bundle size of the generated client by the number of operations it covers: the three
// default operations, the first 20 operations of the 2026-10 spec by id, and all of them
// (`--operations '*'`). The entry makes a client and keeps it, so every operation's
// descriptor, and every runtime part one of them uses (query encoders, body encoders,
// pagination), is in the bundle; esbuild, minified, code splitting on, then gzip.
// Generates types, client and validators only (the client's own files) through dist/.
//
//   node bench/client-size-operations.mjs [spec.json]    (needs `npm run build`)

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { measureClientSize } from "./client-size.mjs";

const SPEC = "../shared/specs/polar/polar-2026-10.openapi.json";
const DEFAULT = ["customers:delete", "customers:delete_external", "customer_portal:subscriptions:cancel"];

/** The client's files for the operations `ids` (select → model → emit → format, as the pipeline runs them). */
async function generateClient({ document, ids }) {
  const { emitClient } = await import("../dist/generator/emit/client-file.js");
  const { emitTypes } = await import("../dist/generator/emit/types-file.js");
  const { emitValidators } = await import("../dist/generator/emit/validators-file.js");
  const { formatFiles } = await import("../dist/generator/format/format.js");
  const { buildModel } = await import("../dist/generator/model/build.js");
  const { selectOperations } = await import("../dist/generator/select.js");
  const { selected, problems } = selectOperations({ document, operationIds: ids });
  if (!selected) throw new Error(JSON.stringify(problems));
  const context = { model: buildModel({ selected, specFile: SPEC }), subset: selected.document };
  const files = await formatFiles([...(await emitTypes(context)), ...(await emitClient(context)), ...emitValidators(context)]);
  const dir = mkdtempSync(join(tmpdir(), "polar-client-ops-"));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.contents);
  }
  return { dir, name: context.model.name };
}

export async function bench(spec = SPEC) {
  const { findOperations } = await import("../dist/generator/select.js");
  const document = JSON.parse(readFileSync(spec, "utf8"));
  const all = findOperations(document).map((found) => found.id).sort();
  const rows = [];
  for (const [label, ids] of [["3 (default)", DEFAULT], ["20 (first by id)", all.slice(0, 20)], [`${all.length} ('*')`, all]]) {
    const { dir, name } = await generateClient({ document, ids });
    try {
      const source = `import { create${name}Client } from "./index.js";\nexport const client = create${name}Client({ accessToken: "t" });\n`;
      const { eager, lazy } = await measureClientSize(dir, source);
      const chunks = lazy.filter((chunk) => chunk.chunk !== "validators").map((chunk) => `${chunk.chunk} ${chunk.gzip}`);
      // The runtime parts only some operations need, as client.ts imports them (the rest is tree-shaken).
      const client = readFileSync(join(dir, "client.ts"), "utf8");
      const parts = ["paginate", "query", "steps"].filter((part) => new RegExp(`^import \\{[^}]*\\} from "\\./runtime/${part}\\.js"`, "m").test(client));
      rows.push({ operations: label, minifiedBytes: eager.minified, gzipBytes: eager.gzip, optionalParts: parts.join(", ") || "none", onDemandGzip: chunks.join(", ") || "-" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await bench(process.argv[2]));
