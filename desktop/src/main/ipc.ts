/**
 * IPC handlers behind `window.redacta`. Every handler first checks that the call comes from
 * the main window's top frame showing the app's own origin; anything else is refused.
 */
import { BrowserWindow, dialog, ipcMain } from "electron";
import type { IpcMainInvokeEvent } from "electron";
import { readFile, stat, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { CHANNELS } from "../shared/bridge";
import type { BackendEndpoint, OpenedDocument } from "../shared/bridge";
import { isAppUrl } from "./appOrigin";

/** Documents larger than this are not read into the renderer (the backend's body limit). */
const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

export interface IpcOptions {
  mainWindow: () => BrowserWindow | undefined;
  extraOrigins: readonly string[];
  backend: () => Promise<BackendEndpoint>;
}

export function isTrustedSender(event: IpcMainInvokeEvent, options: IpcOptions): boolean {
  const window = options.mainWindow();
  const frame = event.senderFrame;
  if (!window || window.isDestroyed() || event.sender !== window.webContents || !frame) return false;
  return frame === event.sender.mainFrame && isAppUrl(frame.url, options.extraOrigins);
}

export function registerIpc(options: IpcOptions): void {
  const guarded = <A extends unknown[], R>(handler: (window: BrowserWindow, ...args: A) => Promise<R>) =>
    (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<R> => {
      if (!isTrustedSender(event, options)) return Promise.reject(new Error("refused: untrusted sender"));
      return handler(options.mainWindow()!, ...(args as A));
    };

  ipcMain.handle(CHANNELS.getBackend, guarded(() => options.backend()));

  ipcMain.handle(
    CHANNELS.openDocument,
    guarded(async (window): Promise<OpenedDocument | null> => {
      const { canceled, filePaths } = await dialog.showOpenDialog(window, {
        title: "Open a document",
        properties: ["openFile"],
        filters: [
          { name: "Documents", extensions: ["txt", "md", "csv", "tsv", "json", "jsonl", "docx", "xlsx", "pdf"] },
          { name: "All files", extensions: ["*"] },
        ],
      });
      const path = filePaths[0];
      if (canceled || !path) return null;
      if ((await stat(path)).size > MAX_DOCUMENT_BYTES) throw new Error("This document is larger than 25 MB.");
      return { name: basename(path), data: new Uint8Array(await readFile(path)) };
    }),
  );

  ipcMain.handle(
    CHANNELS.saveResult,
    guarded(async (window, suggestedName: unknown, data: unknown): Promise<boolean> => {
      if (typeof data !== "string" && !(data instanceof Uint8Array)) throw new Error("nothing to save");
      const { canceled, filePath } = await dialog.showSaveDialog(window, {
        title: "Save the redacted result",
        defaultPath: typeof suggestedName === "string" ? basename(suggestedName) : "redacted.txt",
      });
      if (canceled || !filePath) return false;
      await writeFile(filePath, data);
      return true;
    }),
  );
}
