import { describe, expect, it } from "vitest";
import { entityClass, entityPalette, paletteCss } from "./colours";

// The types /api/v1/entities lists here (supported and enabled by default).
const SERVED = [
  "CREDIT_CARD", "CRYPTO", "DATE_TIME", "EMAIL_ADDRESS", "IBAN_CODE", "IP_ADDRESS", "LOCATION", "MAC_ADDRESS",
  "MEDICAL_LICENSE", "NRP", "ORGANIZATION", "PERSON", "PHONE_NUMBER", "UK_NHS", "UK_NINO", "URL", "US_BANK_NUMBER",
  "US_DRIVER_LICENSE", "US_ITIN", "US_PASSPORT", "US_SSN", "UUID",
];

const gap = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

describe("entityPalette", () => {
  it("gives every served type its own colour", () => {
    const p = entityPalette(SERVED);
    expect(p.size).toBe(SERVED.length);
    expect(new Set([...p.values()].map((c) => `${c.hue}/${c.tone}`)).size).toBe(SERVED.length);
    expect(new Set([...p.values()].map((c) => c.hue)).size).toBe(SERVED.length);
  });

  it("keeps the common types in one tone, at least 30 degrees apart", () => {
    const p = entityPalette(SERVED);
    const common = ["PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "EMAIL_ADDRESS", "PHONE_NUMBER", "URL", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "NRP"];
    expect(common.map((t) => p.get(t)?.tone)).toEqual(common.map(() => 0));
    const hues = common.map((t) => p.get(t)?.hue ?? 0);
    const closest = Math.min(...hues.flatMap((a, i) => hues.filter((_, j) => j !== i).map((b) => gap(a, b))));
    expect(closest).toBeGreaterThanOrEqual(30);
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
