/**
 * Locks down every web contents the app creates: no permission is ever granted (camera,
 * notifications, geolocation, …), no navigation away from the app's origin, no new windows,
 * no <webview>. http(s) links open in the system browser instead.
 */
import { app, shell } from "electron";
import type { Session, WebContents } from "electron";
import { isAppUrl, isExternalWebLink } from "./appOrigin";

/** Denies every permission request and check of this session. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

function openExternally(url: string): void {
  if (isExternalWebLink(url)) void shell.openExternal(url);
}

/** Keeps this web contents on the app's origin (plus the dev server's in development). */
export function guardNavigation(contents: WebContents, extraOrigins: readonly string[]): void {
  contents.on("will-navigate", (event, url) => {
    if (isAppUrl(url, extraOrigins)) return;
    event.preventDefault();
    openExternally(url);
  });
  contents.on("will-redirect", (event, url) => {
    if (!isAppUrl(url, extraOrigins)) event.preventDefault();
  });
  contents.on("will-attach-webview", (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: "deny" };
  });
}

/** Applies the guard to every web contents, present and future. */
export function guardAllWebContents(extraOrigins: readonly string[]): void {
  app.on("web-contents-created", (_event, contents) => guardNavigation(contents, extraOrigins));
}
