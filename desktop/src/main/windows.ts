/** The main window: locked-down web preferences, one preload, shown once painted. */
import { BrowserWindow } from "electron";

export function createMainWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title: "Redacta",
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Chromium's spellchecker downloads dictionaries: nothing may leave the machine.
      spellcheck: false,
    },
  });
  window.once("ready-to-show", () => window.show());
  return window;
}
