/**
 * Starts the real Redacta backend (`python -m redacta serve --port 0`) serving the built UI
 * (REDACTA_UI_DIR=ui/dist) with a fresh token and data folder, and waits for its ready line
 * (read by the shared desktop/src/shared/readyLine.ts, as the desktop shell reads it).
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type * as ReadyLineModule from "../../desktop/src/shared/readyLine";

// desktop/ is a CommonJS package: an ES module importing its TypeScript source sees no named
// exports on Node 20, so it is required (Playwright compiles it either way).
const { waitForReadyLine } = createRequire(import.meta.url)("../../desktop/src/shared/readyLine.ts") as typeof ReadyLineModule;

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
  const child = spawn(backendPython(), ["-m", "redacta", "serve", "--host", "127.0.0.1", "--port", String(opts.port ?? 0)], {
    cwd: join(REPO, "services"),
    env: {
      ...process.env,
      REDACTA_TOKEN: token,
      REDACTA_DATA_DIR: dataDir,
      REDACTA_UI_DIR: join(UI_DIR, "dist"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exitedEarly = new AbortController();
  child.once("exit", (code) => exitedEarly.abort(new Error(`the backend exited with ${code}`)));
  let port: number;
  try {
    const ready = await waitForReadyLine(
      createInterface({ input: child.stdout! }),
      AbortSignal.any([exitedEarly.signal, AbortSignal.timeout(60_000)]),
    );
    port = ready.port;
  } catch (error) {
    child.kill("SIGKILL");
    if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`backend not ready: ${reason}\n${stderr}`, { cause: error });
  }
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  return { port, token, url: `http://127.0.0.1:${port}`, dataDir, process: child, stop };
}
