import { describe, expect, it } from "vitest";
import type { OperatorChoice, UserSettings } from "../domain";
import { createHttpApi, errorMessage, fromWireOperator, fromWireSettings, readAnalyzeStream, toWireOperator, toWireSettings } from "./httpApi";

describe("wire mapping", () => {
  it("round-trips every operator with its options", () => {
    const choices: OperatorChoice[] = [
      { type: "replace", newValue: "[name]" },
      { type: "mask", maskingChar: "#", charsToMask: 4, fromEnd: true },
      { type: "encrypt", key: "0123456789abcdef" },
      { type: "hash" },
      { type: "redact" },
      { type: "keep" },
      { type: "pseudonymize" },
    ];
    for (const c of choices) expect(fromWireOperator(toWireOperator(c))).toEqual(c);
    expect(toWireOperator({ type: "replace", newValue: "" })).toEqual({ type: "replace", new_value: null });
    expect(toWireOperator({ type: "mask" })).toEqual({ type: "mask", masking_char: "*", chars_to_mask: 100, from_end: false });
  });

  it("fills server defaults for null settings and drops unfinished recognizers on save", () => {
    const s = fromWireSettings({ enabled_entities: null, score_threshold: null }, ["PERSON"]);
    expect(s).toMatchObject({ entities: ["PERSON"], threshold: 0.35, allowList: [], recognizers: [] });
    const withDraft: UserSettings = {
      ...s,
      recognizers: [
        { name: "a", entityType: "X", pattern: "", score: 0.5 },
        { name: "b", entityType: "Y", pattern: "Y-\\d+", score: 0.5, ignoreCase: true },
      ],
      denyLists: { PERSON: ["Bob"], EMPTY: [] },
    };
    const wire = toWireSettings(withDraft);
    expect(wire.custom_recognizers).toEqual([{ name: "b", entity_type: "Y", pattern: "Y-\\d+", score: 0.5, flags: ["IGNORECASE"], context: [] }]);
    expect(wire.deny_lists).toEqual({ PERSON: ["Bob"] });
  });
});

describe("errorMessage", () => {
  it("uses the backend's words and never invents detail", () => {
    expect(errorMessage(404, { detail: "Unknown session." })).toBe("Unknown session.");
    expect(errorMessage(400, { error: "Invalid language" })).toBe("Invalid language");
    expect(errorMessage(422, { detail: [{ loc: ["body", "custom_recognizers", 0, "pattern"], msg: "bad regex" }] })).toBe(
      "custom_recognizers.0.pattern: bad regex",
    );
    expect(errorMessage(422, { detail: [{ loc: ["body", "custom_recognizers", 0], msg: "Value error, recognizer 'r': missing )." }] })).toBe(
      "custom_recognizers.0: recognizer 'r': missing ).",
    );
    expect(errorMessage(401, null)).toMatch(/access token/);
    expect(errorMessage(500, "oops")).toBe("The backend answered 500.");
  });
});

describe("createHttpApi", () => {
  it("sends the bearer token in a header (never the URL) and converts emoji offsets", async () => {
    const seen: Request[] = [];
    const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
      const req = input instanceof Request ? input : new Request(input, init);
      seen.push(req);
      const body = { findings: [{ entity_type: "PERSON", start: 5, end: 9, score: 0.85, recognizer: "SpacyRecognizer", explanation: "ner" }] };
      return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
    };
    const api = createHttpApi({ baseUrl: "http://127.0.0.1:9", token: "sekret" }, fetchImpl as typeof fetch);
    const text = "🎉 Hi Anna";
    const [f] = await api.analyze(text, { entities: ["PERSON"], threshold: 0.4 });
    // Code points 5..9 are "Anna"; in UTF-16 the emoji takes two units, so 6..10.
    expect([f?.start, f?.end]).toEqual([6, 10]);
    expect(text.slice(f?.start, f?.end)).toBe("Anna");
    expect(seen[0]?.headers.get("Authorization")).toBe("Bearer sekret");
    expect(seen[0]?.url).toBe("http://127.0.0.1:9/api/v1/analyze");
    expect(seen[0]?.url).not.toContain("sekret");
  });
});

/** A byte stream delivering `text` in the given pieces (cut anywhere, even inside a line). */
function streamOf(text: string, cuts: number[]): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const bounds = [0, ...cuts, bytes.length];
  return new ReadableStream({
    start(c) {
      for (let i = 1; i < bounds.length; i++) c.enqueue(bytes.slice(bounds[i - 1], bounds[i]));
      c.close();
    },
  });
}

describe("readAnalyzeStream", () => {
  const result = { findings: [] };
  const body = [
    JSON.stringify({ type: "progress", done: 2048, total: 4096 }),
    JSON.stringify({ type: "progress", done: 4096, total: 4096 }),
    JSON.stringify({ type: "result", result }),
  ].join("\n");

  it("reports every progress line and returns the result, however the bytes are cut", async () => {
    for (const cuts of [[], [5], [10, 47, 60], [body.length - 3]]) {
      const seen: number[] = [];
      const r = await readAnalyzeStream(streamOf(`${body}\n`, cuts), (p) => seen.push(p.done));
      expect(r).toEqual(result);
      expect(seen).toEqual([2048, 4096]);
    }
  });

  it("throws the error line's message, and says so when the stream ends without a result", async () => {
    const error = `${JSON.stringify({ type: "error", status: 422, error: "Unknown entity type." })}\n`;
    await expect(readAnalyzeStream(streamOf(error, [7]), () => {})).rejects.toThrow("Unknown entity type.");
    await expect(readAnalyzeStream(streamOf(body.split("\n")[0] ?? "", []), () => {})).rejects.toThrow("without a result");
  });
});
