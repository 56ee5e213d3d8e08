// Run by `npm run build` once the compiler has written dist/: records the compiled
// generator's content hash beside it (see generator-fingerprint.ts).

import { writeCodeFingerprint } from "./generator-fingerprint.js";

await writeCodeFingerprint();
