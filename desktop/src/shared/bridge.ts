/**
 * The typed contract between the desktop shell and the UI it hosts: what the preload exposes as
 * `window.redacta`, and the IPC channels behind it. The shell implements it (preload/app.ts,
 * main/ipc.ts); the UI reads it through ui/src/host/bridge.ts, which imports these types.
 * The sandboxed preload cannot `require` local files, so it repeats the channel names as
 * literals checked against `Channel`.
 */

/** Where the UI sends its API calls, and the per-launch bearer token. */
export interface BackendEndpoint {
  /**
   * Origin for API calls, no trailing slash: the backend itself ("http://127.0.0.1:8123") or an
   * origin that forwards API paths to it (the desktop app's "app://redacta").
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

/** What `window.redacta` offers. */
export interface RedactaBridge {
  /** Resolves once the backend is ready (printed its ready line and answered /health). */
  getBackend(): Promise<BackendEndpoint>;
  /** Native open dialog; null when cancelled. */
  openDocument(): Promise<OpenedDocument | null>;
  /** Native save dialog, then writes the data; false when cancelled. */
  saveResult(suggestedName: string, data: string | Uint8Array): Promise<boolean>;
  /** Subscribes to File-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Called after the backend restarted (same origin, possibly a new token). */
  onBackendChanged(listener: () => void): () => void;
}

export const CHANNELS = {
  getBackend: "redacta:get-backend",
  openDocument: "redacta:open-document",
  saveResult: "redacta:save-result",
  menuCommand: "redacta:menu-command",
  backendChanged: "redacta:backend-changed",
} as const;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];
