import { describe, expect, it } from "vitest";
import { COLOUR_COUNT, entityClass, entityPalette, paletteCss } from "./colours";

// The types /api/v1/entities lists here (supported and enabled by default).
const SERVED = [
  "CREDIT_CARD", "CRYPTO", "DATE_TIME", "EMAIL_ADDRESS", "IBAN_CODE", "IP_ADDRESS", "LOCATION", "MAC_ADDRESS",
  "MEDICAL_LICENSE", "NRP", "ORGANIZATION", "PERSON", "PHONE_NUMBER", "UK_NHS", "UK_NINO", "URL", "US_BANK_NUMBER",
  "US_DRIVER_LICENSE", "US_ITIN", "US_PASSPORT", "US_SSN", "UUID",
];

describe("entityPalette", () => {
  it("gives every served type its own colour", () => {
    const p = entityPalette(SERVED);
    expect(p.size).toBe(SERVED.length);
    expect(new Set(p.values()).size).toBe(SERVED.length);
    expect(Math.max(...p.values())).toBeLessThan(COLOUR_COUNT);
  });

  it("keeps the look-alikes users mixed up apart, whatever else is on the list", () => {
    for (const types of [SERVED, ["CREDIT_CARD", "PHONE_NUMBER", "IBAN_CODE", "DATE_TIME"], [...SERVED, "EMPLOYEE_ID"]]) {
      const p = entityPalette(types);
      expect(p.get("CREDIT_CARD")).not.toBe(p.get("PHONE_NUMBER"));
      expect(p.get("IBAN_CODE")).not.toBe(p.get("DATE_TIME"));
    }
  });

  it("is the same for the same types in any order", () => {
    expect(entityPalette([...SERVED].reverse())).toEqual(entityPalette(SERVED));
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
