/** The app shell: finds the backend, watches its health, and hosts the four panels as tabs. */
import { useEffect, useState } from "react";
import type { KeyboardEvent } from "react";
import { ApiContext } from "./api/context";
import type { BackendApi } from "./api/port";
import { useBackendStatus } from "./api/useBackendStatus";
import { DocumentsPanel } from "./components/DocumentsPanel";
import { EntityStyles } from "./components/EntityStyles";
import { RedactPanel } from "./components/RedactPanel";
import { FileReview } from "./components/document/FileReview";
import { RestorePanel } from "./components/RestorePanel";
import { SettingsPanel } from "./components/SettingsPanel";
import { SettingsProvider, useSettings } from "./settings/SettingsContext";

const TABS = [
  { id: "redact", label: "Redact" },
  { id: "restore", label: "Restore" },
  { id: "documents", label: "Documents" },
  { id: "settings", label: "Settings" },
] as const;
type TabId = (typeof TABS)[number]["id"];

interface Props {
  /** Resolves to the API client for this host (bridge, fragment token or dev proxy); called again with a higher generation when the host says the backend changed. */
  connect: (generation: number) => Promise<BackendApi>;
}

export function App({ connect }: Props) {
  const [api, setApi] = useState<BackendApi | null>(null);
  const [connectError, setConnectError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  // Electron restarts a crashed backend with a new token and says so: connect again.
  useEffect(() => window.redacta?.onBackendChanged?.(() => setGeneration((g) => g + 1)), []);

  useEffect(() => {
    let live = true;
    connect(generation)
      .then((a) => live && setApi(a))
      .catch((e: unknown) => live && setConnectError(e instanceof Error ? e.message : "Could not find the backend."));
    return () => {
      live = false;
    };
  }, [connect, generation]);

  if (connectError) {
    return (
      <main className="splash" role="alert">
        <h1>Redacta</h1>
        <p>{connectError}</p>
      </main>
    );
  }
  if (!api) {
    return (
      <main className="splash" aria-busy="true">
        <h1>Redacta</h1>
        <p>Starting…</p>
      </main>
    );
  }
  return (
    <ApiContext.Provider value={api}>
      <Shell api={api} />
    </ApiContext.Provider>
  );
}

function Shell({ api }: { api: BackendApi }) {
  const [status, recheck] = useBackendStatus(api);
  const [tab, setTab] = useState<TabId>("redact");
  const online = status === "online";

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = TABS.findIndex((t) => t.id === tab);
    let next: number | null = null;
    if (e.key === "ArrowRight") next = (i + 1) % TABS.length;
    else if (e.key === "ArrowLeft") next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = TABS.length - 1;
    if (next === null) return;
    e.preventDefault();
    const id = TABS[next]?.id ?? "redact";
    setTab(id);
    document.getElementById(`tab-${id}`)?.focus();
  };

  return (
    <SettingsProvider online={online}>
      <div className="app">
        <header className="topbar">
          <h1 className="brand">Redacta</h1>
          <div role="tablist" aria-label="Sections" className="tabs">
            {TABS.map((t) => (
              <button
                key={t.id}
                id={`tab-${t.id}`}
                role="tab"
                type="button"
                aria-selected={tab === t.id}
                aria-controls={`panel-${t.id}`}
                tabIndex={tab === t.id ? 0 : -1}
                onClick={() => setTab(t.id)}
                onKeyDown={onTabKey}
              >
                {t.label}
              </button>
            ))}
          </div>
          <StatusPill status={status} />
        </header>
        {status === "offline" && (
          <div className="banner" role="alert">
            <span>
              <strong>The Redacta backend is not responding.</strong> Your text stays here; nothing is lost. Reconnecting
              automatically…
            </span>
            <button type="button" onClick={recheck}>
              Retry now
            </button>
          </div>
        )}
        <SettingsError />
        <EntityStyles />
        <main className="main">
        {TABS.map((t) => (
          <div
            key={t.id}
            id={`panel-${t.id}`}
            role="tabpanel"
            aria-labelledby={`tab-${t.id}`}
            hidden={tab !== t.id}
            className="panel"
          >
            {t.id === "redact" && <RedactPage online={online} />}
            {t.id === "restore" && <RestorePanel online={online} />}
            {t.id === "documents" && <DocumentsPanel online={online} />}
            {t.id === "settings" && tab === t.id && <SettingsPanel />}
          </div>
        ))}
        </main>
      </div>
    </SettingsProvider>
  );
}

/**
 * Pasted text and text files are reviewed in the workspace; a document opened there is
 * reviewed in the document view, with the workspace kept (hidden) underneath.
 */
function RedactPage({ online }: { online: boolean }) {
  const [opened, setOpened] = useState<{ file: File; seq: number } | null>(null);
  return (
    <>
      <div className="page-fill" hidden={opened !== null}>
        <RedactPanel online={online} onOpenDocument={(file) => setOpened((o) => ({ file, seq: (o?.seq ?? 0) + 1 }))} />
      </div>
      {opened && <FileReview key={opened.seq} file={opened.file} onClose={() => setOpened(null)} />}
    </>
  );
}

function StatusPill({ status }: { status: string }) {
  const text = status === "online" ? "Local engine ready" : status === "offline" ? "Engine offline" : "Connecting…";
  return (
    <output className={`pill ${status}`}>
      <span className="dot" aria-hidden="true" />
      {text}
    </output>
  );
}

function SettingsError() {
  const { loadError, reload } = useSettings();
  if (!loadError) return null;
  return (
    <div className="banner" role="alert">
      <span>Could not load settings: {loadError}</span>
      <button type="button" onClick={reload}>
        Retry
      </button>
    </div>
  );
}
