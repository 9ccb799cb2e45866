/** Turns backend error bodies into sentences a user can act on. */

/** A user-facing message from a FastAPI/Presidio error body; never echoes the user's text. */
export function errorMessage(status: number, body: unknown): string {
  if (body && typeof body === "object") {
    const b = body as { detail?: unknown; error?: unknown };
    if (typeof b.detail === "string") return b.detail;
    if (typeof b.error === "string") return b.error;
    if (Array.isArray(b.detail)) {
      const parts = b.detail.map((d: { loc?: unknown[]; msg?: string }) => {
        const where = (d.loc ?? []).filter((x) => x !== "body").join(".");
        // Pydantic prefixes the messages of the server's own checks with "Value error, ".
        const msg = (d.msg ?? "invalid").replace(/^Value error, /, "");
        return where ? `${where}: ${msg}` : msg;
      });
      if (parts.length) return parts.join("; ");
    }
  }
  if (status === 401) return "The backend refused the access token. Restart Redacta, or reopen it from its own link.";
  if (status === 413) return "The text is too large for the backend's request limit.";
  return `The backend answered ${status}.`;
}
