/**
 * Starts the real Redacta backend (`python -m redacta serve --port 0`) serving the built UI
 * (REDACTA_UI_DIR=ui/dist) with a fresh token and data folder, through the desktop shell's own
 * launcher (desktop/src/shared/startBackend.ts: ready line, then an authenticated /health).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type { ChildProcess } from "node:child_process";
import type * as StartBackendModule from "../../desktop/src/shared/startBackend";

// desktop/ is a CommonJS package: an ES module importing its TypeScript source sees no named
// exports on Node 20, so it is required (Playwright compiles it either way).
const shared = createRequire(import.meta.url)("../../desktop/src/shared/startBackend.ts") as typeof StartBackendModule;

const here = dirname(fileURLToPath(import.meta.url));
export const UI_DIR = resolve(here, "..");
export const REPO = resolve(UI_DIR, "..");

export interface RunningBackend {
  port: number;
  token: string;
  url: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Python that has `redacta` installed: $REDACTA_PYTHON (nox sets it) or services/.venv. */
export function backendPython(): string {
  return process.env.REDACTA_PYTHON ?? join(REPO, "services", ".venv", "bin", "python");
}

export async function startBackend(opts: { port?: number; token?: string; dataDir?: string } = {}): Promise<RunningBackend> {
  const token = opts.token ?? randomBytes(24).toString("hex");
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), "redacta-e2e-"));
  let stderr = "";
  const { child, exited, ready } = shared.startBackend({
    launch: { command: backendPython(), args: ["-m", "redacta"], cwd: join(REPO, "services") },
    port: opts.port ?? 0,
    token,
    env: { ...process.env, REDACTA_DATA_DIR: dataDir, REDACTA_UI_DIR: join(UI_DIR, "dist") },
    readyTimeoutMs: 60_000,
    onStderrLine: (line) => {
      stderr = `${stderr}${line}\n`.slice(-4000);
    },
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  let port: number;
  try {
    port = (await ready).port;
  } catch (error) {
    child.kill("SIGKILL");
    if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`backend not ready: ${reason}\n${stderr}`, { cause: error });
  }
  return { port, token, url: `http://127.0.0.1:${port}`, dataDir, process: child, stop };
}
