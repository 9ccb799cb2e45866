import { describe, expect, it } from "vitest";
import type { Finding } from "../domain";
import { layered, nonOverlapping, segmentText } from "./segments";

const f = (start: number, end: number, entityType = "PERSON", id = `${start}-${end}`): Finding => ({
  id,
  entityType,
  start,
  end,
  score: 0.9,
  recognizer: "r",
  explanation: "",
  manual: false,
});

const join = (text: string, segs: ReturnType<typeof segmentText>) => segs.map((s) => text.slice(s.start, s.end)).join("");

describe("segmentText", () => {
  it("covers the text exactly, alternating plain and highlighted", () => {
    const text = "Call Alice at 555-0100 now";
    const segs = segmentText(text, [f(14, 22, "PHONE"), f(5, 10)]);
    expect(join(text, segs)).toBe(text);
    expect(segs.map((s) => [text.slice(s.start, s.end), s.finding?.entityType ?? null])).toEqual([
      ["Call ", null],
      ["Alice", "PERSON"],
      [" at ", null],
      ["555-0100", "PHONE"],
      [" now", null],
    ]);
  });

  it("gives shared characters to the first of overlapping findings (longest on equal start), the rest to the other, and drops empty or out-of-range ones", () => {
    const text = "Jane Doe Smith";
    const segs = segmentText(text, [f(5, 14, "LAST"), f(0, 8), f(0, 4, "FIRST"), f(3, 3), f(10, 99)]);
    expect(segs.filter((s) => s.finding).map((s) => [s.finding?.id, text.slice(s.start, s.end)])).toEqual([
      ["0-8", "Jane Doe"],
      ["5-14", " Smith"],
    ]);
    expect(join(text, segs)).toBe(text);
  });

  it("handles empty text and findings at both ends", () => {
    expect(segmentText("", [])).toEqual([{ start: 0, end: 0 }]);
    const segs = segmentText("Bob", [f(0, 3)]);
    expect(segs).toHaveLength(1);
    expect(segs[0]?.finding?.id).toBe("0-3");
  });

  it("segments 200 KB with 5,000 findings in one pass, covering every character once", () => {
    const unit = "Contact Alice Smith at alice@example.com. ";
    const text = unit.repeat(Math.ceil(200_000 / unit.length));
    const findings: Finding[] = [];
    for (let i = 0; i < 2500; i++) {
      const base = i * unit.length;
      findings.push(f(base + 8, base + 19, "PERSON"), f(base + 23, base + 40, "EMAIL"));
    }
    const segs = segmentText(text, findings.reverse());
    expect(segs.filter((s) => s.finding)).toHaveLength(5000);
    expect(join(text, segs)).toBe(text);
    for (let i = 1; i < segs.length; i++) expect(segs[i]?.start).toBe(segs[i - 1]?.end);
  });
});

describe("layered", () => {
  it("prefers the first layer and fills only free gaps with the second", () => {
    const accepted = [f(10, 20, "A", "a")];
    const rejected = [f(0, 5, "R", "r1"), f(15, 25, "R", "r2"), f(30, 35, "R", "r3")];
    expect(layered(accepted, rejected).map((x) => x.id)).toEqual(["r1", "a", "r3"]);
  });

  it("is the same as nonOverlapping when there is no second layer", () => {
    const one = [f(5, 9), f(0, 6)];
    expect(layered(one, [])).toEqual(nonOverlapping(one));
  });
});
