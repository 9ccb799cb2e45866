/** Makes the backend client and its liveness visible to every panel. */
import { createContext, useContext } from "react";
import type { BackendApi } from "./port";

export const ApiContext = createContext<BackendApi | null>(null);

export function useApi(): BackendApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error("useApi outside ApiContext");
  return api;
}

/** Text for an error thrown by the API client: its message, or a generic offline hint. */
export function describeError(err: unknown): string {
  if (err instanceof DOMException && err.name === "AbortError") return "Cancelled.";
  if (err instanceof TypeError) return "Cannot reach the Redacta backend. It may be starting or stopped.";
  if (err instanceof Error) return err.message;
  return "Something went wrong.";
}
