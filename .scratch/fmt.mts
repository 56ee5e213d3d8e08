import { readFileSync, writeFileSync } from "node:fs";
import { formatText } from "../generator/format/format.ts";
for (const path of process.argv.slice(2)) writeFileSync(path, await formatText({ text: readFileSync(path, "utf8"), path }));
