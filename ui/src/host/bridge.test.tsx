import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { fakeApi } from "../test/fakeApi";
import type { HostBridge, MenuCommand } from "./bridge";

afterEach(() => {
  delete window.redacta;
});

function electronBridge() {
  let menu: ((c: MenuCommand) => void) | null = null;
  let changed: (() => void) | null = null;
  const bridge = {
    getBackend: vi.fn<HostBridge["getBackend"]>(async () => ({ baseUrl: "app://redacta", token: "t" })),
    openDocument: vi.fn<NonNullable<HostBridge["openDocument"]>>(async () => ({ name: "notes.txt", data: new TextEncoder().encode("Met Alice today.") })),
    saveResult: vi.fn<NonNullable<HostBridge["saveResult"]>>(async () => true),
    onMenuCommand: (l: (c: MenuCommand) => void) => {
      menu = l;
      return () => {
        menu = null;
      };
    },
    onBackendChanged: (l: () => void) => {
      changed = l;
      return () => {
        changed = null;
      };
    },
  } satisfies HostBridge;
  return { bridge, menu: (c: MenuCommand) => menu?.(c), changed: () => changed?.() };
}

describe("Electron bridge", () => {
  it("opens with the native dialog and saves the redacted text through the bridge", async () => {
    const e = electronBridge();
    window.redacta = e.bridge;
    render(<App connect={async () => fakeApi()} />);
    await screen.findByRole("textbox", { name: "Text to redact" });
    act(() => e.menu("open-document"));
    await waitFor(() => expect(screen.getByRole("textbox", { name: "Text to redact" })).toHaveValue("Met Alice today."));
    await waitFor(() => expect(screen.getByRole("button", { name: "Analyze" })).toBeEnabled());
    await userEvent.setup().click(screen.getByRole("button", { name: "Analyze" }));
    await waitFor(() => expect(screen.getByTestId("output")).toHaveValue("Met <PERSON> today."));
    act(() => e.menu("save-result"));
    await waitFor(() => expect(e.bridge.saveResult).toHaveBeenCalledWith("notes.redacted.txt", "Met <PERSON> today."));
  });

  it("connects again when the host says the backend changed", async () => {
    const e = electronBridge();
    window.redacta = e.bridge;
    const connect = vi.fn<(generation: number) => Promise<ReturnType<typeof fakeApi>>>(async () => fakeApi());
    render(<App connect={connect} />);
    await screen.findByText("Local engine ready");
    expect(connect).toHaveBeenLastCalledWith(0);
    act(() => e.changed());
    await waitFor(() => expect(connect).toHaveBeenLastCalledWith(1));
  });
});
