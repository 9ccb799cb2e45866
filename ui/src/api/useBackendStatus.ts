/**
 * Polls the backend's liveness probe: often while it is down (so the UI recovers within
 * seconds when it returns), rarely while it is up. `recheck` probes at once.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { BackendApi } from "./port";

export type BackendStatus = "connecting" | "online" | "offline";

const UP_MS = 10_000;
const DOWN_MS = 1_500;

export function useBackendStatus(api: BackendApi): [BackendStatus, () => void] {
  const [status, setStatus] = useState<BackendStatus>("connecting");
  const probeNow = useRef<() => void>(() => {});

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let ctl: AbortController | undefined;
    let stopped = false;
    const probe = async () => {
      clearTimeout(timer);
      ctl?.abort();
      const mine = new AbortController();
      ctl = mine;
      const t = setTimeout(() => mine.abort(), 3000);
      let ok = false;
      try {
        ok = await api.alive(mine.signal);
      } catch {
        ok = false;
      } finally {
        clearTimeout(t);
      }
      if (stopped || ctl !== mine) return;
      setStatus(ok ? "online" : "offline");
      timer = setTimeout(() => void probe(), ok ? UP_MS : DOWN_MS);
    };
    probeNow.current = () => void probe();
    void probe();
    return () => {
      stopped = true;
      clearTimeout(timer);
      ctl?.abort();
    };
  }, [api]);

  const recheck = useCallback(() => probeNow.current(), []);
  return [status, recheck];
}
