/** Entry point: capture the token from the URL fragment first, then render. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createHttpApi } from "./api/httpApi";
import { resolveBackend } from "./host/resolveBackend";
import "./styles.css";

// Resolve (and strip the token from the address bar) before anything else can read the URL.
const first = resolveBackend();
const connect = async (generation: number) => createHttpApi(await (generation === 0 ? first : resolveBackend()));

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App connect={connect} />
    </StrictMode>,
  );
}
