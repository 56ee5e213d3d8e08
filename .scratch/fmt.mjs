import { readFileSync, writeFileSync } from "node:fs";
import { formatText } from "../dist/generator/format/format.js";
for (const path of process.argv.slice(2)) writeFileSync(path, await formatText({ text: readFileSync(path, "utf8"), path }));
