/**
 * Checks OUR packaging config (electron-builder.yml, the `files` filters, extraResources, the
 * fuses), not Electron: Electron's binary cannot be downloaded here, so the Linux `dir` target
 * is built with `-c.electronDist` pointing at a folder this test creates, holding a stand-in
 * file named `electron` (it carries only the fuse sentinel, so that flipping the fuses can be
 * checked too). Launching the real app is the Playwright smoke test's job (GitHub runners).
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { DESKTOP_DIR, REPO_ROOT, tempDir } from "./helpers";

const BACKEND_EXE = join(REPO_ROOT, "dist", "backend", "redacta-backend");
const UI_INDEX = join(REPO_ROOT, "ui", "dist", "index.html");
const missing = [
  existsSync(BACKEND_EXE) ? "" : "dist/backend/redacta-backend (run `nox -s freeze`)",
  existsSync(UI_INDEX) ? "" : "ui/dist (run `invoke ui.build`)",
].filter(Boolean);
const skip = process.platform !== "linux" ? "the dir-target layout test runs on Linux" : missing.length ? `needs ${missing.join(" and ")}` : undefined;

// @electron/fuses' wire format: sentinel, version 1, length, one byte per fuse ('0'/'1').
const FUSE_SENTINEL = "dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX";
const FUSES = [
  "RunAsNode",
  "EnableCookieEncryption",
  "EnableNodeOptionsEnvironmentVariable",
  "EnableNodeCliInspectArguments",
  "EnableEmbeddedAsarIntegrityValidation",
  "OnlyLoadAppFromAsar",
  "LoadBrowserProcessSpecificV8Snapshot",
  "GrantFileProtocolExtraPrivileges",
] as const;
const ELECTRON_DEFAULT_FUSES = "10110001"; // what a stock Electron binary ships with

function readFuses(executable: string): Record<(typeof FUSES)[number], boolean> {
  const bytes = readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  assert.ok(at >= FUSE_SENTINEL.length, "fuse sentinel present");
  const wire = bytes.subarray(at + 2, at + 2 + bytes[at + 1]!).toString("latin1");
  return Object.fromEntries(FUSES.map((name, i) => [name, wire[i] === "1"])) as Record<(typeof FUSES)[number], boolean>;
}

describe("electron-builder Linux dir target (our packaging config)", { skip }, () => {
  let appDir = "";
  let entries: string[] = [];

  before(async () => {
    const { listPackage } = await import("@electron/asar"); // ESM-only package
    execFileSync("npm", ["run", "build"], { cwd: DESKTOP_DIR, stdio: "inherit" });
    const electronDist = tempDir("electron-dist");
    writeFileSync(
      join(electronDist, "electron"),
      Buffer.concat([
        Buffer.from("#!/bin/sh\necho 'stand-in for the Electron binary (packaging test)'\nexit 0\n"),
        Buffer.from(FUSE_SENTINEL),
        Buffer.from([1, FUSES.length]),
        Buffer.from(ELECTRON_DEFAULT_FUSES),
      ]),
      { mode: 0o755 },
    );
    const output = tempDir("eb-out");
    execFileSync(
      join(DESKTOP_DIR, "node_modules", ".bin", "electron-builder"),
      ["--linux", "dir", "--publish", "never", `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`],
      { cwd: DESKTOP_DIR, stdio: "inherit", env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: "false" } },
    );
    appDir = join(output, "linux-unpacked");
    entries = listPackage(join(appDir, "resources", "app.asar"), { isPack: false }).map((e) => e.replaceAll("\\", "/"));
  });

  test("app.asar holds the compiled main process, preload, shell pages and the UI build", () => {
    for (const file of [
      "/package.json",
      "/out/main/index.js",
      "/out/main/protocol.js",
      "/out/backend/manager.js",
      "/out/preload/app.js",
      "/out/shared/readyLine.js",
      "/out/shared/startBackend.js",
      "/out/shared/health.js",
      "/out/shared/backendPaths.js",
      "/out/shared/bridge.js",
      "/out/renderer/loading.html",
      "/out/renderer/icon.png",
      "/out/ui/index.html",
    ]) {
      assert.ok(entries.includes(file), `${file} is in app.asar`);
    }
    assert.ok(entries.some((e) => e.startsWith("/out/ui/assets/") && e.endsWith(".js")), "the UI's bundle");
    assert.ok(entries.includes("/node_modules/electron-updater/package.json"), "runtime dependency included");
  });

  test("app.asar holds no sources, tests, source maps or devDependencies", () => {
    const offenders = entries.filter(
      (e) =>
        e.startsWith("/src/") ||
        e.startsWith("/test/") ||
        e.startsWith("/e2e/") ||
        e.startsWith("/scripts/") ||
        (e.startsWith("/out/") && (e.endsWith(".ts") || e.endsWith(".map"))) ||
        /^\/(tsconfig.*\.json|electron-builder\.yml|playwright\.config\.\w+|package-lock\.json)$/.test(e),
    );
    assert.deepEqual(offenders, []);
    const pkg = JSON.parse(readFileSync(join(DESKTOP_DIR, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
    const devDeps = Object.keys(pkg.devDependencies).filter((name) => entries.some((e) => e.startsWith(`/node_modules/${name}/`)));
    assert.deepEqual(devDeps, [], "no devDependency is packed");
  });

  test("resources/backend/redacta-backend is the frozen backend, executable, and runs", () => {
    const exe = join(appDir, "resources", "backend", "redacta-backend");
    assert.ok(statSync(exe).mode & 0o111, "executable bit kept");
    assert.ok(existsSync(join(appDir, "resources", "backend", "build-manifest.json")));
    const result = spawnSync(exe, ["--version"], { encoding: "utf8", timeout: 60_000 });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /redacta 0\.1\.0/);
  });

  test("the app executable is named `redacta` and has the hardening fuses flipped", () => {
    const fuses = readFuses(join(appDir, "redacta"));
    assert.deepEqual(fuses, {
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: true,
    });
  });
});
