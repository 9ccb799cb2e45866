import { describe, expect, it } from "vitest";
import { offsetMap } from "./offsets";

describe("offsetMap", () => {
  it("is the identity for BMP-only text", () => {
    const m = offsetMap("Jane Doe, café");
    expect(m.toUtf16(5)).toBe(5);
    expect(m.toCodePoint(9)).toBe(9);
  });

  it("converts between code points (backend) and UTF-16 (JS) after emoji", () => {
    const text = "👋 Hi Jane 🎉 Doe";
    const m = offsetMap(text);
    const cps = [...text];
    const cpStart = cps.indexOf("J");
    const jsStart = text.indexOf("Jane");
    expect(cpStart).toBe(5);
    expect(jsStart).toBe(6);
    expect(m.toUtf16(cpStart)).toBe(jsStart);
    expect(m.toCodePoint(jsStart)).toBe(cpStart);
    const cpDoe = cps.join("").length - 3; // wrong on purpose: JS length counts pairs
    expect(cpDoe).not.toBe(cps.length - 3);
    expect(m.toUtf16(cps.length - 3)).toBe(text.indexOf("Doe"));
    expect(m.toUtf16(cps.length)).toBe(text.length);
    expect(m.toCodePoint(text.length)).toBe(cps.length);
    // Round trip for every code point boundary.
    for (let i = 0; i <= cps.length; i++) expect(m.toCodePoint(m.toUtf16(i))).toBe(i);
  });
});
