import { describe, expect, it } from "vitest";
import { offeredType, suggestAddType, typeByShape } from "./addType";

const ALL = ["EMAIL_ADDRESS", "LOCATION", "PERSON", "PHONE_NUMBER", "URL"];

describe("typeByShape", () => {
  it("knows e-mail addresses, web addresses and phone numbers by their shape", () => {
    expect(typeByShape("ana.lima@example.com")).toBe("EMAIL_ADDRESS");
    expect(typeByShape(" ana@mail.example.org ")).toBe("EMAIL_ADDRESS");
    expect(typeByShape("https://example.com/u/ana")).toBe("URL");
    expect(typeByShape("www.example.org")).toBe("URL");
    expect(typeByShape("+44 20 7946 0958")).toBe("PHONE_NUMBER");
    expect(typeByShape("(212) 555-0199")).toBe("PHONE_NUMBER");
    expect(typeByShape("0612345678")).toBe("PHONE_NUMBER");
  });

  it("leaves anything else to the user", () => {
    const others = ["Ana Lima", "Galway", "@ana", "ana@localhost", "12 May", "2024", "123456", "1234 5678 9012 3456 7890", "case 4711-2", "a@b.c d"];
    expect(others.filter((text) => typeByShape(text) !== null)).toEqual([]);
  });
});

describe("suggestAddType", () => {
  it("offers the shape's type, else the type last added, else PERSON", () => {
    expect(suggestAddType("ana@example.com", "LOCATION", ALL)).toBe("EMAIL_ADDRESS");
    expect(suggestAddType("Galway", "LOCATION", ALL)).toBe("LOCATION");
    expect(suggestAddType("Galway", "PERSON", ALL)).toBe("PERSON");
  });

  it("offers only types the engine can take", () => {
    expect(suggestAddType("+44 20 7946 0958", "LOCATION", ["LOCATION", "PERSON"])).toBe("LOCATION");
    expect(suggestAddType("Galway", "GONE_TYPE", ["LOCATION", "PERSON"])).toBe("PERSON");
    expect(suggestAddType("Galway", "GONE_TYPE", ["EMPLOYEE_ID", "LOCATION"])).toBe("EMPLOYEE_ID");
    expect(suggestAddType("Galway", "LOCATION", [])).toBe("LOCATION"); // choices not loaded yet
  });
});

describe("offeredType", () => {
  it("is always one of the choices, so the select shows what is sent", () => {
    expect(offeredType(["TERM"], ["EMAIL_ADDRESS", "PERSON"])).toBe("PERSON");
    expect(offeredType(["TERM", null], ["EMAIL_ADDRESS"])).toBe("EMAIL_ADDRESS");
    expect(offeredType(["TERM"], ["EMAIL_ADDRESS", "TERM"])).toBe("TERM");
  });
});
