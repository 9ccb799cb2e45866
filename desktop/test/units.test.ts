/** Pure pieces of the shell, tested without Electron: routing, link policy, log rotation, prefs. */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { isAppUrl, isExternalWebLink, routeAppRequest } from "../src/main/appOrigin";
import { openBackendLog, rotatedLogPath } from "../src/backend/logFile";
import { loadPreferences, preferencesPath, savePreferences } from "../src/main/preferences";
import { choosePort, isPortFree } from "../src/backend/port";
import { BACKEND_PATHS, isBackendPath } from "../src/shared/backendPaths";
import { parseReadyLine } from "../src/shared/readyLine";
import { newToken } from "../src/backend/token";
import { DESKTOP_DIR, tempDir } from "./helpers";
import { createServer } from "node:net";

describe("app:// routing", () => {
  test("UI files, the index, shell pages and backend paths", () => {
    assert.deepEqual(routeAppRequest("app://redacta/"), { kind: "ui", file: "index.html" });
    assert.deepEqual(routeAppRequest("app://redacta/assets/index-abc.js"), { kind: "ui", file: "assets/index-abc.js" });
    assert.deepEqual(routeAppRequest("app://redacta/_shell/loading.html"), { kind: "shell", file: "loading.html" });
    assert.deepEqual(routeAppRequest("app://redacta/api/v1/analyze?x=1"), { kind: "backend", pathAndQuery: "/api/v1/analyze?x=1" });
    assert.deepEqual(routeAppRequest("app://redacta/analyze"), { kind: "backend", pathAndQuery: "/analyze" });
    assert.deepEqual(routeAppRequest("app://redacta/health"), { kind: "backend", pathAndQuery: "/health" });
    assert.equal(routeAppRequest("app://redacta/apiary.js").kind, "ui", "prefix match is per path segment");
  });

  test("no escape from the served folders; other hosts and schemes are not ours", () => {
    for (const url of ["app://redacta/..%2f..%2fetc%2fpasswd", "app://redacta/_shell/..%2f..%2fmain%2findex.js", "app://redacta/%00x"]) {
      assert.equal(routeAppRequest(url).kind, "not-found", url);
    }
    assert.equal(routeAppRequest("app://evil/").kind, "not-found");
    assert.equal(routeAppRequest("https://redacta/").kind, "not-found");
  });

  test("navigation policy: app origin (and the dev server when given) only; http(s) links go external", () => {
    assert.ok(isAppUrl("app://redacta/index.html"));
    assert.ok(!isAppUrl("app://redacta.evil/"));
    assert.ok(!isAppUrl("http://127.0.0.1:5173/"));
    assert.ok(isAppUrl("http://127.0.0.1:5173/x", ["http://127.0.0.1:5173"]));
    assert.ok(!isAppUrl("file:///etc/passwd"));
    assert.ok(isExternalWebLink("https://example.org/"));
    assert.ok(!isExternalWebLink("file:///etc/passwd"));
    assert.ok(!isExternalWebLink("javascript:alert(1)"));
  });
});

describe("backend log file", () => {
  test("rotates by size and keeps a bounded number of files", () => {
    const dir = tempDir("rotate");
    const log = openBackendLog(dir, { maxBytes: 1000, keep: 2 });
    for (let i = 0; i < 100; i += 1) log.backendLine(JSON.stringify({ event: "line", i }));
    assert.ok(existsSync(log.path) && existsSync(rotatedLogPath(dir, 1)) && existsSync(rotatedLogPath(dir, 2)));
    assert.deepEqual(readdirSync(dir).toSorted(), ["backend.1.log", "backend.2.log", "backend.log"]);
    for (const f of readdirSync(dir)) assert.ok(readFileSync(join(dir, f)).length <= 1000);
    assert.match(readFileSync(log.path, "utf8"), /"i":99/);
  });

  test("cuts overlong lines", () => {
    const dir = tempDir("long");
    const log = openBackendLog(dir);
    log.backendLine("x".repeat(100_000));
    assert.equal(readFileSync(log.path, "utf8").length, 8192 + 1);
  });
});

describe("preferences", () => {
  test("defaults, round trip, and a corrupt file falls back to defaults", () => {
    const path = preferencesPath(tempDir("prefs"));
    assert.deepEqual(loadPreferences(path), { checkForUpdates: true });
    savePreferences(path, { checkForUpdates: false });
    assert.deepEqual(loadPreferences(path), { checkForUpdates: false });
    writeFileSync(path, "{not json");
    assert.deepEqual(loadPreferences(path), { checkForUpdates: true });
  });
});

describe("port, token, ready line", () => {
  test("a busy preferred port yields 0 (the backend then picks one)", async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    assert.equal(await isPortFree(port), false);
    assert.equal(await choosePort(port), 0);
    server.close();
  });

  test("tokens are long, URL-safe and fresh", () => {
    const a = newToken();
    assert.match(a, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(a, newToken());
  });

  test("only a well-formed ready line is accepted", () => {
    assert.deepEqual(parseReadyLine('{"event":"ready","port":8123,"pid":42,"version":"0.1.0"}'), {
      event: "ready",
      port: 8123,
      pid: 42,
      version: "0.1.0",
    });
    for (const line of ['{"event":"ready","port":0}', '{"event":"started","port":1}', "ready", '{"event":"ready","port":"80"}']) {
      assert.equal(parseReadyLine(line), undefined, line);
    }
  });
});

describe("the backend manager is plain Node", () => {
  test("nothing under src/backend imports electron", () => {
    const dir = join(DESKTOP_DIR, "src", "backend");
    for (const file of readdirSync(dir)) {
      assert.doesNotMatch(readFileSync(join(dir, file), "utf8"), /from\s+["']electron["']|require\(["']electron["']\)/, file);
    }
  });
});

describe("shared/ (also compiled into the UI and its end-to-end tests)", () => {
  test("imports only node: builtins and its own files, so ui/ can import it as it is", () => {
    const dir = join(DESKTOP_DIR, "src", "shared");
    for (const file of readdirSync(dir)) {
      const source = readFileSync(join(dir, file), "utf8");
      for (const [, specifier] of source.matchAll(/from\s+["']([^"']+)["']/g)) {
        assert.ok(specifier!.startsWith("node:") || /^\.\/[\w.]+$/.test(specifier!), `${file} imports ${specifier}`);
      }
    }
  });

  test("the backend path list covers every path in the backend's OpenAPI schema, and nothing else", () => {
    const schema = JSON.parse(readFileSync(join(DESKTOP_DIR, "..", "services", "openapi.json"), "utf8")) as {
      paths: Record<string, unknown>;
    };
    const documented = Object.keys(schema.paths);
    for (const path of documented) assert.ok(isBackendPath(path), `${path} is not forwarded to the backend`);
    // /livez (the unauthenticated liveness probe) is left out of the schema on purpose.
    for (const prefix of BACKEND_PATHS.filter((p) => p !== "/livez")) {
      assert.ok(documented.some((path) => path === prefix || path.startsWith(`${prefix}/`)), `${prefix} is not a backend path`);
    }
    assert.ok(!isBackendPath("/apiary.js") && !isBackendPath("/index.html"), "matched per path segment");
  });
});

describe("the preload runs sandboxed", () => {
  test("its compiled code requires nothing but electron (a sandboxed preload cannot load local files)", async () => {
    const ts = (await import("typescript")).default;
    const source = readFileSync(join(DESKTOP_DIR, "src", "preload", "app.ts"), "utf8");
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    });
    const required = [...outputText.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    assert.deepEqual(required, ["electron"]);
    assert.match(outputText, /exposeInMainWorld\("redacta"/);
  });
});
