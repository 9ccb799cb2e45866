/**
 * The backend's ready line: `redacta serve` prints exactly one JSON line on stdout once it
 * listens, `{"event": "ready", "port": 8123, "pid": 4242, "version": "0.1.0"}` (everything else
 * goes to stderr). Every TypeScript launcher reads it through this module, by way of
 * startBackend.ts (the desktop shell's backend manager and the UI's end-to-end tests). The
 * Python launchers use redacta.launch, which reads the same line.
 */
import type { Interface as LineReader } from "node:readline";

/** The one JSON line the backend prints on stdout once it listens. */
export interface ReadyLine {
  event: "ready";
  port: number;
  pid: number;
  version: string;
}

/** Parses a stdout line; undefined when it is not a ready line. */
export function parseReadyLine(line: string): ReadyLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (v.event !== "ready" || typeof v.port !== "number" || !Number.isInteger(v.port)) return undefined;
  if (v.port <= 0 || v.port > 65535) return undefined;
  return {
    event: "ready",
    port: v.port,
    pid: typeof v.pid === "number" ? v.pid : -1,
    version: typeof v.version === "string" ? v.version : "unknown",
  };
}

/**
 * Resolves with the first ready line read from the child's stdout; rejects when stdout closes
 * first or the signal aborts (with the signal's reason: callers abort on exit or timeout).
 */
export function waitForReadyLine(lines: LineReader, signal: AbortSignal): Promise<ReadyLine> {
  return new Promise((resolve, reject) => {
    const onLine = (line: string): void => {
      const ready = parseReadyLine(line.trim());
      if (ready) {
        cleanup();
        resolve(ready);
      }
    };
    const onClose = (): void => {
      cleanup();
      reject(new Error("the backend closed its output before it was ready"));
    };
    const onAbort = (): void => {
      cleanup();
      reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
    };
    const cleanup = (): void => {
      lines.off("line", onLine);
      lines.off("close", onClose);
      signal.removeEventListener("abort", onAbort);
    };
    if (signal.aborted) return onAbort();
    lines.on("line", onLine);
    lines.once("close", onClose);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
