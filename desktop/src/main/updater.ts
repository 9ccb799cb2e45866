/**
 * Updates from GitHub releases (electron-builder `publish`), via electron-updater. Checks on
 * start when the user allows it (Help ▸ Check for Updates Automatically). Never downloads
 * without asking, never installs without asking. Sends nothing but the update request itself.
 */
import { app, dialog } from "electron";
import type { BrowserWindow } from "electron";
import { autoUpdater } from "electron-updater";

export interface UpdaterOptions {
  parent: () => BrowserWindow | undefined;
  log: (event: string, fields?: Record<string, string>) => void;
}

let interactiveCheck = false;

function showBox(options: UpdaterOptions, box: Electron.MessageBoxOptions): Promise<Electron.MessageBoxReturnValue> {
  const parent = options.parent();
  return parent ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box);
}

export function initUpdater(options: UpdaterOptions): void {
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.logger = null;

  autoUpdater.on("update-available", (info) => {
    void showBox(options, {
      type: "info",
      title: "Update available",
      message: `Redacta ${info.version} is available (you have ${app.getVersion()}).`,
      detail: "Download it now? You will be asked before it is installed.",
      buttons: ["Download", "Not now"],
      defaultId: 0,
      cancelId: 1,
    }).then(({ response }) => {
      if (response === 0) void autoUpdater.downloadUpdate();
    });
  });
  autoUpdater.on("update-not-available", () => {
    if (interactiveCheck) {
      void showBox(options, { type: "info", message: `Redacta ${app.getVersion()} is up to date.` });
    }
  });
  autoUpdater.on("update-downloaded", (info) => {
    void showBox(options, {
      type: "info",
      title: "Update ready",
      message: `Redacta ${info.version} has been downloaded.`,
      detail: "Restart now to install it?",
      buttons: ["Restart and install", "Later"],
      defaultId: 0,
      cancelId: 1,
    }).then(({ response }) => {
      if (response === 0) autoUpdater.quitAndInstall();
    });
  });
  autoUpdater.on("error", (error) => {
    // Offline is this app's normal state: log, and only bother the user if they asked.
    options.log("update-error", { message: error.message });
    if (interactiveCheck) void showBox(options, { type: "warning", message: "Could not check for updates.", detail: error.message });
  });
}

/** Checks GitHub releases; `interactive` when the user chose the menu item. */
export async function checkForUpdates(interactive: boolean): Promise<void> {
  if (!app.isPackaged) return; // development builds have no update feed
  interactiveCheck = interactive;
  try {
    await autoUpdater.checkForUpdates();
  } catch {
    // Reported through the "error" event.
  }
}
