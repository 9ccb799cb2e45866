/**
 * Preload of the main window: exposes only `window.redacta` (see shared/bridge.ts), nothing
 * of Node or ipcRenderer itself. Runs sandboxed, so it imports nothing but `electron`.
 */
import { contextBridge, ipcRenderer } from "electron";
import type { IpcRendererEvent } from "electron";
import type { BackendEndpoint, Channel, MenuCommand, OpenedDocument, RedactaBridge } from "../shared/bridge";

const GET_BACKEND: Channel = "redacta:get-backend";
const OPEN_DOCUMENT: Channel = "redacta:open-document";
const SAVE_RESULT: Channel = "redacta:save-result";
const MENU_COMMAND: Channel = "redacta:menu-command";
const BACKEND_CHANGED: Channel = "redacta:backend-changed";

function subscribe<T extends unknown[]>(channel: Channel, listener: (...args: T) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, ...args: unknown[]): void => listener(...(args as T));
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const bridge: RedactaBridge = {
  getBackend: () => ipcRenderer.invoke(GET_BACKEND) as Promise<BackendEndpoint>,
  openDocument: () => ipcRenderer.invoke(OPEN_DOCUMENT) as Promise<OpenedDocument | null>,
  saveResult: (suggestedName, data) => ipcRenderer.invoke(SAVE_RESULT, suggestedName, data) as Promise<boolean>,
  onMenuCommand: (listener) => subscribe<[MenuCommand]>(MENU_COMMAND, listener),
  onBackendChanged: (listener) => subscribe<[]>(BACKEND_CHANGED, listener),
};

contextBridge.exposeInMainWorld("redacta", bridge);
