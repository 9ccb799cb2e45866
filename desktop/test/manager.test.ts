/**
 * The backend manager against the REAL backends (the dev one from its venv and the frozen
 * exe when it has been built): no fake server anywhere. Each test checks the OS process table
 * for leftovers.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import type { Server } from "node:net";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { BackendManager, BackendStartError } from "../src/backend/manager";
import type { BackendInfo } from "../src/backend/manager";
import { backendsUnderTest, DESKTOP_DIR, leftoversAfter, leftoversOf, liveProcesses, tempDir, waitUntil } from "./helpers";

const READY_TIMEOUT_MS = 60_000;

function occupy(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(undefined)); // already busy: fine, it is busy either way
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => resolve(server));
  });
}

async function health(info: BackendInfo, token: string | undefined): Promise<number> {
  const headers: Record<string, string> = token === undefined ? {} : { Authorization: `Bearer ${token}` };
  const response = await fetch(`${info.baseUrl}/health`, { headers });
  await response.body?.cancel();
  return response.status;
}

for (const backend of backendsUnderTest()) {
  describe(backend.name, { skip: backend.skip }, () => {
    const launch = backend.launch!;

    // One start covers what a start gives (port fallback, readiness, the token guard, a request
    // with personal data, a clean quit): the tests below cover the restarts and the parent's death.
    test("port 8000 busy → another port; ready within the timeout; the token guards all but /livez; quits leaving no process behind", async () => {
      const logDir = tempDir("logs");
      const blocker = await occupy(8000);
      const manager = new BackendManager({ launch, logDir, preferredPort: 8000, readyTimeoutMs: READY_TIMEOUT_MS });
      let info: BackendInfo;
      try {
        info = await manager.start();
        assert.equal(manager.state, "ready");
        assert.notEqual(info.port, 8000);
        assert.match(info.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
        assert.equal(await health(info, info.token), 200);
        assert.equal(await health(info, "not-the-token"), 401);
        assert.equal(await health(info, undefined), 401);
        const livez = await fetch(`${info.baseUrl}/livez`);
        await livez.body?.cancel();
        assert.equal(livez.status, 200);
        assert.ok(info.token.length >= 40, "a long random token");
        assert.notEqual(leftoversOf(info.pid).length, 0, "the backend runs");
        const row = liveProcesses().find((p) => p.pid === info.pid);
        assert.ok(row && !row.args.includes(info.token), "the token is not on the command line");

        // A request with personal data goes through; neither it nor its findings may reach the log.
        const analyzed = await fetch(`${info.baseUrl}/analyze`, {
          method: "POST",
          headers: { Authorization: `Bearer ${info.token}`, "Content-Type": "application/json" },
          body: JSON.stringify({ text: "Zebulon Quigley-Fairweather, zq@example.org", language: "en" }),
        });
        assert.equal(analyzed.status, 200);
        assert.ok(((await analyzed.json()) as unknown[]).length > 0, "the backend found something");

        // A process whose ready line names a port another backend holds is refused: that
        // backend does not know the token of this start, and /health says so.
        const impostorScript = `console.log(JSON.stringify({ event: "ready", port: ${info.port}, pid: process.pid, version: "0" })); setInterval(() => {}, 1000)`;
        const impostor = new BackendManager({ launch: { command: process.execPath, args: ["-e", impostorScript] }, preferredPort: 0 });
        await assert.rejects(impostor.start(), (error: unknown) => {
          assert.ok(error instanceof BackendStartError);
          assert.match(error.message, /refused our token \(HTTP 401\)/);
          return true;
        });
        assert.equal(impostor.state, "failed");
        await impostor.stop();
      } catch (error) {
        await manager.stop();
        throw error;
      } finally {
        blocker?.close();
      }

      await manager.stop();
      assert.equal(manager.state, "stopped");
      assert.deepEqual(manager.lastExit, { code: 0, signal: null }, "graceful shutdown exits 0");
      assert.deepEqual(await leftoversAfter(info.pid), [], "no backend process (or worker of its group) left");

      const log = readFileSync(join(logDir, "backend.log"), "utf8");
      for (const event of ["spawn", "ready", "shutdown", "exit"]) assert.match(log, new RegExp(`"event":"${event}"`));
      assert.ok(!log.includes(info.token), "the token is never logged");
      assert.ok(!/Zebulon|Quigley|zq@example/.test(log), "no user text in the log");
    });

    test("killed backend is restarted up to 3 times, then the failure is reported", { timeout: 5 * READY_TIMEOUT_MS }, async () => {
      const manager = new BackendManager({ launch, preferredPort: 0, maxRestarts: 3, readyTimeoutMs: READY_TIMEOUT_MS });
      const pids: number[] = [];
      try {
        let info = await manager.start();
        for (let attempt = 1; attempt <= 3; attempt += 1) {
          pids.push(info.pid);
          const restarted = new Promise<BackendInfo>((resolve) => manager.once("ready", resolve));
          process.kill(info.pid, "SIGKILL");
          info = await restarted;
          assert.ok(!pids.includes(info.pid), `restart ${attempt} runs a new process`);
          assert.equal(await health(info, info.token), 200);
        }
        pids.push(info.pid);
        const failed = new Promise<Error>((resolve) => manager.once("failed", resolve));
        process.kill(info.pid, "SIGKILL");
        const error = await failed;
        assert.match(error.message, /restarted 3 times/);
        assert.equal(manager.state, "failed");
        assert.equal(manager.info, undefined);
      } finally {
        await manager.stop();
      }
      for (const pid of pids) assert.deepEqual(await leftoversAfter(pid), [], `no process of backend ${pid} left`);
    });

    test("a backend that ran long enough before crashing gets a fresh restart budget", { timeout: 4 * READY_TIMEOUT_MS }, async () => {
      // stableAfterMs 0: every instance counts as long-running, so a budget of 1 never runs out.
      const manager = new BackendManager({ launch, preferredPort: 0, maxRestarts: 1, stableAfterMs: 0, readyTimeoutMs: READY_TIMEOUT_MS });
      let failed = false;
      manager.once("failed", () => {
        failed = true;
      });
      try {
        let info = await manager.start();
        for (let crash = 1; crash <= 2; crash += 1) {
          const restarted = new Promise<BackendInfo>((resolve) => manager.once("ready", resolve));
          process.kill(info.pid, "SIGKILL");
          info = await restarted;
        }
        assert.equal(failed, false);
        assert.equal(manager.state, "ready");
      } finally {
        await manager.stop();
      }
    });

    test("shell killed with SIGKILL → the backend exits within 2 s", { timeout: 2 * READY_TIMEOUT_MS }, async () => {
      const shell = spawn(process.execPath, ["--import", "tsx", join(DESKTOP_DIR, "test/fixtures/shell.ts")], {
        cwd: DESKTOP_DIR,
        env: { ...process.env, REDACTA_TEST_LAUNCH: JSON.stringify(launch) },
        stdio: ["ignore", "pipe", "inherit"],
      });
      const backendPid = await new Promise<number>((resolve, reject) => {
        let out = "";
        shell.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const line = out.split("\n").find((l) => l.startsWith("{"));
          if (line) resolve((JSON.parse(line) as { backendPid: number }).backendPid);
        });
        shell.once("exit", (code) => reject(new Error(`shell exited early (${String(code)})`)));
      });
      assert.notEqual(leftoversOf(backendPid).length, 0);
      shell.kill("SIGKILL");
      const gone = await waitUntil(() => leftoversOf(backendPid).length === 0, 2000);
      if (!gone) process.kill(-backendPid, "SIGKILL"); // leave the machine clean, then fail
      assert.ok(gone, "the orphaned backend exits by itself within 2 s");
    });
  });
}

describe("start failures (real child processes that are not a backend)", () => {
  let logDir = "";
  before(() => {
    logDir = tempDir("fail-logs");
  });

  test("a process that exits before its ready line → BackendStartError with the reason", async () => {
    const manager = new BackendManager({
      launch: { command: process.execPath, args: ["-e", "console.error('boom: model missing'); process.exit(3)"] },
      logDir,
      preferredPort: 0,
    });
    await assert.rejects(manager.start(), (error: unknown) => {
      assert.ok(error instanceof BackendStartError);
      assert.match(error.message, /stopped before it was ready \(exit code 3\)/);
      assert.deepEqual(error.stderrTail, ["boom: model missing"]);
      assert.equal(error.logPath, join(logDir, "backend.log"));
      return true;
    });
    assert.equal(manager.state, "failed");
    await manager.stop();
  });

  test("no ready line within the timeout → failure, and the hung process is killed", async () => {
    const manager = new BackendManager({
      launch: { command: process.execPath, args: ["-e", "console.error(process.pid); setInterval(() => {}, 1000)"] },
      preferredPort: 0,
      readyTimeoutMs: 1500,
    });
    let pid: number | undefined;
    manager.once("stderr", (line) => {
      pid = Number(line);
    });
    await assert.rejects(manager.start(), /not ready within 2 s/);
    assert.ok(pid !== undefined);
    assert.ok(await waitUntil(() => leftoversOf(pid!).length === 0, 3000), "hung child killed");
    await manager.stop();
  });

  test("a missing executable → a clear failure, no crash of the shell", async () => {
    const manager = new BackendManager({ launch: { command: "/nonexistent/redacta-backend", args: [] }, preferredPort: 0 });
    await assert.rejects(manager.start(), /stopped before it was ready/);
    await manager.stop();
  });
});
