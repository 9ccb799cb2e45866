/**
 * The app's own origin, `app://redacta`: the UI is served from the asar under it, and API
 * paths under it are forwarded to the backend. The UI thus talks only to its own origin (CSP
 * `connect-src 'self'`, no CORS anywhere), exactly like under the Vite dev server's proxy
 * (both forward the one list in shared/backendPaths.ts).
 * Plain module (no electron import): the routing is unit-tested with node's test runner.
 */
import { normalize, sep } from "node:path";
import { isBackendPath } from "../shared/backendPaths";

export const APP_SCHEME = "app";
export const APP_HOST = "redacta";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The shell's own pages (loading screen) live under this path, apart from the UI build. */
export const SHELL_PREFIX = "/_shell/";

export type AppRoute =
  | { kind: "backend"; pathAndQuery: string }
  | { kind: "ui"; file: string }
  | { kind: "shell"; file: string }
  | { kind: "not-found" };

/** A relative file path inside a served folder, or undefined when it would escape it. */
function safeRelative(path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const relative = normalize(decoded.replace(/^\/+/, ""));
  if (relative.startsWith("..") || relative.split(sep).includes("..")) return undefined;
  return relative;
}

/** Where a request to the app origin goes. */
export function routeAppRequest(rawUrl: string): AppRoute {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { kind: "not-found" };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { kind: "not-found" };
  const path = url.pathname;
  if (isBackendPath(path)) {
    return { kind: "backend", pathAndQuery: path + url.search };
  }
  if (path.startsWith(SHELL_PREFIX)) {
    const file = safeRelative(path.slice(SHELL_PREFIX.length));
    return file ? { kind: "shell", file } : { kind: "not-found" };
  }
  const file = path === "/" || path === "" ? "index.html" : safeRelative(path);
  return file ? { kind: "ui", file } : { kind: "not-found" };
}

/** True for URLs the app's windows may show (its own origin, or the Vite dev server in dev). */
export function isAppUrl(rawUrl: string, extraOrigins: readonly string[] = []): boolean {
  try {
    const url = new URL(rawUrl);
    // Custom schemes have origin "null" in WHATWG URL: compare scheme + host instead.
    if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
    return extraOrigins.includes(url.origin);
  } catch {
    return false;
  }
}

/** http(s) links leave the app for the system browser; nothing else is opened at all. */
export function isExternalWebLink(rawUrl: string): boolean {
  try {
    const { protocol } = new URL(rawUrl);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

/** Content-Security-Policy of every page the app serves (header; the UI build adds a meta). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join("; ");
