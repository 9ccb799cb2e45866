/** The native menus: File (open document, save result), Edit, View, Help (about, logs, updates). */
import { app, Menu } from "electron";
import type { MenuItemConstructorOptions } from "electron";
import type { MenuCommand } from "../shared/bridge";

export interface MenuActions {
  command: (command: MenuCommand) => void;
  about: () => void;
  openLogsFolder: () => void;
  checkForUpdates: () => void;
  autoUpdateEnabled: () => boolean;
  setAutoUpdate: (enabled: boolean) => void;
}

export function buildMenu(actions: MenuActions): Menu {
  const isMac = process.platform === "darwin";
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: "appMenu" as const }] : []),
    {
      label: "&File",
      submenu: [
        { label: "&Open Document…", accelerator: "CmdOrCtrl+O", click: () => actions.command("open-document") },
        { label: "&Save Result…", accelerator: "CmdOrCtrl+S", click: () => actions.command("save-result") },
        { type: "separator" },
        isMac ? { role: "close" } : { role: "quit" },
      ],
    },
    { role: "editMenu" },
    {
      label: "&View",
      submenu: [
        { role: "reload" },
        ...(app.isPackaged ? [] : [{ role: "toggleDevTools" as const }]),
        { type: "separator" },
        { role: "resetZoom" },
        { role: "zoomIn" },
        { role: "zoomOut" },
        { type: "separator" },
        { role: "togglefullscreen" },
      ],
    },
    {
      label: "&Help",
      submenu: [
        { label: "&About Redacta", click: actions.about },
        { label: "Open &Logs Folder", click: actions.openLogsFolder },
        { type: "separator" },
        { label: "Check for &Updates…", click: actions.checkForUpdates },
        {
          label: "Check for Updates Automatically",
          type: "checkbox",
          checked: actions.autoUpdateEnabled(),
          click: (item) => actions.setAutoUpdate(item.checked),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
