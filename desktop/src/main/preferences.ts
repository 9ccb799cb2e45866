/**
 * The shell's own preferences (only: check for updates on start), a small JSON file in the
 * app's user-data folder. Plain module: tested without Electron.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export interface Preferences {
  checkForUpdates: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = { checkForUpdates: true };

export function preferencesPath(userDataDir: string): string {
  return join(userDataDir, "desktop-preferences.json");
}

/** Reads the preferences; defaults for a missing or unreadable file. */
export function loadPreferences(path: string): Preferences {
  try {
    const raw = JSON.parse(readFileSync(path, "utf8")) as Partial<Preferences>;
    return {
      checkForUpdates:
        typeof raw.checkForUpdates === "boolean" ? raw.checkForUpdates : DEFAULT_PREFERENCES.checkForUpdates,
    };
  } catch {
    return { ...DEFAULT_PREFERENCES };
  }
}

export function savePreferences(path: string, preferences: Preferences): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(preferences, null, 2)}\n`);
}
