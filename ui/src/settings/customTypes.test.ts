import { describe, expect, it } from "vitest";
import type { UserSettings } from "../domain";
import { missingForSave, storableSettings, withoutRecognizer, withRecognizer } from "./customTypes";

const base = (over: Partial<UserSettings> = {}): UserSettings => ({
  entities: ["PERSON", "CUSTOM_ID"],
  threshold: 0.5,
  operators: {},
  allowList: [],
  denyLists: {},
  recognizers: [{ name: "c", entityType: "CUSTOM_ID", pattern: "C-\\d+", score: 0.8 }],
  ...over,
});

describe("custom recognizer types", () => {
  it("enables a recognizer's entity type and drops the old custom one", () => {
    const next = withRecognizer(base(), 0, { name: "c", entityType: "EMPLOYEE_ID", pattern: "E\\d", score: 0.8 }, ["PERSON"]);
    expect(next.entities).toEqual(["PERSON", "EMPLOYEE_ID"]);
  });

  it("drops the type of a recognizer whose type is cleared", () => {
    const next = withRecognizer(base(), 0, { name: "c", entityType: "", pattern: "C-\\d+", score: 0.8 }, ["PERSON"]);
    expect(next.entities).toEqual(["PERSON"]);
  });

  it("drops a removed recognizer's type unless the engine, a deny list or another recognizer finds it", () => {
    expect(withoutRecognizer(base(), 0, ["PERSON"])).toMatchObject({ entities: ["PERSON"], recognizers: [] });
    const two = base({ recognizers: [...base().recognizers, { name: "d", entityType: "CUSTOM_ID", pattern: "D-\\d+", score: 0.8 }] });
    expect(withoutRecognizer(two, 0, ["PERSON"]).entities).toEqual(["PERSON", "CUSTOM_ID"]);
    expect(withoutRecognizer(base({ denyLists: { CUSTOM_ID: ["X1"] } }), 0, ["PERSON"]).entities).toEqual(["PERSON", "CUSTOM_ID"]);
    const builtIn = base({ entities: ["PERSON"], recognizers: [{ name: "p", entityType: "PERSON", pattern: "Dr \\w+", score: 0.8 }] });
    expect(withoutRecognizer(builtIn, 0, ["PERSON"]).entities).toEqual(["PERSON"]);
  });

  it("stores neither a recognizer still being typed nor the type only it would find", () => {
    const draft = base({
      entities: ["PERSON", "CUSTOM_ID", "UK_NINO"],
      recognizers: [{ name: "custom_1", entityType: "CUSTOM_ID", pattern: " ", score: 0.8 }],
    });
    // UK_NINO is enabled without being "supported": only types of unsaved recognizers go.
    expect(storableSettings(draft, ["PERSON"])).toMatchObject({ entities: ["PERSON", "UK_NINO"], recognizers: [] });
    const complete = base();
    expect(storableSettings(complete, ["PERSON"])).toBe(complete);
    expect(missingForSave(draft.recognizers[0]!)).toBe("Not saved: give it a pattern to save it.");
    expect(missingForSave({ name: "x", entityType: "", pattern: "", score: 0.8 })).toBe("Not saved: give it an entity type and a pattern to save it.");
    expect(missingForSave(complete.recognizers[0]!)).toBeNull();
  });
});
