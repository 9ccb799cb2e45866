/**
 * The contract between the UI and whatever hosts it. Electron's preload script exposes
 * `window.redacta` (contextBridge.exposeInMainWorld("redacta", bridge)); browsers have none.
 * Mirrors desktop/src/shared/bridge.ts; everything but getBackend is optional so the UI
 * degrades to browser behaviour (file input, download link) with an older or smaller bridge.
 */

/** Where the UI sends API calls and the per-launch bearer token the backend expects. */
export interface BackendEndpoint {
  /**
   * Origin for API calls, no trailing slash: the backend itself ("http://127.0.0.1:8123") or an
   * origin that forwards API paths to it (Electron's "app://redacta").
   */
  baseUrl: string;
  /** Value for `Authorization: Bearer <token>`; never put in a URL. */
  token: string;
}

/** A document the user picked in the native open dialog. */
export interface OpenedDocument {
  name: string;
  data: Uint8Array;
}

/** File-menu commands the UI acts on. */
export type MenuCommand = "open-document" | "save-result";

/** What Electron's preload exposes as `window.redacta`. */
export interface RedactaBridge {
  /** Resolves once the backend printed its ready line. */
  getBackend(): Promise<BackendEndpoint>;
  /** Native open dialog; null when cancelled. */
  openDocument?(): Promise<OpenedDocument | null>;
  /** Native save dialog, then writes the data; false when cancelled. */
  saveResult?(suggestedName: string, data: string | Uint8Array): Promise<boolean>;
  /** Subscribes to File-menu commands; returns the unsubscribe function. */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
  /** Called after the backend restarted (same origin, possibly a new token). */
  onBackendChanged?(listener: () => void): () => void;
}

declare global {
  interface Window {
    redacta?: RedactaBridge;
  }
}
