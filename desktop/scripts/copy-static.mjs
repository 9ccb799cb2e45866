// After `tsc`: copies what the compiled shell serves into out/ (packed into app.asar):
// the shell's static pages + icon → out/renderer, and the UI build (ui/dist) → out/ui.
import { cpSync, existsSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const uiDist = here("../../ui/dist");
if (!existsSync(`${uiDist}/index.html`)) {
  console.error("ui/dist/index.html is missing: build the UI first (`invoke ui.build` or `nox -s ui`).");
  process.exit(1);
}
rmSync(here("../out/renderer"), { recursive: true, force: true });
rmSync(here("../out/ui"), { recursive: true, force: true });
cpSync(here("../src/renderer"), here("../out/renderer"), { recursive: true });
cpSync(here("../assets/icon.png"), here("../out/renderer/icon.png"));
cpSync(uiDist, here("../out/ui"), { recursive: true });
console.log("copied src/renderer and ui/dist into out/");
