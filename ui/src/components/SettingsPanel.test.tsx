import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { ApiError } from "../api/port";
import { fakeApi } from "../test/fakeApi";

describe("settings panel", () => {
  it("saves an allow list as it is typed, without waiting for the field to lose focus", async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    render(<App connect={async () => api} />);
    await user.click(await screen.findByRole("tab", { name: "Settings" }));
    const allow = await screen.findByLabelText("Allow list (never redacted)");
    await user.click(allow);
    await user.keyboard("Kenji{Enter}Acme Ltd");
    expect(allow).toHaveFocus();
    await waitFor(() => expect(api.calls.putSettings.at(-1)?.allowList).toEqual(["Kenji", "Acme Ltd"]));
    expect(await screen.findByText("Saved")).toBeInTheDocument();
    // A new line being started is not a change worth saving, and is not undone on screen.
    const saves = api.calls.putSettings.length;
    await user.keyboard("{Enter}");
    expect(allow).toHaveValue("Kenji\nAcme Ltd\n");
    await new Promise((r) => setTimeout(r, 600));
    expect(api.calls.putSettings.length).toBe(saves);
  });

  it("saves a custom recognizer's type only while a complete recognizer finds it", async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    render(<App connect={async () => api} />);
    await user.click(await screen.findByRole("tab", { name: "Settings" }));
    await user.click(await screen.findByRole("button", { name: "Add recognizer" }));
    const rec = screen.getByRole("group", { name: "custom_1" });
    // Blank: not saved, said so, and its type is not saved as enabled either.
    expect(within(rec).getByText("Not saved: give it a pattern to save it.")).toBeInTheDocument();
    await waitFor(() => expect(api.calls.putSettings.length).toBeGreaterThan(0));
    await screen.findByText("Saved");
    expect(api.calls.putSettings.at(-1)).toMatchObject({ entities: ["PERSON", "EMAIL_ADDRESS"], recognizers: [] });
    expect(screen.getByRole("checkbox", { name: "CUSTOM_ID" })).toBeChecked();

    await user.type(within(rec).getByLabelText("Pattern (regular expression)"), "C-\\d+");
    await waitFor(() => expect(api.calls.putSettings.at(-1)?.recognizers).toHaveLength(1));
    expect(api.calls.putSettings.at(-1)?.entities).toEqual(["PERSON", "EMAIL_ADDRESS", "CUSTOM_ID"]);
    expect(within(rec).queryByText(/^Not saved/)).toBeNull();

    await user.click(within(rec).getByRole("button", { name: "Remove" }));
    await waitFor(() => expect(api.calls.putSettings.at(-1)?.recognizers).toHaveLength(0));
    expect(api.calls.putSettings.at(-1)?.entities).toEqual(["PERSON", "EMAIL_ADDRESS"]);
    expect(screen.queryByRole("checkbox", { name: "CUSTOM_ID" })).toBeNull();
  });

  it("says a refused save is invalid and waits for a correction instead of retrying it", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = fakeApi();
    const store = api.putSettings;
    let refused = 0;
    api.putSettings = async (s) => {
      if (s.allowList.includes("bad")) {
        refused += 1;
        throw new ApiError("custom_recognizers.0: recognizer 'r': Invalid regular expression: missing ).", 422);
      }
      return store(s);
    };
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(<App connect={async () => api} />);
    await user.click(await screen.findByRole("tab", { name: "Settings" }));
    const allow = await screen.findByLabelText("Allow list (never redacted)");
    await user.type(allow, "bad");
    expect(await screen.findByText(/^Not saved: .*missing \)\. Correct it to save; until then analyses use your last saved settings\.$/)).toBeInTheDocument();
    expect(screen.queryByText(/Retrying/)).toBeNull();
    expect(screen.queryByRole("button", { name: "Retry now" })).toBeNull();
    const tries = refused;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(refused).toBe(tries);
    // The correction is saved as usual.
    await user.clear(allow);
    await user.type(allow, "good");
    expect(await screen.findByText("Saved")).toBeInTheDocument();
    expect(api.calls.putSettings.at(-1)?.allowList).toEqual(["good"]);
  });
});

afterEach(() => {
  vi.useRealTimers();
});
