/** Entry point: capture the token from the URL fragment first, then render. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createHttpApi } from "./api/httpApi";
import { resolveBackend } from "./host/resolveBackend";
import "./styles.css";

// Resolve (and strip the token from the address bar) before anything else can read the URL.
const endpoint = resolveBackend();
const connect = async () => createHttpApi(await endpoint);

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App connect={connect} />
    </StrictMode>,
  );
}
