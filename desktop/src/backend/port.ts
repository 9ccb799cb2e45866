/**
 * Which port to ask the backend for. 8000 when it is free, else 0 ("any free port"): the
 * backend binds the port itself and announces the real one in its ready line, so there is no
 * window in which another process could take a port we probed.
 */
import { createServer } from "node:net";

export const DEFAULT_PORT = 8000;
/** Port 0 asks the backend to let the OS pick a free port. */
export const ANY_PORT = 0;

/** True when nothing listens on host:port (we can bind it ourselves, then let it go). */
export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/** The preferred port when free, else ANY_PORT. */
export async function choosePort(preferred = DEFAULT_PORT, host = "127.0.0.1"): Promise<number> {
  if (preferred === ANY_PORT) return ANY_PORT;
  return (await isPortFree(preferred, host)) ? preferred : ANY_PORT;
}
