/**
 * Starts the real Redacta backend (`python -m redacta serve --port 0`) serving the built UI
 * (REDACTA_UI_DIR=ui/dist) with a fresh token and data folder, and waits for its ready line.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

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
  const port = await new Promise<number>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`backend not ready in 60 s:\n${stderr}`)), 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      rej(new Error(`backend exited with ${code}:\n${stderr}`));
    });
    createInterface({ input: child.stdout! }).on("line", (line) => {
      try {
        const msg = JSON.parse(line) as { event?: string; port?: number };
        if (msg.event === "ready" && msg.port) {
          clearTimeout(timer);
          res(msg.port);
        }
      } catch {
        // only the ready line is JSON on stdout
      }
    });
  });
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
