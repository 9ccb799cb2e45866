/**
 * When is the backend usable? After it printed its ready line on stdout (model loaded, socket
 * listening) AND answered an authenticated GET /health: the second check proves that we talk
 * to our own child with our token, not to some other process on that port.
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

/** Resolves with the first ready line read from the child's stdout. */
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

/** Thrown when /health answers 401/403: the process on that port does not know our token. */
export class TokenRejectedError extends Error {}

/** Polls GET /health with the bearer token until it answers 200 or the signal aborts. */
export async function waitForHealth(
  baseUrl: string,
  token: string,
  signal: AbortSignal,
  intervalMs = 100,
): Promise<void> {
  for (;;) {
    signal.throwIfAborted();
    try {
      const response = await fetch(`${baseUrl}/health`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.any([signal, AbortSignal.timeout(5000)]),
      });
      await response.body?.cancel();
      if (response.ok) return;
      if (response.status === 401 || response.status === 403) {
        throw new TokenRejectedError(`the backend refused our token (HTTP ${response.status})`);
      }
    } catch (error) {
      if (error instanceof TokenRejectedError) throw error;
      signal.throwIfAborted();
      // Connection refused or reset while the server comes up: try again.
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
