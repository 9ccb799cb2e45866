/**
 * The backend's whole life as a child process of the shell: spawn, readiness, bounded
 * auto-restart, graceful shutdown, logs. A plain Node module (no `electron` import) so it is
 * tested against the real backend with node's test runner, and so a crash of the shell can be
 * simulated with a plain Node parent.
 *
 * Parent-death: the backend runs with `--parent-watch stdin` and we keep its stdin pipe open
 * for its whole life. When this process dies in any way (even SIGKILL), the OS closes the pipe
 * and the backend exits by itself. `--parent-pid` is passed too, as a second watch.
 */
import type { ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import type { BackendLaunch } from "./locate";
import { openBackendLog } from "./logFile";
import type { BackendLog } from "./logFile";
import { choosePort, DEFAULT_PORT } from "./port";
import { killGroupLeftovers, killTree, terminate, treeSpawnOptions } from "./processTree";
import { newToken } from "./token";
import { describeExit, startBackend } from "../shared/startBackend";
import type { BackendExit } from "../shared/startBackend";

export type { BackendExit } from "../shared/startBackend";

/** What the UI needs to talk to the backend, plus what the shell shows in About. */
export interface BackendInfo {
  /** e.g. "http://127.0.0.1:8000" (no trailing slash). */
  baseUrl: string;
  token: string;
  port: number;
  pid: number;
  version: string;
}

export type BackendState = "idle" | "starting" | "ready" | "restarting" | "stopping" | "stopped" | "failed";

export interface BackendManagerOptions {
  launch: BackendLaunch;
  /** Folder of the rotating log file (the app's logs folder); no file when omitted. */
  logDir?: string;
  host?: string;
  preferredPort?: number;
  /** Overall budget for one start (spawn → ready line → authenticated /health): a cold start
   *  of the frozen backend on a slow disk with an antivirus scanning it takes a while. */
  readyTimeoutMs?: number;
  /** Automatic restarts after crashes before giving up and reporting a failure. */
  maxRestarts?: number;
  /** A backend that ran this long before crashing resets the restart budget: the limit is
   *  for crash loops, not for a few crashes over a week-long session. */
  stableAfterMs?: number;
  /** How long a graceful shutdown may take before the process tree is killed. */
  shutdownGraceMs?: number;
  /** Extra environment for the backend (e.g. REDACTA_UI_DIR); REDACTA_TOKEN is always ours. */
  env?: Record<string, string | undefined>;
}

/** A start that did not reach "ready"; the message is fit for the user's failure dialog. */
export class BackendStartError extends Error {
  constructor(
    message: string,
    readonly logPath: string | undefined,
    readonly stderrTail: readonly string[],
  ) {
    super(message);
    this.name = "BackendStartError";
  }
}

interface ManagerEvents {
  state: [BackendState];
  ready: [BackendInfo];
  crash: [BackendExit & { restartsLeft: number }];
  failed: [Error];
  stderr: [string];
}

interface Running {
  child: ChildProcess;
  exited: Promise<BackendExit>;
  exit?: BackendExit;
  info?: BackendInfo;
  readyAt?: number;
  /** Set before we stop it ourselves, so its exit is not taken for a crash. */
  expected: boolean;
}

const STDERR_TAIL_LINES = 20;

export class BackendManager extends EventEmitter<ManagerEvents> {
  private readonly options: Required<Omit<BackendManagerOptions, "logDir" | "env">> &
    Pick<BackendManagerOptions, "logDir" | "env">;
  private currentState: BackendState = "idle";
  private running: Running | undefined;
  private starting: Promise<BackendInfo> | undefined;
  private launchAbort: AbortController | undefined;
  private log: BackendLog | undefined;
  private token = "";
  private restarts = 0;
  private lastPort: number | undefined;
  private stopRequested = false;
  private readonly stderrTail: string[] = [];
  /** How the last backend process ended (for tests and diagnostics). */
  lastExit: BackendExit | undefined;

  constructor(options: BackendManagerOptions) {
    super();
    this.options = {
      host: "127.0.0.1",
      preferredPort: DEFAULT_PORT,
      readyTimeoutMs: 60_000,
      maxRestarts: 3,
      shutdownGraceMs: 5_000,
      stableAfterMs: 10 * 60_000,
      ...options,
    };
  }

  get state(): BackendState {
    return this.currentState;
  }

  /** Connection details once ready; undefined otherwise. */
  get info(): BackendInfo | undefined {
    return this.currentState === "ready" ? this.running?.info : undefined;
  }

  /** Pid of the current backend process, if one runs. */
  get pid(): number | undefined {
    return this.running?.child.pid;
  }

  /** The log file "Show log" opens (undefined without a log folder). */
  get logPath(): string | undefined {
    return this.log?.path;
  }

  /**
   * Starts the backend (a no-op when it is ready, the same promise while starting) and
   * resolves once it is ready. Also the "Retry" after a failure: the restart budget is reset.
   */
  start(): Promise<BackendInfo> {
    const ready = this.info;
    if (ready) return Promise.resolve(ready);
    if (this.starting) return this.starting;
    this.stopRequested = false;
    this.restarts = 0;
    this.token = newToken();
    if (!this.log && this.options.logDir) this.log = openBackendLog(this.options.logDir);
    this.starting = this.launch("starting").finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  /** Stops the backend gracefully, then kills its process tree after the grace period. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    this.launchAbort?.abort(new Error("the app is shutting down"));
    await this.starting?.catch(() => undefined);
    const running = this.running;
    this.running = undefined;
    if (running) {
      this.setState("stopping");
      await this.shutdown(running);
    }
    this.setState("stopped");
    await this.log?.close();
    this.log = undefined;
  }

  private setState(state: BackendState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.emit("state", state);
  }

  /** One spawn, up to ready. On failure the child is gone and a BackendStartError thrown. */
  private async launch(state: "starting" | "restarting"): Promise<BackendInfo> {
    this.setState(state);
    const { launch, host, readyTimeoutMs } = this.options;
    const port = await choosePort(this.lastPort ?? this.options.preferredPort, host);
    const abort = new AbortController();
    this.launchAbort = abort;
    const { child, exited, ready: whenReady } = startBackend({
      launch,
      host,
      port,
      token: this.token,
      env: { ...process.env, ...this.options.env },
      spawnOptions: treeSpawnOptions(),
      readyTimeoutMs,
      signal: abort.signal,
      onStdoutLine: (line) => this.log?.backendLine(line),
      onStderrLine: (line) => {
        this.log?.backendLine(line);
        this.pushStderr(line);
        this.emit("stderr", line);
      },
    });
    const running = this.track(child, exited);
    this.running = running;
    this.log?.event("spawn", { command: launch.command, requestedPort: port, pid: child.pid ?? null });
    try {
      const ready = await whenReady;
      const info: BackendInfo = { baseUrl: ready.baseUrl, token: this.token, port: ready.port, pid: ready.pid, version: ready.version };
      running.info = info;
      running.readyAt = Date.now();
      this.lastPort = ready.port;
      this.log?.event("ready", { port: ready.port, pid: info.pid, version: ready.version });
      void running.exited.then((exit) => this.onExit(running, exit));
      this.setState("ready");
      this.emit("ready", info);
      return info;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.log?.event("start-failed", { reason });
      running.expected = true;
      if (this.running === running) this.running = undefined;
      await this.kill(running);
      if (!this.stopRequested) this.setState("failed");
      throw new BackendStartError(reason, this.log?.path, [...this.stderrTail]);
    } finally {
      if (this.launchAbort === abort) this.launchAbort = undefined;
    }
  }

  /** Records the child's exit (and a failed spawn); returns its bookkeeping. */
  private track(child: ChildProcess, exited: Promise<BackendExit>): Running {
    child.once("error", (error) => {
      this.log?.event("spawn-error", { message: error.message });
      this.pushStderr(`could not start the backend: ${error.message}`);
    });
    const running: Running = { child, exited, expected: false };
    void exited.then((exit) => {
      running.exit = exit;
      this.lastExit = exit;
      this.log?.event("exit", { pid: child.pid ?? null, code: exit.code, signal: exit.signal });
    });
    return running;
  }

  private pushStderr(line: string): void {
    this.stderrTail.push(line);
    if (this.stderrTail.length > STDERR_TAIL_LINES) this.stderrTail.shift();
  }

  /** A ready backend exited without being asked: restart it, within the budget. */
  private async onExit(running: Running, exit: BackendExit): Promise<void> {
    if (running.expected || this.running !== running || this.stopRequested) return;
    this.running = undefined;
    killGroupLeftovers(running.child.pid!);
    if (running.readyAt !== undefined && Date.now() - running.readyAt >= this.options.stableAfterMs) this.restarts = 0;
    let lastReason = describeExit(exit);
    while (!this.stopRequested) {
      if (this.restarts >= this.options.maxRestarts) {
        const error = new Error(
          `The backend stopped unexpectedly (${lastReason}) and was restarted ${this.restarts} times; giving up.`,
        );
        this.log?.event("failed", { restarts: this.restarts });
        this.setState("failed");
        this.emit("failed", error);
        return;
      }
      this.restarts += 1;
      this.log?.event("restart", { attempt: this.restarts, after: lastReason });
      this.emit("crash", { ...exit, restartsLeft: this.options.maxRestarts - this.restarts });
      try {
        const starting = this.launch("restarting");
        this.starting = starting;
        await starting;
        return;
      } catch (error) {
        lastReason = error instanceof Error ? error.message : String(error);
      } finally {
        this.starting = undefined;
      }
    }
  }

  /** Graceful: POST /api/v1/shutdown (or SIGTERM), wait, then kill the tree. */
  private async shutdown(running: Running): Promise<void> {
    running.expected = true;
    if (running.exit) return this.finish(running);
    let asked = false;
    if (running.info) {
      try {
        const response = await fetch(`${running.info.baseUrl}/api/v1/shutdown`, {
          method: "POST",
          headers: { Authorization: `Bearer ${running.info.token}` },
          signal: AbortSignal.timeout(2000),
        });
        await response.body?.cancel();
        asked = response.ok;
      } catch {
        // Not answering: fall through to the signal.
      }
    }
    if (!asked) terminate(running.child.pid!);
    const exitedInTime = await Promise.race([
      running.exited.then(() => true),
      sleep(this.options.shutdownGraceMs).then(() => false),
    ]);
    this.log?.event("shutdown", { graceful: exitedInTime, via: asked ? "http" : "signal" });
    if (!exitedInTime) await this.kill(running);
    this.finish(running);
  }

  /** Kills the tree now and waits (briefly) for the exit to be reported. */
  private async kill(running: Running): Promise<void> {
    await killTree(running.child.pid!);
    await Promise.race([running.exited, sleep(3000)]);
    this.finish(running);
  }

  /** After the exit: no stray worker left in its group, pipes closed. */
  private finish(running: Running): void {
    if (running.child.pid) killGroupLeftovers(running.child.pid);
    running.child.stdin?.destroy();
    running.child.stdout?.destroy();
    running.child.stderr?.destroy();
  }
}
