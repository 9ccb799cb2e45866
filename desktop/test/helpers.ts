/**
 * Shared by the manager tests: which real backends to test against, and a look at the OS
 * process table (the proof that nothing is left behind).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { devBackendLaunch, frozenBackendLaunch } from "../src/backend/locate";
import type { BackendLaunch } from "../src/backend/locate";

export const DESKTOP_DIR = resolve(__dirname, "..");
export const REPO_ROOT = resolve(DESKTOP_DIR, "..");

export interface BackendUnderTest {
  name: string;
  launch?: BackendLaunch;
  /** Why the tests for this backend are skipped (when launch is undefined). */
  skip?: string;
}

/**
 * The dev backend (python -m redacta from services/.venv, the nox venv, or
 * REDACTA_BACKEND_PYTHON) and the frozen one (dist/backend/redacta-backend, from `nox -s freeze`).
 */
export function backendsUnderTest(): BackendUnderTest[] {
  const dev = devBackendLaunch(REPO_ROOT);
  const frozen = frozenBackendLaunch(REPO_ROOT);
  return [
    dev
      ? { name: "dev backend (python -m redacta)", launch: dev }
      : {
          name: "dev backend (python -m redacta)",
          skip: "no backend venv: run `cd services && uv sync --frozen --group test` or set REDACTA_BACKEND_PYTHON",
        },
    frozen
      ? { name: "frozen backend (dist/backend/redacta-backend)", launch: frozen }
      : {
          name: "frozen backend (dist/backend/redacta-backend)",
          skip: "dist/backend/redacta-backend is not built: run `nox -s freeze` first",
        },
  ];
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `redacta-${prefix}-`));
}

export interface ProcessRow {
  pid: number;
  ppid: number;
  pgid: number;
  stat: string;
  args: string;
}

/** The OS process table (POSIX `ps`). */
export function processTable(): ProcessRow[] {
  const out = execFileSync("ps", ["-eo", "pid=,ppid=,pgid=,stat=,args="], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => {
      const [pid, ppid, pgid, stat, ...args] = line.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), pgid: Number(pgid), stat: stat ?? "", args: args.join(" ") };
    });
}

/** Live processes (zombies excluded: they hold no resources and only wait to be reaped). */
export function liveProcesses(): ProcessRow[] {
  return processTable().filter((row) => !row.stat.startsWith("Z"));
}

/** Live processes that are the backend `pid` or belong to its process group. */
export function leftoversOf(pid: number): ProcessRow[] {
  return liveProcesses().filter((row) => row.pid === pid || row.pgid === pid);
}

/** How long the processes of a stopped backend may take to leave the process table: its group
 * is SIGKILLed when it exits, but a killed worker stays listed until the kernel has torn it
 * down, which on a loaded machine is not instant. */
export const LEFTOVER_TIMEOUT_MS = 5000;

/** The processes of backend `pid` still alive once they had up to `timeoutMs` to exit (none,
 * as soon as the table shows none): a look that polls, so a worker still exiting is waited
 * for, and one that stays is reported. */
export async function leftoversAfter(pid: number, timeoutMs = LEFTOVER_TIMEOUT_MS): Promise<ProcessRow[]> {
  await waitUntil(() => leftoversOf(pid).length === 0, timeoutMs);
  return leftoversOf(pid);
}

export async function waitUntil(check: () => boolean, timeoutMs: number, intervalMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
