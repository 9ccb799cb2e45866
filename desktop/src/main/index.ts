/**
 * Entry point of the Electron main process: wires the single-instance lock, security policy,
 * app:// protocol, backend, IPC, menus, window and updater together. Each concern lives in its
 * own module; this file only decides the order.
 */
import { app, BrowserWindow, dialog, Menu, session, shell } from "electron";
import { APP_ORIGIN, SHELL_PREFIX } from "./appOrigin";
import { BackendHost } from "./backendHost";
import { registerIpc } from "./ipc";
import { buildMenu } from "./menu";
import { paths } from "./paths";
import { loadPreferences, preferencesPath, savePreferences } from "./preferences";
import { handleAppProtocol, registerAppScheme } from "./protocol";
import { denyAllPermissions, guardAllWebContents } from "./security";
import { checkForUpdates, initUpdater } from "./updater";
import { createMainWindow } from "./windows";
import { CHANNELS } from "../shared/bridge";
import type { MenuCommand } from "../shared/bridge";

/** In `invoke dev`, the UI comes from the Vite dev server (hot reload) instead of app://. */
const DEV_UI_URL = app.isPackaged ? undefined : process.env.REDACTA_DEV_UI_URL;
const EXTRA_ORIGINS = DEV_UI_URL ? [new URL(DEV_UI_URL).origin] : [];
const UI_URL = DEV_UI_URL ?? `${APP_ORIGIN}/`;
const UI_ORIGIN = DEV_UI_URL ? new URL(DEV_UI_URL).origin : APP_ORIGIN;

let mainWindow: BrowserWindow | undefined;
let backend: BackendHost | undefined;
let quitting = false;

function showAbout(): void {
  const detail = [
    `Version ${app.getVersion()}`,
    `Engine ${backend?.manager?.info?.version ?? "not running"}`,
    `Electron ${process.versions.electron}`,
    `Chromium ${process.versions.chrome}`,
    `Node ${process.versions.node}`,
    `${process.platform} ${process.arch}`,
  ].join("\n");
  const box = { type: "info" as const, title: "About Redacta", message: "Redacta", detail };
  void (mainWindow ? dialog.showMessageBox(mainWindow, box) : dialog.showMessageBox(box));
}

async function showUi(): Promise<void> {
  if (!mainWindow || !backend) return;
  await mainWindow.loadURL(`${APP_ORIGIN}${SHELL_PREFIX}loading.html`);
  if (!(await backend.startWithDialog(mainWindow))) {
    app.quit();
    return;
  }
  await mainWindow.loadURL(UI_URL);
}

async function main(): Promise<void> {
  app.enableSandbox();
  await app.whenReady();

  guardAllWebContents(EXTRA_ORIGINS);
  denyAllPermissions(session.defaultSession);
  session.defaultSession.setSpellCheckerEnabled(false);

  const host = new BackendHost();
  backend = host;
  handleAppProtocol(session.defaultSession, {
    uiDir: paths.uiDir,
    shellDir: paths.shellDir,
    backendUrl: () => host.target?.url,
  });
  registerIpc({
    mainWindow: () => mainWindow,
    extraOrigins: EXTRA_ORIGINS,
    backend: async () => ({ baseUrl: UI_ORIGIN, token: (await host.whenReady()).token }),
  });

  const prefsPath = preferencesPath(app.getPath("userData"));
  let preferences = loadPreferences(prefsPath);
  initUpdater({ parent: () => mainWindow, log: (event, fields) => host.manager?.emit("stderr", JSON.stringify({ event, ...fields })) });
  Menu.setApplicationMenu(
    buildMenu({
      command: (command: MenuCommand) => mainWindow?.webContents.send(CHANNELS.menuCommand, command),
      about: showAbout,
      openLogsFolder: () => void shell.openPath(app.getPath("logs")),
      checkForUpdates: () => void checkForUpdates(true),
      autoUpdateEnabled: () => preferences.checkForUpdates,
      setAutoUpdate: (enabled) => {
        preferences = { ...preferences, checkForUpdates: enabled };
        savePreferences(prefsPath, preferences);
      },
    }),
  );

  host.manager?.on("ready", () => mainWindow?.webContents.send(CHANNELS.backendChanged));
  host.manager?.on("failed", (error) => {
    void host.askRetry(mainWindow, error.message).then((retry) => (retry ? showUi() : app.quit()));
  });

  mainWindow = createMainWindow(paths.appPreload);
  mainWindow.on("closed", () => {
    mainWindow = undefined;
  });
  await showUi();
  if (preferences.checkForUpdates) void checkForUpdates(false);
}

// Registered before `ready`, as Electron requires for privileged schemes.
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on("second-instance", () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // The backend belongs to the window: closing it quits the app on every platform.
  app.on("window-all-closed", () => app.quit());
  app.on("before-quit", (event) => {
    if (quitting || !backend) return;
    event.preventDefault();
    quitting = true;
    void backend.stop().finally(() => app.quit());
  });
  main().catch((error: unknown) => {
    dialog.showErrorBox("Redacta could not start", error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
