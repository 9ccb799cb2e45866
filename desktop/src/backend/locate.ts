/**
 * Which backend to run. Packaged app: the frozen one-folder build shipped in
 * `resources/backend/`. Development: the backend from its venv (`python -m redacta`), found
 * from the repository root, or whatever REDACTA_BACKEND_EXE / REDACTA_BACKEND_PYTHON name.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { BackendCommand } from "../shared/startBackend";

/** A command that, followed by `serve ...`, runs the backend. */
export type BackendLaunch = BackendCommand;

/** `redacta-backend`, with `.exe` on Windows. */
export function backendExecutableName(platform: NodeJS.Platform = process.platform): string {
  return platform === "win32" ? "redacta-backend.exe" : "redacta-backend";
}

/** The frozen backend inside a packaged app (`process.resourcesPath`). */
export function packagedBackendLaunch(resourcesPath: string): BackendLaunch {
  const dir = join(resourcesPath, "backend");
  return { command: join(dir, backendExecutableName()), args: [], cwd: dir };
}

/** The frozen build made by `nox -s freeze`, when it exists. */
export function frozenBackendLaunch(repoRoot: string): BackendLaunch | undefined {
  const dir = join(repoRoot, "dist", "backend");
  const exe = join(dir, backendExecutableName());
  return existsSync(exe) ? { command: exe, args: [], cwd: dir } : undefined;
}

/** Python interpreters of the backend's venvs, most likely first. */
export function devPythonCandidates(repoRoot: string): string[] {
  const bin = process.platform === "win32" ? join("Scripts", "python.exe") : join("bin", "python");
  return [join(repoRoot, "services", ".venv", bin), join(repoRoot, ".nox", "tests", bin)];
}

/** The development backend (`python -m redacta`), or undefined when no venv was found. */
export function devBackendLaunch(repoRoot: string, env: NodeJS.ProcessEnv = process.env): BackendLaunch | undefined {
  if (env.REDACTA_BACKEND_EXE) return { command: env.REDACTA_BACKEND_EXE, args: [] };
  const python = env.REDACTA_BACKEND_PYTHON ?? devPythonCandidates(repoRoot).find((p) => existsSync(p));
  return python ? { command: python, args: ["-m", "redacta"], cwd: join(repoRoot, "services") } : undefined;
}
