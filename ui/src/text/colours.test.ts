import { describe, expect, it } from "vitest";
import { entityClass, entityPalette, paletteCss } from "./colours";

// The types /api/v1/entities lists here (supported and enabled by default).
const SERVED = [
  "CREDIT_CARD", "CRYPTO", "DATE_TIME", "EMAIL_ADDRESS", "IBAN_CODE", "IP_ADDRESS", "LOCATION", "MAC_ADDRESS",
  "MEDICAL_LICENSE", "NRP", "ORGANIZATION", "PERSON", "PHONE_NUMBER", "UK_NHS", "UK_NINO", "URL", "US_BANK_NUMBER",
  "US_DRIVER_LICENSE", "US_ITIN", "US_PASSPORT", "US_SSN", "UUID",
];

describe("entityPalette", () => {
  it("gives every served type its own hue", () => {
    const p = entityPalette(SERVED);
    expect(p.size).toBe(SERVED.length);
    expect(new Set([...p.values()].map((c) => c.hue)).size).toBe(SERVED.length);
    expect(p.get("CREDIT_CARD")?.hue).not.toBe(p.get("PHONE_NUMBER")?.hue);
    expect(p.get("IBAN_CODE")?.hue).not.toBe(p.get("DATE_TIME")?.hue);
  });

  it("spreads alphabetical neighbours apart on the colour wheel", () => {
    const p = entityPalette(SERVED);
    const sorted = [...SERVED].sort();
    for (let i = 1; i < sorted.length; i++) {
      const a = p.get(sorted[i - 1] as string)?.hue ?? 0;
      const b = p.get(sorted[i] as string)?.hue ?? 0;
      const gap = Math.min(Math.abs(a - b), 360 - Math.abs(a - b));
      expect(gap).toBeGreaterThanOrEqual(60);
    }
  });

  it("is the same for the same types in any order, and handles one type", () => {
    expect(entityPalette([...SERVED].reverse())).toEqual(entityPalette(SERVED));
    expect(entityPalette(["PERSON"]).get("PERSON")).toEqual({ hue: 0, tone: 0 });
  });
});

describe("paletteCss", () => {
  it("has a light and a dark rule per type, with class names that are safe CSS", () => {
    const css = paletteCss(entityPalette(["PERSON", "MY TYPE"]));
    expect(css.match(/\.et-PERSON\{/g)).toHaveLength(2);
    expect(entityClass("MY TYPE")).toBe("et-MY-32TYPE");
    expect(css).toContain("@media (prefers-color-scheme: dark)");
  });
});
