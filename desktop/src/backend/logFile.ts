/**
 * The backend's log file in the app's logs folder: its stderr lines (structured JSON, which the
 * backend keeps free of user text) plus the manager's own events. Rotated by size
 * (backend.log → backend.1.log → … → backend.N.log). The manager never writes request bodies,
 * the token or the environment here.
 *
 * Hand-written because it is small and synchronous (nothing is lost when the shell exits right
 * after a line); rotating-file-stream ships ESM-only types that a CommonJS main cannot import.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

export const LOG_FILE_NAME = "backend.log";
/** Longer lines are cut: a log line is a diagnostic, not a data channel. */
const MAX_LINE_CHARS = 8192;

export interface BackendLog {
  /** Full path of the current log file (what "Show log" opens). */
  readonly path: string;
  /** Appends one line written by the backend on stderr. */
  backendLine(line: string): void;
  /** Appends one structured event of the manager (fields must hold no user data). */
  event(name: string, fields?: Record<string, string | number | boolean | null>): void;
  close(): Promise<void>;
}

export interface LogFileOptions {
  /** Rotate once the file reaches this many bytes. */
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keep?: number;
}

/** Path of rotated file number n (1 = most recent). */
export function rotatedLogPath(dir: string, n: number): string {
  return join(dir, LOG_FILE_NAME.replace(/\.log$/, `.${n}.log`));
}

/** Opens (creating the folder if needed) the rotating backend log in `dir`. */
export function openBackendLog(dir: string, options: LogFileOptions = {}): BackendLog {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 3;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOG_FILE_NAME);
  let size = existsSync(path) ? statSync(path).size : 0;
  let closed = false;

  const rotate = (): void => {
    rmSync(rotatedLogPath(dir, keep), { force: true });
    for (let n = keep - 1; n >= 1; n -= 1) {
      if (existsSync(rotatedLogPath(dir, n))) renameSync(rotatedLogPath(dir, n), rotatedLogPath(dir, n + 1));
    }
    if (keep >= 1) renameSync(path, rotatedLogPath(dir, 1));
    else rmSync(path, { force: true });
    size = 0;
  };

  const write = (text: string): void => {
    if (closed) return;
    const line = `${text.slice(0, MAX_LINE_CHARS)}\n`;
    try {
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
      appendFileSync(path, line);
      size += Buffer.byteLength(line);
    } catch {
      // A full disk or a locked file must not take the app down: the log is best effort.
    }
  };

  return {
    path,
    backendLine: (line) => write(line),
    event: (name, fields = {}) =>
      write(JSON.stringify({ ts: new Date().toISOString(), logger: "desktop.backend", event: name, ...fields })),
    close: () => {
      closed = true;
      return Promise.resolve();
    },
  };
}
