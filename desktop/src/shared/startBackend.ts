/**
 * Starting the backend and knowing when it is usable, for every TypeScript launcher: the
 * desktop shell's backend manager (backend/manager.ts) and the UI's end-to-end tests
 * (ui/e2e/backend.ts). `startBackend` spawns `<command> <args> serve --host H --port P` with
 * the token in REDACTA_TOKEN and a parent-death watch (the backend exits when our end of its
 * stdin pipe closes, i.e. when this process dies in any way, or when `--parent-pid` is gone),
 * then waits for the ready line on stdout (readyLine.ts) and an authenticated GET /health
 * (health.ts). The callers differ only in what they pass: the environment, a process group
 * of its own (the shell kills the backend's whole tree), and what they do with its output.
 */
import { spawn } from "node:child_process";
import type { ChildProcess, SpawnOptions } from "node:child_process";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { TokenRejectedError, waitForHealth } from "./health";
import { waitForReadyLine } from "./readyLine";

/** A command that, followed by `serve ...`, runs the backend. */
export interface BackendCommand {
  command: string;
  args: readonly string[];
  cwd?: string;
}

/** How the backend process ended (code and signal both null: it could not be spawned). */
export interface BackendExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StartBackendOptions {
  launch: BackendCommand;
  /** Loopback address to listen on. */
  host?: string;
  /** Port to listen on; 0: the backend picks a free one (reported in its ready line). */
  port: number;
  /** The per-launch bearer token (REDACTA_TOKEN); also proves /health is our own child. */
  token: string;
  /** The backend's environment (default: this process's); REDACTA_TOKEN is always `token`. */
  env?: NodeJS.ProcessEnv;
  /** E.g. `detached` so that the caller can signal the backend's whole process group. */
  spawnOptions?: Pick<SpawnOptions, "detached" | "windowsHide">;
  /** Budget from the spawn to an authenticated /health answer. */
  readyTimeoutMs: number;
  /** Stops waiting (with the signal's reason), e.g. when the app is shutting down. */
  signal?: AbortSignal;
  /** Every line the backend writes on stdout (the ready line included) and on stderr. */
  onStdoutLine?: (line: string) => void;
  onStderrLine?: (line: string) => void;
}

/** A backend that printed its ready line and answered /health with our token. */
export interface BackendReady {
  /** e.g. "http://127.0.0.1:8123" (no trailing slash). */
  baseUrl: string;
  port: number;
  pid: number;
  version: string;
}

export interface StartingBackend {
  child: ChildProcess;
  /** Resolves when the process has exited, or at once when it could not be spawned. */
  exited: Promise<BackendExit>;
  /**
   * Resolves once the backend is ready. Rejects with an error whose message says why, in words
   * fit for the user: it stopped first (with its exit code), the time budget ran out, the
   * process on that port refused the token (TokenRejectedError), or `signal` aborted. The
   * child may still run after a rejection: the caller decides how to end it.
   */
  ready: Promise<BackendReady>;
}

export function describeExit(exit: BackendExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${String(exit.code)}`;
}

export function startBackend(options: StartBackendOptions): StartingBackend {
  const { launch, token, readyTimeoutMs } = options;
  const host = options.host ?? "127.0.0.1";
  const args = [...launch.args, "serve", "--host", host, "--port", String(options.port)];
  args.push("--parent-watch", "stdin", "--parent-pid", String(process.pid));
  const child = spawn(launch.command, args, {
    cwd: launch.cwd,
    env: { ...(options.env ?? process.env), PYTHONUNBUFFERED: "1", REDACTA_TOKEN: token },
    // stdin stays open (the parent-death watch); stdout carries the ready line; stderr the logs.
    stdio: ["pipe", "pipe", "pipe"],
    ...options.spawnOptions,
  });
  let exit: BackendExit | undefined;
  const exited = new Promise<BackendExit>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", () => resolve({ code: null, signal: null }));
  });
  void exited.then((e) => {
    exit = e;
  });
  // EPIPE when the child is gone must not crash the caller.
  child.stdin?.on("error", () => undefined);
  const stdoutLines = createInterface({ input: child.stdout! });
  if (options.onStdoutLine) stdoutLines.on("line", options.onStdoutLine);
  if (options.onStderrLine) createInterface({ input: child.stderr! }).on("line", options.onStderrLine);
  else child.stderr?.resume();

  const stoppedEarly = new AbortController();
  void exited.then((e) => stoppedEarly.abort(new Error(`the backend stopped before it was ready (${describeExit(e)})`)));
  const timeout = AbortSignal.timeout(readyTimeoutMs);
  const signal = AbortSignal.any([stoppedEarly.signal, timeout, ...(options.signal ? [options.signal] : [])]);

  const ready = (async (): Promise<BackendReady> => {
    try {
      const line = await waitForReadyLine(stdoutLines, signal);
      const baseUrl = `http://${host}:${line.port}`;
      await waitForHealth(baseUrl, token, signal);
      return { baseUrl, port: line.port, pid: child.pid!, version: line.version };
    } catch (error) {
      if (error instanceof TokenRejectedError) throw error;
      // stdout may close a moment before the exit is reported: give the exit status a chance.
      await Promise.race([exited, sleep(1000)]);
      if (exit) throw new Error(`the backend stopped before it was ready (${describeExit(exit)})`, { cause: error });
      if (timeout.aborted) throw new Error(`the backend was not ready within ${Math.round(readyTimeoutMs / 1000)} s`, { cause: error });
      const cause: unknown = signal.aborted ? signal.reason : error;
      throw cause instanceof Error ? cause : new Error(String(cause));
    }
  })();
  return { child, exited, ready };
}
