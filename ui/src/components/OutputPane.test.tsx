import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { OutputPane } from "./OutputPane";

const gate = { allowed: true, reason: null } as const;

describe("output pane", () => {
  it("says the output is being written while the first one is on its way, not to analyze", () => {
    render(<OutputPane output={null} busy error={null} fileName="redacted.txt" gate={gate} />);
    expect(screen.getByText("Preparing the redacted text…")).toBeInTheDocument();
    expect(screen.queryByText(/appears here after you analyze/)).toBeNull();
  });

  it("before any analysis says where the output will appear", () => {
    render(<OutputPane output={null} busy={false} error={null} fileName="redacted.txt" gate={gate} />);
    expect(screen.getByText("The redacted text appears here after you analyze.")).toBeInTheDocument();
  });
});
