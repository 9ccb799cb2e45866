import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { App } from "../App";
import { fakeApi } from "../test/fakeApi";

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

describe("redact workspace", () => {
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
    act(() => first?.focus());
    expect(await screen.findByRole("tooltip")).toHaveTextContent("PERSON");
    expect(screen.getByRole("tooltip")).toHaveTextContent("score 0.85");
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement?.textContent).toBe("alice@example.com");
    await user.keyboard("{Enter}");
    expect(document.activeElement).toHaveClass("rejected");
    await waitFor(async () => expect(((await output()) as HTMLTextAreaElement).value).toContain("mail alice@example.com"));
  });

  it("changes the operator for one entity type and saves it", async () => {
    const { api, user } = await analyzed();
    await user.click(screen.getByText("How each type is replaced"));
    await user.selectOptions(screen.getByRole("combobox", { name: "Operator for PERSON" }), "mask");
    await waitFor(async () => expect(((await output()) as HTMLTextAreaElement).value).toBe("Hi *****, mail <EMAIL_ADDRESS> or ask *****."));
    await waitFor(() => expect(api.calls.putSettings.at(-1)?.operators.PERSON?.type).toBe("mask"), { timeout: 2000 });
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
