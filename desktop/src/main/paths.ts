/** Where the compiled shell finds its files, in the asar or in desktop/out/ during development. */
import { join, resolve } from "node:path";

/** desktop/out (or app.asar/out): this file is compiled to out/main/paths.js. */
const OUT_DIR = resolve(__dirname, "..");

export const paths = {
  /** The UI build (copied from ui/dist by scripts/copy-static.mjs). */
  uiDir: join(OUT_DIR, "ui"),
  /** The shell's own static pages (loading screen). */
  shellDir: join(OUT_DIR, "renderer"),
  /** Preload of the main window. */
  appPreload: join(OUT_DIR, "preload", "app.js"),
  /** The repository root, in development (desktop/..). */
  repoRoot: resolve(OUT_DIR, "..", ".."),
};
