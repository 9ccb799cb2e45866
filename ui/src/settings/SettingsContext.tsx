/**
 * Loads the user's settings from the backend and saves every change back (debounced). What the
 * backend confirmed (`saved`) is kept apart from what is on screen (`settings`): analyses and
 * exports go by `saved`, and the screen never says "Saved" for a change the backend has not
 * stored. Edits are refused while the backend is unreachable; a save that fails is retried
 * until it succeeds (newer edits replace the queued one), except one the backend refused as
 * invalid (a 4xx such as a broken pattern): sending it again cannot succeed, so it waits for
 * the user's next edit.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { ReactNode } from "react";
import type { UserSettings } from "../domain";
import { storableSettings } from "./customTypes";
import { describeError, useApi } from "../api/context";
import { ApiError } from "../api/port";
import type { BackendInfo } from "../api/port";

/** `error`: not stored, tried again later; `rejected`: refused as invalid, waits for an edit. */
export type SaveState = "idle" | "saving" | "saved" | "error" | "rejected";

/** A refusal of the settings themselves: the same request would be refused again. */
const isRefusal = (e: unknown) => e instanceof ApiError && e.status >= 400 && e.status < 500 && ![401, 408, 429].includes(e.status);

/** How long to wait before trying a failed save again. */
const RETRY_MS = 3000;

interface SettingsValue {
  /** What the user sees and edits (may include changes not yet stored). */
  settings: UserSettings | null;
  /** What the backend has stored: the settings analyses and exports use. */
  saved: UserSettings | null;
  info: BackendInfo | null;
  loadError: string | null;
  saveState: SaveState;
  saveError: string | null;
  /** False while the backend is unreachable: edits are refused (and say why). */
  editable: boolean;
  update: (change: (s: UserSettings) => UserSettings) => void;
  /** Tries a failed save again now. */
  retrySave: () => void;
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
  const [saved, setSaved] = useState<UserSettings | null>(null);
  const [info, setInfo] = useState<BackendInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>("idle");
  const [saveError, setSaveError] = useState<string | null>(null);
  /** Counts failed saves, so each failure schedules one retry. */
  const [failures, setFailures] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef<UserSettings | null>(null);
  const supported = useRef<string[]>([]);
  /** The edit waiting to be stored, if any. */
  const pending = useRef<UserSettings | null>(null);
  const fetchAll = useCallback(() => Promise.all([api.getSettings(), api.info()]), [api]);
  const applyLoaded = useCallback(([s, i]: [UserSettings, BackendInfo]) => {
    if (pending.current) return; // an unsaved edit is queued: keep it on screen
    latest.current = s;
    setSettings(s);
    setSaved(s);
    setInfo(i);
    supported.current = i.supported;
    setLoadError(null);
  }, []);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const next = pending.current;
    if (!next) return;
    setSaveState("saving");
    api.putSettings(storableSettings(next, supported.current)).then(
      (stored) => {
        if (pending.current === next) {
          pending.current = null;
          setSaveState("saved");
          setSaveError(null);
        }
        setSaved(stored);
      },
      (e: unknown) => {
        if (pending.current !== next) return; // a newer edit is already on its way
        setSaveError(describeError(e));
        if (isRefusal(e)) {
          setSaveState("rejected");
          return;
        }
        setSaveState("error");
        setFailures((n) => n + 1);
      },
    );
  }, [api]);

  // A failed save is tried again a little later while the backend is reachable (and at once
  // when it comes back, see below).
  useEffect(() => {
    if (failures === 0 || !online) return;
    const t = setTimeout(flush, RETRY_MS);
    return () => clearTimeout(t);
  }, [failures, online, flush]);

  useEffect(() => {
    if (!online) return;
    if (pending.current) {
      flush();
      return;
    }
    let live = true;
    fetchAll().then(
      (r) => live && applyLoaded(r),
      (e: unknown) => live && setLoadError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [online, fetchAll, applyLoaded, flush]);

  const update = useCallback(
    (change: (s: UserSettings) => UserSettings) => {
      const prev = latest.current;
      if (!prev || !online) return;
      const next = change(prev);
      latest.current = next;
      pending.current = next;
      setSettings(next);
      setSaveState("saving");
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, 400);
    },
    [flush, online],
  );

  const reload = useCallback(() => {
    fetchAll().then(applyLoaded, (e: unknown) => setLoadError(describeError(e)));
  }, [fetchAll, applyLoaded]);
  const value = useMemo(
    () => ({ settings, saved, info, loadError, saveState, saveError, editable: online, update, retrySave: flush, reload }),
    [settings, saved, info, loadError, saveState, saveError, online, update, flush, reload],
  );
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}
