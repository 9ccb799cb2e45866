/**
 * When is the backend usable? After it printed its ready line on stdout (model loaded, socket
 * listening; see readyLine.ts) AND answered an authenticated GET /health: the second
 * check proves that we talk to our own child with our token, not to some other process on that
 * port.
 */

/** Thrown when /health answers 401/403: the process on that port does not know our token. */
export class TokenRejectedError extends Error {}

/** Polls GET /health with the bearer token until it answers 200 or the signal aborts. */
export async function waitForHealth(
  baseUrl: string,
  token: string,
  signal: AbortSignal,
  intervalMs = 100,
): Promise<void> {
  for (;;) {
    signal.throwIfAborted();
    try {
      const response = await fetch(`${baseUrl}/health`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.any([signal, AbortSignal.timeout(5000)]),
      });
      await response.body?.cancel();
      if (response.ok) return;
      if (response.status === 401 || response.status === 403) {
        throw new TokenRejectedError(`the backend refused our token (HTTP ${response.status})`);
      }
    } catch (error) {
      if (error instanceof TokenRejectedError) throw error;
      signal.throwIfAborted();
      // Connection refused or reset while the server comes up: try again.
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
