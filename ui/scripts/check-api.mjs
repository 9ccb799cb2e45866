// Fails when src/api/schema.gen.ts is not what `npm run gen:api` makes from services/openapi.json,
// i.e. when the backend's committed schema changed and the UI's typed client was not regenerated.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const ui = join(dirname(fileURLToPath(import.meta.url)), "..");
const committed = join(ui, "src/api/schema.gen.ts");
const dir = mkdtempSync(join(tmpdir(), "redacta-api-"));
const fresh = join(dir, "schema.gen.ts");
try {
  execFileSync(process.execPath, [join(ui, "node_modules/openapi-typescript/bin/cli.js"), "../services/openapi.json", "-o", fresh], {
    cwd: ui,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (readFileSync(fresh, "utf8") !== readFileSync(committed, "utf8")) {
    console.error("src/api/schema.gen.ts is out of date with services/openapi.json: run `npm run gen:api` and commit.");
    process.exit(1);
  }
  console.log("API client matches services/openapi.json");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
