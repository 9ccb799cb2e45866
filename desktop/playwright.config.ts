import { defineConfig } from "@playwright/test";

/** Smoke test of the packaged desktop app (GitHub runners only: see e2e/smoke.spec.ts). */
export default defineConfig({
  testDir: "e2e",
  timeout: 180_000,
  retries: 0,
  workers: 1,
  reporter: [["list"]],
  outputDir: "../artifacts/desktop-e2e",
});
