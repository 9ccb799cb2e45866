/**
 * The typed contract between the main process and the UI's preload (`window.redacta`).
 * Type-only: the sandboxed preload cannot `require` local files, so it repeats the channel
 * names as literals checked against these types.
 */

/** Where the UI sends its API calls, and the per-launch bearer token. */
export interface BackendEndpoint {
  /** The UI's own origin (app://redacta); the main process forwards API paths to the backend. */
  baseUrl: string;
  token: string;
}

/** A document the user picked in the native open dialog. */
export interface OpenedDocument {
  name: string;
  data: Uint8Array;
}

/** Menu commands the renderer acts on (File menu). */
export type MenuCommand = "open-document" | "save-result";

/** What `window.redacta` offers. */
export interface RedactaBridge {
  /** Resolves once the backend is ready. */
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
