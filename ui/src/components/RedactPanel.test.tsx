import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { fakeApi } from "../test/fakeApi";
import { progressText } from "./RedactPanel";

const TEXT = "Hi Alice, mail alice@example.com or ask Alice.";

async function analyzed(api = fakeApi()) {
  const user = userEvent.setup();
  render(<App connect={async () => api} />);
  const box = await screen.findByRole("textbox", { name: "Text to redact" });
  await user.click(box);
  await user.paste(TEXT);
  await waitFor(() => expect(screen.getByRole("button", { name: "Analyze" })).toBeEnabled());
  await user.keyboard("{Control>}{Enter}{/Control}");
  await screen.findByRole("list", { name: "Findings list" });
  return { api, user };
}

const output = () => screen.findByTestId("output");
const alice = () => screen.getAllByRole("checkbox", { name: "Redact PERSON “Alice”" })[0] as HTMLElement;

describe("redact workspace", () => {
  it("analyzes on Ctrl+Enter pressed before the settings have loaded, with the stored settings", async () => {
    const api = fakeApi();
    const gate: { release?: () => void } = {};
    const loaded = new Promise<void>((r) => {
      gate.release = r;
    });
    const getSettings = api.getSettings.bind(api);
    api.getSettings = async () => {
      await loaded;
      return getSettings();
    };
    const user = userEvent.setup();
    render(<App connect={async () => api} />);
    const box = await screen.findByRole("textbox", { name: "Text to redact" });
    await user.click(box);
    await user.paste(TEXT);
    await user.keyboard("{Control>}{Enter}{/Control}");
    gate.release?.();
    const list = await screen.findByRole("list", { name: "Findings list" });
    expect(within(list).getAllByRole("checkbox")).toHaveLength(3);
  });

  it("highlights every finding and outputs the text with all of them redacted", async () => {
    await analyzed();
    const view = screen.getByRole("group", { name: /Original text; findings are highlighted/ });
    const marks = view.querySelectorAll("mark");
    expect([...marks].map((m) => m.textContent)).toEqual(["Alice", "alice@example.com", "Alice"]);
    expect(view.textContent).toBe(TEXT);
    await waitFor(async () => expect(((await output()) as HTMLTextAreaElement).value).toBe("Hi <PERSON>, mail <EMAIL_ADDRESS> or ask <PERSON>."));
  });

  it("leaves a rejected finding in the output and sends only accepted ones", async () => {
    const { api, user } = await analyzed();
    await user.click(screen.getByRole("checkbox", { name: "Redact EMAIL_ADDRESS “alice@example.com”" }));
    await waitFor(async () => expect(((await output()) as HTMLTextAreaElement).value).toBe("Hi <PERSON>, mail alice@example.com or ask <PERSON>."));
    const last = api.calls.redact.at(-1);
    expect(last?.findings.map((f) => f.entityType)).toEqual(["PERSON", "PERSON"]);
    expect(screen.getByText("2 of 3 redacted")).toBeInTheDocument();
  });

  it("switches a finding with the keyboard in the highlight view", async () => {
    const { user } = await analyzed();
    const view = screen.getByRole("group", { name: /Original text/ });
    const first = view.querySelector("mark");
    expect(first).toHaveAttribute("tabindex", "0");
    await user.hover(first as HTMLElement);
    expect(await screen.findByRole("tooltip")).toHaveTextContent("PERSON");
    expect(screen.getByRole("tooltip")).toHaveTextContent("score 0.85");
    act(() => first?.focus());
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement?.textContent).toBe("alice@example.com");
    await user.keyboard("{Enter}");
    expect(document.activeElement).toHaveClass("rejected");
    await waitFor(async () => expect(((await output()) as HTMLTextAreaElement).value).toContain("mail alice@example.com"));
  });

  it("changes the operator for this text only, and saves it as default only when asked", async () => {
    const { api, user } = await analyzed();
    await user.click(screen.getByText(/How each type is replaced/));
    await user.selectOptions(screen.getByRole("combobox", { name: "Operator for PERSON" }), "mask");
    await waitFor(async () => expect(((await output()) as HTMLTextAreaElement).value).toBe("Hi *****, mail <EMAIL_ADDRESS> or ask *****."));
    await new Promise((r) => setTimeout(r, 600)); // longer than the settings debounce
    expect(api.calls.putSettings).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Save as default" }));
    await waitFor(() => expect(api.calls.putSettings.at(-1)?.operators.PERSON?.type).toBe("mask"), { timeout: 2000 });
    await waitFor(() => expect(screen.queryByRole("button", { name: "Save as default" })).toBeNull());
  });

  it("never lets a stale output be copied: a decision the backend could not apply disables Copy and says why", async () => {
    const { api, user } = await analyzed();
    const copy = screen.getByRole("button", { name: "Copy" });
    await waitFor(() => expect(copy).toBeEnabled());
    await user.click(alice());
    await waitFor(async () => expect(((await output()) as HTMLTextAreaElement).value).toContain("Hi Alice"));
    await waitFor(() => expect(copy).toBeEnabled());
    api.setFailing("redact", true);
    await user.click(alice());
    expect(copy).toBeDisabled();
    expect(screen.getByRole("button", { name: "Save…" })).toBeDisabled();
    await waitFor(() => expect(screen.getByText(/could not be updated/)).toBeInTheDocument());
    expect(copy).toBeDisabled();
    api.setFailing("redact", false);
    await user.click(screen.getAllByRole("checkbox", { name: "Redact PERSON “Alice”" })[1] as HTMLElement);
    await waitFor(() => expect(copy).toBeEnabled());
  });

  it("marks the results stale when the text changes, and re-analysis keeps rejections", async () => {
    const { user } = await analyzed();
    await user.click(screen.getByRole("checkbox", { name: "Redact EMAIL_ADDRESS “alice@example.com”" }));
    await user.click(screen.getByRole("button", { name: "Edit text" }));
    const box = screen.getByRole("textbox", { name: "Text to redact" });
    await user.type(box, " Thanks.");
    expect(await screen.findByText(/The text changed since the last analysis/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Copy" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Re-analyze" }));
    await waitFor(async () =>
      expect(((await output()) as HTMLTextAreaElement).value).toBe("Hi <PERSON>, mail alice@example.com or ask <PERSON>. Thanks."),
    );
    expect(screen.getByRole("checkbox", { name: "Redact EMAIL_ADDRESS “alice@example.com”" })).not.toBeChecked();
    await waitFor(() => expect(screen.getByRole("button", { name: "Copy" })).toBeEnabled());
  });

  it("changes a finding's type, rejects all occurrences of a value, and adds a value to the allow list", async () => {
    const { api, user } = await analyzed();
    await user.click(screen.getAllByRole("button", { name: "Alice" })[0] as HTMLElement);
    const actions = await screen.findByRole("group", { name: /Finding “Alice”/ });
    await user.selectOptions(within(actions).getByRole("combobox", { name: "Type of this finding" }), "PHONE_NUMBER");
    await waitFor(async () => expect(((await output()) as HTMLTextAreaElement).value).toBe("Hi <PHONE_NUMBER>, mail <EMAIL_ADDRESS> or ask <PERSON>."));
    await user.click(within(actions).getByRole("button", { name: "Reject all “Alice” (2)" }));
    await waitFor(async () => expect(((await output()) as HTMLTextAreaElement).value).toBe("Hi Alice, mail <EMAIL_ADDRESS> or ask Alice."));
    await user.click(within(actions).getByRole("button", { name: "Add to allow list" }));
    await waitFor(() => expect(api.calls.putSettings.at(-1)?.allowList).toEqual(["Alice"]), { timeout: 2000 });
    // The saved settings changed: the findings are stale until re-analyzed.
    expect(await screen.findByText(/Settings changed since the last analysis/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Copy" })).toBeDisabled();
  });

  it("adds a missed span selected in the text", async () => {
    const { user } = await analyzed(fakeApi({ Alice: "PERSON" }));
    await user.click(screen.getByRole("button", { name: "Edit text" }));
    const box = screen.getByRole("textbox", { name: "Text to redact" }) as HTMLTextAreaElement;
    const start = TEXT.indexOf("alice@example.com");
    act(() => {
      box.focus();
      box.setSelectionRange(start, start + "alice@example.com".length);
      box.dispatchEvent(new Event("select", { bubbles: true }));
    });
    const bar = await screen.findByRole("group", { name: "Add a missed finding" });
    await user.selectOptions(within(bar).getByRole("combobox"), "EMAIL_ADDRESS");
    await user.click(within(bar).getByRole("button", { name: "Add finding" }));
    await waitFor(async () => expect(((await output()) as HTMLTextAreaElement).value).toBe("Hi <PERSON>, mail <EMAIL_ADDRESS> or ask <PERSON>."));
    expect(screen.getByRole("checkbox", { name: "Redact EMAIL_ADDRESS “alice@example.com”" })).toBeChecked();
  });

  it("offers the type last added, or the type an e-mail address or phone number plainly is", async () => {
    const api = fakeApi({ Alice: "PERSON" });
    api.info = async () => ({ version: "test", entities: ["EMAIL_ADDRESS", "LOCATION", "PERSON", "PHONE_NUMBER"], supported: ["EMAIL_ADDRESS", "LOCATION", "PERSON", "PHONE_NUMBER"] });
    const { user } = await analyzed(api);
    await user.click(screen.getByRole("button", { name: "Edit text" }));
    const box = screen.getByRole("textbox", { name: "Text to redact" }) as HTMLTextAreaElement;
    const select = async (word: string) => {
      const start = TEXT.indexOf(word);
      act(() => {
        box.blur(); // a fresh focus, as a user's click back into the text gives
        box.focus();
        box.setSelectionRange(start, start + word.length);
        box.dispatchEvent(new Event("select", { bubbles: true }));
      });
      const bar = await screen.findByRole("group", { name: "Add a missed finding" });
      await waitFor(() => expect(bar).toHaveTextContent(`Add “${word}” as`));
      return within(bar);
    };
    // Nothing added yet: PERSON.
    let bar = await select("mail");
    expect(bar.getByRole("combobox")).toHaveValue("PERSON");
    await user.selectOptions(bar.getByRole("combobox"), "LOCATION");
    await user.click(bar.getByRole("button", { name: "Add finding" }));
    expect(await screen.findByRole("checkbox", { name: "Redact LOCATION “mail”" })).toBeChecked();
    // The type just added is offered for the next span...
    bar = await select("ask");
    expect(bar.getByRole("combobox")).toHaveValue("LOCATION");
    // ...unless the span is plainly an e-mail address.
    bar = await select("alice@example.com");
    expect(bar.getByRole("combobox")).toHaveValue("EMAIL_ADDRESS");
  });
});

describe("settings while the backend is unreachable", () => {
  it("refuses edits while offline, and says so", async () => {
    // The liveness probe runs every 10 s while the backend is up: the clock is moved on
    // instead of waiting for it (it also keeps running, for the UI's own short waits).
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const api = fakeApi();
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      render(<App connect={async () => api} />);
      await user.click(await screen.findByRole("tab", { name: "Settings" }));
      const slider = await screen.findByRole("slider");
      expect(slider).toBeEnabled();
      api.setAlive(false);
      await user.click(screen.getByRole("tab", { name: "Redact" }));
      expect(screen.queryByText("The Redacta backend is not responding.")).toBeNull();
      await act(() => vi.advanceTimersByTimeAsync(10_000));
      await waitFor(() => expect(screen.getByText("The Redacta backend is not responding.")).toBeInTheDocument());
      await user.click(screen.getByRole("tab", { name: "Settings" }));
      expect(screen.getByRole("slider")).toBeDisabled();
      expect(screen.getByText(/editing is paused until it is back/)).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it("never shows a failed save as saved, and retries it", async () => {
    const api = fakeApi();
    const user = userEvent.setup();
    render(<App connect={async () => api} />);
    await user.click(await screen.findByRole("tab", { name: "Settings" }));
    api.setFailing("putSettings", true);
    await user.click(screen.getByRole("checkbox", { name: "PHONE_NUMBER" }));
    expect(await screen.findByText(/Not saved: .*Retrying/)).toBeInTheDocument();
    expect(screen.queryByText("Saved")).toBeNull();
    api.setFailing("putSettings", false);
    await waitFor(() => expect(screen.getByText("Saved")).toBeInTheDocument(), { timeout: 5000 });
    expect(api.calls.putSettings.at(-1)?.entities).toContain("PHONE_NUMBER");
  });
});

describe("backend status", () => {
  it("says when the backend is down and recovers when it returns", async () => {
    const api = fakeApi();
    api.setAlive(false);
    render(<App connect={async () => api} />);
    expect(await screen.findByText("The Redacta backend is not responding.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Analyze" })).toBeDisabled();
    api.setAlive(true);
    await userEvent.setup().click(screen.getByRole("button", { name: "Retry now" }));
    await waitFor(() => expect(screen.queryByText("The Redacta backend is not responding.")).toBeNull());
    expect(screen.getByText("Local engine ready")).toBeInTheDocument();
  });
});

describe("progressText", () => {
  it("shows the share done, then an estimate of the time left from the rate so far", () => {
    expect(progressText(0, 1000, 0)).toBe("0 % analyzed");
    expect(progressText(250, 1000, 5000)).toBe("25 % analyzed · about 15 s left");
    expect(progressText(100, 1000, 30_000)).toBe("10 % analyzed · about 5 min left");
    expect(progressText(1000, 1000, 9000)).toBe("100 % analyzed · about 0 s left");
  });
});
