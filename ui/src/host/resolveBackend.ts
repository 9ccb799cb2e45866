/**
 * Finds the backend and its token in whichever of the three hosts the UI runs in:
 * Electron (preload bridge), the backend itself serving the built UI (token in the URL
 * fragment, which browsers never send to a server), or the Vite dev server (proxy + env).
 */
import type { BackendEndpoint } from "./bridge";

const STORAGE_KEY = "redacta.token";

/** Reads `token` from a fragment like `#token=abc&x=y`; null when absent. */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  const token = params.get("token");
  return token ? token : null;
}

/** The fragment without its token part (other parameters are kept). */
export function fragmentWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  params.delete("token");
  const rest = params.toString();
  return rest ? `#${rest}` : "";
}

/**
 * Takes the token out of the address bar (so it is not bookmarked, shared or kept in history)
 * and keeps it in sessionStorage, which survives a reload of this tab only.
 */
export function captureFragmentToken(win: Window = window): string | null {
  const token = tokenFromFragment(win.location.hash);
  if (token) {
    try {
      win.sessionStorage.setItem(STORAGE_KEY, token);
    } catch {
      // Storage can be disabled; the token then lives only in memory for this page.
    }
    const url = win.location.pathname + win.location.search + fragmentWithoutToken(win.location.hash);
    win.history.replaceState(win.history.state, "", url);
    return token;
  }
  try {
    return win.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Resolves the backend for the current host; relative base URL when served same-origin. */
export async function resolveBackend(win: Window = window): Promise<BackendEndpoint> {
  if (win.redacta) {
    const endpoint = await win.redacta.getBackend();
    return { baseUrl: endpoint.baseUrl.replace(/\/+$/, ""), token: endpoint.token };
  }
  const token = captureFragmentToken(win) ?? (import.meta.env.VITE_BACKEND_TOKEN as string | undefined) ?? "";
  return { baseUrl: "", token };
}
