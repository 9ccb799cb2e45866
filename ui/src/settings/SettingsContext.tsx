/**
 * Loads the user's settings from the backend once and saves every change back (debounced),
 * so the redact panel's quick operator switch and the settings panel share one source.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { ReactNode } from "react";
import type { UserSettings } from "../domain";
import { describeError, useApi } from "../api/context";
import type { BackendInfo } from "../api/port";

export type SaveState = "idle" | "saving" | "saved" | "error";

interface SettingsValue {
  settings: UserSettings | null;
  info: BackendInfo | null;
  loadError: string | null;
  saveState: SaveState;
  saveError: string | null;
  update: (change: (s: UserSettings) => UserSettings) => void;
  reload: () => void;
}

const SettingsContext = createContext<SettingsValue | null>(null);

export function useSettings(): SettingsValue {
  const v = useContext(SettingsContext);
  if (!v) throw new Error("useSettings outside SettingsProvider");
  return v;
}

export function SettingsProvider({ children, online }: { children: ReactNode; online: boolean }) {
  const api = useApi();
  const [settings, setSettings] = useState<UserSettings | null>(null);
  const [info, setInfo] = useState<BackendInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>("idle");
  const [saveError, setSaveError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef<UserSettings | null>(null);
  const fetchAll = useCallback(() => Promise.all([api.getSettings(), api.info()]), [api]);
  const applyLoaded = useCallback(([s, i]: [UserSettings, BackendInfo]) => {
    latest.current = s;
    setSettings(s);
    setInfo(i);
    setLoadError(null);
  }, []);

  useEffect(() => {
    if (!online) return;
    let live = true;
    fetchAll().then(
      (r) => live && applyLoaded(r),
      (e: unknown) => live && setLoadError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [online, fetchAll, applyLoaded]);

  const update = useCallback(
    (change: (s: UserSettings) => UserSettings) => {
      const prev = latest.current;
      if (!prev) return;
      const next = change(prev);
      latest.current = next;
      setSettings(next);
      setSaveState("saving");
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        api
          .putSettings(next)
          .then(() => {
            setSaveState("saved");
            setSaveError(null);
          })
          .catch((e: unknown) => {
            setSaveState("error");
            setSaveError(describeError(e));
          });
      }, 400);
    },
    [api],
  );

  const reload = useCallback(() => {
    fetchAll().then(applyLoaded, (e: unknown) => setLoadError(describeError(e)));
  }, [fetchAll, applyLoaded]);
  const value = useMemo(
    () => ({ settings, info, loadError, saveState, saveError, update, reload }),
    [settings, info, loadError, saveState, saveError, update, reload],
  );
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}
