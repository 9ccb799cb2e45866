/** Benchmarks of the built UI (not tests): `npm run bench`. Same browser and backend set-up as e2e. */
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

export default defineConfig({
  ...base,
  testDir: "bench",
  testMatch: "**/*.bench.ts",
  timeout: 600_000,
});
