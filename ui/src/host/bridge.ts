/**
 * The contract between the UI and whatever hosts it. The desktop shell's preload exposes
 * `window.redacta`; browsers have none. The types are defined once, in
 * desktop/src/shared/bridge.ts (type-only imports: nothing of the desktop code enters the
 * bundle). The UI relies on getBackend alone and treats every other method as optional, so it
 * falls back to browser behaviour (file input, download link) with a smaller bridge.
 */
import type { RedactaBridge } from "../../../desktop/src/shared/bridge";

export type { BackendEndpoint, MenuCommand, OpenedDocument } from "../../../desktop/src/shared/bridge";

/** `window.redacta` as the UI sees it: getBackend always, the rest only where the host has it. */
export type HostBridge = Pick<RedactaBridge, "getBackend"> & Partial<Omit<RedactaBridge, "getBackend">>;

declare global {
  interface Window {
    redacta?: HostBridge;
  }
}
