/**
 * Serves `app://redacta`: the UI build and the shell's pages from the asar (with a CSP
 * header), and forwards the backend's API paths to the loopback backend. Registered as a
 * standard, secure scheme so the UI gets a real origin (storage, fetch, CSP 'self' work)
 * without file:// and its broad access.
 */
import { net, protocol } from "electron";
import type { Session } from "electron";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { APP_SCHEME, CONTENT_SECURITY_POLICY, routeAppRequest } from "./appOrigin";

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
    },
  ]);
}

export interface AppProtocolOptions {
  uiDir: string;
  shellDir: string;
  /** The backend's loopback base URL, or undefined while it is not ready. */
  backendUrl: () => string | undefined;
}

function withSecurityHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export function handleAppProtocol(session: Session, options: AppProtocolOptions): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const route = routeAppRequest(request.url);
    switch (route.kind) {
      case "backend": {
        const base = options.backendUrl();
        if (!base) return new Response(JSON.stringify({ detail: "The backend is starting or stopped." }), { status: 503 });
        // Streams the body both ways (large documents, job progress); Authorization passes through.
        // Origin, Referer and cookies stay inside the app; the backend needs none of them.
        const headers = new Headers(request.headers);
        for (const name of ["origin", "referer", "cookie"]) headers.delete(name);
        const init: RequestInit & { duplex: "half" } = {
          method: request.method,
          headers,
          body: request.body,
          duplex: "half",
          redirect: "manual",
        };
        return net.fetch(base + route.pathAndQuery, init);
      }
      case "ui":
      case "shell": {
        const root = route.kind === "ui" ? options.uiDir : options.shellDir;
        try {
          const response = await net.fetch(pathToFileURL(join(root, route.file)).toString());
          return withSecurityHeaders(response);
        } catch {
          return new Response("Not found", { status: 404 });
        }
      }
      default:
        return new Response("Not found", { status: 404 });
    }
  });
}
