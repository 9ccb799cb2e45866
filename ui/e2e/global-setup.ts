/**
 * One real backend for the whole run (spaCy loads once): started here, its URL and token
 * handed to the tests through the environment, stopped by the returned teardown.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { startBackend, UI_DIR } from "./backend";

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(UI_DIR, "dist", "index.html"))) {
    throw new Error("ui/dist is missing: run `npm run build` first (the e2e tests use the production build).");
  }
  const backend = await startBackend();
  process.env.REDACTA_E2E_URL = backend.url;
  process.env.REDACTA_E2E_TOKEN = backend.token;
  return backend.stop;
}
