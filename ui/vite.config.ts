/// <reference types="vitest/config" />
import { defineConfig, loadEnv } from "vite";
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";
import { BACKEND_PATHS } from "../desktop/src/shared/backendPaths";

/**
 * Content-Security-Policy for the built app only (the dev server needs inline scripts for
 * hot reload). Scripts come only from the bundle; fetches go only to the same origin or a
 * loopback backend (Electron loads the UI from file:// and talks to 127.0.0.1:PORT).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "connect-src 'self' http://127.0.0.1:* http://localhost:*",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

function contentSecurityPolicy(): Plugin {
  return {
    name: "redacta-csp",
    apply: "build",
    transformIndexHtml: () => [
      { tag: "meta", attrs: { "http-equiv": "Content-Security-Policy", content: CSP }, injectTo: "head-prepend" },
    ],
  };
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), "");
  const target = env.VITE_BACKEND_URL ?? "http://127.0.0.1:8000";
  return {
    // Relative asset URLs: the same build works from file:// (Electron) and from the backend at "/".
    base: "./",
    plugins: [react(), contentSecurityPolicy()],
    build: { target: "es2022", sourcemap: false },
    server: {
      host: "127.0.0.1",
      // The backend's paths (the same list the desktop app forwards), matched per path segment
      // ("^/api(/|?|end)", so /apiary.js stays the UI's). changeOrigin rewrites Host to the
      // backend's loopback host:port (its DNS-rebinding check).
      proxy: Object.fromEntries(BACKEND_PATHS.map((p) => [`^${p}(?:[/?]|$)`, { target, changeOrigin: true }])),
    },
    // Tests that need a DOM (components, the host's window and bridge) are *.test.tsx and run
    // in jsdom; the rest (*.test.ts: state, text and wire logic) run in plain Node, which
    // starts in a fraction of jsdom's time.
    test: {
      projects: [
        {
          extends: true,
          test: { name: "dom", environment: "jsdom", include: ["src/**/*.test.tsx"], setupFiles: ["src/test/setup.ts"] },
        },
        { extends: true, test: { name: "node", environment: "node", include: ["src/**/*.test.ts"] } },
      ],
    },
  };
});
