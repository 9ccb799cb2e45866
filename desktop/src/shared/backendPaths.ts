/**
 * URL paths the backend answers. The UI calls them on its own origin, and whatever serves the
 * UI forwards exactly these to the backend: the desktop app's `app://redacta` protocol
 * (main/appOrigin.ts) and the Vite dev server's proxy (ui/vite.config.ts). A path missing here
 * reaches the UI's static files instead of the backend.
 */
export const BACKEND_PATHS = [
  "/api",
  "/health",
  "/livez",
  "/analyze",
  "/anonymize",
  "/deanonymize",
  "/recognizers",
  "/supportedentities",
  "/anonymizers",
  "/deanonymizers",
] as const;

/** True for a URL path the backend answers: one of BACKEND_PATHS or below it ("/api/v1/…"). */
export function isBackendPath(path: string): boolean {
  return BACKEND_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
