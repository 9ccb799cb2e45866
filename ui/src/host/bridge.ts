/**
 * The contract between the UI and whatever hosts it. Electron's preload script exposes
 * `window.redacta` (contextBridge.exposeInMainWorld("redacta", bridge)); browsers have none.
 */

/** Where the backend listens and the per-launch bearer token it expects. */
export interface BackendEndpoint {
  /** Origin of the backend, e.g. "http://127.0.0.1:8123" (no trailing slash). */
  baseUrl: string;
  /** Value for `Authorization: Bearer <token>`; never put in a URL. */
  token: string;
}

/** What Electron's preload exposes as `window.redacta`. */
export interface RedactaBridge {
  /** Resolves once the backend printed its ready line. */
  getBackend(): Promise<BackendEndpoint>;
}

declare global {
  interface Window {
    redacta?: RedactaBridge;
  }
}
