/** The backend manager's public surface (plain Node: no `electron` import anywhere below). */
export { BackendManager, BackendStartError } from "./manager";
export type { BackendExit, BackendInfo, BackendManagerOptions, BackendState } from "./manager";
export { backendExecutableName, devBackendLaunch, frozenBackendLaunch, packagedBackendLaunch } from "./locate";
export type { BackendLaunch } from "./locate";
export { DEFAULT_PORT } from "./port";
