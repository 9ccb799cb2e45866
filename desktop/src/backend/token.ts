/** The per-launch bearer token: random, passed to the backend by environment only. */
import { randomBytes } from "node:crypto";

/** 256 random bits, URL-safe; a new one for every app launch, never written to disk or logs. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}
