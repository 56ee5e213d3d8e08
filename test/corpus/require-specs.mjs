// Run by `npm run test:corpus` before anything else: without the real Polar specs the
// corpus cannot run, so say so in one line, naming the variable, and stop.
import { existsSync, readdirSync } from "node:fs";

const dir = process.env.POLAR_SPECS_DIR || "../shared/specs/polar";
const specs = existsSync(dir) ? readdirSync(dir).filter((name) => /\.openapi\.(ya?ml|json)$/.test(name)) : [];
if (specs.length === 0) {
  process.stderr.write(`test:corpus: no Polar specs (polar-*.openapi.yaml) in ${dir}: set POLAR_SPECS_DIR to the folder that holds them\n`);
  process.exit(2);
}
