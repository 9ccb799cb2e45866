/**
 * Ending the backend and everything it started. On POSIX the backend runs in its own process
 * group (spawned detached), so one signal to the group reaches its workers too. On Windows
 * there are no groups to signal: `taskkill /T /F` walks the tree.
 */
import { execFile } from "node:child_process";
import type { SpawnOptions } from "node:child_process";

const IS_WINDOWS = process.platform === "win32";

/** Spawn options that make the child killable as a tree and keep a console window hidden. */
export function treeSpawnOptions(): Pick<SpawnOptions, "detached" | "windowsHide"> {
  // detached on Windows would open a new console window; the tree is found by taskkill instead.
  return { detached: !IS_WINDOWS, windowsHide: true };
}

/** True when a process with this pid exists (zombies included). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Sends a polite stop request (SIGTERM). On Windows there is none: callers use HTTP first. */
export function terminate(pid: number): void {
  if (IS_WINDOWS) return;
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    // Already gone.
  }
}

/**
 * After the backend exited: kills what is left in its process group (workers it started).
 * Only the group is signalled, never the bare pid, which the OS may already have reused.
 */
export function killGroupLeftovers(pid: number): void {
  if (IS_WINDOWS) return; // taskkill /T ran before the exit, or the tree is already gone
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Group empty: nothing left.
  }
}

/** Kills the process and all its descendants, immediately. Never throws for a gone process. */
export async function killTree(pid: number): Promise<void> {
  if (IS_WINDOWS) {
    await new Promise<void>((resolve) => {
      execFile("taskkill", ["/pid", String(pid), "/T", "/F"], { windowsHide: true }, () => resolve());
    });
    return;
  }
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, "SIGKILL");
    } catch {
      // No such group/process: nothing left to kill.
    }
  }
}
