import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { App } from "../App";
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
});
