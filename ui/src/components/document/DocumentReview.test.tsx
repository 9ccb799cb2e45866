import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ApiContext } from "../../api/context";
import type { JobsApi } from "../../api/port";
import type { DocumentData } from "../../domain";
import { rememberAddType } from "../../review/addType";
import type { DocumentDecisions } from "../../review/documentReview";
import { SettingsProvider } from "../../settings/SettingsContext";
import { fakeApi } from "../../test/fakeApi";
import { DocumentReview, redactedCopyName } from "./DocumentReview";

const DOCX: DocumentData = {
  jobId: "j1",
  index: 0,
  name: "letters/memo.docx",
  kind: "docx",
  state: "needs_review",
  units: [
    { unit: 0, text: "Memo for Ann Lee", part: "body" },
    { unit: 1, text: "Call Bo Ray", part: "footer" },
  ],
  findings: [
    { id: "a", entityType: "PERSON", score: 0.85, explanation: "", unit: 0, start: 9, end: 16 },
    { id: "b", entityType: "PERSON", score: 0.85, explanation: "", unit: 1, start: 5, end: 11 },
  ],
  counts: { PERSON: 2 },
  sheets: [],
  pages: [],
};

function setup(doc: DocumentData, output?: string) {
  const decided: DocumentDecisions[] = [];
  const jobs: JobsApi = {
    create: async () => "j1",
    get: async () => {
      throw new Error("not used");
    },
    watch: () => () => undefined,
    cancel: async () => undefined,
    download: async () => new Blob(["x"]),
    downloadAll: async () => new Blob(["PK"]),
    report: async () => new Blob(["{}"]),
    openReview: async () => doc,
    pageImage: async () => new Blob([]),
    decide: async (_doc, d) => {
      decided.push(d);
      return { state: "reviewed", counts: {}, ...(output ? { output } : {}) };
    },
    acceptRemaining: async () => undefined,
  };
  const api = { ...fakeApi(), jobs };
  render(
    <ApiContext.Provider value={api}>
      <SettingsProvider online>
        <DocumentReview jobId="j1" index={0} onClose={() => undefined} />
      </SettingsProvider>
    </ApiContext.Provider>,
  );
  return { decided, user: userEvent.setup() };
}

describe("document review view", () => {
  it("shows a Word document's units with their parts, and sends the decisions once", async () => {
    const { decided, user } = setup(DOCX);
    const view = await screen.findByRole("group", { name: /findings are highlighted/ });
    expect([...view.querySelectorAll(".unit-part")].map((e) => e.textContent)).toEqual(["Body", "Footer"]);
    expect([...view.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["Ann Lee", "Bo Ray"]);
    // Keyboard as on pasted text: the first mark is the tab stop, Enter switches it.
    const first = view.querySelector("mark") as HTMLElement;
    first.focus();
    await user.keyboard("{ArrowRight}{Enter}");
    expect(view.querySelectorAll("mark")[1]).toHaveClass("rejected");
    await user.click(screen.getByRole("button", { name: "Write redacted copy" }));
    await waitFor(() => expect(decided).toEqual([{ rejected: ["b"], added: [], retyped: {} }]));
    expect(await screen.findByRole("button", { name: "Download memo-redacted.docx" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Write redacted copy" })).toBeNull();
    expect(screen.getByText("reviewed")).toBeInTheDocument();
  });

  it("offers the copy under the name it was written with (a job may keep the input names)", async () => {
    const { user } = setup(DOCX, "letters/memo.docx");
    await user.click(await screen.findByRole("button", { name: "Write redacted copy" }));
    expect(await screen.findByRole("button", { name: "Download memo.docx" })).toBeInTheDocument();
  });

  it("shows a reviewed file as decided, read-only", async () => {
    const reviewed: DocumentData = {
      ...DOCX,
      state: "reviewed",
      findings: [
        { ...DOCX.findings[0]!, decision: "accepted" },
        { ...DOCX.findings[1]!, decision: "rejected" },
      ],
      added: [{ entityType: "TERM", unit: 0, start: 0, end: 4 }],
    };
    const { decided, user } = setup(reviewed);
    const view = await screen.findByRole("group", { name: /findings are highlighted/ });
    const marks = () => [...view.querySelectorAll("mark")].map((m) => [m.textContent, m.classList.contains("rejected")]);
    expect(marks()).toEqual([
      ["Memo", false],
      ["Ann Lee", false],
      ["Bo Ray", true],
    ]);
    expect(screen.getByText(/written from these decisions \(shown as decided, read-only\)/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Write redacted copy" })).toBeNull();
    await user.click(view.querySelectorAll("mark")[2] as HTMLElement);
    expect(marks()[2]).toEqual(["Bo Ray", true]);
    expect(decided).toEqual([]);
  });

  it("redacts and skips table columns from their headers", async () => {
    const table: DocumentData = {
      ...DOCX,
      name: "people.csv",
      kind: "table",
      units: [
        { unit: 0, text: "name", part: "cell", row: 1, column: 1 },
        { unit: 1, text: "note", part: "cell", row: 1, column: 2 },
        { unit: 2, text: "Ann Lee", part: "cell", row: 2, column: 1, columnHeader: "name" },
        { unit: 3, text: "ok", part: "cell", row: 2, column: 2, columnHeader: "note" },
      ],
      findings: [{ id: "a", entityType: "PERSON", score: 0.85, explanation: "", unit: 2, start: 0, end: 7 }],
    };
    const { decided, user } = setup(table);
    const grid = await screen.findByRole("table", { name: "Table" });
    expect(within(grid).getAllByRole("columnheader").map((h) => h.getAttribute("aria-label"))).toEqual(["name", "note"]);
    expect(within(grid).getAllByRole("row")).toHaveLength(2);
    await user.click(screen.getByRole("button", { name: "Skip the column name" }));
    await user.click(screen.getByRole("button", { name: "Redact the whole column note" }));
    await user.click(screen.getByRole("button", { name: "Write redacted copy" }));
    await waitFor(() => expect(decided).toEqual([{ rejected: ["a"], added: [{ unit: 3, start: 0, end: 2, entityType: "PERSON" }], retyped: {} }]));
  });

  it("offers the type last added in this session, one the document can take", async () => {
    const pdf: DocumentData = { ...DOCX, kind: "pages", units: [{ unit: 0, text: "Memo for Ann Lee", part: "body", page: 1 }], findings: [], pages: [{ page: 1, width: 612, height: 792 }] };
    rememberAddType("PHONE_NUMBER"); // added earlier, on pasted text or another file
    setup(pdf);
    const drawnType = await screen.findByRole("combobox", { name: "Entity type for drawn areas" });
    await waitFor(() => expect(drawnType).toHaveValue("PHONE_NUMBER"));
    cleanup();
    rememberAddType("GONE_TYPE"); // not offered by this engine: the select shows what is sent
    setup(pdf);
    expect(await screen.findByRole("combobox", { name: "Entity type for drawn areas" })).toHaveValue("PERSON");
  });

  it("names a column of numbers from the header row and offers no column action on it", async () => {
    // Numbers are not analysed, so the "tier" column has no body units: only its header cell.
    const table: DocumentData = {
      ...DOCX,
      name: "customers.xlsx",
      kind: "table",
      sheets: ["Customers"],
      units: [
        { unit: 0, text: "name", part: "cell", sheet: "Customers", row: 1, column: 1 },
        { unit: 1, text: "tier", part: "cell", sheet: "Customers", row: 1, column: 2 },
        { unit: 2, text: "Ann Lee", part: "cell", sheet: "Customers", row: 2, column: 1, columnHeader: "name" },
      ],
      findings: [{ id: "a", entityType: "PERSON", score: 0.85, explanation: "", unit: 2, start: 0, end: 7 }],
    };
    const { decided, user } = setup(table);
    const grid = await screen.findByRole("table", { name: "Sheet Customers" });
    expect(within(grid).getAllByRole("columnheader").map((h) => h.getAttribute("aria-label"))).toEqual(["name", "tier"]);
    expect(within(grid).getAllByRole("row")).toHaveLength(2);
    expect(screen.getByRole("button", { name: "Redact the whole column tier" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Skip the column tier" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Write redacted copy" }));
    await waitFor(() => expect(decided).toEqual([{ rejected: [], added: [], retyped: {} }]));
  });

  it("shows a workbook's sheet titles and properties beside the grid and every string of a formula cell", async () => {
    const book: DocumentData = {
      ...DOCX,
      name: "people.xlsx",
      kind: "table",
      sheets: ["Ann Lee"],
      units: [
        { unit: 0, text: "name", part: "cell", sheet: "Ann Lee", row: 1, column: 1 },
        { unit: 1, text: "Bo Ray", part: "cell", sheet: "Ann Lee", row: 2, column: 1, columnHeader: "name" },
        { unit: 2, text: "Contact ", part: "formula", sheet: "Ann Lee", row: 2, column: 2 },
        { unit: 3, text: "Cy Dunn", part: "formula", sheet: "Ann Lee", row: 2, column: 2 },
        { unit: 4, text: "Ann Lee", part: "sheet_title", sheet: "Ann Lee" },
        { unit: 5, text: "List of Di Eve", part: "property" },
      ],
      findings: [
        { id: "t", entityType: "PERSON", score: 0.85, explanation: "", unit: 4, start: 0, end: 7 },
        { id: "p", entityType: "PERSON", score: 0.85, explanation: "", unit: 5, start: 8, end: 14 },
        { id: "f", entityType: "PERSON", score: 0.85, explanation: "", unit: 3, start: 0, end: 7 },
      ],
    };
    const { user } = setup(book);
    const grid = await screen.findByRole("table", { name: "Sheet Ann Lee" });
    expect(within(grid).getAllByRole("columnheader").map((h) => h.getAttribute("aria-label"))).toEqual(["name", "Column 2"]);
    expect(within(grid).getAllByRole("row")).toHaveLength(2);
    expect(within(grid).getByText("Contact")).toBeInTheDocument();
    expect(within(grid).getByRole("button", { name: "PERSON: Cy Dunn" })).toBeInTheDocument();
    const outside = screen.getByRole("list", { name: "Outside the cells" });
    expect(within(outside).getByRole("button", { name: "PERSON: Ann Lee" })).toBeInTheDocument();
    expect(within(outside).getByRole("button", { name: "PERSON: Di Eve" })).toBeInTheDocument();
    const title = within(outside).getByRole("button", { name: "PERSON: Ann Lee" });
    await user.click(title);
    expect(within(outside).getByRole("button", { name: "PERSON: Ann Lee" })).toHaveAttribute("aria-pressed", "false");
  });

  it("names the redacted copy after the file", () => {
    expect(redactedCopyName("a/b/report.final.pdf")).toBe("report.final-redacted.pdf");
    expect(redactedCopyName("README")).toBe("README-redacted");
  });
});
