/**
 * Runs the backend for the app: picks the frozen exe (packaged) or the dev venv, logs to the
 * app's logs folder, and turns failures into the dialog with "Retry" / "Show log".
 * In `invoke dev` the backend is started by the task instead (REDACTA_DEV_BACKEND_URL).
 */
import { app, dialog, shell } from "electron";
import type { BrowserWindow } from "electron";
import { BackendManager, devBackendLaunch, packagedBackendLaunch } from "../backend";
import type { BackendLaunch } from "../backend";
import { paths } from "./paths";

export interface BackendTarget {
  /** Loopback URL of the backend (what app:// forwards to). */
  url: string;
  token: string;
}

function resolveLaunch(): BackendLaunch {
  if (app.isPackaged) return packagedBackendLaunch(process.resourcesPath);
  const dev = devBackendLaunch(paths.repoRoot);
  if (!dev) {
    throw new Error(
      "No backend found: run `invoke app` (or `cd services && uv sync --frozen`), or set REDACTA_BACKEND_PYTHON.",
    );
  }
  return dev;
}

export class BackendHost {
  readonly manager: BackendManager | undefined;
  private readonly external: BackendTarget | undefined;
  /** Set when the app quits: a start aborted by the quit is not a failure to report. */
  private stopping = false;

  constructor() {
    const devUrl = process.env.REDACTA_DEV_BACKEND_URL;
    const devToken = process.env.REDACTA_TOKEN;
    if (devUrl && devToken) {
      this.external = { url: devUrl.replace(/\/+$/, ""), token: devToken };
    } else {
      this.manager = new BackendManager({ launch: resolveLaunch(), logDir: app.getPath("logs") });
    }
  }

  /** The running backend, or undefined while starting / after a failure. */
  get target(): BackendTarget | undefined {
    if (this.external) return this.external;
    const info = this.manager?.info;
    return info ? { url: info.baseUrl, token: info.token } : undefined;
  }

  get logPath(): string | undefined {
    return this.manager?.logPath;
  }

  async start(): Promise<BackendTarget> {
    if (this.external) return this.external;
    const info = await this.manager!.start();
    return { url: info.baseUrl, token: info.token };
  }

  /** Resolves once the backend is ready; does not start it (the window's start flow does). */
  whenReady(): Promise<BackendTarget> {
    const ready = this.target;
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => {
      this.manager!.once("ready", (info) => resolve({ url: info.baseUrl, token: info.token }));
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.manager?.stop();
  }

  /**
   * Starts the backend; on failure shows the reason with "Retry", "Show log" and "Quit".
   * Resolves true once it runs, false when the user chose to quit.
   */
  async startWithDialog(parent: BrowserWindow | undefined): Promise<boolean> {
    for (;;) {
      try {
        await this.start();
        return true;
      } catch (error) {
        if (this.stopping) return false;
        const reason = error instanceof Error ? error.message : String(error);
        if (!(await this.askRetry(parent, reason))) return false;
      }
    }
  }

  /** The failure dialog; true for "Retry", false for "Quit" ("Show log" keeps it open). */
  async askRetry(parent: BrowserWindow | undefined, reason: string): Promise<boolean> {
    for (;;) {
      const box: Electron.MessageBoxOptions = {
        type: "error",
        title: "Redacta could not start its engine",
        message: "Redacta's engine could not start.",
        detail: `${reason}\n\nLog file: ${this.logPath ?? "none"}`,
        buttons: ["Retry", "Show log", "Quit"],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      };
      const { response } = parent ? await dialog.showMessageBox(parent, box) : await dialog.showMessageBox(box);
      if (response === 0) return true;
      if (response === 2) return false;
      if (this.logPath) shell.showItemInFolder(this.logPath);
      else void shell.openPath(app.getPath("logs"));
    }
  }
}
